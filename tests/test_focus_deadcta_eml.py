"""CTA005 reader-focus, CTA006 dead-cta, CTA007 ask-missing-in-plain-part, .eml input, subject
and preheader scopes: what a user sees on the command line (codes, positions, messages)."""
import json
from pathlib import Path

import pytest

from conftest import ROOT, run_cli

FX = Path(__file__).resolve().parent / "fixtures7"


def findings(path, *extra):
    r = run_cli("check", "--format", "json", *extra, path)
    assert r.returncode in (0, 1), r.stderr
    assert "Traceback" not in r.stderr
    return r, json.loads(r.stdout)["findings"]


def located(fs, rule):
    return [(f["line"], f["column"]) for f in fs if f["rule"] == rule]


# -- CTA005 reader-focus --------------------------------------------------------------------

@pytest.mark.parametrize("name, where, ratio", [
    ("focus-fire.txt", [(3, 1)], "2:11"),       # first body block, not the Subject: line
    ("focus-fire.md", [(1, 3)], "2:12"),        # the heading is the first body block
    ("focus-fire.html", [(4, 6)], "2:11"),
    ("focus-fire.mjml", [(5, 18)], "2:11"),
    ("focus-fire.eml", [(10, 1), (21, 4)], "2:11"),   # once per part, in the file's lines
])
def test_reader_focus_fires(name, where, ratio):
    r, fs = findings(FX / name)
    assert located(fs, "CTA005") == where
    for f in fs:
        if f["rule"] == "CTA005":
            assert f["severity"] == "info" and f["name"] == "reader-focus"
            assert f"you:we = {ratio}" in f["message"]
            assert f["suggestion"]
    assert r.returncode == 1


def test_reader_focus_names_the_part_in_eml():
    _, fs = findings(FX / "focus-fire.eml")
    msgs = [f["message"] for f in fs if f["rule"] == "CTA005"]
    assert msgs[0].startswith("[text/plain part] ") and msgs[1].startswith("[text/html part] ")


@pytest.mark.parametrize("name", ["focus-clean.txt", "focus-short.txt", "focus-quote.md",
                                  "focus-footer.html", "dead.html", "plain-has-ask.eml"])
def test_reader_focus_quiet(name):
    _, fs = findings(FX / name)
    assert located(fs, "CTA005") == []


def test_reader_focus_threshold_option(tmp_path):
    # a pack rule reusing the kind with a lower threshold: 2/13 = 15% passes a 10% bar
    (tmp_path / "X500-focus.toml").write_text(
        'code = "X500"\nname = "focus-10"\nseverity = "info"\ncheck = "reader-focus"\n'
        '[options]\nthreshold = 0.1\n')
    from cta_lint.engine import Linter, Settings
    lin = Linter(Settings(packs=[str(tmp_path)]))
    codes = [f.rule for f in lin.lint_file(str(FX / "focus-fire.txt"))]
    assert "CTA005" in codes and "X500" not in codes


# -- CTA006 dead-cta ------------------------------------------------------------------------

@pytest.mark.parametrize("name, where", [
    ("dead.html", [(4, 3), (5, 9), (5, 50), (6, 6), (7, 6)]),
    ("dead.mjml", [(6, 9), (7, 9), (8, 9)]),
    ("dead.md", [(5, 1), (5, 26), (7, 1)]),
    ("html-only.eml", [(7, 4)]),
    ("qp.eml", [(22, 4)]),           # quoted-printable part: exact position
    ("b64.eml", [(18, 1)]),          # base64 part: the part's first body line
])
def test_dead_cta_fires(name, where):
    r, fs = findings(FX / name)
    assert located(fs, "CTA006") == where
    assert all(f["severity"] == "error" for f in fs if f["rule"] == "CTA006")
    assert r.returncode == 1


def test_dead_cta_messages():
    _, fs = findings(FX / "dead.html")
    msgs = [f["message"] for f in fs if f["rule"] == "CTA006"]
    assert "'Claim my discount'" in msgs[0] and "has no href" in msgs[0]
    assert "empty href" in msgs[1]
    assert "javascript:void(0)" in msgs[2]
    assert "placeholder address 'https://www.example.com/checkout'" in msgs[3]
    assert msgs[4].startswith("The linked image 'Buy now'")
    # the dead footer links are not asks: not reported
    assert not any("Unsubscribe" in m or "View in browser" in m for m in msgs)


def test_dead_cta_end_position_is_the_link():
    _, fs = findings(FX / "dead.md")
    first = [f for f in fs if f["rule"] == "CTA006"][0]
    assert (first["line"], first["column"], first["end_line"], first["end_column"]) == (5, 1, 5, 22)


@pytest.mark.parametrize("name", ["live.html", "live.mjml", "live.md", "placeholder.txt",
                                  "plain-has-ask.eml", "focus-fire.html"])
def test_dead_cta_quiet(name):
    _, fs = findings(FX / name)
    assert located(fs, "CTA006") == []


def test_dead_cta_from_stdin_markdown():
    r = run_cli("check", "--select", "CTA006", "--stdin-filename", "promo.md", "-",
                input="Sale ends Friday.\n\n[Buy now]()\n")
    assert r.returncode == 1
    assert r.stdout.startswith("promo.md:3:1: CTA006 [dead-cta] ")


# -- .eml and CTA007 ------------------------------------------------------------------------

@pytest.mark.parametrize("name", ["plain-missing.eml", "plain-missing-crlf.eml"])
def test_plain_part_missing_ask(name):
    r, fs = findings(FX / name)
    got = [(f["rule"], f["line"], f["column"]) for f in fs]
    # CTA007 on the plain part's closing line; it replaces that part's CTA001
    assert got == [("CTA007", 16, 1)]
    f = fs[0]
    assert f["severity"] == "warning" and f["name"] == "ask-missing-in-plain-part"
    assert f["message"].startswith("[text/plain part] The HTML part ends with an ask "
                                   "('Start your free trial', line 26)")
    assert f["suggestion"] == ("add the ask to the plain-text ending: 'Start your free trial': "
                               "https://acme.test/trial")
    assert r.returncode == 1


def test_plain_part_with_ask_is_clean():
    r, fs = findings(FX / "plain-has-ask.eml")
    assert fs == [] and r.returncode == 0


def test_cta007_ignored_leaves_cta001_on_plain_part():
    _, fs = findings(FX / "plain-missing.eml", "--ignore", "CTA007")
    assert [(f["rule"], f["line"], f["column"]) for f in fs] == [("CTA001", 16, 1)]
    assert fs[0]["message"].startswith("[text/plain part] The ending has no explicit ask")


def test_no_cta007_without_a_plain_part_or_an_html_ask(tmp_path):
    _, fs = findings(FX / "html-only.eml")
    assert located(fs, "CTA007") == []
    eml = (FX / "plain-missing.eml").read_text().replace(
        '<p><a href="https://acme.test/trial" style="background:#0a0;padding:12px">Start your free '
        'trial</a></p>', "<p>Thanks for reading!</p>")
    p = tmp_path / "neither.eml"
    p.write_text(eml)
    _, fs = findings(p)
    assert sorted((f["rule"], f["message"][:17]) for f in fs) == [
        ("CTA001", "[text/html part] "), ("CTA001", "[text/plain part]")]


@pytest.mark.parametrize("content", [b"", b"Subject: hi\n\n", b"Content-Type: multipart/alternative; "
                                     b"boundary=\"z\"\n\n--z\nContent-Type: text/html\n"
                                     b"Content-Transfer-Encoding: base64\n\n!!!not base64\n",
                                     b"Content-Type: text/plain; charset=nonsense\n"
                                     b"Content-Transfer-Encoding: quoted-printable\n\nBuy now =ZZ =C3\n"])
def test_malformed_eml_never_crashes(tmp_path, content):
    p = tmp_path / "odd.eml"
    p.write_bytes(content)
    r = run_cli("check", "--format", "json", p)
    assert r.returncode in (0, 1) and "Traceback" not in r.stderr
    json.loads(r.stdout)


# -- subject and preheader as scopes -------------------------------------------------------

def _pack(tmp_path):
    (tmp_path / "X100-subject.toml").write_text(
        'code = "X100"\nname = "subject-word"\nseverity = "warning"\ncheck = "phrase"\n'
        '[options]\nphrases = ["last chance", "big news"]\nscope = "subject"\n'
        'message = "subject says \'{match}\'"\n')
    (tmp_path / "X101-preheader.toml").write_text(
        'code = "X101"\nname = "preheader-word"\nseverity = "warning"\ncheck = "phrase"\n'
        '[options]\nphrases = ["last chance"]\nscope = "preheader"\n'
        'message = "preheader says \'{match}\'"\n')
    from cta_lint.engine import Linter, Settings
    return Linter(Settings(packs=[str(tmp_path)]))


def test_subject_and_preheader_scopes(tmp_path):
    lin = _pack(tmp_path)
    got = {}
    for name in ("qp.eml", "focus-fire.txt"):
        got[name] = [(f.rule, f.line, f.column, f.message) for f in lin.lint_file(str(FX / name))
                     if f.rule.startswith("X")]
    # .eml: the Subject header (encoded word: its value's position) and the HTML part's hidden
    # preheader (inside a quoted-printable part: exact)
    assert got["qp.eml"] == [("X100", 3, 10, "subject says 'Last chance'"),
                             ("X101", 19, 41, "[text/html part] preheader says 'Last chance'")]
    assert got["focus-fire.txt"] == [("X100", 1, 14, "subject says 'big news'")]


def test_mjml_preview_and_title(tmp_path):
    lin = _pack(tmp_path)
    p = tmp_path / "promo.mjml"
    p.write_text("<mjml>\n  <mj-head>\n    <mj-title>Last chance</mj-title>\n"
                 "    <mj-preview>Last chance: 20% off</mj-preview>\n  </mj-head>\n"
                 "  <mj-body><mj-section><mj-column>\n"
                 "    <mj-text>Our sale ends Friday. Last chance to save.</mj-text>\n"
                 '    <mj-button href="https://acme.test/buy">Buy now</mj-button>\n'
                 "  </mj-column></mj-section></mj-body>\n</mjml>\n")
    got = [(f.rule, f.line, f.column) for f in lin.lint_file(str(p))]
    # the body's "Last chance" (line 7) is in neither scope; the subject/preheader never end
    # the message, so the ending still sees the button (no CTA001)
    assert got == [("X100", 3, 15), ("X101", 4, 17)]


# -- explain / rules / suggestions ----------------------------------------------------------

@pytest.mark.parametrize("code, name", [("CTA005", "reader-focus"), ("CTA006", "dead-cta"),
                                        ("CTA007", "ask-missing-in-plain-part")])
def test_explain_has_bad_and_good(code, name):
    r = run_cli("explain", name)
    assert r.returncode == 0
    assert r.stdout.startswith(f"{code} [{name}]")
    assert "\nBad:\n" in r.stdout and "\nGood:\n" in r.stdout
    r2 = run_cli("rules")
    assert any(line.split()[:2] == [code, name] for line in r2.stdout.splitlines())


@pytest.mark.parametrize("code, ext", [("CTA005", ".txt"), ("CTA006", ".html"), ("CTA007", ".eml")])
def test_explain_examples_behave(tmp_path, code, ext):
    """The bad example fires the rule, the good one does not."""
    import tomllib
    rule = next((ROOT / "rules").glob(f"{code}-*.toml"))
    data = tomllib.loads(rule.read_text())
    for which, fires in (("bad", True), ("good", False)):
        p = tmp_path / f"{which}{ext}"
        p.write_text(data[which].strip("\n") + "\n")
        _, fs = findings(p)
        assert (code in {f["rule"] for f in fs}) is fires, (which, fs)


def test_suggestions_in_text_and_json():
    r = run_cli("check", FX / "plain-missing.eml")
    assert "\n    help: add the ask to the plain-text ending: 'Start your free trial'" in r.stdout
    r = run_cli("check", "--ignore", "CTA007", "--format", "json", FX / "plain-missing.eml")
    f = json.loads(r.stdout)["findings"][0]
    assert f["rule"] == "CTA001" and f["suggestion"].startswith("close with one explicit next step")


# -- the shipped examples -------------------------------------------------------------------

def test_example_eml_bad_and_good():
    r, fs = findings(ROOT / "examples" / "eml" / "bad.eml")
    assert [(f["rule"], f["line"], f["column"]) for f in fs] == [
        ("CTA005", 13, 1), ("CTA007", 20, 1), ("CTA005", 30, 4), ("CTA006", 37, 1)]
    assert r.returncode == 1
    r, fs = findings(ROOT / "examples" / "eml" / "good.eml")
    assert fs == [] and r.returncode == 0


def test_example_dead_button():
    r = run_cli("check", "-q", "examples/html/dead-button.html", cwd=ROOT)
    assert r.returncode == 1
    lines = r.stdout.splitlines()
    assert [ln.split(" [")[0] for ln in lines] == [
        "examples/html/dead-button.html:15:34: CTA006",
        "examples/html/dead-button.html:19:13: CTA006"]


@pytest.mark.parametrize("name", ["qp.eml", "plain-missing-crlf.eml", "examples/eml/bad.eml"])
def test_eml_part_positions_point_at_the_same_characters(name):
    """Exact parts: every letter of the decoded part maps to that letter in the file."""
    from cta_lint.sources import eml
    path = (ROOT / name) if name.startswith("examples") else (FX / name)
    source = path.read_text()
    parts = [p for p in eml.read_parts(source) if p.label]
    assert len(parts) == 2 and all(p.exact for p in parts)
    for p in parts:
        for i, ch in enumerate(p.text):
            if ch.isascii() and ch.isalnum():
                assert source[p.to_raw(i)] == ch, (p.label, i)
