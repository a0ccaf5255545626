"""Inline directives in HTML, Markdown, Jinja/Liquid/Handlebars templates and plain text."""
from __future__ import annotations

import json

from conftest import run_cli

KNOWN = {"CTA001", "CTA002", "CTA003", "CTA004", "CTA090"}
SELLER = "Our planner is new. Help us hit our target."


def lint(tmp_path, name, text, *args):
    (tmp_path / ".git").mkdir(exist_ok=True)
    (tmp_path / name).write_text(text, encoding="utf-8")
    res = run_cli("check", "--isolated", "--format", "json", *args, name, cwd=tmp_path)
    assert res.returncode in (0, 1), res.stderr
    data = json.loads(res.stdout)
    # only the rules these tests are about (other rules may fire as they are added)
    data["findings"] = [f for f in data["findings"] if f["rule"] in KNOWN]
    return [(f["rule"], f["line"]) for f in data["findings"]], data


def test_baseline_without_directives(tmp_path):
    got, _ = lint(tmp_path, "a.md", f"{SELLER}\n\nThanks for reading!\n")
    assert got == [("CTA003", 1), ("CTA001", 3)]


def test_markdown_disable_enable_range(tmp_path):
    text = (f"<!-- cta-lint-disable CTA003 -->\n\n{SELLER}\n\n<!-- cta-lint-enable CTA003 -->\n\n"
            f"{SELLER}\n\nThanks for reading!\n")
    got, _ = lint(tmp_path, "a.md", text)
    assert got == [("CTA003", 7), ("CTA001", 9)]


def test_markdown_disable_all_then_enable_one(tmp_path):
    text = (f"<!-- cta-lint-disable -->\n\n{SELLER}\n\n<!-- cta-lint-enable missing-ask -->\n\n"
            f"{SELLER}\n\nThanks for reading!\n")
    got, _ = lint(tmp_path, "a.md", text)
    assert got == [("CTA001", 9)]


def test_markdown_disable_next_line_by_name(tmp_path):
    text = f"<!-- cta-lint-disable-next-line seller-centric -->\n{SELLER}\n\n{SELLER}\n\nBuy now: https://x.com\n"
    got, _ = lint(tmp_path, "a.md", text)
    assert got == [("CTA003", 4)]


def test_html_disable_next_line_and_file(tmp_path):
    html = ("<html><body>\n<!-- cta-lint-disable-next-line CTA003 -->\n"
            f"<p>{SELLER}</p>\n<p>{SELLER}</p>\n<p>Thanks for reading!</p>\n</body></html>\n")
    got, _ = lint(tmp_path, "a.html", html)
    assert got == [("CTA001", 5), ("CTA003", 4)] or got == [("CTA003", 4), ("CTA001", 5)]
    got, _ = lint(tmp_path, "b.html", html.replace("</body>", "<!-- cta-lint-disable-file CTA001 --></body>"))
    assert got == [("CTA003", 4)]


def test_html_disable_line(tmp_path):
    html = f"<p>{SELLER} <!-- cta-lint-disable-line --></p>\n<p>Buy now: <a href='https://x.com/buy'>Buy now</a></p>\n"
    got, _ = lint(tmp_path, "a.html", html)
    assert got == []


def test_jinja_comment(tmp_path):
    text = ("{# cta-lint-disable-file missing-ask #}\n<p>Hi {{ name }},</p>\n"
            f"<p>{SELLER}</p>\n<p>Thanks for reading!</p>\n")
    got, _ = lint(tmp_path, "a.html.j2", text)
    assert got == [("CTA003", 3)]
    got, _ = lint(tmp_path, "b.html.j2", text.replace("{#", "{#-").replace("#}", "-#}"))
    assert got == [("CTA003", 3)]


def test_liquid_comment_block_and_inline(tmp_path):
    text = ("{% comment %} cta-lint-disable-next-line CTA003 {% endcomment %}\n"
            f"<p>{SELLER}</p>\n<p>Thanks for reading!</p>\n")
    got, _ = lint(tmp_path, "a.liquid", text)
    assert got == [("CTA001", 3)]
    got, _ = lint(tmp_path, "b.liquid", text.replace(
        "{% comment %} cta-lint-disable-next-line CTA003 {% endcomment %}",
        "{% # cta-lint-disable-file %}"))
    assert got == []


def test_handlebars_comments(tmp_path):
    text = ("{{!-- cta-lint-disable CTA003 --}}\n"
            f"<p>{SELLER}</p>\n{{{{! cta-lint-disable-file CTA001 }}}}\n<p>Thanks for reading!</p>\n")
    got, _ = lint(tmp_path, "a.hbs", text)
    assert got == []


def test_plain_text_directive_lines(tmp_path):
    text = f"cta-lint: disable-file=CTA001\n\n{SELLER}\n\nThanks for reading!\n"
    got, _ = lint(tmp_path, "a.txt", text)
    assert got == [("CTA003", 3)]
    text = f"# cta-lint: disable-next-line=CTA003\n{SELLER}\n\nThanks for reading!\n"
    got, _ = lint(tmp_path, "b.txt", text)
    assert [c for c, _ in got] == ["CTA001"]
    text = f"cta-lint: disable\n\n{SELLER}\n\ncta-lint: enable=CTA001\n\nThanks for reading!\n"
    got, _ = lint(tmp_path, "c.txt", text)
    assert [c for c, _ in got] == ["CTA001"]
    # CRLF line ends (a draft saved on Windows): the same lines, the same effect
    text = f"# cta-lint: disable-next-line=CTA003\r\n{SELLER}\r\n\r\nThanks for reading!\r\n"
    got, _ = lint(tmp_path, "d.txt", text)
    assert [c for c, _ in got] == ["CTA001"]


def test_unknown_code_in_directive_is_reported(tmp_path):
    text = f"{SELLER}\n\n<!-- cta-lint-disable-next-line CTA0X, seller-centric -->\nBuy now: https://x.com\n"
    got, data = lint(tmp_path, "a.md", text)
    assert ("CTA090", 3) in got and ("CTA003", 1) in got
    f = [f for f in data["findings"] if f["rule"] == "CTA090"][0]
    assert f["column"] == 1 and "CTA0X" in f["message"] and f["name"] == "bad-directive"
    # only an unknown code: it does not silently become "disable everything"
    got, _ = lint(tmp_path, "b.md", f"<!-- cta-lint-disable-file NOPE -->\n{SELLER}\n\nThanks!\n")
    assert sorted(got) == [("CTA001", 2), ("CTA003", 2), ("CTA090", 1)]
    got, _ = lint(tmp_path, "c.md", f"<!-- cta-lint-disable-file NOPE -->\n{SELLER}\n\nThanks!\n",
                  "--ignore", "bad-directive")
    assert sorted(got) == [("CTA001", 2), ("CTA003", 2)]


def test_suppressed_count_and_show_suppressed(tmp_path):
    (tmp_path / ".git").mkdir()
    (tmp_path / "a.md").write_text(f"<!-- cta-lint-disable-file CTA003 -->\n{SELLER}\n\nThanks!\n")
    res = run_cli("check", "--isolated", "a.md", cwd=tmp_path)
    assert res.stdout.splitlines()[-1] == ("Found 1 finding (1 error) in 1 file; 1 suppressed by "
                                           "inline directives.")
    assert "CTA003" not in res.stdout
    res = run_cli("check", "--isolated", "--show-suppressed", "a.md", cwd=tmp_path)
    assert "a.md:2:21: CTA003 [seller-centric] (suppressed)" in res.stdout
    res = run_cli("check", "--isolated", "--show-suppressed", "--format", "json", "a.md",
                  cwd=tmp_path)
    data = json.loads(res.stdout)
    assert [f["rule"] for f in data["findings"]] == ["CTA001"]
    assert [(f["rule"], f["line"]) for f in data["suppressed"]] == [("CTA003", 2)]
    res = run_cli("check", "--isolated", "--format", "json", "a.md", cwd=tmp_path)
    assert "suppressed" not in json.loads(res.stdout)


def test_directive_in_stdin(tmp_path):
    res = run_cli("check", "--isolated", "--stdin-filename", "x.md", "-",
                  input="<!-- cta-lint-disable-file -->\nThanks for reading!\n")
    assert res.returncode == 0
    assert res.stdout.strip() == "All clear: no findings in 1 file; 1 suppressed by inline directives."
