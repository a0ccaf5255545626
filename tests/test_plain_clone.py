"""The suite works on a plain clone: a copy of the project's files with no ../shared beside it
collects without an error, and the tests that read ../shared skip there, saying what they need
(issue 15: a newcomer's `git clone` then the README's test command must not end in errors)."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest

from conftest import ROOT

# the tests that read ../shared (and one that lints real copy, from tests/fixtures without it)
SHARED_READERS = ["tests/test_phrases.py", "tests/test_corpus_score.py",
                  "tests/test_safety.py::test_a_full_run_changes_no_file"]


@pytest.fixture(scope="module")
def plain_clone(tmp_path_factory):
    """The project's files (as `git ls-files` lists them, uncommitted new files included) copied
    into an empty folder: what `git clone` gives, without ../shared."""
    if shutil.which("git") is None or not (ROOT / ".git").exists():
        pytest.skip("needs a git checkout of the project (the copy is made from `git ls-files`)")
    out = subprocess.run(["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
                         cwd=ROOT, capture_output=True, text=True, check=True).stdout
    files = sorted({f for f in out.split("\0") if f and (ROOT / f).is_file()})
    assert "pyproject.toml" in files and "tests/conftest.py" in files
    dest = tmp_path_factory.mktemp("plain") / "cta-lint"
    for f in files:
        (dest / f).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / f, dest / f)
    assert not (dest.parent / "shared").exists()
    return dest


def _pytest(cwd, *args):
    env = {k: v for k, v in os.environ.items() if k not in ("CTA_LINT_SHARED", "PYTHONPATH")}
    return subprocess.run([sys.executable, "-m", "pytest", "-p", "no:cacheprovider", *args],
                          cwd=cwd, capture_output=True, text=True, env=env, timeout=600)


@pytest.mark.slow
def test_the_suite_collects_without_shared(plain_clone):
    r = _pytest(plain_clone, "--collect-only", "-q")
    out = r.stdout + r.stderr
    assert r.returncode == 0, out
    summary = r.stdout.strip().splitlines()[-1]   # (warnings go to stderr)
    assert "collected" in summary and "error" not in summary, out
    for name in SHARED_READERS:
        assert name.split("::")[0] + "::" in out, (name, out)


@pytest.mark.slow
def test_the_tests_that_read_shared_skip_without_it(plain_clone):
    r = _pytest(plain_clone, "-q", "-rs", *SHARED_READERS)
    out = r.stdout + r.stderr
    assert r.returncode == 0, out
    summary = r.stdout.strip().splitlines()[-1]   # (warnings go to stderr)
    assert "passed" in summary and "skipped" in summary, out
    assert "failed" not in summary and "error" not in summary, out
    # each skip says what it needs, and where it looked
    assert "needs ../shared/corpus/docs" in out and "needs ../shared/corpus/score.py" in out, out
    assert str(plain_clone.parent / "shared") in out, out
