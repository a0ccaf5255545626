"""Reporters: Findings -> text. One module per format, imported only when used.

A reporter module has ``render(findings, *, files, unreadable, quiet, color, rules, ...)``.
Formats that show the copy itself (text excerpts, the HTML report) also have
``doc_hook(path, doc, findings)``: the engine calls it while the Document is alive and it
attaches only what the report needs to each Finding (``Finding.context``).
"""
from __future__ import annotations

from importlib import import_module

FORMATS = {
    "text": "cta_lint.report.text",
    "concise": "cta_lint.report.concise",
    "json": "cta_lint.report.json_report",
    "sarif": "cta_lint.report.sarif",
    "github": "cta_lint.report.github",
    "junit": "cta_lint.report.junit",
    "html": "cta_lint.report.html",
}
# formats whose module defines doc_hook (others never see a Document)
_DOC_HOOKS = {"text", "html"}


def render(fmt: str, findings, **kw) -> str:
    mod = import_module(FORMATS[fmt])
    return mod.render(findings, **kw)


def doc_hook(fmt: str):
    """The format's Document hook for ``Linter.doc_hook``, or None."""
    if fmt not in _DOC_HOOKS:
        return None
    return import_module(FORMATS[fmt]).doc_hook


def statistics(findings, fmt: str = "text") -> str:
    """``--statistics``: findings counted per rule, most frequent first."""
    counts: dict[str, list] = {}
    for f in findings:
        c = counts.setdefault(f.rule, [0, f.name, f.severity])
        c[0] += 1
    rows = sorted(counts.items(), key=lambda kv: (-kv[1][0], kv[0]))
    if fmt == "json":
        import json
        return json.dumps([{"rule": code, "name": name, "severity": sev, "count": n}
                           for code, (n, name, sev) in rows], indent=2) + "\n"
    if not rows:
        return ""
    width = max(len(str(n)) for _, (n, _, _) in rows)
    return "".join(f"{n:>{width}}\t{code}\t[{name}]\t{sev}\n" for code, (n, name, sev) in rows)


def relpath(path: str) -> str:
    """A stable, forward-slash path relative to the working directory when inside it."""
    import os
    if path == "-" or not path:
        return path
    try:
        ap = os.path.abspath(path)
        rel = os.path.relpath(ap, os.getcwd())
    except ValueError:          # another drive on Windows
        return path.replace(os.sep, "/")
    if rel.startswith(".."):
        return ap.replace(os.sep, "/")
    return rel.replace(os.sep, "/")


_UNSAFE = {c: "\ufffd" for c in list(range(0, 9)) + list(range(10, 32)) + [127]
           + list(range(0x80, 0xA0)) + [0x202A, 0x202B, 0x202C, 0x202D, 0x202E,
                                        0x2066, 0x2067, 0x2068, 0x2069]}


def clean(s: str) -> str:
    """Text safe to print on a terminal: no control characters, escapes or bidi overrides."""
    return s.replace("\t", " ").translate(_UNSAFE) if s else s
