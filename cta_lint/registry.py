"""Rules and lexicons: built-in TOML data, rule packs (folders of TOML), entry-point plugins."""
from __future__ import annotations

import os
import re
import sys

from ._record import Record
from .analysis.lexicon import Lexicon
from .findings import SEVERITIES


class RuleError(ValueError):
    pass


# Diagnostics that are not rules loaded from TOML.
PSEUDO_RULES = {
    "CTA000": ("unreadable", "error", "A file that cannot be read or parsed"),
    "CTA090": ("bad-directive", "warning", "An inline cta-lint directive names an unknown rule"),
}


def _builtin_dir() -> str:
    here = os.path.dirname(os.path.realpath(__file__))
    inside = os.path.join(here, "rules")   # installed wheel: rules/ is shipped inside the package
    if os.path.isdir(inside):
        return inside
    return os.path.join(os.path.dirname(here), "rules")   # source checkout / editable install


def _tomls(folder: str) -> list[str]:
    """``sorted(Path(folder).glob("*.toml"))`` as strings, without pathlib."""
    try:
        names = os.listdir(folder)
    except OSError:
        return []
    return [os.path.join(folder, n) for n in sorted(names) if n.endswith(".toml")]


class Rule(Record):
    """A rule: its TOML table, validated."""
    __match_args__ = ("code", "name", "severity", "check", "summary", "description", "rationale",
                      "bad", "good", "options", "origin", "_impl")

    def __init__(self, code: str, name: str, severity: str, check: str, summary: str = "",
                 description: str = "", rationale: str = "", bad: str = "", good: str = "",
                 options: dict | None = None, origin: str = "built-in",
                 _impl: object = None) -> None:
        self.code = code
        self.name = name
        self.severity = severity
        self.check = check
        self.summary = summary
        self.description = description
        self.rationale = rationale
        self.bad = bad
        self.good = good
        self.options = {} if options is None else options
        self.origin = origin
        self._impl = _impl


    def instance(self, kind_loader):
        if self._impl is None:
            cls = kind_loader(self.check)
            if cls is None:
                raise RuleError(f"rule {self.code}: unknown check kind '{self.check}'")
            self._impl = cls(self, self.options)
        return self._impl


_RULE_KEYS = {"code", "name", "severity", "check", "summary", "description", "rationale", "bad",
              "good", "options", "message"}


def load_rule_file(path, origin: str) -> Rule:
    import tomllib
    try:
        with open(path, "rb") as fh:
            data = tomllib.load(fh)
    except (OSError, tomllib.TOMLDecodeError, UnicodeDecodeError, RecursionError) as e:
        raise RuleError(f"{path}: cannot read rule: {e}") from None
    return rule_from_dict(data, str(path), origin)


def rule_from_dict(data: dict, where: str, origin: str) -> Rule:
    """A Rule from its TOML table (or a plugin's dict), validated; errors name ``where``."""
    path = where
    if not isinstance(data, dict):
        raise RuleError(f"{path}: a rule must be a table")
    unknown = set(data) - _RULE_KEYS
    if unknown:
        raise RuleError(f"{path}: unknown key '{sorted(unknown)[0]}'")
    for k in ("code", "name", "severity", "check"):
        if not isinstance(data.get(k), str) or not data[k]:
            raise RuleError(f"{path}: missing or invalid '{k}'")
    if data["severity"] not in SEVERITIES:
        raise RuleError(f"{path}: severity must be one of {', '.join(SEVERITIES)}")
    opts = data.get("options", {})
    if not isinstance(opts, dict):
        raise RuleError(f"{path}: 'options' must be a table")
    if "message" in data:
        opts = dict(opts, message=data["message"])
    return Rule(code=data["code"], name=data["name"], severity=data["severity"],
                check=data["check"], summary=data.get("summary", ""),
                description=data.get("description", "").strip(),
                rationale=data.get("rationale", "").strip(), bad=data.get("bad", "").strip("\n"),
                good=data.get("good", "").strip("\n"), options=opts, origin=origin)


def load_lexicon_file(path) -> dict:
    import tomllib
    try:
        with open(path, "rb") as fh:
            return tomllib.load(fh)
    except (OSError, tomllib.TOMLDecodeError, UnicodeDecodeError, RecursionError) as e:
        raise RuleError(f"{path}: cannot read lexicon: {e}") from None


class Registry:
    def __init__(self, packs: list[str] | None = None, plugins: bool = True):
        self.rules: dict[str, Rule] = {}
        self.kinds: dict[str, type] = {}          # check kinds added by plugins
        self.lexicon = Lexicon()
        base = _builtin_dir()
        for p in _tomls(os.path.join(base, "lexicons")):
            self.lexicon.extend(load_lexicon_file(p))
        for p in _tomls(base):
            self.add(load_rule_file(p, "built-in"))
        if plugins:
            for obj, origin in _plugins():
                self.add_plugin(obj, origin)
        for pack in packs or ():
            self.add_pack(pack)

    def add(self, rule: Rule) -> None:
        for r in self.rules.values():
            if r.code == rule.code or r.name == rule.name:
                raise RuleError(f"rule {rule.code} [{rule.name}] from {rule.origin} clashes with "
                                f"{r.code} [{r.name}] from {r.origin}")
        self.rules[rule.code] = rule

    def add_pack(self, folder: str) -> None:
        """A rule pack: a folder of rule TOML files plus ``lexicons/*.toml`` (or
        ``*.lexicon.toml``). Data only: nothing in a pack is ever imported or executed."""
        from pathlib import Path
        d = Path(folder)
        if not d.is_dir():
            raise RuleError(f"rule pack '{folder}' is not a folder")
        for p in sorted(d.glob("lexicons/*.toml")) + sorted(d.glob("*.lexicon.toml")):
            self.add_lexicon(load_lexicon_file(p), p)
        for p in sorted(d.glob("*.toml")):
            if p.name.endswith(".lexicon.toml"):
                continue
            rule = load_rule_file(p, str(d))
            self._validate(rule, p)
            self.add(rule)

    _SCOPES = ("ending", "body", "headings", "buttons", "subject", "preheader", "all")

    def _validate(self, rule: Rule, where) -> None:
        """A pack's or plugin's rule: known check kind, known options, phrases that compile."""
        cls = self.kind_loader(rule.check)
        if cls is None:
            raise RuleError(f"{where}: unknown check kind '{rule.check}'")
        known = set(getattr(cls, "options", {}) or {}) | {"message"}
        for k in rule.options:
            if k not in known:
                raise RuleError(f"{where}: options.{k}: unknown option for check kind "
                                f"'{rule.check}' (options: {', '.join(sorted(known))})")
        if "scope" in rule.options:
            from .checks import phrase as _ph
            scopes = getattr(_ph, "SCOPES", self._SCOPES)
            if rule.options["scope"] not in scopes:
                raise RuleError(f"{where}: options.scope: must be one of {', '.join(scopes)}")
        try:
            rule.instance(self.kind_loader)
        except RuleError:
            raise
        except Exception as e:  # PhraseError, bad option values
            raise RuleError(f"{where}: {type(e).__name__}: {e}") from None

    def add_lexicon(self, data: dict, where) -> None:
        """Merge a lexicon's lists (``extends = "en"``, or no ``language``), or, for a lexicon
        with its own ``language`` and no ``extends``, use it instead of the current one."""
        from .analysis.lexicon import LISTS
        from .phrases import PhraseError, compile_phrase
        for k, v in data.items():
            if k in ("language", "extends"):
                if not isinstance(v, str):
                    raise RuleError(f"{where}: '{k}' must be a string")
                continue
            if k not in LISTS:
                raise RuleError(f"{where}: unknown lexicon list '{k}'")
            if not isinstance(v, list) or not all(isinstance(x, str) for x in v):
                raise RuleError(f"{where}: '{k}' must be a list of strings")
            for ph in v:
                try:
                    compile_phrase(ph)
                except PhraseError as e:
                    raise RuleError(f"{where}: {k}: bad phrase {ph!r}: {e}") from None
        lang = data.get("language")
        if lang and lang != self.lexicon.language and not data.get("extends"):
            self.lexicon = Lexicon({k: v for k, v in data.items() if k in LISTS}, lang)
        else:
            self.lexicon.extend(data)

    def add_plugin(self, obj, origin: str) -> None:
        """An entry point of group ``cta_lint.rules``: a Check subclass (its ``kind``, plus the
        rule dicts in its ``rules`` attribute if any), a dict ``{"kinds": {name: class},
        "rules": [rule dicts]}``, or a function returning either."""
        if callable(obj) and not isinstance(obj, type):
            obj = obj()
        if isinstance(obj, type):
            kind = getattr(obj, "kind", "")
            if not kind or not callable(getattr(obj, "check", None)):
                raise RuleError(f"{origin}: a check class needs a 'kind' and a 'check' method")
            obj = {"kinds": {kind: obj}, "rules": list(getattr(obj, "rules", []) or [])}
        if not isinstance(obj, dict):
            raise RuleError(f"{origin}: entry point must give a Check class or a dict")
        for kind, cls in (obj.get("kinds") or {}).items():
            from .checks import BUILTIN_KINDS
            if kind in BUILTIN_KINDS or kind in self.kinds:
                raise RuleError(f"{origin}: check kind '{kind}' is already defined")
            self.kinds[kind] = cls
        for i, rd in enumerate(obj.get("rules") or []):
            rule = rule_from_dict(rd, f"{origin} rule #{i + 1}", origin)
            self._validate(rule, f"{origin}: rule {rule.code}")
            self.add(rule)

    def resolve(self, ident: str) -> Rule | None:
        ident = ident.strip()
        r = self.rules.get(ident.upper())
        if r:
            return r
        for r in self.rules.values():
            if r.name == ident.lower():
                return r
        return None

    def kind_loader(self, kind: str):
        cls = self.kinds.get(kind)
        if cls is not None:
            return cls
        from .checks import load_kind
        return load_kind(kind)


def resolve_code(reg: Registry, ident: str, allow_prefix: bool = True) -> set[str] | None:
    """Rule codes for a code, a name, ``ALL`` or (if allowed) a code prefix such as ``CTA00``,
    among ``reg``'s rules and the diagnostics (``PSEUDO_RULES``); None for none. The one
    resolver of rule identifiers: configuration, the command line and inline directives."""
    ident = ident.strip()
    up = ident.upper()
    if up == "ALL":
        return set(reg.rules) | set(PSEUDO_RULES)
    for code, (name, _, _) in PSEUDO_RULES.items():
        if up == code or ident.lower() == name:
            return {code}
    r = reg.resolve(ident)
    if r is not None:
        return {r.code}
    if allow_prefix and re.fullmatch(r"[A-Z]+\d*", up):
        pref = {c for c in list(reg.rules) + list(PSEUDO_RULES) if c.startswith(up)}
        if pref:
            return pref
    return None


_PLUGIN_CACHE: list | None = None


def _any_plugin_installed() -> bool:
    """Cheap look before importing importlib.metadata (~20 ms of a one-file run): does any
    installed distribution on sys.path declare a ``[cta_lint.rules]`` entry point?"""
    for base in sys.path:
        try:
            names = os.listdir(base or ".")
        except OSError:
            continue
        for name in names:
            if not name.endswith((".dist-info", ".egg-info")):
                continue
            try:
                with open(os.path.join(base or ".", name, "entry_points.txt"), "rb") as fh:
                    if b"cta_lint.rules" in fh.read():
                        return True
            except OSError:
                continue
    return False


def _plugins() -> list:
    """Objects behind the ``cta_lint.rules`` entry points (loaded once per process)."""
    global _PLUGIN_CACHE
    if _PLUGIN_CACHE is None and not _any_plugin_installed():
        _PLUGIN_CACHE = []
    if _PLUGIN_CACHE is None:
        from importlib.metadata import entry_points
        out = []
        for ep in sorted(entry_points(group="cta_lint.rules"), key=lambda e: e.name):
            dist = getattr(ep, "dist", None)
            origin = f"plugin {dist.name if dist else ep.name}"
            try:
                obj = ep.load()
            except Exception as e:  # a broken plugin is a configuration error, not a crash
                raise RuleError(f"{origin}: cannot load entry point '{ep.value}': "
                                f"{type(e).__name__}: {e}") from None
            out.append((obj, origin))
        _PLUGIN_CACHE = out
    return _PLUGIN_CACHE

