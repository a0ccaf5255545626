"""Output formats, each checked the way its consumer reads it."""
from __future__ import annotations

import json
import os
import pty
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from conftest import ROOT, run_cli
from cta_lint.findings import Finding

SCHEMA = Path(__file__).parent / "fixtures" / "sarif-schema-2.1.0.json"

ENDS_WEAK = "# Hi\n\nOur planner syncs with every calendar.\n\nThanks for reading!\n"
ENDS_WITH_ASK = ("Our planner syncs with every calendar.\n\n"
                 "Start your free 14-day trial today: https://acme.test/signup\n")
HTML_WEAK = """<html><body>
<p>Our new planner syncs with every calendar and works offline.</p>
<p>Thanks for reading, and see you next week!</p>
</body></html>
"""


@pytest.fixture
def drafts(tmp_path):
    d = tmp_path / "copy"
    d.mkdir()
    (d / "draft.md").write_text(ENDS_WEAK)
    (d / "good.txt").write_text(ENDS_WITH_ASK)
    (d / "news.html").write_text(HTML_WEAK)
    return tmp_path


def _json(tmp, *args):
    r = run_cli("check", "--format", "json", *args, cwd=tmp)
    return json.loads(r.stdout)["findings"]


# -- text --------------------------------------------------------------------------------------
def test_text_shows_the_source_line_with_the_span_underlined(drafts):
    r = run_cli("check", "copy/draft.md", cwd=drafts)
    assert r.returncode == 1
    lines = r.stdout.splitlines()
    assert lines[0].startswith("copy/draft.md:5:1: CTA001 [missing-ask] ")
    assert lines[1:5] == ["  |", "5 | Thanks for reading!", "  | ^^^^^^^^^^^^^^^^^^^", "  |"]
    assert lines[5].startswith("    help: close with one explicit next step")
    assert lines[-1] == "Found 1 finding (1 error) in 1 file."
    assert "\033[" not in r.stdout          # not a terminal: no colour
    q = run_cli("check", "--quiet", "copy/draft.md", cwd=drafts)   # finding lines only
    assert q.returncode == 1 and q.stdout.splitlines() == lines[:1]


def test_text_excerpt_of_an_indented_html_line_keeps_carets_under_the_span(drafts):
    r = run_cli("check", "copy/news.html", cwd=drafts)
    head, _, src, carets = r.stdout.splitlines()[:4]
    assert head.startswith("copy/news.html:3:4: CTA001")
    assert src == "3 | <p>Thanks for reading, and see you next week!</p>"
    bar = src.index("|")
    assert carets[bar + 2:] == "   " + "^" * len("Thanks for reading, and see you next week!")


def test_text_cuts_a_very_long_line_around_the_span(tmp_path):
    filler = "<span>" + "x" * 3000 + "</span>"
    (tmp_path / "one.html").write_text(f"<html><body><p>Our planner syncs.</p>{filler}"
                                       f"<p>Thanks for reading!</p></body></html>")
    r = run_cli("check", "one.html", cwd=tmp_path)
    head, _, src, carets = r.stdout.splitlines()[:4]
    assert head.startswith("one.html:1:")
    col = int(head.split(":")[2])
    assert len(src) < 200 and src.startswith("1 | …") and "Thanks for reading!" in src
    start = carets.index("^")
    assert src[start:start + len("Thanks for reading!")] == "Thanks for reading!"
    assert col > 3000


def test_text_never_echoes_terminal_escapes_from_the_copy(tmp_path):
    (tmp_path / "x.txt").write_text("Our planner syncs.\n\nThanks \x1b[2J\x1b]0;owned\x07 bye!\n")
    r = run_cli("check", "x.txt", cwd=tmp_path)
    assert r.returncode == 1
    assert "\x1b" not in r.stdout and "\x07" not in r.stdout


def _run_on_tty(args, cwd, env_extra=None, stderr_tty=False):
    """Run the CLI with stdout (and optionally stderr) on a pseudo-terminal."""
    env = dict(os.environ, PYTHONPATH=str(ROOT), TERM="xterm")
    env.pop("NO_COLOR", None)
    env.pop("CI", None)
    env.update(env_extra or {})
    master, slave = pty.openpty()
    p = subprocess.Popen([sys.executable, "-m", "cta_lint", *args], cwd=cwd, env=env,
                         stdout=slave, stderr=slave if stderr_tty else subprocess.PIPE,
                         stdin=subprocess.DEVNULL)
    os.close(slave)
    chunks = []
    while True:
        try:
            b = os.read(master, 65536)
        except OSError:
            break
        if not b:
            break
        chunks.append(b)
    err = p.stderr.read().decode() if p.stderr else ""
    p.wait(timeout=120)
    os.close(master)
    return p.returncode, b"".join(chunks).decode("utf-8", "replace"), err


def test_colour_on_a_terminal_unless_no_color(drafts):
    rc, out, _ = _run_on_tty(["check", "copy/draft.md"], drafts)
    assert rc == 1 and "\033[" in out and "CTA001" in out
    rc, out, _ = _run_on_tty(["check", "copy/draft.md"], drafts, {"NO_COLOR": "1"})
    assert rc == 1 and "\033[" not in out and "copy/draft.md:5:1: CTA001" in out


def test_progress_only_on_a_terminal_and_never_under_ci(tmp_path):
    for i in range(25):
        (tmp_path / f"d{i:02}.md").write_text(ENDS_WEAK)
    rc, out, _ = _run_on_tty(["check", "--format", "concise", "."], tmp_path, stderr_tty=True)
    assert rc == 1 and "cta-lint: 25/25 files" in out
    rc, out, _ = _run_on_tty(["check", "--format", "concise", "."], tmp_path, {"CI": "true"},
                             stderr_tty=True)
    assert rc == 1 and "files" in out and "/25 files" not in out
    r = run_cli("check", ".", cwd=tmp_path)          # stderr piped
    assert r.returncode == 1 and r.stderr == ""


# -- concise, statistics -----------------------------------------------------------------------
def test_concise_is_one_line_per_finding(drafts):
    r = run_cli("check", "--format", "concise", "copy", cwd=drafts)
    assert r.returncode == 1
    found = _json(drafts, "copy")
    lines = r.stdout.splitlines()
    assert lines[:-1] == [f"{f['path']}:{f['line']}:{f['column']}: {f['rule']} [{f['name']}] "
                          f"{f['message']}" for f in found]
    assert lines[-1] == "Found 2 findings (2 errors) in 3 files."
    q = run_cli("check", "--format", "concise", "--quiet", "copy", cwd=drafts)
    assert q.stdout.splitlines() == lines[:-1]


def test_statistics_counts_per_rule(drafts):
    r = run_cli("check", "--statistics", "copy", cwd=drafts)
    assert r.returncode == 1
    assert r.stdout.splitlines() == ["2\tCTA001\t[missing-ask]\terror"]
    j = run_cli("check", "--statistics", "--format", "json", "copy", cwd=drafts)
    assert json.loads(j.stdout) == [{"rule": "CTA001", "name": "missing-ask",
                                     "severity": "error", "count": 2}]
    z = run_cli("check", "--statistics", "--exit-zero", "copy", cwd=drafts)
    assert z.returncode == 0


def test_output_file_gets_the_report_and_stdout_stays_empty(drafts):
    r = run_cli("check", "--format", "sarif", "--output-file", "out.sarif", "copy", cwd=drafts)
    assert r.returncode == 1 and r.stdout == ""
    assert json.loads((drafts / "out.sarif").read_text())["version"] == "2.1.0"


# -- sarif -------------------------------------------------------------------------------------
def test_sarif_validates_against_the_official_schema(drafts):
    jsonschema = pytest.importorskip("jsonschema")
    (drafts / "copy" / "logo.md").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00")   # CTA000
    r = run_cli("check", "--format", "sarif", "copy", cwd=drafts)
    assert r.returncode == 1
    log = json.loads(r.stdout)
    schema = json.loads(SCHEMA.read_text())
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    errors = sorted(cls(schema, format_checker=cls.FORMAT_CHECKER).iter_errors(log), key=str)
    assert not errors, errors[0]

    run = log["runs"][0]
    driver = run["tool"]["driver"]
    assert driver["name"] == "cta-lint"
    listed = run_cli("rules").stdout.split()
    codes = {w for w in listed if re.fullmatch(r"CTA\d{3}", w)}
    rules = {r["id"]: r for r in driver["rules"]}
    assert set(rules) == codes and "CTA000" in rules
    for rule in rules.values():
        assert rule["name"] and rule["shortDescription"]["text"]
        assert rule["fullDescription"]["text"] and rule["help"]["text"]
        assert rule["defaultConfiguration"]["level"] in ("error", "warning", "note")
    assert rules["CTA001"]["defaultConfiguration"]["level"] == "error"

    found = _json(drafts, "copy")
    assert len(run["results"]) == len(found) == 3
    for res, f in zip(run["results"], found):
        assert res["ruleId"] == f["rule"]
        assert driver["rules"][res["ruleIndex"]]["id"] == f["rule"]
        assert res["level"] == {"error": "error", "warning": "warning", "info": "note"}[f["severity"]]
        loc = res["locations"][0]["physicalLocation"]
        assert loc["artifactLocation"]["uri"] == f["path"]       # relative to the cwd
        assert loc["artifactLocation"]["uriBaseId"] == "%SRCROOT%"
        reg = loc["region"]
        assert (reg["startLine"], reg["startColumn"], reg["endLine"], reg["endColumn"]) == (
            f["line"], f["column"], f["end_line"], f["end_column"])
        if f.get("suggestion"):
            assert f["suggestion"] in res["message"]["markdown"]
    draft = [r for r in run["results"]
             if r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "copy/draft.md"]
    assert draft[0]["locations"][0]["physicalLocation"]["region"]["startLine"] == 5
    assert run["originalUriBaseIds"]["%SRCROOT%"]["uri"] == drafts.resolve().as_uri() + "/"


# -- github ------------------------------------------------------------------------------------
_CMD = re.compile(r"^::(error|warning|notice) (?P<props>[^:]*)::(?P<data>.*)$")


def _unescape_data(s):   # the Actions runner's ActionCommand unescaping
    return s.replace("%0D", "\r").replace("%0A", "\n").replace("%25", "%")


def _unescape_prop(s):
    return (s.replace("%0D", "\r").replace("%0A", "\n").replace("%3A", ":")
            .replace("%2C", ",").replace("%25", "%"))


def _parse(line):
    m = _CMD.match(line)
    assert m, line
    props = dict(p.split("=", 1) for p in m["props"].split(","))
    return m[1], {k: _unescape_prop(v) for k, v in props.items()}, _unescape_data(m["data"])


def test_github_escapes_data_and_properties():
    from cta_lint.report import github
    msg = "Save 100% now:\r\nfirst, second: third"
    f = Finding(path="copy/a,b:c%.md", line=3, column=7, rule="CTA004", name="weak-ask",
                severity="warning", message=msg, end_line=4, end_column=2)
    out = github.render([f])
    assert out == ("::warning file=copy/a%2Cb%3Ac%25.md,line=3,col=7,endLine=4,endColumn=2,"
                   "title=CTA004 [weak-ask]::Save 100%25 now:%0D%0Afirst, second: third\n")
    assert "\n" not in out[:-1]
    kind, props, data = _parse(out.rstrip("\n"))
    assert kind == "warning" and props["file"] == "copy/a,b:c%.md" and data == msg
    info = Finding(path="x.md", line=1, column=1, rule="CTA009", name="n, m", severity="info",
                   message="m", end_line=1, end_column=2)
    kind, props, _ = _parse(github.render([info]).rstrip("\n"))
    assert kind == "notice" and props["title"] == "CTA009 [n, m]"


def test_github_format_end_to_end(drafts):
    weird = drafts / "copy" / "q3,promo:final%.md"
    weird.write_text(ENDS_WEAK)
    r = run_cli("check", "--format", "github", "copy", cwd=drafts)
    assert r.returncode == 1
    parsed = [_parse(ln) for ln in r.stdout.splitlines()]
    found = _json(drafts, "copy")
    assert len(parsed) == len(found) == 3
    for (kind, props, data), f in zip(parsed, found):
        assert kind == "error"
        assert props["file"] == f["path"]
        assert (int(props["line"]), int(props["col"]), int(props["endLine"]),
                int(props["endColumn"])) == (f["line"], f["column"], f["end_line"], f["end_column"])
        assert props["title"] == f"{f['rule']} [{f['name']}]"
        assert data.startswith(f["message"])
    assert "file=copy/q3%2Cpromo%3Afinal%25.md," in r.stdout


# -- junit -------------------------------------------------------------------------------------
def test_junit_is_one_testcase_per_file_with_a_failure_per_finding(drafts):
    (drafts / "copy" / "odd\x01name & <x>.txt").write_text(ENDS_WEAK)
    r = run_cli("check", "--format", "junit", "copy", cwd=drafts)
    assert r.returncode == 1
    root = ET.fromstring(r.stdout.encode())
    assert root.tag == "testsuites"
    (suite,) = root.findall("testsuite")
    cases = {c.get("name"): c for c in suite.findall("testcase")}
    assert set(cases) == {"copy/draft.md", "copy/good.txt", "copy/news.html",
                          "copy/odd\ufffdname & <x>.txt"}
    assert suite.get("tests") == "4" and suite.get("failures") == "3"
    assert cases["copy/good.txt"].findall("failure") == []
    (fail,) = cases["copy/draft.md"].findall("failure")
    assert fail.get("type") == "CTA001"
    assert fail.get("message").startswith("CTA001 [missing-ask] line 5, column 1: ")
    assert "copy/draft.md:5:1: CTA001" in fail.text


def test_every_format_handles_a_clean_run(drafts):
    for fmt in ("text", "concise", "json", "sarif", "github", "junit", "html"):
        r = run_cli("check", "--format", fmt, "copy/good.txt", cwd=drafts)
        assert r.returncode == 0, (fmt, r.stderr)
        assert "Traceback" not in r.stderr


# -- the copy each report shows is the file's --------------------------------------------------
MULTIPART_EML = """\
From: news@acme.test
To: you@acme.test
Subject: Our new planner
MIME-Version: 1.0
Content-Type: multipart/alternative; boundary="b1"

--b1
Content-Type: text/plain; charset=utf-8

Our new planner syncs with every calendar and works offline.

Thanks for reading, and see you next week!

--b1
Content-Type: text/html; charset=utf-8

<html><body>
<p>Our new planner syncs with every calendar and works offline.</p>
<p>Thanks for reading, and see you next week!</p>
</body></html>

--b1--
"""


def _excerpt_lines(stdout):
    """(finding line, [(lineno, shown text)]) for each finding of the text format."""
    out, cur = [], None
    for ln in stdout.splitlines():
        m = re.match(r"^\S.*?:(\d+):(\d+): CTA\d{3} ", ln)
        if m:
            cur = (int(m[1]), [])
            out.append(cur)
            continue
        m = re.match(r"^ *(\d+) \| (.*)$", ln)
        if m and cur is not None:
            cur[1].append((int(m[1]), m[2]))
    return out


def test_excerpts_are_the_lines_of_the_file_the_positions_point_at(tmp_path):
    from cta_lint import sources
    if not hasattr(sources, "read_parts"):
        pytest.skip("multi-part .eml reading is not on this branch yet")
    (tmp_path / "both.eml").write_text(MULTIPART_EML)
    (tmp_path / "news.html").write_text(HTML_WEAK)
    r = run_cli("check", "both.eml", "news.html", cwd=tmp_path)
    assert r.returncode == 1
    found = _excerpt_lines(r.stdout)
    assert found and all(lines for _, lines in found)
    files = {"both.eml": MULTIPART_EML.splitlines(), "news.html": HTML_WEAK.splitlines()}
    heads = [ln.split(":")[0] for ln in r.stdout.splitlines() if re.match(r"^\S+:\d+:\d+: CTA", ln)]
    for name, (line, lines) in zip(heads, found):
        assert lines[0][0] == line
        for lineno, shown in lines:
            assert shown.strip() in files[name][lineno - 1], (name, lineno, shown)


def test_parallel_runs_carry_the_same_excerpts_and_report(tmp_path):
    from cta_lint import engine
    if not hasattr(engine, "lint_many"):
        pytest.skip("parallel runs are not on this branch yet")
    for i in range(60):
        (tmp_path / f"d{i:02}.md").write_text(ENDS_WEAK)
        (tmp_path / f"n{i:02}.html").write_text(HTML_WEAK)
    out = {}
    for fmt in ("text", "html"):
        one = run_cli("check", "--jobs", "1", "--format", fmt, ".", cwd=tmp_path)
        two = run_cli("check", "--jobs", "2", "--format", fmt, ".", cwd=tmp_path)
        assert one.returncode == two.returncode == 1
        assert one.stdout == two.stdout
        out[fmt] = two.stdout
    assert out["text"].count("5 | Thanks for reading!") == 60
    assert out["html"].count('<mark class="finding sev-error"') == 120
