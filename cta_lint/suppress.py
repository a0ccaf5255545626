"""Inline directives: turn rules off for a range, a line, or a whole file.

Directives are found by scanning the raw source with one regex (independently of the reader),
so they work the same in every format::

    <!-- cta-lint-disable CTA003 -->          ... <!-- cta-lint-enable CTA003 -->
    <!-- cta-lint-disable-next-line CTA003 -->
    <!-- cta-lint-disable-line -->             (the line the comment is on)
    <!-- cta-lint-disable-file missing-ask -->
    {# cta-lint-disable CTA003 #}              Jinja / Nunjucks / Twig
    {% comment %}cta-lint-disable{% endcomment %}   {% # cta-lint-disable %}   Liquid
    {{!-- cta-lint-disable --}}  {{! cta-lint-disable }}                      Handlebars
    cta-lint: disable=CTA001,CTA003            a line of its own (plain text; also after #, //, >)

No codes means every rule. Codes and names are both accepted, comma- or space-separated.
``disable``/``enable`` apply from the directive onwards (by source offset); ``disable-next-line``
applies to the line after the directive's end; ``disable-file`` applies wherever it appears.
A directive naming an unknown rule is itself reported as CTA090 ``bad-directive``.
"""
from __future__ import annotations

import re

from .findings import Finding

_KIND = r"(disable-next-line|disable-line|disable-file|disable|enable)"
_CODES = r"([A-Za-z0-9_, \t-]*?)"
_OPEN = r"(?:<!--|\{#-?|\{\{!(?:--)?|\{%-?[ \t]*comment[ \t]*-?%\}|\{%-?[ \t]*#)"
_CLOSE = r"(?:-->|-?#\}|--\}\}|\}\}|\{%-?[ \t]*endcomment[ \t]*-?%\}|-?%\})"
_COMMENT = (_OPEN + r"[ \t]*cta-lint(?:-|:[ \t]*)" + _KIND + r"\b[ \t]*=?[ \t]*" + _CODES
            + r"[ \t]*" + _CLOSE)
_LINE = (r"^[ \t]*(?:#+|//|;|>|--|\*)?[ \t]*cta-lint:[ \t]*" + _KIND + r"\b[ \t]*(?:=[ \t]*"
         + _CODES + r")?[ \t]*\r?$")        # (\r: a CRLF file; "$" stops only before \n)
DIRECTIVE = re.compile(f"{_COMMENT}|{_LINE}", re.M | re.I)

BAD_DIRECTIVE = ("CTA090", "bad-directive")


class Directive:
    __slots__ = ("kind", "codes", "start", "end", "line", "end_line")

    def __init__(self, kind, codes, start, end, line, end_line):
        self.kind, self.codes, self.start, self.end = kind, codes, start, end
        self.line, self.end_line = line, end_line


def _line_of(starts: list[int], offset: int) -> int:
    import bisect
    return bisect.bisect_right(starts, offset)


def scan(text: str, resolve) -> tuple[list[Directive], list[tuple[int, int, int, str]]]:
    """Directives in ``text``; ``resolve(ident)`` -> set of codes or None. Returns the
    directives and the problems (offset, line, column, message)."""
    out: list[Directive] = []
    bad = []
    if "cta-lint" not in text.lower():
        return out, bad
    starts = [0] + [m.end() for m in re.finditer(r"\n", text)]
    for m in DIRECTIVE.finditer(text):
        kind = (m.group(1) or m.group(3)).lower()
        raw = m.group(2) if m.group(1) else (m.group(4) or "")
        codes: set[str] | None = None
        idents = [x for x in re.split(r"[\s,]+", raw or "") if x]
        line = _line_of(starts, m.start())
        if idents:
            codes = set()
            unknown = []
            for ident in idents:
                c = resolve(ident)
                if c is None:
                    unknown.append(ident)
                else:
                    codes |= c
            if unknown:     # one finding per directive, however many names are wrong
                col = m.start() - starts[line - 1] + 1
                names = ", ".join(f"'{u[:40]}'" for u in unknown[:3])
                more = f" and {len(unknown) - 3} more" if len(unknown) > 3 else ""
                bad.append((m.start(), line, col,
                            f"Unknown rule{'s' if len(unknown) > 1 else ''} {names}{more} in "
                            f"cta-lint-{kind} directive (see 'cta-lint rules')."))
            if not codes:
                continue        # only unknown codes: do not widen to "all rules"
        out.append(Directive(kind, codes, m.start(), m.end(), line,
                             _line_of(starts, max(m.end() - 1, m.start()))))
    return out, bad


def is_suppressed(f: Finding, directives: list[Directive]) -> bool:
    every = False
    exceptions: set[str] = set()
    disabled: set[str] = set()
    for d in directives:
        if d.kind == "disable-file":
            if d.codes is None or f.rule in d.codes:
                return True
            continue
        if d.kind == "disable-next-line":
            if f.line == d.end_line + 1 and (d.codes is None or f.rule in d.codes):
                return True
            continue
        if d.kind == "disable-line":
            if d.line <= f.line <= d.end_line and (d.codes is None or f.rule in d.codes):
                return True
            continue
        if d.start > f.start:
            continue
        if d.kind == "disable":
            if d.codes is None:
                every, exceptions, disabled = True, set(), set()
            elif every:
                exceptions -= d.codes
            else:
                disabled |= d.codes
        else:  # enable
            if d.codes is None:
                every, exceptions, disabled = False, set(), set()
            elif every:
                exceptions |= d.codes
            else:
                disabled -= d.codes
    return (every and f.rule not in exceptions) or f.rule in disabled


def apply(text: str, findings: list[Finding], resolve, path: str = "-"):
    """Split findings into (kept, suppressed) and report bad directives as Findings."""
    directives, problems = scan(text, resolve)
    bad = [Finding(path=path, line=ln, column=col, rule=BAD_DIRECTIVE[0], name=BAD_DIRECTIVE[1],
                   severity="warning", message=msg, end_line=ln, end_column=col, start=off,
                   end=off)
           for off, ln, col, msg in problems]
    if not directives:
        return findings, [], bad
    kept, hidden = [], []
    for f in findings:
        (hidden if is_suppressed(f, directives) else kept).append(f)
    return kept, hidden, bad
