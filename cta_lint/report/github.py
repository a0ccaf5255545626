"""``--format github``: GitHub Actions workflow commands, one annotation per finding.

``::error file=F,line=L,col=C,endLine=EL,endColumn=EC,title=T::message``; info findings become
``notice``. Data escapes ``%``, CR and LF; property values also escape ``:`` and ``,``
(the rules of the Actions runner's ``escapeData`` / ``escapeProperty``).
"""
from __future__ import annotations

from . import relpath

COMMANDS = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(s: str) -> str:
    return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(s: str) -> str:
    return escape_data(s).replace(":", "%3A").replace(",", "%2C")


def render(findings, **_kw) -> str:
    out = []
    for f in findings:
        props = [("file", relpath(f.path)), ("line", str(f.line)), ("col", str(f.column))]
        if f.end_line >= f.line and f.end_line > 0:
            props += [("endLine", str(f.end_line)), ("endColumn", str(f.end_column))]
        props.append(("title", f"{f.rule} [{f.name}]"))
        msg = f.message + (f"\nhelp: {f.suggestion}" if f.suggestion else "")
        out.append(f"::{COMMANDS.get(f.severity, 'warning')} "
                   + ",".join(f"{k}={escape_property(v)}" for k, v in props)
                   + f"::{escape_data(msg)}")
    return "\n".join(out) + ("\n" if out else "")
