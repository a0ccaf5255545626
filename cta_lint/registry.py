"""Rules and lexicons: built-in TOML data, rule packs (folders of TOML), entry-point plugins."""
from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from .analysis.lexicon import Lexicon
from .findings import SEVERITIES


class RuleError(ValueError):
    pass


def builtin_dir() -> Path:
    here = Path(__file__).resolve().parent
    inside = here / "rules"          # installed wheel: rules/ is shipped inside the package
    if inside.is_dir():
        return inside
    return here.parent / "rules"     # source checkout / editable install


@dataclass
class Rule:
    code: str
    name: str
    severity: str
    check: str
    summary: str = ""
    description: str = ""
    rationale: str = ""
    bad: str = ""
    good: str = ""
    options: dict = field(default_factory=dict)
    origin: str = "built-in"
    _impl: object = None

    def instance(self, kind_loader):
        if self._impl is None:
            cls = kind_loader(self.check)
            if cls is None:
                raise RuleError(f"rule {self.code}: unknown check kind '{self.check}'")
            self._impl = cls(self, self.options)
        return self._impl


_RULE_KEYS = {"code", "name", "severity", "check", "summary", "description", "rationale", "bad",
              "good", "options", "message"}


def load_rule_file(path: Path, origin: str) -> Rule:
    try:
        with open(path, "rb") as fh:
            data = tomllib.load(fh)
    except (OSError, tomllib.TOMLDecodeError, RecursionError) as e:
        raise RuleError(f"{path}: cannot read rule: {e}") from None
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


def load_lexicon_file(path: Path) -> dict:
    try:
        with open(path, "rb") as fh:
            return tomllib.load(fh)
    except (OSError, tomllib.TOMLDecodeError, RecursionError) as e:
        raise RuleError(f"{path}: cannot read lexicon: {e}") from None


class Registry:
    def __init__(self, packs: list[str] | None = None):
        self.rules: dict[str, Rule] = {}
        self.lexicon = Lexicon()
        base = builtin_dir()
        for p in sorted((base / "lexicons").glob("*.toml")):
            self.lexicon.extend(load_lexicon_file(p))
        for p in sorted(base.glob("*.toml")):
            self.add(load_rule_file(p, "built-in"))
        for pack in packs or ():
            self.add_pack(pack)

    def add(self, rule: Rule) -> None:
        for r in self.rules.values():
            if r.code == rule.code or r.name == rule.name:
                raise RuleError(f"rule {rule.code} [{rule.name}] from {rule.origin} clashes with "
                                f"{r.code} [{r.name}] from {r.origin}")
        self.rules[rule.code] = rule

    def add_pack(self, folder: str) -> None:
        d = Path(folder)
        if not d.is_dir():
            raise RuleError(f"rule pack '{folder}' is not a folder")
        for p in sorted(d.glob("lexicons/*.toml")) + sorted(d.glob("*.lexicon.toml")):
            self.lexicon.extend(load_lexicon_file(p))
        for p in sorted(d.glob("*.toml")):
            if p.name.endswith(".lexicon.toml"):
                continue
            self.add(load_rule_file(p, str(d)))

    def resolve(self, ident: str) -> Rule | None:
        ident = ident.strip()
        r = self.rules.get(ident.upper())
        if r:
            return r
        for r in self.rules.values():
            if r.name == ident.lower():
                return r
        return None

    @staticmethod
    def kind_loader(kind: str):
        from .checks import load_kind
        return load_kind(kind)
