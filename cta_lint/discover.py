"""Discovery: which files to lint and which configuration file applies to each.

- ``find_config_dir``: the nearest ``.cta-lint.toml``, ``cta-lint.toml`` or ``pyproject.toml``
  with a ``[tool.cta-lint]`` table at or above a folder (up to the repository root);
- ``collect``: paths expanded, folders walked (sorted), ``include`` / ``exclude`` and
  ``.gitignore`` honoured.

Every pattern (``include``, ``exclude``, ``per-file-ignores``, ``.gitignore`` lines) is a
gitignore pattern, matched by pathspec: no ``/`` matches a name at any depth, a ``/`` anchors
it at its folder, ``**`` crosses folders, a trailing ``/`` matches folders only, ``!`` negates
(the last pattern that matches decides), ``\\#`` and ``\\!`` are literal. pathspec is imported
only when there is a pattern to match: a run over files named on the command line, with no such
configuration, never imports it.
"""
from __future__ import annotations

import os

CONFIG_FILES = (".cta-lint.toml", "cta-lint.toml", "pyproject.toml")
# folders never walked into
SKIP_DIRS = {".git", ".hg", ".svn", "node_modules", "__pycache__", ".venv", "venv", ".tox",
             ".mypy_cache", ".pytest_cache", "dist", "build", ".cache"}



# -- the configuration file of a folder -----------------------------------------------------------
_FOUND: dict[str, os.PathLike | None] = {}   # folder -> pathlib.Path of its file


def find_config_dir(start: str) -> os.PathLike | None:
    """The configuration file that applies to files in folder ``start`` (None: defaults).
    Answers are memoised per folder, so a tree is searched once, not once per file.
    (os.path, not pathlib, which costs ~3 ms to import, for the usual case: no file.)"""
    d = os.path.abspath(start)    # not realpath(): globs are matched on these paths
    seen = []
    found = None
    while True:
        if d in _FOUND:
            found = _FOUND[d]
            break
        seen.append(d)
        hit = next((os.path.join(d, n) for n in CONFIG_FILES
                    if os.path.isfile(os.path.join(d, n)) and has_config(os.path.join(d, n))),
                   None)
        if hit is not None:
            from pathlib import Path
            found = Path(hit)
            break
        parent = os.path.dirname(d)
        if os.path.exists(os.path.join(d, ".git")) or parent == d:
            break
        d = parent
    for k in seen:
        _FOUND[k] = found
    return found


def has_config(p: str | os.PathLike) -> bool:
    if os.path.basename(p) != "pyproject.toml":
        return os.path.isfile(p)
    try:
        with open(p, "rb") as fh:
            raw = fh.read()
    except OSError:
        return False
    if b"cta-lint" not in raw and b"\\u" not in raw and b"\\U" not in raw:
        # no [tool.cta-lint] table can be spelt without those bytes (a quoted key could only
        # hide them with a \u escape): skip importing tomllib and parsing the file
        return False
    import tomllib
    try:
        data = tomllib.loads(raw.decode("utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError, RecursionError):
        return False    # a broken pyproject.toml without our table is not our business
    return isinstance(data.get("tool"), dict) and "cta-lint" in data["tool"]


# -- patterns -------------------------------------------------------------------------------------
class PatternError(ValueError):
    """A pattern that is not a valid gitignore pattern."""


def patterns(lines: list[str]):
    """The gitignore patterns ``lines`` compiled into one matcher (None when there are none);
    raises PatternError naming the first invalid one."""
    if not lines:
        return None
    import pathspec
    try:
        return pathspec.GitIgnoreSpec.from_lines(lines)
    except ValueError:
        for ln in lines:
            try:
                pathspec.GitIgnoreSpec.from_lines([ln])
            except ValueError:
                raise PatternError(f"invalid pattern '{ln}'") from None
        raise


def relpath(path: str, root: str) -> str:
    try:
        rel = os.path.relpath(os.path.abspath(path), root)
    except ValueError:       # another drive (Windows)
        rel = os.path.abspath(path)
    return rel.replace(os.sep, "/")


def matches(spec, path: str, root: str, is_dir: bool = False) -> bool:
    """Does ``path`` (a folder if ``is_dir``), relative to ``root``, match ``spec``?"""
    rel = relpath(path, root)
    return spec.match_file(rel + "/" if is_dir else rel)


class GitIgnore:
    """The ``.gitignore`` files met so far, each with its folder. For a path, the files of its
    folder and the folders above apply, the deeper ones after the shallower, and the last
    pattern that matches decides, as in git."""

    def __init__(self):
        self.specs: list[tuple[str, object]] = []   # (folder, matcher), top down
        self._seen: set[str] = set()

    def add_dir(self, d: str) -> None:
        d = os.path.abspath(d)
        if d in self._seen:
            return
        self._seen.add(d)
        try:
            with open(os.path.join(d, ".gitignore"), encoding="utf-8", errors="replace") as fh:
                lines = fh.read(1_000_000).splitlines()
        except OSError:
            return
        if not any(ln.strip() and not ln.startswith("#") for ln in lines):
            return
        try:
            spec = patterns(lines)
        except PatternError:     # git skips a line it cannot read: so does this
            spec = patterns([ln for ln in lines if _valid(ln)])
        if spec is not None:
            self.specs.append((d, spec))

    def add_ancestors(self, d: str) -> None:
        """.gitignore files from the repository root down to ``d``."""
        chain = []
        cur = os.path.abspath(d)
        while True:
            chain.append(cur)
            parent = os.path.dirname(cur)
            if os.path.exists(os.path.join(cur, ".git")) or parent == cur:
                break
            cur = parent
        if not os.path.exists(os.path.join(chain[-1], ".git")):
            chain = chain[:1]       # not in a repository: only the folder itself
        for c in reversed(chain):
            self.add_dir(c)

    def ignored(self, path: str, is_dir: bool) -> bool:
        if not self.specs:
            return False
        path = os.path.abspath(path)
        out = False
        for base, spec in self.specs:
            if not path.startswith(base + os.sep):
                continue
            rel = path[len(base) + 1:].replace(os.sep, "/")
            r = spec.check_file(rel + "/" if is_dir else rel)
            if r.include is not None:
                out = r.include
        return out


def _valid(line: str) -> bool:
    try:
        patterns([line])
    except PatternError:
        return False
    return True


def collect(paths: list[str], resolver, force_exclude: bool = False) -> list[str]:
    """Files to lint. Folders are walked (sorted) honouring each folder's configuration
    (``include``, ``exclude``; ``resolver`` is a config.Resolver) and ``.gitignore``; files
    named explicitly are always linted unless ``force_exclude`` is set and the configuration
    excludes them."""
    from . import sources
    out: list[str] = []
    for p in paths:
        if p == "-":
            out.append(p)
            continue
        if not os.path.isdir(p):
            if force_exclude and os.path.exists(p) and resolver.for_path(p).is_excluded(p):
                continue
            out.append(p)
            continue
        if force_exclude and resolver.for_path(os.path.join(p, "x")).is_excluded(p, True):
            continue
        gi = GitIgnore()
        gi.add_ancestors(p)
        found = []
        for root, dirs, files in os.walk(p, followlinks=False):
            res = resolver.for_dir(root)
            if res.respect_gitignore:
                gi.add_dir(root)

            def left_out(full: str, is_dir: bool) -> bool:
                return res.is_excluded(full, is_dir) or (res.respect_gitignore
                                                         and gi.ignored(full, is_dir))

            dirs[:] = [d for d in sorted(dirs) if not (d in SKIP_DIRS or d.startswith(".")
                                                       or left_out(os.path.join(root, d), True))]
            for f in files:
                full = os.path.join(root, f)
                if res.include is not None:
                    if not res.is_included(full):
                        continue
                elif sources.template_ext(f) not in sources.ALL_EXT:
                    continue
                if not left_out(full, False):
                    found.append(full)
        out.extend(sorted(found))
    return out
