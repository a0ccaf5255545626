"""Fuzzing: random bytes and random HTML / MJML / Markdown / text built from real constructs.

Properties, whatever the input and the rule selection:
  * no exception escapes the engine (and nothing comes back as an "internal error" CTA000);
  * every finding's line/column (and end) is inside the file, end never before start;
  * the CLI exits 0 or 1 (2 is for usage errors only) and prints no traceback.

CI runs a few hundred examples in all (the default profile). Run many more locally with

    CTA_FUZZ_EXAMPLES=10000 python3 -m pytest -q tests/test_fuzz.py

(per test; ``-p no:randomly`` is not needed, hypothesis keeps its own database of failures).
"""
from __future__ import annotations

import os
import re

import pytest

hypothesis = pytest.importorskip("hypothesis")
from hypothesis import HealthCheck, given, settings, strategies as st  # noqa: E402

from cta_lint import sources  # noqa: E402
from cta_lint.engine import Linter, Settings  # noqa: E402
from cta_lint.registry import Registry  # noqa: E402

_N = int(os.environ.get("CTA_FUZZ_EXAMPLES", "0") or 0)
settings.register_profile("cta-ci", max_examples=60, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow,
                                                 HealthCheck.data_too_large])
settings.register_profile("cta-deep", max_examples=max(_N, 1), deadline=None,
                          suppress_health_check=[HealthCheck.too_slow,
                                                 HealthCheck.data_too_large])
settings.load_profile("cta-deep" if _N else "cta-ci")

REGISTRY = Registry()
CODES = sorted(REGISTRY.rules) + ["CTA000"]
_LONE_CR = re.compile(r"\r(?!\n)")


def linter_for(select) -> Linter:
    s = Settings()
    if select is not None:
        s.select = set(select) | {"CTA000"}
    return Linter(s, REGISTRY)


def assert_inside(text: str, findings) -> None:
    lines = _LONE_CR.sub("\n", text).split("\n")
    for f in findings:
        assert "internal error" not in f.message, f.message
        assert 1 <= f.line <= len(lines), (f, len(lines))
        assert 1 <= f.column <= len(lines[f.line - 1]) + 1, (f, lines[f.line - 1])
        assert 1 <= f.end_line <= len(lines), f
        assert 1 <= f.end_column <= len(lines[f.end_line - 1]) + 1, f
        assert (f.end_line, f.end_column) >= (f.line, f.column), f


# -- grammars -------------------------------------------------------------------------------------

WORDS = ["Buy now", "Start your free trial", "sign up today", "if you're interested",
         "feel free to", "we need more sales", "Thanks for reading!", "Our planner", "syncs",
         "calendars", "Best regards,", "Unsubscribe", "P.S.", "Book a demo", "learn more",
         "caf\u00e9", "\u2019s", "\u00a0", "\U0001F600", "\u200b", "e.g.", "3.5", "50% off",
         "\u05e9\u05dc\u05d5\u05dd", "features:", "includes", "and", ",", ".", "!", "?", "  ",
         "\n", "\r\n", "\r", "\t"]
ENTITIES = ["&amp;", "&nbsp;", "&#8217;", "&#x2019;", "&#0;", "&#x110000;", "&bogus;", "&", "&lt;",
            "&zwnj;", "&#65279;", "&amp"]
TEMPLATE = ["{{ first_name }}", "{{{ body }}}", "{% if vip %}", "{% endif %}", "{%", "{{", "}}",
            "%}", "{# note #}", "{#", "{{#each items}}", "{{/each}}", "{{> partial}}",
            "{{!-- c --}}", "{% raw %}", "{% endraw %}", "{% comment %}", "{{ ''.__class__ }}",
            "{% include '/etc/passwd' %}", "{{ x | safe }}"]
MISC = ["<!-- c -->", "<!--", "-->", "<![CDATA[ x ]]>", "<![CDATA[", "<!DOCTYPE html>",
        "<?xml version='1.0'?>", "<!--[if mso]>", "<![endif]-->", "</p>", "</td>", "</table>",
        "<", ">", "\"", "'", "</", "<br>", "<br/>", "<hr>", "<img src=x alt='Shop now'>",
        "<meta charset=iso-8859-1>", "<style>.h{display:none}</style>", "<script>x()</script>"]
TAGS = ["p", "div", "td", "tr", "table", "span", "a", "b", "ul", "ol", "li", "h1", "h3", "center",
        "blockquote", "font", "mj-section", "mj-column", "mj-text", "mj-button", "mj-image",
        "mj-preview", "mj-divider", "mjml", "mj-body", "o:p", "v:roundrect", "title", "title"]
ATTRS = ["", " href='https://x.io/signup'", " href=\"{{ url }}\"", " href=", " style='display:none'",
         " style=\"font-size:24px;font-weight:bold\"", " class=h", " alt='{{ alt }}'",
         " style='background:#f00;padding:10px'", " href='/blog' title=\"a > b\"", " x='", " y=\""]

atoms = st.one_of(st.sampled_from(WORDS), st.sampled_from(ENTITIES), st.sampled_from(TEMPLATE),
                  st.sampled_from(MISC), st.text(max_size=8))


def _element(children):
    return st.builds(
        lambda tag, attr, kids, close: f"<{tag}{attr}>" + "".join(kids) + (f"</{tag}>" if close else ""),
        st.sampled_from(TAGS), st.sampled_from(ATTRS), st.lists(children, max_size=5),
        st.booleans())


html_docs = st.recursive(atoms, _element, max_leaves=40).map(str)
html_pages = st.lists(html_docs, max_size=8).map("".join)

MD_LINE = st.one_of(
    st.sampled_from(["# ", "## ", "- ", "* ", "1. ", "> ", "    ", "```", "---", "| a | b |",
                     "|---|---|", "+++", "***", "[x]: /signup", "<div>", "</div>", "import X from 'y'",
                     "<Button href='/buy'>Buy</Button>", "  - ", "    - ", "\t* "]),
    st.builds(lambda t, u: f"[{t}]({u})", st.sampled_from(WORDS), st.sampled_from(
        ["https://x.io/buy", "/blog", "{{ url }}", "", "<>", "mailto:a@b.c"])),
    st.builds(lambda t: f"**{t}**", st.sampled_from(WORDS)),
    atoms)
md_docs = st.lists(st.lists(MD_LINE, max_size=6).map("".join), max_size=20).map("\n".join)
text_docs = st.lists(st.one_of(st.sampled_from(WORDS), atoms), max_size=60).map(" ".join)
selects = st.one_of(st.none(), st.sets(st.sampled_from(CODES), min_size=1))


# -- properties -----------------------------------------------------------------------------------

@given(doc=html_pages, select=selects)
def test_random_html_and_mjml(doc, select):
    f = linter_for(select).lint_text(doc, "html", "x.html")
    assert_inside(doc, f)


@given(doc=md_docs, select=selects)
def test_random_markdown(doc, select):
    f = linter_for(select).lint_text(doc, "markdown", "x.md")
    assert_inside(doc, f)


@given(doc=text_docs, fmt=st.sampled_from(["text", "eml", "html", "markdown"]), select=selects)
def test_random_text_in_every_format(doc, fmt, select):
    f = linter_for(select).lint_text(doc, fmt, "x")
    assert_inside(doc, f)


@given(data=st.one_of(st.binary(max_size=400),
                      html_pages.map(lambda s: s.encode("utf-8")),
                      html_pages.map(lambda s: s.encode("utf-16")),
                      md_docs.map(lambda s: s.encode("cp1252", "replace"))),
       name=st.sampled_from(["x.html", "x.md", "x.txt", "x.eml", "x.mjml", "x.hbs", "x.j2",
                             "x.html.j2", "-"]),
       select=selects)
def test_random_bytes(data, name, select):
    lin = linter_for(select)
    f = lin.lint_bytes(data, name)
    try:
        text, _ = sources.decode(data)
    except sources.ReadError:
        assert [x.rule for x in f] in ([], ["CTA000"])
        return
    if any(x.rule == "CTA000" for x in f):  # e.g. nesting past a parser's limit
        assert [x.rule for x in f] == ["CTA000"] and "internal error" not in f[0].message
        return
    assert_inside(text, f)


@settings(max_examples=max(_N // 20, 20) if _N else 20)
@given(files=st.lists(st.tuples(st.sampled_from([".html", ".md", ".txt", ".mjml"]),
                                st.one_of(html_pages, md_docs, text_docs)), min_size=1, max_size=4),
       select=selects, fmt=st.sampled_from(["text", "json"]))
def test_cli_exit_code_is_0_or_1(tmp_path_factory, files, select, fmt):
    from click.testing import CliRunner
    from cta_lint.cli import main
    d = tmp_path_factory.mktemp("fuzz")
    for i, (ext, body) in enumerate(files):
        (d / f"f{i}{ext}").write_bytes(body.encode("utf-8", "surrogatepass"))
    args = ["check", "--format", fmt, str(d)]
    if select:
        args[1:1] = ["--select", ",".join(sorted(select))]
    r = CliRunner().invoke(main, args)
    assert r.exception is None or isinstance(r.exception, SystemExit), r.exception
    assert r.exit_code in (0, 1), r.output


# -- webinars: decks and transcripts --------------------------------------------------------------
DECK_LINE = st.one_of(MD_LINE, st.sampled_from(
    ["---", "--", "----", "<!--", "-->", "<!-- _class: lead -->", "<!-- note: buy now -->",
     "Note:", "::right::", "layout: center", "## Questions?", "Q&A", "Thank you!", "```"]))
deck_docs = st.builds(lambda head, body: head + body, st.sampled_from(
    ["---\nmarp: true\n---\n", "---\ntheme: seriph\n---\n", "---\nrevealOptions:\n  a: 1\n---\n",
     ""]), st.lists(DECK_LINE, max_size=30).map("\n".join))
STAMP = st.sampled_from(["00:00:01.000", "00:01.500", "1:02:03.004", "00:00:01,000", "00:0x:01.000",
                         "99:99:99.999", "", "00:00:05.000"])
CUE_TEXT = st.one_of(st.sampled_from(["<v Dana>", "</v>", "HOST: ", "<i>", "</i>", "{\\an8}",
                                      "&amp;", "<c.x>", ">> ", "NOTE", "-->", "WEBVTT", "1",
                                      "any questions?", "let's open it up for questions."]),
                     st.sampled_from(WORDS), st.text(max_size=6))
cue = st.builds(lambda n, a, arrow, b, lines: f"{n}\n{a}{arrow}{b}\n" + "\n".join(lines),
                st.sampled_from(["", "1", "intro"]), STAMP, st.sampled_from([" --> ", "-->", " -> "]),
                STAMP, st.lists(st.lists(CUE_TEXT, max_size=5).map("".join), max_size=3))
transcripts = st.builds(lambda head, cues, sep: head + sep.join(cues),
                        st.sampled_from(["WEBVTT\n\n", "WEBVTT - talk\nKind: captions\n\n", "",
                                         "\ufeffWEBVTT\n\n"]),
                        st.lists(cue, max_size=12), st.sampled_from(["\n\n", "\r\n\r\n", "\n"]))


@given(doc=deck_docs, select=selects)
def test_random_decks(doc, select):
    f = linter_for(select).lint_text(doc, "deck", "x.md")
    assert_inside(doc, f)


@given(doc=transcripts, name=st.sampled_from(["x.vtt", "x.srt"]), select=selects)
def test_random_transcripts(doc, name, select):
    f = linter_for(select).lint_bytes(doc.encode("utf-8", "surrogatepass"), name)
    if any(x.rule == "CTA000" for x in f):   # a malformed file: one diagnostic, with its reason
        assert [x.rule for x in f] == ["CTA000"], f
        assert "internal error" not in f[0].message, f[0].message
        return
    assert_inside(sources.decode(doc.encode("utf-8", "surrogatepass"))[0], f)


_TEMPLATE_ATOMS = ["<%", "%>", "<%=", "<%#", "<% end %>", "<%= link_to x do %>", 'link_to "Buy", x',
                   "{!!", "!!}", "{{--", "--}}", "{{", "}}", "{%", "%}", "{#", "#}", "{{ end }}",
                   "{{ if .X }}", "{{ _('a b') }}", "@if(", "@endif", "@lang('Hi')",
                   "@lang('a\nb')", "@php", "@endphp", "@verbatim", "@endverbatim",
                   "@component('mail::button', ['url' => route('x')])",
                   "@component('mail::button', [\n'url' => $u])", "@endcomponent", "(", ")",
                   "'", '"', "$", "#", "%", "text ", "    ", "\n", "\r\n", "\r", "${", "${x}",
                   "$${price}", "<#if x>", "</#if>", "<#--", "-->", "<@m a=\"1\">", "</@m>", "{"]


@given(st.lists(st.sampled_from(_TEMPLATE_ATOMS), max_size=24),
       st.sampled_from(["html", "markdown", "text"]))
def test_template_masking_keeps_every_offset_and_line_end(atoms, fmt):
    """ERB, Blade, Go and Jinja tags in any mix: the masked text has the source's length and its
    line ends where they were, so every line:column found in it is the source's."""
    from cta_lint.sources.templates import mask
    src = "".join(atoms)
    m = mask(src, fmt)
    assert len(m.text) == len(src)
    assert [i for i, c in enumerate(m.text) if c in "\r\n"] == [
        i for i, c in enumerate(src) if c in "\r\n"]
