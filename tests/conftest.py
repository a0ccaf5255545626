"""Shared test helpers: run the real CLI as a subprocess against this checkout."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
SHARED = ROOT.parent / "shared"


def run_cli(*args, input=None, cwd=None, env=None):
    """Run ``python -m cta_lint ARGS`` with this checkout first on the path."""
    e = dict(os.environ)
    e["PYTHONPATH"] = str(ROOT) + os.pathsep + e.get("PYTHONPATH", "")
    e.pop("NO_COLOR", None)
    if env:
        e.update(env)
    return subprocess.run([sys.executable, "-m", "cta_lint", *map(str, args)], input=input,
                          capture_output=True, text=isinstance(input, str) or input is None,
                          cwd=cwd or ROOT, env=e, timeout=300)


@pytest.fixture
def cli():
    return run_cli
