"""Lint one document, one file, many files. The only place that ties readers, analysis, rules
and suppression together; reporters see only the Findings it returns."""
from __future__ import annotations

import os
import stat
from dataclasses import dataclass, field

from .findings import Finding, Hit
from .registry import Registry, Rule
from . import sources

UNREADABLE = ("CTA000", "unreadable")
SKIP_DIRS = {".git", ".hg", ".svn", "node_modules", "__pycache__", ".venv", "venv", ".tox",
             ".mypy_cache", ".pytest_cache", "dist", "build", ".cache"}
DEFAULT_MAX_SIZE = 20 * 1024 * 1024


@dataclass
class Settings:
    select: set[str] | None = None          # rule codes; None = all enabled by default
    ignore: set[str] = field(default_factory=set)
    severity: dict[str, str] = field(default_factory=dict)
    rule_options: dict[str, dict] = field(default_factory=dict)
    packs: list[str] = field(default_factory=list)
    max_file_size: int = DEFAULT_MAX_SIZE


class Linter:
    def __init__(self, settings: Settings | None = None, registry: Registry | None = None):
        self.settings = settings or Settings()
        self.registry = registry or Registry(self.settings.packs)
        self._active: list[Rule] | None = None
        # (path, message) reader notes: a fallback encoding, an unterminated template tag...
        # Not findings; the CLI prints them on stderr and clears the list after each file.
        self.notes: list[tuple[str, str]] = []

    def active_rules(self) -> list[Rule]:
        if self._active is None:
            s = self.settings
            out = []
            for code, rule in sorted(self.registry.rules.items()):
                if s.select is not None and code not in s.select:
                    continue
                if code in s.ignore:
                    continue
                if code in s.rule_options:
                    rule.options = {**rule.options, **s.rule_options[code]}
                    rule._impl = None
                out.append(rule)
            self._active = out
        return self._active

    def enabled(self, code: str) -> bool:
        s = self.settings
        return (s.select is None or code in s.select) and code not in s.ignore

    # -- one document ---------------------------------------------------------------------
    def lint_text(self, text: str, fmt: str, path: str = "-") -> list[Finding]:
        from .analysis import Analysis
        doc = sources.read_text(text, fmt)
        for note in doc.notes:
            self.notes.append((path, note))
        rules = self.active_rules()
        ending_words = 80
        for r in rules:
            if r.check == "ending-ask":
                ending_words = int(r.options.get("window-words", 80))
        an = Analysis(doc, self.registry.lexicon, ending_words=ending_words)
        findings: list[Finding] = []
        for rule in rules:
            impl = rule.instance(self.registry.kind_loader)
            sev_default = self.settings.severity.get(rule.code, rule.severity)
            for hit in impl.check(doc, an):
                findings.append(self._finding(doc, path, rule.code, rule.name,
                                              hit.severity or sev_default, hit))
        findings.sort()
        return findings

    @staticmethod
    def _finding(doc, path, code, name, severity, hit: Hit) -> Finding:
        line, col = doc.position(hit.start)
        end = max(hit.end, hit.start)
        eline, ecol = doc.position(end)
        return Finding(path=path, line=line, column=col, rule=code, name=name,
                       severity=severity, message=hit.message, end_line=eline, end_column=ecol,
                       suggestion=hit.suggestion, start=hit.start, end=end)

    def unreadable(self, path: str, message: str) -> list[Finding]:
        if not self.enabled(UNREADABLE[0]):
            return []
        return [Finding(path=path, line=1, column=1, rule=UNREADABLE[0], name=UNREADABLE[1],
                        severity="error", message=message, end_line=1, end_column=1)]

    def lint_bytes(self, data: bytes, path: str, fmt: str | None = None) -> list[Finding]:
        hint = fmt or sources.format_for(path if path != "-" else None)
        try:
            text, note = sources.decode(data, hint)
        except sources.ReadError as e:
            return self.unreadable(path, f"cannot read {path}: {e}")
        if note:
            self.notes.append((path, note))
        fmt = fmt or sources.format_for(path if path != "-" else None, text)
        try:
            return self.lint_text(text, fmt, path)
        except sources.ReadError as e:
            return self.unreadable(path, f"cannot parse {path}: {e}")
        except RecursionError:
            return self.unreadable(path, f"cannot parse {path}: nesting too deep")
        except MemoryError:
            return self.unreadable(path, f"cannot parse {path}: out of memory")
        except Exception as e:  # noqa: BLE001 - a bug must not stop the run over other files
            return self.unreadable(path, f"internal error while linting {path}: "
                                         f"{type(e).__name__}: {e} (please report this)")

    def lint_file(self, path: str, fmt: str | None = None) -> list[Finding]:
        try:
            st = os.stat(path)
            if os.path.isdir(path):
                return self.unreadable(path, f"cannot read {path}: is a directory")
            if not stat.S_ISREG(st.st_mode):  # a FIFO or device would block or never end
                return self.unreadable(path, f"cannot read {path}: not a regular file")
            if st.st_size > self.settings.max_file_size:
                return self.unreadable(path, f"skipped {path}: {st.st_size} bytes is over the "
                                             f"--max-file-size limit of {self.settings.max_file_size}")
            with open(path, "rb") as fh:
                data = fh.read(self.settings.max_file_size + 1)
        except FileNotFoundError:
            return self.unreadable(path, f"cannot read {path}: no such file")
        except PermissionError:
            return self.unreadable(path, f"cannot read {path}: permission denied")
        except OSError as e:
            return self.unreadable(path, f"cannot read {path}: {e.strerror or e}")
        return self.lint_bytes(data, path, fmt)


def expand(paths: list[str]) -> list[str]:
    """Files to lint: files as given, directories walked (known extensions, sorted)."""
    out: list[str] = []
    for p in paths:
        if p == "-" or not os.path.isdir(p):
            out.append(p)
            continue
        found = []
        for root, dirs, files in os.walk(p, followlinks=False):
            dirs[:] = sorted(d for d in dirs if d not in SKIP_DIRS and not d.startswith("."))
            for f in files:
                name = f.lower()
                ext = os.path.splitext(name)[1]
                if ext in sources.ALL_EXT:
                    found.append(os.path.join(root, f))
        out.extend(sorted(found))
    return out


# -- many files, optionally in parallel -------------------------------------------------------
PARALLEL_MIN_FILES = 50      # below this, starting workers costs more than it saves
_WORKER: Linter | None = None


def default_jobs(nfiles: int) -> int:
    """All usable cores when there are enough files to pay for the worker start-up, else 1."""
    if nfiles < PARALLEL_MIN_FILES:
        return 1
    try:
        cores = len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        cores = os.cpu_count() or 1
    return max(1, cores)


def _worker_init(settings: Settings | None) -> None:
    global _WORKER
    if settings is not None:          # spawn/forkserver: build our own linter
        _WORKER = Linter(settings)
        _warm(_WORKER)


def _worker_lint(path: str) -> tuple[str, list[Finding], list[tuple[str, str]]]:
    _WORKER.notes.clear()
    res = _WORKER.lint_file(path)
    return path, res, list(_WORKER.notes)


def _warm(linter: Linter) -> None:
    """Compile the lexicon once (before forking, so every worker inherits it)."""
    try:
        linter.lint_text("Thanks for reading.", "text")
    except Exception:  # noqa: BLE001 - warming is an optimisation only
        pass


def lint_many(linter: Linter, paths, jobs: int | None = None):
    """Lint files; yield ``(path, findings)`` in input order, one file at a time.

    ``jobs`` None picks :func:`default_jobs`; 1 lints in this process. With more, a pool of
    worker processes (fork where available, so the compiled lexicon is shared) lints chunks of
    files and results are streamed back in the original order, so the output is identical to a
    serial run and no Document outlives its file.
    """
    paths = list(paths)
    if jobs is None or jobs <= 0:
        jobs = default_jobs(len(paths))
    jobs = min(jobs, len(paths))
    if jobs <= 1:
        for p in paths:
            yield p, linter.lint_file(p)
        return
    import multiprocessing as mp
    global _WORKER
    _warm(linter)
    if "fork" in mp.get_all_start_methods():
        ctx = mp.get_context("fork")
        _WORKER, init_arg = linter, None
    else:  # pragma: no cover - Windows/macOS spawn
        ctx = mp.get_context()
        init_arg = linter.settings
    chunk = max(1, min(64, len(paths) // (jobs * 8)))
    with ctx.Pool(jobs, initializer=_worker_init, initargs=(init_arg,)) as pool:
        try:
            for path, res, notes in pool.imap(_worker_lint, paths, chunksize=chunk):
                linter.notes.extend(notes)
                yield path, res
        finally:
            _WORKER = None
