"""Reporters: Findings -> text. One module per format, imported only when used."""
from __future__ import annotations

from importlib import import_module

FORMATS = {
    "text": "cta_lint.report.text",
    "json": "cta_lint.report.json_report",
}


def render(fmt: str, findings, **kw) -> str:
    mod = import_module(FORMATS[fmt])
    return mod.render(findings, **kw)
