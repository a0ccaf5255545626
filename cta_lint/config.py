"""Configuration: reading, validation and per-file resolution (discover.py finds the file
that applies to a folder).

Where configuration comes from (see README, "Configuration and extension"):

* ``--isolated``: no configuration file at all (built-in defaults plus command-line options);
* ``--config FILE``: that file, for every linted file (discovery is off);
* otherwise, for each linted file, the nearest folder at or above the file's folder that holds
  one of ``.cta-lint.toml``, ``cta-lint.toml`` or a ``pyproject.toml`` with a ``[tool.cta-lint]``
  table (in that order of preference within one folder). The search stops at the repository
  root (the folder holding ``.git``) or the filesystem root. The nearest file wins whole: files
  are not merged.

Command-line options are applied on top of whichever file is in effect. Every key, rule code,
rule option and value type is validated; an error is one line naming the file and the key and
the command exits 2.
"""
from __future__ import annotations

import os
import re

from ._record import Record
from .discover import PatternError, find_config_dir, matches, patterns
from .registry import PSEUDO_RULES, resolve_code

# key -> (type description, validator)
_LIST = "a list of strings"
_TABLE_LIST = "a table of lists of strings"
_KEYS = {
    "select": _LIST, "ignore": _LIST, "extend-select": _LIST, "include": _LIST,
    "exclude": _LIST, "extend-exclude": _LIST, "rule-packs": _LIST, "decks": _LIST,
    "per-file-ignores": _TABLE_LIST, "lexicon": _TABLE_LIST,
    "severity": "a table of rule = severity", "rules": "a table of rule tables",
    "format": "a string", "max-file-size": "an integer", "respect-gitignore": "a boolean",
}

# Per-rule options that extend the shared lexicon (for the ending-ask / weak-ask rules).
LEXICON_OPTIONS = {"extra-asks": "ask", "extra-soft": "soft", "never-asks": "never_ask",
                   "extra-hedges": "hedge", "extra-engagement": "engagement"}
_LEXICON_KINDS = {"ending-ask", "weak-ask"}


class ConfigError(ValueError):
    """A configuration problem: one line, naming the file and the key."""


class Config(Record):
    """One configuration file's contents (or the defaults when ``path`` is None)."""
    __match_args__ = ("path", "root", "data")

    def __init__(self, path: str | None = None, root: str = ".", data: dict | None = None):
        self.path = path
        self.root = root
        self.data = {} if data is None else data

    def get(self, key, default=None):
        return self.data.get(key, default)


class Overrides(Record):
    """What the command line says, applied on top of the file in effect."""
    __match_args__ = ("select", "extend_select", "ignore", "per_file_ignores", "max_file_size",
                      "format")

    def __init__(self, select: list[str] | None = None, extend_select: list[str] | None = None,
                 ignore: list[str] | None = None,
                 per_file_ignores: dict[str, list[str]] | None = None,
                 max_file_size: int | None = None, format: str | None = None):
        self.select = select
        self.extend_select = [] if extend_select is None else extend_select
        self.ignore = [] if ignore is None else ignore
        self.per_file_ignores = {} if per_file_ignores is None else per_file_ignores
        self.max_file_size = max_file_size
        self.format = format


# -- reading --------------------------------------------------------------------------------------
def read_config_file(path: str | os.PathLike) -> Config:
    """Read and type-check one configuration file (``[tool.cta-lint]`` for pyproject.toml)."""
    import tomllib
    from pathlib import Path
    p = Path(path)
    try:
        with open(p, "rb") as fh:
            data = tomllib.load(fh)
    except FileNotFoundError:
        raise ConfigError(f"{p}: no such configuration file") from None
    except (OSError, RecursionError) as e:
        raise ConfigError(f"{p}: cannot read configuration: {getattr(e, 'strerror', None) or e}") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as e:
        raise ConfigError(f"{p}: invalid TOML: {e}") from None
    return config_from_data(p, data)


def config_from_text(path: str | os.PathLike, text: str) -> Config:
    """``read_config_file`` for text that is not saved yet (an editor's buffer)."""
    import tomllib
    from pathlib import Path
    p = Path(path)
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as e:
        raise ConfigError(f"{p}: invalid TOML: {e}") from None
    except RecursionError as e:
        raise ConfigError(f"{p}: cannot read configuration: {e}") from None
    return config_from_data(p, data)


def config_from_data(p, data: dict) -> Config:
    """The configuration of file ``p`` from its parsed TOML (its ``[tool.cta-lint]`` table for
    pyproject.toml), type-checked."""
    prefix = ""
    if p.name == "pyproject.toml":
        data = data.get("tool", {}).get("cta-lint", {})
        prefix = "tool.cta-lint."
        if not isinstance(data, dict):
            raise ConfigError(f"{p}: 'tool.cta-lint' must be a table")
    _check_types(p, data, prefix)
    return Config(path=str(p), root=os.path.dirname(os.path.abspath(p)), data=data)


def _is_str_list(v) -> bool:
    return isinstance(v, list) and all(isinstance(x, str) for x in v)


def _check_types(path: os.PathLike, data: dict, prefix: str) -> None:
    def err(key, msg):
        raise ConfigError(f"{path}: {prefix}{key}: {msg}")

    for key, value in data.items():
        want = _KEYS.get(key)
        if want is None:
            hint = ""
            if key.replace("_", "-") in _KEYS:
                hint = f" (did you mean '{key.replace('_', '-')}'?)"
            err(key, f"unknown key{hint}")
        if want == _LIST and not _is_str_list(value):
            err(key, f"must be {want}")
        elif want == _TABLE_LIST:
            if not isinstance(value, dict):
                err(key, f"must be {want}")
            for k, v in value.items():
                if not _is_str_list(v):
                    err(f"{key}.{k}" if _bare(k) else f'{key}."{k}"', "must be a list of strings")
        elif key == "severity":
            if not isinstance(value, dict):
                err(key, f"must be {want}")
            for k, v in value.items():
                if v not in ("error", "warning", "info"):
                    err(f"{key}.{k}", "must be one of error, warning, info")
        elif key == "rules":
            if not isinstance(value, dict):
                err(key, f"must be {want}")
            for k, v in value.items():
                if not isinstance(v, dict):
                    err(f"{key}.{k}", "must be a table of options")
        elif key == "format" and not isinstance(value, str):
            err(key, f"must be {want}")
        elif key == "max-file-size" and (not isinstance(value, int) or isinstance(value, bool)
                                         or value <= 0):
            err(key, "must be a positive integer")
        elif key == "respect-gitignore" and not isinstance(value, bool):
            err(key, f"must be {want}")


def _bare(k: str) -> bool:
    return re.fullmatch(r"[A-Za-z0-9_-]+", k) is not None


# -- resolution -----------------------------------------------------------------------------------
class Resolved:
    """A configuration in effect: validated against its registry, ready to lint with."""

    def __init__(self, config: Config, overrides: Overrides):
        from .engine import Linter, Settings
        from .registry import Registry, RuleError
        self.config = config
        self.root = config.root
        data = config.data
        where = config.path or "command line"
        prefix = "tool.cta-lint." if config.path and config.path.endswith("pyproject.toml") else ""

        def err(key, msg):
            raise ConfigError(f"{where}: {prefix}{key}: {msg}")

        packs = []
        for p in data.get("rule-packs", []):
            full = os.path.normpath(os.path.join(config.root, os.path.expanduser(p)))
            if not os.path.isdir(full):
                err("rule-packs", f"'{p}' is not a folder")
            packs.append(full)
        try:
            self.registry = Registry(packs)
        except RuleError as e:
            if str(e).startswith("plugin "):        # an installed plugin, not this file
                raise ConfigError(str(e)) from None
            raise ConfigError(f"{where}: {prefix}rule-packs: {e}") from None
        reg = self.registry

        def codes(key, idents, allow_prefix=True):
            out = set()
            for ident in idents:
                c = resolve_code(reg, ident, allow_prefix)
                if c is None:
                    err(key, f"unknown rule '{ident}' (see 'cta-lint rules')")
                out |= c
            return out

        s = Settings()
        s.packs = packs
        sel = overrides.select if overrides.select is not None else data.get("select")
        explicit = set()
        if overrides.select is not None:
            explicit |= codes("--select", overrides.select)
        explicit |= codes("--extend-select", overrides.extend_select)
        if sel is not None:
            key = "--select" if overrides.select is not None else "select"
            s.select = codes(key, sel) | {"CTA000", "CTA090"}   # diagnostics stay on unless ignored
        ext = codes("extend-select", data.get("extend-select", [])) | codes(
            "--extend-select", overrides.extend_select)
        if ext:
            s.select = None if s.select is None else s.select | ext
        ign = codes("ignore", data.get("ignore", [])) - explicit
        s.ignore = ign | codes("--ignore", overrides.ignore)
        # off-by-default rules would need select; every rule is on by default today
        for ident, sev in data.get("severity", {}).items():
            for c in codes(f"severity.{ident}", [ident], allow_prefix=False):
                s.severity[c] = sev
        self.lexicon_extra: dict[str, list[str]] = {}
        for name, lst in data.get("lexicon", {}).items():
            from .analysis.lexicon import LISTS
            if name not in LISTS:
                err(f"lexicon.{name}", f"unknown lexicon list (one of {', '.join(LISTS)})")
            self._phrases(err, f"lexicon.{name}", lst)
            self.lexicon_extra.setdefault(name, []).extend(lst)
        for ident, opts in data.get("rules", {}).items():
            if resolve_code(reg, ident, False) is None:
                err(f"rules.{ident}", "unknown rule (see 'cta-lint rules')")
            (code,) = resolve_code(reg, ident, False)
            if code in PSEUDO_RULES:
                allowed = {}
            else:
                rule = reg.rules[code]
                cls = reg.kind_loader(rule.check)
                allowed = dict(getattr(cls, "options", {}) or {})
                allowed.update({k: v for k, v in rule.options.items() if k not in allowed})
                if rule.check in _LEXICON_KINDS:
                    allowed.update({k: [] for k in LEXICON_OPTIONS})
            rule_opts = {}
            for k, v in opts.items():
                key = f"rules.{ident}.{k}"
                if k == "severity":
                    if v not in ("error", "warning", "info"):
                        err(key, "must be one of error, warning, info")
                    s.severity[code] = v
                    continue
                if k not in allowed:
                    known = ", ".join(sorted(set(allowed) - {"message"})) or "none"
                    err(key, f"unknown option (options: {known}, severity)")
                _check_option(err, key, allowed[k], v)
                if k in LEXICON_OPTIONS:
                    self._phrases(err, key, v)
                    self.lexicon_extra.setdefault(LEXICON_OPTIONS[k], []).extend(v)
                    continue
                if k in ("phrases",):
                    self._phrases(err, key, v)
                rule_opts[k] = v
            if rule_opts:
                s.rule_options[code] = rule_opts
        if self.lexicon_extra:
            reg.lexicon.extend(self.lexicon_extra)
        mfs = overrides.max_file_size or data.get("max-file-size")
        if mfs:
            s.max_file_size = mfs
        self.settings = s
        self.format = overrides.format or data.get("format")
        if self.format is not None:
            from .report import FORMATS
            if self.format not in FORMATS:
                key = "--format" if overrides.format else "format"
                err(key, f"unknown format '{self.format}' (one of {', '.join(FORMATS)})")
        def globs(key, lines):
            try:
                return patterns(lines)
            except PatternError as e:
                err(key, str(e))

        # gitignore patterns (discover.py), each matcher None when there are none
        self.include = globs("include", data.get("include", []))
        self.exclude = globs("exclude", data.get("exclude", []) + data.get("extend-exclude", []))
        self.respect_gitignore = data.get("respect-gitignore", True)
        # Markdown files to read as slide decks (besides those their front matter marks)
        s.decks, s.decks_root = globs("decks", data.get("decks", [])), self.root
        # (matcher, codes, glob, folder the glob is relative to); command-line globs are
        # relative to the current folder
        self.per_file_ignores: list[tuple[object, set[str], str, str]] = []
        for glob, idents in data.get("per-file-ignores", {}).items():
            key = f'per-file-ignores."{glob}"'
            self.per_file_ignores.append((globs(key, [glob]), codes(key, idents), glob,
                                          self.root))
        for glob, idents in overrides.per_file_ignores.items():
            self.per_file_ignores.append((globs("--per-file-ignores", [glob]),
                                          codes("--per-file-ignores", idents), glob, os.getcwd()))
        self.linter = Linter(s, reg)

    @staticmethod
    def _phrases(err, key, items):
        from .phrases import PhraseError, compile_phrase
        for ph in items:
            try:
                compile_phrase(ph)
            except PhraseError as e:
                err(key, f"bad phrase {ph!r}: {e}")

    def ignored_for(self, path: str) -> set[str]:
        if not self.per_file_ignores or path == "-":
            return set()
        out = set()
        for spec, codes, _, root in self.per_file_ignores:
            if matches(spec, path, root):
                out |= codes
        return out

    def is_excluded(self, path: str, is_dir: bool = False) -> bool:
        return self.exclude is not None and matches(self.exclude, path, self.root, is_dir)

    def is_included(self, path: str) -> bool:
        return self.include is None or matches(self.include, path, self.root)

    def enabled(self, code: str) -> bool:
        return self.linter.enabled(code)

    def describe(self) -> dict:
        """The resolved configuration as plain data (for ``cta-lint config``)."""
        s = self.settings
        reg = self.registry
        active = [r.code for r in self.linter.active_rules()]
        return {
            "config-file": self.config.path,
            "root": self.root,
            "select": sorted(s.select) if s.select is not None else "all",
            "ignore": sorted(s.ignore),
            "enabled": sorted(set(active) | {c for c in PSEUDO_RULES if self.enabled(c)}),
            "severity": {c: s.severity.get(c, reg.rules[c].severity) for c in sorted(reg.rules)},
            "per-file-ignores": {g: sorted(c) for _, c, g, _ in self.per_file_ignores},
            "include": self.config.get("include", []),
            "exclude": self.config.get("exclude", []) + self.config.get("extend-exclude", []),
            "respect-gitignore": self.respect_gitignore,
            "decks": self.config.get("decks", []),
            "rule-packs": s.packs,
            "rules": {c: reg.rules[c].options for c in sorted(reg.rules)
                      if c in s.rule_options or reg.rules[c].options},
            "lexicon-extra": self.lexicon_extra,
            "format": self.format or "text",
            "max-file-size": s.max_file_size,
        }


def _check_option(err, key, default, value):
    if isinstance(default, bool):
        ok = isinstance(value, bool)
        want = "a boolean"
    elif isinstance(default, int) or isinstance(default, float):
        ok = isinstance(value, (int, float)) and not isinstance(value, bool) and value >= 0
        want = "a non-negative number"
        if isinstance(default, int) and not isinstance(default, bool):
            ok = ok and isinstance(value, int)
            want = "a non-negative integer"
    elif isinstance(default, list):
        ok = _is_str_list(value)
        want = "a list of strings"
    elif isinstance(default, dict):
        ok = isinstance(value, dict) and all(isinstance(v, str) for v in value.values())
        want = "a table of strings"
    elif isinstance(default, str):
        ok = isinstance(value, str)
        want = "a string"
    else:
        ok, want = True, ""
    if not ok:
        err(key, f"must be {want}")


class Resolver:
    """Which configuration applies to which file; cached per folder and per config file."""

    def __init__(self, overrides: Overrides | None = None, *, config_file: str | None = None,
                 isolated: bool = False):
        self.overrides = overrides or Overrides()
        self.isolated = isolated
        self.config_file = config_file
        self._fixed: Resolved | None = None
        self._by_file: dict[str, Resolved] = {}
        self._by_dir: dict[str, Resolved] = {}
        if isolated:
            self._fixed = Resolved(Config(root=os.getcwd()), self.overrides)
        elif config_file:
            self._fixed = Resolved(read_config_file(config_file), self.overrides)

    def for_dir(self, folder: str) -> Resolved:
        if self._fixed is not None:
            return self._fixed
        key = os.path.abspath(folder)
        r = self._by_dir.get(key)
        if r is None:
            found = find_config_dir(key)
            ck = str(found) if found else ""
            r = self._by_file.get(ck)
            if r is None:
                cfg = read_config_file(found) if found else Config(root=os.getcwd())
                r = self._by_file[ck] = Resolved(cfg, self.overrides)
            self._by_dir[key] = r
        return r

    def for_path(self, path: str) -> Resolved:
        if path == "-":
            return self.for_dir(os.getcwd())
        return self.for_dir(os.path.dirname(os.path.abspath(path)) or ".")

    def all(self) -> list[Resolved]:
        if self._fixed is not None:
            return [self._fixed]
        return list(self._by_file.values())
