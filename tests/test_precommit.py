"""The pre-commit hook, run by the real ``pre-commit try-repo`` against this checkout."""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys

import pytest


from conftest import ROOT, run_cli
from cta_lint.sources import ALL_EXT

BAD_EML = """\
From: news@acme.test
To: you@acme.test
Subject: Our new planner
MIME-Version: 1.0
Content-Type: text/plain; charset=utf-8

Our new planner syncs with every calendar and works offline.

Thanks for reading, and see you next week!
"""
GOOD_EML = BAD_EML.replace("Thanks for reading, and see you next week!",
                           "Start your free 14-day trial today: https://acme.test/signup")
BAD_MJML = """\
<mjml>
  <mj-body>
    <mj-section><mj-column>
      <mj-text>Our new planner syncs with every calendar and works offline.</mj-text>
      <mj-text>Thanks for reading, and see you next week!</mj-text>
    </mj-column></mj-section>
  </mj-body>
</mjml>
"""
GOOD_HTML = """\
<html><body>
<p>Our new planner syncs with every calendar and works offline.</p>
<p><a href="https://acme.test/signup">Start your free 14-day trial today</a></p>
</body></html>
"""


def _hook() -> dict:
    yaml = pytest.importorskip("yaml")      # comes with pre-commit (the test extra)
    with open(ROOT / ".pre-commit-hooks.yaml", encoding="utf-8") as fh:
        hooks = yaml.safe_load(fh)
    (hook,) = [h for h in hooks if h["id"] == "cta-lint"]
    return hook


def test_hook_selects_exactly_the_files_cta_lint_reads():
    hook = _hook()
    assert hook["entry"].split()[:2] == ["cta-lint", "check"]
    assert hook["language"] == "python"
    pat = re.compile(hook["files"])
    for ext in ALL_EXT:
        assert pat.search("emails/welcome" + ext), ext
        assert pat.search("EMAILS/WELCOME" + ext.upper()), ext
    assert pat.search("resources/views/mail/trial.blade.php")
    for name in ("setup.py", "styles.css", "logo.png", "data.json", "page.html.bak", "index.php"):
        assert not pat.search(name), name
    # every tag the hook filters on must be one pre-commit's identify knows
    identify = pytest.importorskip("identify.identify")
    for key in ("types", "types_or", "exclude_types"):
        for tag in hook.get(key, ()):
            assert tag in identify.ALL_TAGS, tag


def _git(*args, cwd):
    env = dict(os.environ, GIT_AUTHOR_NAME="t", GIT_AUTHOR_EMAIL="t@example.com",
               GIT_COMMITTER_NAME="t", GIT_COMMITTER_EMAIL="t@example.com")
    subprocess.run(["git", *args], cwd=cwd, env=env, check=True, capture_output=True)


def _hook_source(tmp_path) -> str:
    """The repository to try: this checkout itself; or, until ``check --force-exclude`` exists on
    this branch (another change adds it) or when this is no git checkout, a committed copy of it
    whose hook entry leaves that one option out."""
    has_opt = "--force-exclude" in run_cli("check", "--help").stdout
    is_git = subprocess.run(["git", "rev-parse", "--is-inside-work-tree"], cwd=ROOT,
                            capture_output=True, text=True).stdout.strip() == "true"
    if has_opt and is_git:
        return str(ROOT)
    src = tmp_path / "hook-src"
    if is_git:
        names = subprocess.run(["git", "ls-files", "-co", "--exclude-standard", "-z"], cwd=ROOT,
                               capture_output=True, text=True, check=True).stdout.split("\0")
    else:
        names = [str(p.relative_to(ROOT)) for p in ROOT.rglob("*") if p.is_file()]
    for n in filter(None, names):
        if (ROOT / n).is_file():
            (src / n).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / n, src / n)
    if not has_opt:
        hooks = src / ".pre-commit-hooks.yaml"
        hooks.write_text(hooks.read_text().replace("check --force-exclude", "check"))
    _git("init", "-q", cwd=src)
    _git("add", "-A", cwd=src)
    _git("commit", "-q", "-m", "hook source", cwd=src)
    return str(src)


@pytest.mark.slow
def test_pre_commit_try_repo(tmp_path):
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    pytest.importorskip("pre_commit")
    source = _hook_source(tmp_path)
    proj = tmp_path / "proj"
    proj.mkdir()
    (proj / "bad.eml").write_text(BAD_EML)
    (proj / "good.eml").write_text(GOOD_EML)
    (proj / "bad.mjml").write_text(BAD_MJML)
    (proj / "good.html").write_text(GOOD_HTML)
    (proj / "notes.py").write_text("Thanks for reading!\n")   # not copy: never handed over
    _git("init", "-q", cwd=proj)
    _git("add", "-A", cwd=proj)
    env = dict(os.environ, PRE_COMMIT_HOME=str(tmp_path / "pc-home"), PRE_COMMIT_COLOR="never")
    env.pop("PYTHONPATH", None)

    def try_repo(*files):
        return subprocess.run([sys.executable, "-m", "pre_commit", "try-repo", source, "cta-lint",
                               "--color", "never", "--verbose", "--files", *files], cwd=proj,
                              env=env, capture_output=True, text=True, timeout=900)

    ok = try_repo("good.eml", "good.html", "notes.py")
    assert ok.returncode == 0, ok.stdout + ok.stderr
    assert re.search(r"^cta-lint\.+Passed$", ok.stdout, re.M), ok.stdout

    bad = try_repo("bad.eml", "bad.mjml", "good.html", "notes.py")
    assert bad.returncode == 1, bad.stdout + bad.stderr
    assert re.search(r"^cta-lint\.+Failed$", bad.stdout, re.M), bad.stdout
    assert "- exit code: 1" in bad.stdout
    assert "bad.mjml:5:16: CTA001 [missing-ask]" in bad.stdout
    assert re.search(r"^bad\.eml:\d+:\d+: CTA001 \[missing-ask\]", bad.stdout, re.M), bad.stdout
    assert "good.html:" not in bad.stdout
    assert "notes.py" not in bad.stdout
