"""``--format junit``: JUnit XML for GitLab, Jenkins and other CI test reports.

One testsuite, one testcase per linted file (clean files pass), one ``<failure>`` per finding.
"""
from __future__ import annotations

from xml.sax.saxutils import quoteattr, escape

from . import relpath

_BAD_XML = {c: "\ufffd" for c in list(range(0, 9)) + [11, 12] + list(range(14, 32))
            + [0xFFFE, 0xFFFF]}


def _x(s: str) -> str:
    # XML 1.0 cannot carry control characters (even escaped) nor lone surrogates
    s = s.translate(_BAD_XML)
    return s.encode("utf-8", "replace").decode("utf-8") if any(
        0xD800 <= ord(c) <= 0xDFFF for c in s) else s


def render(findings, *, paths=None, **_kw) -> str:
    by_file: dict[str, list] = {}
    for p in paths or ():
        by_file.setdefault(p, [])
    for f in findings:
        by_file.setdefault(f.path, []).append(f)
    nfail = len(findings)
    lines = ['<?xml version="1.0" encoding="UTF-8"?>',
             f'<testsuites name="cta-lint" tests="{len(by_file)}" failures="{nfail}" errors="0">',
             f'  <testsuite name="cta-lint" tests="{len(by_file)}" failures="{nfail}" '
             f'errors="0" skipped="0">']
    for path, fs in by_file.items():
        name = _x(relpath(path))
        head = f"    <testcase classname={quoteattr('cta-lint')} name={quoteattr(name)} " \
               f"file={quoteattr(name)}"
        if not fs:
            lines.append(head + "/>")
            continue
        lines.append(head + ">")
        for f in fs:
            msg = _x(f"{f.rule} [{f.name}] line {f.line}, column {f.column}: {f.message}")
            body = f"{name}:{f.line}:{f.column}: {f.rule} [{f.name}] {_x(f.message)}"
            if f.suggestion:
                body += f"\nhelp: {_x(f.suggestion)}"
            lines.append(f"      <failure message={quoteattr(msg)} type={quoteattr(f.rule)}>"
                         f"{escape(body)}</failure>")
        lines.append("    </testcase>")
    lines += ["  </testsuite>", "</testsuites>"]
    return "\n".join(lines) + "\n"
