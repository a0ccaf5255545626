"""Shared test helpers: run the real CLI as a subprocess against this checkout."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
# The shared material beside the checkout (corpus, bench generator, schemas, seeds): CI has it,
# a plain clone does not. CTA_LINT_SHARED points elsewhere. Tests that need it skip at run time
# with `needs_shared(...)`, never at collection.
SHARED = Path(os.environ.get("CTA_LINT_SHARED") or ROOT.parent / "shared")


def needs_shared(*parts: str) -> Path:
    """The path ``SHARED/parts...``, or skip the calling test (at run time) when it is missing."""
    p = SHARED.joinpath(*parts)
    if not p.exists():
        pytest.skip(f"needs ../shared/{'/'.join(parts)} (not at {p}; set CTA_LINT_SHARED)")
    return p


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


def run_chromium(profile_dir, *args):
    """Run headless Chromium (Debian's, which .ci/run installs; the test is skipped without
    it) with its own profile in ``profile_dir``, offline: every host unknown, every proxied
    request refused."""
    exe = next((shutil.which(n) for n in ("chromium", "chromium-browser", "google-chrome",
                                          "google-chrome-stable") if shutil.which(n)), None)
    if exe is None:
        pytest.skip("chromium is not installed (.ci/run installs Debian's chromium)")
    return subprocess.run([exe, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                           "--no-first-run", "--disable-background-networking",
                           "--disable-component-update", "--disable-sync",
                           "--host-resolver-rules=MAP * ~NOTFOUND", "--proxy-server=127.0.0.1:9",
                           f"--user-data-dir={profile_dir}", *map(str, args)],
                          capture_output=True, text=True, timeout=180)
