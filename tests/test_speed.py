"""Speed properties that a test can hold without timing anything absolutely: parallel runs give
the same output as serial ones, in the same order; cost grows linearly with size (ratio of two
sizes under a generous bound: 4x the input must not cost 16x, which quadratic code would)."""
from __future__ import annotations

import time

import pytest

from conftest import run_cli

HTML_UNIT = "<tr><td style='padding:4px'>Our planner syncs with every calendar &amp; app. " \
            "We need more sign-ups, if you're interested. Try it today.</td></tr>\n"
TEXT_UNIT = "Our planner syncs with every calendar and app, includes sync, export, and reports. " \
            "If you're interested, feel free to try it today. "
MD_UNIT = "- Our planner syncs with **every** calendar. [Try it](https://x.io/signup)\n"


def _cost(text: str, fmt: str) -> float:
    from cta_lint.engine import Linter
    lin = Linter()
    lin.lint_text("Thanks.", fmt)  # compile the lexicon outside the measurement
    best = float("inf")
    for _ in range(2):
        t = time.perf_counter()
        lin.lint_text(text, fmt)
        best = min(best, time.perf_counter() - t)
    return best


@pytest.mark.parametrize("fmt,unit,wrap", [
    ("html", HTML_UNIT, lambda s: "<table>" + s + "</table>"),
    ("html", HTML_UNIT.replace("\n", ""), lambda s: "<table>" + s + "</table>"),
    ("text", TEXT_UNIT, lambda s: s),            # one line, one paragraph
    ("markdown", MD_UNIT, lambda s: s),
], ids=["html", "html-one-line", "text-one-line", "markdown-list"])
def test_cost_is_linear_in_size(fmt, unit, wrap):
    small = wrap(unit * (250_000 // len(unit)))
    big = wrap(unit * (1_000_000 // len(unit)))
    ratio = _cost(big, fmt) / max(_cost(small, fmt), 1e-3)
    assert ratio < 9, f"4x the input cost {ratio:.1f}x"


def test_jobs_output_is_identical_and_in_order(tmp_path):
    for i in range(60):  # enough files for the automatic default to go parallel too
        ext = (".html", ".md", ".txt")[i % 3]
        body = {".html": f"<p>Draft {i}: our planner syncs.</p><p>Thanks!</p>",
                ".md": f"# Draft {i}\n\nOur planner syncs.\n\n[Start a trial](https://x.io/signup)\n",
                ".txt": f"Draft {i}.\n\nIf you're interested, feel free to book a call.\n"}[ext]
        (tmp_path / f"f{i:03d}{ext}").write_text(body)
    (tmp_path / "zz.html").write_bytes(b"\x00binary")
    outs = {}
    for jobs in ("1", "2", "0"):
        r = run_cli("check", "--format", "json", "--jobs", jobs, tmp_path)
        assert r.returncode == 1, r.stderr
        outs[jobs] = r.stdout
    assert outs["1"] == outs["2"] == outs["0"]
    r = run_cli("check", "--jobs", "2", tmp_path)
    assert r.stdout.splitlines()[-1].endswith("in 61 files; 1 could not be read.")


def test_lint_many_streams_in_input_order(tmp_path):
    from cta_lint.engine import Linter, lint_many
    paths = []
    for i in range(12):
        p = tmp_path / f"{11 - i:02d}.md"   # input order differs from name order
        p.write_text(f"Note {i}.\n\nThanks for reading!\n")
        paths.append(str(p))
    paths.append(str(tmp_path / "missing.md"))
    got = list(lint_many(Linter(), paths, jobs=2))
    assert [p for p, _ in got] == paths
    assert [f[0].rule for _, f in got] == ["CTA001"] * 12 + ["CTA000"]


def test_one_file_run_imports_only_what_it_needs(tmp_path):
    """A plain ``check`` of one HTML file (a pre-commit hook's run) does not import the
    worker-pool machinery, other formats' parsers or pathspec (no pattern to match). Run without ``site`` so that nothing a .pth file imports
    (certifi imports tempfile, pathlib...) hides what cta-lint imports."""
    import os
    import subprocess
    import sys
    from conftest import EXAMPLES, ROOT
    # a repository with a pyproject.toml that has no [tool.cta-lint] table: not parsed
    (tmp_path / ".git").mkdir()
    (tmp_path / "pyproject.toml").write_text("[project]\nname = 'x'\n")
    page = tmp_path / "page.html"
    page.write_bytes((EXAMPLES / "html" / "bad-product-update.html").read_bytes())
    code = ("import sys\n"
            "import os\n"
            "sys.path[:0] = os.environ['CTA_TEST_SYS_PATH'].split(os.pathsep)\n"
            "before = set(sys.modules)\n"
            "sys.argv[0] = 'cta-lint'\n"
            "from cta_lint.cli import main\n"
            "try:\n"
            "    main()\n"
            "except SystemExit as e:\n"
            "    code = e.code\n"
            "sys.stdout = sys.__stdout__\n"
            "print(code, *sorted(set(sys.modules) - before))\n")
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    env["CTA_TEST_SYS_PATH"] = os.pathsep.join([str(ROOT)] + [p for p in sys.path if p])
    for args in (["--isolated"], []):
        r = subprocess.run([sys.executable, "-S", "-c", code, "check", *args, str(page)],
                           capture_output=True, text=True, cwd=tmp_path, timeout=120, env=env)
        assert r.returncode == 0, r.stderr
        last = r.stdout.splitlines()[-1].split()
        assert last[0] == "1", r.stdout          # findings: exit status 1
        loaded = {m.split(".")[0] for m in last[1:]}
        assert "cta_lint" in loaded and "lxml" in loaded
        unwanted = {"pathspec", "multiprocessing", "bs4", "jinja2", "markdown_it",
                    "tempfile", "pathlib", "dataclasses", "importlib.metadata", "json", "email",
                    "cta_lint.sources.deck", "cta_lint.sources.transcript"}
        assert not unwanted & (loaded | set(last[1:])), sorted(unwanted & (loaded | set(last[1:])))


def test_feature_dump_check_reuses_the_endings_classification():
    """CTA002 needs to know whether an ask follows a feature list in its section. When the
    ending (which CTA001 classifies anyway) asks, the copy in between is never classified:
    counted, not timed."""
    from cta_lint.engine import Linter
    middle = "".join(f"<p>Story paragraph {i} about how the team built the planner.</p>\n"
                     for i in range(20))
    src = ("<html><body><h1>Meet the planner</h1>\n<ul><li>Shared boards</li><li>Time tracking</li>"
           "<li>Client portal</li><li>Invoices</li></ul>\n" + middle +
           "<p>Start your free trial today.</p></body></html>")
    linter = Linter()
    analyses: list = []
    assert linter.lint_text(src, "html", analyses=analyses) == []
    classified = len(analyses[0]._calls)
    body = len(analyses[0].body)
    assert body == 26 and classified <= 8, (classified, body)
