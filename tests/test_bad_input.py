"""A catalogue of bad input: what the user sees for each, exactly. The run always goes on with
the other files; unreadable files are CTA000 findings and are counted in the summary.

What each case yields is listed in docs/robustness.md (keep the two in step).
"""
from __future__ import annotations

import json
import os
import sys

import pytest

from conftest import run_cli

NO_ASK = "CTA001 [missing-ask] The ending has no explicit ask: it ends without any call to action."
ENDING = "Our planner syncs with every calendar.\n\nThanks for reading!\n"


def lines(r) -> list[str]:
    return r.stdout.splitlines()


def check(*args, **kw):
    # concise: one line per finding and the summary (the default text output adds excerpts)
    return run_cli("check", "--format", "concise", "--select", "CTA001", *args, **kw)


# -- empty and blank ----------------------------------------------------------------------------

@pytest.mark.parametrize("name,data", [("empty.html", b""), ("empty.md", b""),
                                       ("blank.md", b"  \n\t\n\n"), ("blank.html", b"\n   \n")])
def test_empty_or_blank_file_has_no_findings(tmp_path, name, data):
    """Decision: an empty (or whitespace-only) file has no copy, so nothing to ask for: no
    findings, not unreadable, exit 0."""
    p = tmp_path / name
    p.write_bytes(data)
    r = run_cli("check", p)
    assert r.returncode == 0, r.stderr
    assert r.stdout == "All clear: no findings in 1 file.\n"
    assert r.stderr == ""


# -- binary ---------------------------------------------------------------------------------------

def test_nul_bytes_are_unreadable_and_the_run_goes_on(tmp_path):
    (tmp_path / "a.txt").write_bytes(b"Hello\x00world")
    (tmp_path / "b.md").write_text(ENDING)
    r = check(tmp_path)
    assert r.returncode == 1
    assert lines(r) == [
        f"{tmp_path}/a.txt:1:1: CTA000 [unreadable] cannot read {tmp_path}/a.txt: binary file "
        "(contains NUL bytes), not copy",
        f"{tmp_path}/b.md:3:1: {NO_ASK}",
        "Found 2 findings (2 errors) in 2 files; 1 could not be read.",
    ]


def test_png_renamed_html_is_unreadable(tmp_path):
    p = tmp_path / "logo.html"
    p.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10")
    r = run_cli("check", "--format", "json", p)
    assert r.returncode == 1
    data = json.loads(r.stdout)
    assert data["findings"] == [{
        "path": str(p), "rule": "CTA000", "name": "unreadable", "severity": "error",
        "line": 1, "column": 1, "end_line": 1, "end_column": 1,
        "message": f"cannot read {p}: binary file (looks like an image, PDF or archive), not copy"}]


# -- encodings ------------------------------------------------------------------------------------

def test_invalid_utf8_falls_back_to_cp1252_with_a_note(tmp_path):
    p = tmp_path / "caf.txt"
    p.write_bytes("Our caf\xe9 planner syncs.\n\nThanks for reading!\n".encode("cp1252"))
    r = check("-q", p)
    assert r.returncode == 1
    assert r.stderr == f"cta-lint: note: {p}: not valid UTF-8 (byte 7); decoded as cp1252\n"
    assert lines(r) == [f"{p}:3:1: {NO_ASK}"]


def test_utf16_with_bom(tmp_path):
    p = tmp_path / "u16.html"
    p.write_bytes(b"\xff\xfe" + "<!-- caf\u00e9 -->\n<p>Thanks from the caf\u00e9!</p>\n".encode("utf-16-le"))
    r = check("-q", p)
    assert r.stderr == ""
    assert lines(r) == [f"{p}:2:4: {NO_ASK}"]


def test_meta_charset_latin1(tmp_path):
    p = tmp_path / "latin.html"
    p.write_bytes("<html><head><meta charset=iso-8859-1></head><body>\n<p>Caf\xe9 news.</p>\n"
                  "<p>\xc0 bient\xf4t!</p></body></html>\n".encode("latin-1"))
    r = run_cli("check", "--select", "CTA001", "--format", "json", p)
    assert r.stderr == f"cta-lint: note: {p}: decoded as iso-8859-1 (declared in <meta charset>)\n"
    f = json.loads(r.stdout)["findings"]
    assert [(x["rule"], x["line"], x["column"]) for x in f] == [("CTA001", 3, 4)]


# -- size and depth -------------------------------------------------------------------------------

@pytest.mark.slow
def test_ten_megabyte_single_line_text(tmp_path):
    unit = "Our planner syncs with every calendar and app, so nothing slips. "
    n = 10_000_000 // len(unit)
    p = tmp_path / "big.txt"
    p.write_text(unit * n + "Thanks for reading!")
    r = check("-q", "--format", "json", p)
    f = json.loads(r.stdout)["findings"]
    # one line is one paragraph: the missing ask is reported where that paragraph starts
    assert [(x["rule"], x["line"], x["column"]) for x in f] == [("CTA001", 1, 1)]
    assert r.stderr == ""


def test_max_file_size_skips_and_reports(tmp_path):
    p = tmp_path / "big.md"
    p.write_text("x" * 2000)
    (tmp_path / "ok.md").write_text(ENDING)
    r = check("--max-file-size", "1000", tmp_path)
    assert r.returncode == 1
    assert lines(r)[0] == (f"{p}:1:1: CTA000 [unreadable] skipped {p}: 2000 bytes is over the "
                           "--max-file-size limit of 1000")
    assert lines(r)[1] == f"{tmp_path}/ok.md:3:1: {NO_ASK}"
    assert lines(r)[-1] == "Found 2 findings (2 errors) in 2 files; 1 could not be read."


def test_hundred_thousand_nested_divs(tmp_path):
    p = tmp_path / "deep.html"
    p.write_text("<div>" * 100_000 + "Thanks" + "</div>" * 100_000)
    r = check("-q", p)
    assert r.returncode == 1
    assert lines(r) == [f"{p}:1:1: CTA000 [unreadable] cannot parse {p}: elements nested deeper "
                        "than 256 levels (the HTML parser's limit)"]


@pytest.mark.parametrize("marker", ["- ", "> ", "1. "])
def test_hundred_thousand_nested_list_levels(tmp_path, marker):
    p = tmp_path / "deep.md"
    p.write_text(marker * 100_000 + "Thanks for reading\n")
    r = check("-q", p)
    assert lines(r) == [f"{p}:1:1: CTA000 [unreadable] cannot parse {p}: lists or quotes nested "
                        "deeper than 50 levels (the Markdown parser's limit)"]


def test_ordinary_nesting_is_linted(tmp_path):
    p = tmp_path / "nested.md"
    p.write_text("Intro.\n\n" + "- " * 12 + "Thanks for reading\n")
    assert lines(check("-q", p)) == [f"{p}:3:25: {NO_ASK}"]


# -- broken markup and templates ------------------------------------------------------------------

def test_unterminated_html_comment_hides_the_rest(tmp_path):
    p = tmp_path / "c.html"
    p.write_text("<p>Thanks for reading!</p>\n<!-- draft: <p><a href='/buy'>Buy now</a></p>\n")
    r = check("-q", p)
    assert r.stderr == ""
    assert lines(r) == [f"{p}:1:4: {NO_ASK}"]


def test_unterminated_template_tag_is_a_note(tmp_path):
    p = tmp_path / "t.html"
    p.write_text("<p>Our planner syncs.</p>\n<p>{% if user Thanks for reading!</p>\n")
    r = check("-q", p)
    assert r.stderr == f"cta-lint: note: {p}: unterminated template tag '{{%'\n"
    assert r.returncode in (0, 1)
    assert "Traceback" not in r.stderr


@pytest.mark.parametrize("tag", ["{%\n%}", "{% %}", "{%-\t-%}", "{{\n}}", "{#\n#}"])
def test_empty_template_tags(tmp_path, tag):
    """Found by fuzzing: a tag with only whitespace inside raised IndexError."""
    p = tmp_path / "t.md"
    p.write_text(f"Our planner syncs. {tag}\n\nThanks for reading!\n")
    r = check("-q", p)
    assert (r.returncode, r.stderr) == (1, "")
    assert lines(r) == [f"{p}:{3 + tag.count(chr(10))}:1: {NO_ASK}"]


def test_unclosed_if_block_is_just_text(tmp_path):
    p = tmp_path / "t.html"
    p.write_text("<p>Our planner syncs.</p>\n<p>{% if user %}Thanks for reading!</p>\n")
    r = check("-q", p)
    assert r.stderr == ""
    assert lines(r) == [f"{p}:2:17: {NO_ASK}"]  # the text after the masked tag


def test_handlebars_the_jinja_lexer_cannot_read(tmp_path):
    p = tmp_path / "h.hbs"
    p.write_text("<p>{{#each items}}{{this}}{{/each}} {{> footer}}</p>\n"
                 "<p>{{{raw_html}}} Thanks for reading!</p>\n")
    r = check("-q", p)
    assert r.stderr == ""
    # {{{raw_html}}} reads as the word "raw_html", right-aligned in the tag's 14 columns
    assert lines(r) == [f"{p}:2:10: {NO_ASK}"]


# -- paths ----------------------------------------------------------------------------------------

def test_missing_path(tmp_path):
    p = tmp_path / "nope.html"
    (tmp_path / "ok.md").write_text(ENDING)
    r = check(p, tmp_path / "ok.md")
    assert r.returncode == 1
    assert lines(r)[0] == f"{p}:1:1: CTA000 [unreadable] cannot read {p}: no such file"
    assert lines(r)[-1] == "Found 2 findings (2 errors) in 2 files; 1 could not be read."


def test_directory_given_where_a_file_is_expected(tmp_path):
    from cta_lint.engine import Linter
    d = tmp_path / "looks_like.html"
    d.mkdir()
    f = Linter().lint_file(str(d))
    assert [(x.rule, x.message) for x in f] == [("CTA000", f"cannot read {d}: is a directory")]
    # on the command line a folder is walked (here: nothing to lint) ...
    r = run_cli("check", d)
    assert (r.returncode, r.stdout) == (0, "All clear: no findings in 0 files.\n")
    # ... and --output-file must be a file
    r = run_cli("check", "--output-file", d, tmp_path)
    assert r.returncode == 2
    assert "is a directory" in r.stderr


def test_fifo_is_not_read(tmp_path):
    if not hasattr(os, "mkfifo"):
        pytest.skip("no FIFOs here")
    p = tmp_path / "pipe.html"
    os.mkfifo(p)
    r = check("-q", p)
    assert lines(r) == [f"{p}:1:1: CTA000 [unreadable] cannot read {p}: not a regular file"]


@pytest.mark.skipif(sys.platform == "win32" or os.geteuid() == 0,
                    reason="root reads files whatever their mode")
def test_unreadable_file_permissions(tmp_path):
    p = tmp_path / "secret.md"
    p.write_text(ENDING)
    p.chmod(0)
    try:
        r = check("-q", p)
    finally:
        p.chmod(0o644)
    assert lines(r) == [f"{p}:1:1: CTA000 [unreadable] cannot read {p}: permission denied"]


def test_unreadable_file_permission_error(tmp_path, monkeypatch):
    """Same diagnostic, forced in-process (works when the tests run as root)."""
    from cta_lint import engine
    p = tmp_path / "secret.md"
    p.write_text(ENDING)

    def deny(path, *a, **kw):
        raise PermissionError(13, "Permission denied", path)
    monkeypatch.setattr(engine, "open", deny, raising=False)
    f = engine.Linter().lint_file(str(p))
    assert [(x.rule, x.message) for x in f] == [("CTA000", f"cannot read {p}: permission denied")]


def test_symlink_loop_while_walking(tmp_path):
    d = tmp_path / "site"
    (d / "sub").mkdir(parents=True)
    (d / "sub" / "a.md").write_text(ENDING)
    os.symlink("..", d / "sub" / "up")           # loop: site/sub/up -> site
    os.symlink(d / "sub", d / "sub" / "self")     # loop: site/sub/self -> site/sub
    os.symlink(tmp_path / "gone.md", d / "dangling.md")
    r = check(d)
    assert lines(r) == [
        f"{d}/dangling.md:1:1: CTA000 [unreadable] cannot read {d}/dangling.md: no such file",
        f"{d}/sub/a.md:3:1: {NO_ASK}",
        "Found 2 findings (2 errors) in 2 files; 1 could not be read.",
    ]


def test_path_with_spaces_and_non_ascii(tmp_path):
    d = tmp_path / "Q3 campañas"
    d.mkdir()
    p = d / "naïve draft ✉.md"
    p.write_text(ENDING)
    r = check("-q", d)
    assert lines(r) == [f"{p}:3:1: {NO_ASK}"]
    r = check("--format", "json", p)
    assert json.loads(r.stdout)["findings"][0]["path"] == str(p)


# -- line endings ---------------------------------------------------------------------------------

@pytest.mark.parametrize("nl", ["\n", "\r\n", "\r"], ids=["LF", "CRLF", "CR"])
@pytest.mark.parametrize("ext,doc,where", [
    ("html", "<p>Hello there.</p>\n<p>We built\n a thing.</p>\n\n  <p>Thanks for <b>reading</b>!</p>\n",
     (5, 6)),
    ("md", "Hello there.\n\nWe built a thing.\n\n> Thanks for reading!\n", (5, 3)),
    ("txt", "Hello there.\n\nWe built a thing.\n\n   Thanks for reading!\n", (5, 4)),
    # an .eml whose body is all there is (found by the fuzzer: a lone CR was not a line end)
    ("eml", "Subject: News\n\nHello there.\n\nWe built a thing.\n\n   Thanks for reading!\n",
     (7, 4)),
])
def test_line_endings_keep_lines_and_columns(tmp_path, nl, ext, doc, where):
    p = tmp_path / f"x.{ext}"
    p.write_bytes(doc.replace("\n", nl).encode())
    r = check("-q", "--format", "json", p)
    f = json.loads(r.stdout)["findings"]
    assert [(x["line"], x["column"]) for x in f] == [where]
