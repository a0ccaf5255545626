"""``--format text`` (default): each finding as ``path:line:col: CODE [name] message``, then the
source line(s) it points at with the span underlined (like ruff's full output), a ``help:`` line,
and a summary; ``--quiet`` prints the finding lines only. Colours only when asked for (a terminal) and never with ``NO_COLOR`` set.

The excerpt comes from :func:`doc_hook`, which keeps only the lines each finding points at (cut
to a window on very long lines), so a huge run never holds its documents in memory.
"""
from __future__ import annotations

import os
import unicodedata

from . import clean

_COLORS = {"error": "\033[31m", "warning": "\033[33m", "info": "\033[36m"}
_BOLD, _RESET, _BLUE, _CYAN = "\033[1m", "\033[0m", "\033[34m", "\033[36m"

MAX_LINES = 3        # excerpt lines shown per finding (then "...")
WIDTH = 120          # longer lines are cut to a window around the span
MARGIN = 40          # characters of context kept left of the span on a cut line


# -- capture (engine side) -------------------------------------------------------------------
def doc_hook(path, doc, findings, parts=None) -> None:
    """Attach to each finding the few source lines it spans: ``(lines, more)`` where lines are
    ``(lineno, text, caret_from, caret_to, cut_left, cut_right)`` (caret positions index text).
    ``doc.source`` must be the text the findings' offsets and lines point into (for a file of
    several parts, the whole file; ``parts`` is not needed here)."""
    src = doc.source
    for f in findings:
        if f.rule == "CTA000":
            continue
        start = max(0, min(f.start, len(src)))
        end = max(start, min(f.end, len(src)))
        if end > start and src[end - 1] == "\n":
            end -= 1                     # a span ending with its line's newline
        ls = src.rfind("\n", 0, start) + 1
        lines = []
        lineno = f.line
        more = False
        while True:
            le = src.find("\n", ls)
            if le == -1:
                le = len(src)
            text = src[ls:le]
            if text.endswith("\r"):
                text = text[:-1]
            a = max(start, ls) - ls
            b = min(end, le) - ls
            if lineno != f.line and a == 0:      # continuation line: underline from its text
                a = len(text) - len(text.lstrip())
            b = max(b, a + 1) if lineno == f.line else max(b, a)
            lines.append(_window(lineno, text, a, b))
            if end <= le or le >= len(src):
                break
            if len(lines) >= MAX_LINES:
                more = True
                break
            ls, lineno = le + 1, lineno + 1
        f.context = (tuple(lines), more)


def _window(lineno: int, text: str, a: int, b: int):
    cut_left = cut_right = False
    if len(text) > WIDTH:
        lo = max(0, a - MARGIN)
        hi = min(len(text), max(b, a + 1) + MARGIN, lo + WIDTH)
        cut_left, cut_right = lo > 0, hi < len(text)
        text, a, b = text[lo:hi], a - lo, min(b, hi) - lo
    return (lineno, text, a, b, cut_left, cut_right)


def _width(s: str) -> int:
    w = 0
    for ch in s:
        if unicodedata.combining(ch):
            continue
        w += 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1
    return w


# -- render --------------------------------------------------------------------------------
def render(findings, *, files: int = 0, unreadable: int = 0, quiet: bool = False,
           color: bool = False, suppressed=None, n_suppressed: int = 0, **_kw) -> str:
    color = color and not os.environ.get("NO_COLOR")
    out: list[str] = []
    for f in findings:
        sev = _COLORS.get(f.severity, "") if color else ""
        path, msg = clean(f.path), clean(f.message)
        if color:
            head = (f"{_BOLD}{path}{_RESET}:{f.line}:{f.column}: {sev}{_BOLD}{f.rule}{_RESET} "
                    f"[{f.name}] {msg}")
        else:
            head = f"{path}:{f.line}:{f.column}: {f.rule} [{f.name}] {msg}"
        out.append(head)
        if quiet:                      # --quiet: the finding lines only
            continue
        block, _ = _excerpt(f, sev, color)
        out.extend(block)
        if f.suggestion:
            help_ = f"help: {clean(f.suggestion)}"
            out.append(f"    {_CYAN + help_ + _RESET if color else help_}")
        if block or f.suggestion:
            out.append("")
    # findings hidden by inline directives (the issue-3 branch's --show-suppressed, n_suppressed)
    for f in suppressed or ():
        out.append(f"{clean(f.path)}:{f.line}:{f.column}: {f.rule} [{f.name}] (suppressed) "
                   f"{clean(f.message)}")
    if not quiet:
        out.append(summary(findings, files, unreadable, n_suppressed))
    return "\n".join(out) + ("\n" if out else "")


def _excerpt(f, sev: str, color: bool) -> list[str]:
    ctx = f.context
    if not ctx or not isinstance(ctx, tuple) or not ctx[0]:
        return [], 0
    lines, more = ctx
    gw = len(str(lines[-1][0] + (1 if more else 0)))
    bar = f"{_BLUE}|{_RESET}" if color else "|"
    out = [f"{' ' * (gw + 1)}{bar}"]
    # drop the indentation the lines share (deeply nested HTML), keeping the carets aligned
    dent = min((len(t) - len(t.lstrip(" \t")) for _, t, a, _, cl, _ in lines if t.strip()),
               default=0)
    dent = min([dent] + [a for _, t, a, _, _, _ in lines])
    for lineno, text, a, b, cl, cr in lines:
        text, a, b = text[dent:], a - dent, b - dent
        shown = clean(text)
        pre = "…" if cl else ""
        post = "…" if cr else ""
        num = f"{lineno:>{gw}}"
        out.append(f"{_BLUE + num + _RESET if color else num} {bar} {pre}{shown}{post}".rstrip())
        lead = _width(pre + shown[:a])
        span = max(1, _width(shown[a:b])) if b > a else (1 if lineno == f.line else 0)
        if span:
            carets = "^" * span
            if color:
                carets = f"{sev}{carets}{_RESET}"
            out.append(f"{' ' * (gw + 1)}{bar} {' ' * lead}{carets}")
    if more:
        rest = max(0, f.end_line - lines[-1][0])
        note = f"… ({rest} more line{'s' if rest != 1 else ''})" if rest else "…"
        out.append(f"{' ' * (gw + 1)}{bar} {note}")
    out.append(f"{' ' * (gw + 1)}{bar}")
    return out, gw


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
