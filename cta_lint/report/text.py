"""``--format text``: ``path:line:col: CODE [name] message`` and a summary line."""
from __future__ import annotations

import os

_COLORS = {"error": "\033[31m", "warning": "\033[33m", "info": "\033[36m"}
_BOLD, _RESET = "\033[1m", "\033[0m"


def render(findings, *, files: int = 0, unreadable: int = 0, quiet: bool = False,
           color: bool = False, suppressed=None, n_suppressed: int = 0, **_kw) -> str:
    color = color and not os.environ.get("NO_COLOR")
    lines = []
    for f in findings:
        code = f"{f.rule} [{f.name}]"
        if color:
            code = f"{_COLORS.get(f.severity, '')}{_BOLD}{f.rule}{_RESET} [{f.name}]"
            loc = f"{_BOLD}{f.path}{_RESET}:{f.line}:{f.column}:"
        else:
            loc = f"{f.path}:{f.line}:{f.column}:"
        lines.append(f"{loc} {code} {f.message}")
        if f.suggestion and not quiet:
            lines.append(f"    help: {f.suggestion}")
    for f in suppressed or ():      # --show-suppressed
        lines.append(f"{f.path}:{f.line}:{f.column}: {f.rule} [{f.name}] (suppressed) {f.message}")
    if not quiet:
        lines.append(summary(findings, files, unreadable, n_suppressed))
    return "\n".join(lines) + ("\n" if lines else "")


def summary(findings, files: int, unreadable: int = 0, suppressed: int = 0) -> str:
    nf = f"{files} file{'s' if files != 1 else ''}"
    unr = f"; {unreadable} could not be read" if unreadable else ""
    if suppressed:
        unr += f"; {suppressed} suppressed by inline directives"
    if not findings:
        return f"All clear: no findings in {nf}{unr}."
    by = {}
    for f in findings:
        by[f.severity] = by.get(f.severity, 0) + 1
    parts = ", ".join(f"{by[s]} {s}{'s' if by[s] != 1 else ''}" for s in ("error", "warning", "info") if s in by)
    n = len(findings)
    return f"Found {n} finding{'s' if n != 1 else ''} ({parts}) in {nf}{unr}."
