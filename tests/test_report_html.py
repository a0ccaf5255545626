"""The HTML report, opened in a real headless Chromium."""
from __future__ import annotations

import pytest

from conftest import run_chromium, run_cli

INJECT_TXT = """\
Our planner syncs with every calendar. <script>document.title="pwned";
document.body.insertAdjacentHTML("beforeend", "<p id=pwned>pwned</p>")</script>
<img src=x onerror="document.title='pwned-img'">

Thanks for reading!
"""
EMAIL_HTML = """\
<html><head><script>document.title="pwned-email"</script></head><body>
<p>Our new planner syncs with every calendar and works offline.</p>
<p>It shows &lt;script&gt;alert(1)&lt;/script&gt; as text.</p>
<p>Thanks for reading, and see you next week!</p>
</body></html>
"""
GOOD_MD = "Our planner syncs with every calendar.\n\nStart your free trial today: https://acme.test/signup\n"


def _browser(tmp_path, *args):
    return run_chromium(tmp_path / "chromium-profile", *args)


@pytest.mark.slow
def test_html_report_renders_findings_and_never_runs_the_copy(tmp_path):
    from lxml import html as lhtml

    d = tmp_path / "copy"
    d.mkdir()
    (d / "inject.txt").write_text(INJECT_TXT)
    (d / "email.html").write_text(EMAIL_HTML)
    (d / "good.md").write_text(GOOD_MD)
    evil_name = "<img src=x onerror=\"document.title='pwned-name'\">.txt"
    (d / evil_name).write_text("Our planner syncs.\n\nSee you soon!\n")
    r = run_cli("check", "--format", "html", "--output-file", "report.html", "copy", cwd=tmp_path)
    assert r.returncode == 1, r.stderr
    report = tmp_path / "report.html"
    source = report.read_text()
    assert "<script" not in source.lower().replace("&lt;script", "")
    assert "http://" not in source and "https://" not in source.replace(
        "https://acme.test/signup", "")           # no external assets

    dom = _browser(tmp_path, "--dump-dom", report.as_uri())
    assert dom.returncode == 0, dom.stderr
    page = lhtml.fromstring(dom.stdout)
    # nothing from the copy ran: the title is ours, no injected element, no script, no img
    assert page.findtext(".//title").startswith("cta-lint report: 3 findings in 4 files")
    assert page.xpath("//*[@id='pwned']") == [] and page.xpath("//script") == []
    assert page.xpath("//img") == []
    # ... and it is shown as the text it is
    inject = _section(page, "copy/inject.txt")
    copy_text = inject.xpath("string(.//div[@class='copy'])")
    assert '<script>document.title="pwned";' in copy_text
    assert "<img src=x onerror=\"document.title='pwned-img'\">" in copy_text
    assert _section(page, "copy/" + evil_name) is not None
    email = _section(page, "copy/email.html")
    assert "It shows <script>alert(1)</script> as text." in email.xpath("string(.//div[@class='copy'])")
    assert "pwned-email" not in email.xpath("string(.)")        # a real <script> is not copy

    # every finding is highlighted where it occurs and explained beside it
    marks = inject.xpath(".//mark[contains(@class,'finding')]")
    assert [m.text_content() for m in marks] == ["Thanks for reading!"]
    assert "sev-error" in marks[0].get("class")
    n = marks[0].get("data-findings")
    (note,) = inject.xpath(f".//li[@id='d{n}']")
    assert note.get("data-rule") == "CTA001"
    assert "The ending has no explicit ask" in note.text_content()
    assert "line 5, column 1" in note.text_content()
    assert inject.xpath(f".//a[@id='f{n}'][@href='#d{n}']")
    (emark,) = email.xpath(".//mark[contains(@class,'finding')]")
    assert emark.text_content() == "Thanks for reading, and see you next week!"
    # summaries at the top: per rule and per file (clean files too)
    rule_rows = page.xpath("//table[@id='by-rule']/tbody/tr")
    assert [r.xpath("string(td[1])") for r in rule_rows] == ["CTA001 missing-ask"]
    assert rule_rows[0].xpath("string(td[4])") == "3"
    files = {r.xpath("string(td[1]/a)"): r.xpath("string(td[2])")
             for r in page.xpath("//table[@id='by-file']/tbody/tr")}
    assert files == {"copy/" + evil_name: "1", "copy/email.html": "1", "copy/good.md": "0",
                     "copy/inject.txt": "1"}
    assert _section(page, "copy/good.md").xpath("string(.//h2)").strip().endswith("no findings")

    shot = tmp_path / "report.png"
    s = _browser(tmp_path, "--window-size=1280,1000", f"--screenshot={shot}", report.as_uri())
    assert s.returncode == 0, s.stderr
    data = shot.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 10_000


def _section(page, path):
    for sec in page.xpath("//section[contains(@class,'file')]"):
        if sec.xpath("string(h2/text())").strip() == path:
            return sec
    return None


PACK_RULE = """\
code = "BRD001"
name = "banned-word"
severity = "info"
check = "phrase"
summary = "A word the brand guide bans"

[options]
phrases = ["synergy"]
scope = "body"
message = "Banned word: '{match}'"
"""
PROMO = """\
<html><body>
<h1>Caf&eacute; synergy, <b>now</b> in every store</h1>
<p>Our planner syncs with every calendar and works offline.</p>
<p>Thanks for reading &amp; enjoy the synergy!</p>
</body></html>
"""


def test_html_report_places_each_finding_on_its_words(tmp_path):
    """In-process (a rule pack gives findings we control): every finding is marked on exactly the
    words it covers, a phrase inside a flagged paragraph keeps its own colour."""
    from lxml import html as lhtml
    from cta_lint.engine import Linter, Settings
    from cta_lint.report import html as report_html, render

    pack = tmp_path / "pack"
    pack.mkdir()
    (pack / "BRD001-banned-word.toml").write_text(PACK_RULE)
    linter = Linter(Settings(packs=[str(pack)]))
    linter.doc_hook = report_html.doc_hook
    found = linter.lint_text(PROMO, "html", "promo.html")
    assert [(f.rule, f.line, f.column) for f in found] == [
        ("BRD001", 2, 17), ("CTA001", 4, 4), ("BRD001", 4, 39)]
    page = lhtml.fromstring(render("html", found, rules=linter.registry.rules,
                                   paths=["promo.html"], files=1))
    blocks = page.xpath("//section[contains(@class,'file')]//div[contains(@class,'block')]")
    assert [b.text_content() for b in blocks[:1]] == ["Café 1synergy, now in every store"]
    marks = [(m.text_content(), m.get("class"), m.get("data-findings"))
             for m in page.xpath("//mark")]
    assert marks == [
        ("synergy", "finding sev-info", "1"),
        ("Thanks for reading & enjoy the ", "finding sev-error", "2"),
        ("synergy", "finding sev-info under-error", "2 3"),
        ("!", "finding sev-error", "2"),
    ]
    notes = page.xpath("//li[starts-with(@id,'d')]")
    assert [n.get("data-rule") for n in notes] == ["BRD001", "CTA001", "BRD001"]
    assert "line 4, column 39" in notes[2].text_content()
    assert "not in the visible copy" not in page.text_content()
    rules = [r.xpath("string(td[1])") for r in page.xpath("//table[@id='by-rule']/tbody/tr")]
    assert rules == ["BRD001 banned-word", "CTA001 missing-ask"]


def test_reports_never_crash_on_odd_copy():
    """Any copy in any format: the text excerpts and the HTML view are built and render."""
    from hypothesis import HealthCheck, given, settings, strategies as st
    from lxml import html as lhtml
    from cta_lint.engine import Linter
    from cta_lint.report import html as report_html, render, text as report_text

    linter = Linter()
    pieces = st.sampled_from(["<p>", "</p>", "<li>", "<a href='#'>", "</a>", "&amp;", "&eacute;",
                              "\n", "\r\n", "\t", "  ", "# ", "- ", "{{ name }}", "<!-- x -->",
                              "Thanks for reading!", "We need sign-ups.", "Buy now", "é", "😀",
                              "<script>x</script>", "\x00", "\x1b[31m", "<b>", "</b>"])
    docs = st.lists(st.one_of(pieces, st.text(max_size=8)), max_size=30).map("".join)

    @settings(max_examples=80, deadline=None, suppress_health_check=list(HealthCheck))
    @given(docs, st.sampled_from(["html", "markdown", "text"]))
    def check(copy, fmt):
        for hook, name in ((report_text.doc_hook, "text"), (report_html.doc_hook, "html")):
            linter.doc_hook = hook
            found = linter.lint_text(copy, fmt, "x")
            out = render(name, found, rules=linter.registry.rules, paths=["x"], files=1)
            if name == "html":
                page = lhtml.fromstring(out)
                assert not page.xpath("//script")
                assert len(page.xpath("//li[starts-with(@id,'d')]")) == len(found)
            else:
                assert "\x1b" not in out and "\x00" not in out

    check()
