"""``--format concise``: one line per finding, ``path:line:col: CODE [name] message``."""
from __future__ import annotations

from . import clean
from .text import summary


def render(findings, *, files: int = 0, unreadable: int = 0, quiet: bool = False,
           suppressed=None, n_suppressed: int = 0, **_kw) -> str:
    out = [f"{clean(f.path)}:{f.line}:{f.column}: {f.rule} [{f.name}] {clean(f.message)}"
           for f in findings]
    out += [f"{clean(f.path)}:{f.line}:{f.column}: {f.rule} [{f.name}] (suppressed) "
            f"{clean(f.message)}" for f in suppressed or ()]
    if not quiet:
        out.append(summary(findings, files, unreadable, n_suppressed))
    return "\n".join(out) + ("\n" if out else "")
