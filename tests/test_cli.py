"""The command line as a user runs it: exit codes, selection, stdin, rules, explain, CTA000."""
import json
import os

import pytest

from conftest import EXAMPLES, run_cli

BAD_MD = "# Update\n\nWe shipped dark mode.\n\nThanks for reading!\n"


def test_text_output_format_and_exit_code(tmp_path):
    p = tmp_path / "news.md"
    p.write_text(BAD_MD)
    r = run_cli("check", p)
    assert r.returncode == 1
    first = r.stdout.splitlines()[0]
    assert first.startswith(f"{p}:5:1: CTA001 [missing-ask] The ending has no explicit ask")
    assert "Found 1 finding (1 error) in 1 file." in r.stdout


def test_clean_file_exits_zero(tmp_path):
    p = tmp_path / "ok.md"
    p.write_text("We shipped dark mode.\n\n[Start your free trial](https://x.example/signup)\n")
    r = run_cli("check", p)
    assert r.returncode == 0, r.stdout
    assert "All clear" in r.stdout


def test_select_and_ignore_accept_names_and_codes(tmp_path):
    p = tmp_path / "news.md"
    p.write_text(BAD_MD)
    assert run_cli("check", "--ignore", "missing-ask", p).returncode == 0
    assert run_cli("check", "--ignore", "CTA001", p).returncode == 0
    assert run_cli("check", "--select", "seller-centric", p).returncode == 0
    r = run_cli("check", "--select", "CTA001,CTA003", "--format", "json", p)
    assert [f["rule"] for f in json.loads(r.stdout)["findings"]] == ["CTA001"]


def test_unknown_rule_is_usage_error(tmp_path):
    r = run_cli("check", "--select", "CTA999", tmp_path)
    assert r.returncode == 2
    assert "unknown rule 'CTA999'" in r.stderr


def test_stdin_with_filename_picks_reader():
    r = run_cli("check", "--format", "json", "--stdin-filename", "draft.html", "-",
                input="<p>We shipped dark mode.</p><p>Thanks for reading!</p>")
    data = json.loads(r.stdout)
    assert r.returncode == 1
    assert data["findings"][0]["path"] == "draft.html"
    assert (data["findings"][0]["line"], data["findings"][0]["column"]) == (1, 32)


def test_plain_stdin_is_text():
    r = run_cli("check", "-", input="Our planner syncs with every calendar.\n\nThanks for reading.\n")
    assert r.returncode == 1
    assert r.stdout.startswith("-:3:1: CTA001")


def test_missing_file_is_cta000_and_run_goes_on(tmp_path):
    good = tmp_path / "ok.txt"
    good.write_text("Buy now at https://shop.example\n")
    r = run_cli("check", "--format", "json", tmp_path / "nope.md", good)
    data = json.loads(r.stdout)
    assert r.returncode == 1
    assert data["files"] == 2
    assert [(f["rule"], f["name"]) for f in data["findings"]] == [("CTA000", "unreadable")]
    assert "no such file" in data["findings"][0]["message"]
    assert "Traceback" not in r.stderr


def test_rules_and_explain():
    r = run_cli("rules")
    assert r.returncode == 0
    for code, name in [("CTA001", "missing-ask"), ("CTA002", "feature-dump"),
                       ("CTA003", "seller-centric"), ("CTA004", "weak-ask")]:
        assert code in r.stdout and name in r.stdout
    r = run_cli("explain", "missing-ask")
    assert r.returncode == 0
    assert r.stdout.startswith("CTA001 [missing-ask] (error")
    assert "Bad:" in r.stdout and "Good:" in r.stdout
    assert run_cli("explain", "CTA042").returncode == 2


def test_examples_directory():
    r = run_cli("check", "--format", "json", EXAMPLES)
    data = json.loads(r.stdout)
    by_file = {}
    for f in data["findings"]:
        by_file.setdefault(f["path"].split("examples/")[-1], set()).add(f["rule"])
    for good in ("html/good-spring-sale.html", "mjml/good-webinar-invite.mjml",
                 "markdown/good-landing.md", "text/good-cold-email.txt", "text/good-sms.txt",
                 "templates/trial-ending.html.j2", "markdown/webinar-script.md", "eml/good.eml",
                 "webinar/good-deck.md", "webinar/good-webinar.vtt"):
        assert good not in by_file, (good, by_file.get(good))
    assert by_file["html/bad-product-update.html"] == {"CTA001", "CTA002"}
    assert by_file["mjml/bad-new-collection.mjml"] == {"CTA001", "CTA002", "CTA003"}
    assert by_file["markdown/bad-newsletter.md"] == {"CTA001", "CTA002", "CTA003", "CTA005"}
    assert by_file["eml/bad.eml"] == {"CTA005", "CTA006", "CTA007"}
    assert by_file["html/dead-button.html"] == {"CTA006"}
    assert by_file["text/bad-cold-email.txt"] == {"CTA003", "CTA004"}
    assert by_file["webinar/bad-deck.md"] == {"CTA001", "CTA002", "CTA005", "CTA008"}
    assert by_file["webinar/bad-webinar.srt"] == {"CTA003", "CTA004", "CTA005"}


def test_python_api():
    import cta_lint
    fs = cta_lint.lint_text("We shipped dark mode.\n\nThanks for reading!\n", format="text")
    assert [(f.rule, f.line, f.column) for f in fs] == [("CTA001", 3, 1)]
    fs = cta_lint.lint_paths([EXAMPLES / "text" / "bad-cold-email.txt"])
    assert {f.rule for f in fs} == {"CTA003", "CTA004"}


def test_python_api_select_takes_what_the_command_line_takes():
    import cta_lint
    copy = ("We built a tool.\n\n- Fast sync\n- Offline mode\n- Nightly backups\n\n"
            "Thanks for reading!\n")
    assert sorted({f.rule for f in cta_lint.lint_text(copy, format="markdown")}) == [
        "CTA001", "CTA002"]
    only = cta_lint.lint_text(copy, format="markdown", select=["CTA00"], ignore="missing-ask")
    assert sorted({f.rule for f in only}) == ["CTA002"]
    assert {f.rule for f in cta_lint.lint_text(copy, format="markdown", select="ALL")} == {
        "CTA001", "CTA002"}
    with pytest.raises(ValueError, match="CTA999"):
        cta_lint.lint_text(copy, format="markdown", select=["CTA999"])


def test_python_api_uses_the_configuration_the_cli_uses(tmp_path):
    import cta_lint
    copy = "We shipped dark mode.\n\nThanks for reading!\n"
    (tmp_path / "emails").mkdir()
    (tmp_path / "emails" / "news.txt").write_text(copy)
    (tmp_path / "emails" / "old.txt").write_text(copy)
    (tmp_path / "pyproject.toml").write_text(
        '[tool.cta-lint]\nexclude = ["emails/old.txt"]\nselect = ["CTA001", "CTA005"]\n'
        '[tool.cta-lint.per-file-ignores]\n"emails/news.txt" = ["CTA005"]\n')
    (tmp_path / ".git").mkdir()
    fs = cta_lint.lint_paths([tmp_path / "emails"])
    assert [(os.path.basename(f.path), f.rule) for f in fs] == [("news.txt", "CTA001")]
    assert cta_lint.lint_paths([tmp_path / "emails"], ignore=["missing-ask"]) == []
    fs = cta_lint.lint_paths([tmp_path / "emails"], isolated=True)
    assert sorted(os.path.basename(f.path) for f in fs) == ["news.txt", "old.txt"]
    bad = tmp_path / "bad.toml"
    bad.write_text("select = ['CTA999']\n")
    with pytest.raises(ValueError, match="CTA999"):
        cta_lint.lint_paths([tmp_path / "emails"], config=bad)
