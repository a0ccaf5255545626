"""``--format json``: one stable object for other tools to parse."""
from __future__ import annotations

import json

from .. import __version__


def render(findings, *, files: int = 0, **_kw) -> str:
    return json.dumps({"version": __version__, "files": files,
                       "findings": [f.as_dict() for f in findings]},
                      indent=2, ensure_ascii=False) + "\n"
