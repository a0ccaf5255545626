"""``--format sarif``: SARIF 2.1.0, as GitHub code scanning and other SARIF viewers read it.

One run; ``tool.driver.rules`` lists every rule (CTA000 included) with its descriptions, help and
default level; each result points at its file (a URI relative to the working directory, under
the ``%SRCROOT%`` base) and its region (1-based lines and columns, the end column exclusive).
"""
from __future__ import annotations

import json
import os
from urllib.parse import quote

from .. import __version__
from . import relpath

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
LEVELS = {"error": "error", "warning": "warning", "info": "note"}
UNREADABLE_TEXT = ("A file could not be read or parsed (binary, undecodable, too large, missing, "
                   "not permitted). The run goes on with the other files.")


def _rule_entry(code, name, severity, summary, description, rationale, bad, good) -> dict:
    help_text = "\n\n".join(p for p in (description, rationale) if p)
    md = [description or summary]
    if rationale:
        md += ["", "**Why:** " + rationale]
    if bad:
        md += ["", "Bad:", "", "```", bad, "```"]
    if good:
        md += ["", "Good:", "", "```", good, "```"]
    return {
        "id": code,
        "name": name,
        "shortDescription": {"text": summary or name},
        "fullDescription": {"text": description or summary or name},
        "help": {"text": help_text or summary or name, "markdown": "\n".join(md)},
        "defaultConfiguration": {"level": LEVELS.get(severity, "warning")},
        "properties": {"tags": ["marketing-copy"], "severity": severity},
    }


def _uri(path: str) -> tuple[str, bool]:
    """(uri, relative?) for a finding's path."""
    rel = relpath(path)
    if rel == "-" or not os.path.isabs(rel):
        return quote(rel, safe="/-._~"), True
    return "file://" + quote(rel if rel.startswith("/") else "/" + rel, safe="/-._~:"), False


def render(findings, *, rules=None, pseudo_rules=None, **_kw) -> str:
    """``rules``: code -> Rule (the registry's); ``pseudo_rules``: code -> (name, severity,
    summary) for codes the engine reports itself (CTA000 unreadable is always listed)."""
    pseudo = {"CTA000": ("unreadable", "error", "A file that cannot be read or parsed")}
    pseudo.update(pseudo_rules or {})
    entries = []
    for code, (name, sev, summary) in sorted(pseudo.items()):
        entries.append(_rule_entry(code, name, sev, summary,
                                   UNREADABLE_TEXT if code == "CTA000" else summary,
                                   "", "", ""))
    for code, r in sorted((rules or {}).items()):
        if code not in pseudo:
            entries.append(_rule_entry(code, r.name, r.severity, r.summary, r.description,
                                       r.rationale, r.bad, r.good))
    known = {e["id"] for e in entries}
    for f in findings:       # a code nobody described (a plugin's, an engine diagnostic)
        if f.rule not in known:
            known.add(f.rule)
            entries.append(_rule_entry(f.rule, f.name, f.severity, f.name, "", "", "", ""))
    index = {e["id"]: i for i, e in enumerate(entries)}
    results = []
    for f in findings:
        uri, rel = _uri(f.path)
        loc = {"uri": uri}
        if rel:
            loc["uriBaseId"] = "%SRCROOT%"
        region = {"startLine": max(1, f.line), "startColumn": max(1, f.column)}
        if f.end_line >= f.line and f.end_line > 0:
            region["endLine"] = f.end_line
            region["endColumn"] = max(1, f.end_column)
            if f.end_line == f.line and region["endColumn"] < region["startColumn"]:
                region["endColumn"] = region["startColumn"]
        md = f.message.replace("\\", "\\\\").replace("*", "\\*").replace("_", "\\_")
        text = f.message
        if f.suggestion:
            text += f" Fix: {f.suggestion}"
            md += "\n\n**Suggestion:** " + f.suggestion.replace("\\", "\\\\").replace(
                "*", "\\*").replace("_", "\\_")
        res = {"ruleId": f.rule, "level": LEVELS.get(f.severity, "warning"),
               "message": {"text": text, "markdown": md},
               "locations": [{"physicalLocation": {"artifactLocation": loc, "region": region}}]}
        if f.rule in index:
            res["ruleIndex"] = index[f.rule]
        results.append(res)
    cwd = os.getcwd().replace(os.sep, "/")
    if not cwd.endswith("/"):
        cwd += "/"
    run = {
        "tool": {"driver": {"name": "cta-lint", "version": __version__,
                            "semanticVersion": __version__,
                            "informationUri": "https://pypi.org/project/cta-lint/",
                            "rules": entries}},
        "originalUriBaseIds": {"%SRCROOT%": {"uri": "file://" + quote(
            cwd if cwd.startswith("/") else "/" + cwd, safe="/-._~:")}},
        "columnKind": "unicodeCodePoints",
        "results": results,
    }
    return json.dumps({"$schema": SCHEMA, "version": "2.1.0", "runs": [run]},
                      indent=2, ensure_ascii=False) + "\n"
