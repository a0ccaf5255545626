"""``--format json``: one stable object for other tools to parse."""
from __future__ import annotations

import json

from .. import __version__


def render(findings, *, files: int = 0, suppressed=None, **_kw) -> str:
    out = {"version": __version__, "files": files, "findings": [f.as_dict() for f in findings]}
    if suppressed is not None:      # --show-suppressed: findings hidden by inline directives
        out["suppressed"] = [f.as_dict() for f in suppressed]
    return json.dumps(out, indent=2, ensure_ascii=False) + "\n"
