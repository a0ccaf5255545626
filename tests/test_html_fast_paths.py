"""The HTML reader's fast paths answer exactly what the plain regexes they replace answer.

The HTML reader (sources/html/: styles.py, markup.py) tests style attributes lower-cased and
case-sensitively (IGNORECASE patterns get no literal-prefix scan), finds <style> blocks in
steps, matches tag ends with an unrolled pattern and remembers style facts and decoded entities. Each is checked here against the
original formulation on random inputs built from the pieces that matter, including the
characters IGNORECASE treats specially (KELVIN SIGN, LONG S, dotted and dotless I).
"""
import random
import re

from cta_lint.document import Link
from cta_lint.sources import html as H
from cta_lint.sources.html import markup as M, styles as S, tags as T, walk as W

_COLLAPSE = re.compile(r"\s{2,}|[^\S ]")   # the plain form of document._COLLAPSE_RUN

ODD = ["\u212a", "\u017f", "\u0130", "\u0131"]   # K, long s, dotted I, dotless i


def _strings(atoms, n, seed, most=10):
    rnd = random.Random(seed)
    for _ in range(n):
        yield "".join(rnd.choice(atoms) for _ in range(rnd.randint(0, most)))


def test_style_tests_match_the_ignorecase_patterns():
    atoms = ["display", "DISPLAY", "Display", ":", " ", "none", "NONE", "visibility", "hidden",
             "HIDDEN", "height", "max-height", "0", "0px", "!important", ";", "overflow",
             "font-size", "Font-Size", "opacity", "0.0", "12", "px", "PT", "em", "rem", "20",
             "17", "font-weight", "bold", "700", "background", "-color", "#fff", "padding",
             "block", "inline-block", '"', "\n", "\t", ".5", "collapse", "0.00", "%", ".0", "em",
             "float", "left", "right", "flex", "table", "list-item", *ODD]
    for s in _strings(atoms, 20000, 1):
        assert S._style_hidden(s) == bool(S._HIDDEN_STYLE.search(s)), s
        m = S._FONT_SIZE.search(s)
        assert S._style_px(s) == (S._px(m) if m else None), s
        assert S._style_bold(s) == bool(S._BOLD.search(s)), s
        assert S._style_button(s) == bool(S._BUTTON_STYLE.search(s)), s
        assert S._style_zero(s) == bool(S._FONT_ZERO.search(s)), s
        assert S._style_breaks(s) == bool(S._BREAKS.search(s)), s
        assert S._style_facts(s) == (S._style_hidden(s), S._style_px(s), S._style_zero(s),
                                     S._style_breaks(s)), s


def test_style_blocks_match_the_style_block_pattern():
    atoms = ["<style>", "<STYLE type='x'>", "<\u017ftyle>", "<style", "</style>", "</STYLE >",
             "</\u017ftyle\n>", "</style", ">", "<", "a", " ", "\n", "<styles>", "<style/>", "{",
             "}", ".x{display:none}", "<p>", *ODD]
    for s in _strings(atoms, 20000, 2, most=12):
        assert S._style_blocks(s) == [m.group(1) for m in S._STYLE_BLOCK.finditer(s)], s


def test_unrolled_tag_end_matches_the_original():
    original = re.compile(r"""(?:[^>"']|"[^"]*"|'[^']*')*>""")
    rnd = random.Random(3)
    for s in _strings(list("ab>\"' <\n="), 20000, 3, most=14):
        i = rnd.randint(0, len(s))
        a, b = original.match(s, i), M._TAG_END.match(s, i)
        assert (a and a.end()) == (b and b.end()), (s, i)


def test_remembered_entities_decode_like_html_unescape():
    import html
    for ref in ["&amp;", "&amp", "&nbsp;", "&zwnj;", "&#8203;", "&#x200B;", "&#173;", "&mdash;",
                "&notanentity;", "&#99999999;", "&#x110000;", "&AElig", "&copy2025"]:
        dec, visible = M._entity(ref)
        assert dec == html.unescape(ref)
        assert visible == (bool(dec) and dec not in M._ZERO_WIDTH
                           and not all(ch in M._ZERO_WIDTH for ch in dec))
        assert M._ENTITIES[ref] == (dec, visible)


def test_cursor_offsets_survive_stray_markup():
    """Stray end tags, comments, conditional comments and implied ends: every block still
    starts where its text is in the source."""
    src = ("<table><tr><td>One</span></b> <!-- c --><p>Two &amp; three</td></tr></table>"
           "<!--[if mso]><p>mso</p><![endif]--><div>Four<br>five</div></p></div>"
           "<P CLASS=x>Six</P>   <p>seven</p>")
    doc = H.read(src)
    for b in doc.blocks:
        first = b.text.split()[0]
        assert src[b.start:b.start + len(first)] == first, (b.text, b.start)


def test_add_mapped_skips_collapsing_only_collapsed_text():
    from cta_lint.document import TextBuilder
    atoms = ["a", "Bé", " ", "  ", "\n", "\t", "\xa0", "\u2003", "\u200b", "\u2063", "→", "x y"]
    for s in _strings(atoms, 20000, 4, most=8):
        if not s or len(s) == 1 or s.isspace():
            continue   # the other branches of add_mapped
        tb = TextBuilder()
        tb.add("w", 0)
        tb.soft_space()
        tb.add_mapped(s, 7)
        assert tb.text() == "w " + " ".join(s.split()), repr(s)
        assert tb.anchors[1:] == list(range(2, tb.length)) and tb.srcs[1:] == [7] * (tb.length - 2)


def test_whitespace_between_inline_elements_separates_words():
    """The whitespace fast path must still keep the space between two inline elements' words:
    "<strong>Start</strong> <em>your free trial</em>" is an ask, "Startyour free trial" is not."""
    import cta_lint
    src = ("<html><body><table><tr><td>\n<h1>Spring is here</h1>\n"
           "<p>Our new planner keeps every project on one page, so your team knows what is next.</p>\n"
           "<p><strong>Start</strong> <em>your free trial</em> today, or\n"
           "<a href=\"https://www.northwind.com/demo\"><b>book</b>\n  <i>a demo</i></a>.</p>\n"
           "</td></tr></table></body></html>")
    doc = H.read(src)
    last = doc.blocks[-1]
    assert last.text == "Start your free trial today, or book a demo."
    assert [ln.text for ln in last.links] == ["book a demo"]
    # every word still maps to where it stands in the source
    for word in ("your", "today", "book", "demo"):
        assert src[last.src(last.text.index(word)):].startswith(word)
    assert cta_lint.lint_text(src, "html") == []


_SOUP = ["<p>", "</p>", "<div>", "</div>", "<td>", "</td>", "<tr>", "</tr>", "<table>", "</table>",
         "<a href='/x'>", "</a>", "<b>", "</b>", "<i>", "</i>", "<span style='display:none'>",
         "<span>", "</span>", "<br>", "<img alt='Buy now' src=x>", "<li>", "</li>", "<ul>", "</ul>",
         "<h2>", "</h2>", "<!-- c -->", "<!--[if mso]>", "<![endif]-->", "&amp;", "&nbsp;",
         "&zwnj;", "&mdash;", "&", "<", ">", "Buy", "now", "hello world", " ", "  ", "\n", "\t",
         "\n    ", "\r\n  ", "\xa0", "<style>.h{display:none}</style>", "<p class=h>",
         "<p style='font-size:22px'>", "<td style=\"font-size:18px;font-weight:bold\">",
         "<input type=submit value='Sign up'>", "<button>Go</button>", "<title>Subj</title>",
         "<hr>", "<blockquote>", "</blockquote>", "<mj-button href='/b'>", "</mj-button>",
         "<center>", "</x>", "<?pi?>", "<P>", "</P>", "<div hidden>", "<o:p>", "</o:p>",
         "<td style='color:red'>", "<table style='width:100%'>", "\u0130", "\u212a", "é"]
# inline elements, words and whitespace between them are what most fast paths are about: more
_SOUP += ["<b>", "</b>", "<i>", "</i>", "<a href='/y'>", "</a>", "<span>", "</span>", "Buy",
          "now", "Start", " ", "\n  ", "\n"] * 2


def _reading(src):
    doc = H.read(src)
    return (doc.subject, doc.preheader,
            [(b.kind, b.text, b.anchors, b.srcs, b.end, b.level, b.group, b.ordered,
              [(ln.text, ln.href, ln.start, ln.end, ln.image, ln.templated_href) for ln in b.links])
             for b in doc.blocks])


def _soups(n, seed):
    rnd = random.Random(seed)
    for _ in range(n):
        yield "".join(rnd.choice(_SOUP) for _ in range(rnd.randint(1, 40)))


def _well_formed(rnd, depth=0, inline=False, in_link=False):
    """A random well-formed email fragment: block elements holding blocks or inline content,
    inline elements (links, styled spans, images) holding inline content only, dividers,
    comments, entities and indentation; every element closed where HTML closes it, no link in a link."""
    words = ["Buy", "now", "Start your free trial", "hello&nbsp;world", "caf\u00e9", "&amp;",
             "Sign&shy;up", "50% off", "Thanks!"]
    ws = ["", " ", "\n  ", "\n    ", "\t"]
    inline_tags = [("span", ""), ("b", ""), ("a", " href='https://x.example.org/go'"),
                   ("span", " style='display:block'"), ("span", " style='font-size:0'"),
                   ("span", " style='font-size:0'><span style='font-size:14px'")]
    block_tags = [("p", ""), ("div", " style='padding:4px'"), ("h2", ""), ("blockquote", ""),
                  ("td", ""), ("div", " style='display:none'"), ("td", " style='font-size:0'"),
                  ("p", " style='font-size:22px'")]
    out = []
    for _ in range(rnd.randint(1, 4)):
        r = rnd.random()
        if depth > 4 or r < 0.3:
            out.append(rnd.choice(ws) + rnd.choice(words) + rnd.choice(ws))
        elif r < 0.35:
            out.append(rnd.choice(["<br>", "<img src=x alt='Shop the sale'>", "<!-- note -->",
                                   "&nbsp;", "<input type=submit value='Join now'>"]
                                  + ([] if inline else ["<hr>", "<!--[if mso]><table><tr><td>"
                                                                "<![endif]-->"])))
        else:
            tag, attrs = rnd.choice(inline_tags if inline else inline_tags + block_tags)
            if tag == "a" and in_link:
                tag, attrs = "b", ""
            if tag == "td":
                inner = _well_formed(rnd, depth + 1, False, in_link)
                out.append(f"<table><tr><td{attrs}>{inner}</td></tr></table>")
            else:
                holds_inline = inline or tag in ("span", "b", "a", "p", "h2")
                inner = _well_formed(rnd, depth + 1, holds_inline, in_link or tag == "a")
                close = "</span></span>" if attrs.endswith("14px'") else f"</{tag}>"
                out.append(f"<{tag}{attrs}>{rnd.choice(ws)}{inner}{rnd.choice(ws)}{close}")
        out.append(rnd.choice(ws))
    return "".join(out)


def test_lazy_cursor_reads_well_formed_markup_like_one_that_finds_every_tag(monkeypatch):
    """The cursor goes only where an offset is reported (text, links, images, inputs,
    dividers) and steps over the other tags at the next text. On well-formed markup that reads
    exactly what a cursor moved past every start and end tag reads. (On broken markup the two
    differ, the lazy one mostly for the better: it keeps more words; see the next test.)"""
    rnd = random.Random(11)
    docs = ["<html><body>" + _well_formed(rnd) + "</body></html>" for _ in range(3000)]
    lazy = [_reading(d) for d in docs]
    monkeypatch.setattr(W._Walker, "locate_all", True)
    for d, f in zip(docs, lazy):
        assert _reading(d) == f, d


def test_lazy_cursor_on_broken_markup():
    """Readings where the cursor that looked for every tag went wrong: script text that holds
    markup, and a zero-width entity after stray end tags."""
    src = ('<p>Our planner syncs with every calendar. <script>document.title="pwned";\n'
           'document.body.insertAdjacentHTML("beforeend", "<p id=pwned>pwned</p>")</script>\n'
           '<img src=x>\n\nThanks for reading!</p>')
    assert [b.text for b in H.read(src).blocks] == [
        "Our planner syncs with every calendar. Thanks for reading!"]
    # a link's end is after its end tag, past the indentation before it
    src = ('<td><a href="https://x.example.org/s">\n  <img src="b.png" alt="Shop the sale">\n'
           '</a>\n <a href="https://x.example.org/t"><span>Start</span>\n  </a></td>')
    links = [ln for b in H.read(src).blocks for ln in b.links]
    assert [src[ln.start:ln.end][-4:] for ln in links] == ["</a>", "</a>"]
    src = " Start</blockquote></p>now&zwnj;</td><tr><span></i><span><p>>\n  "
    doc = H.read(src)
    assert [(b.text, src[b.start:b.start + 3]) for b in doc.blocks][:2] == [
        ("Start", "Sta"), ("now", "now")]


def test_flush_builds_what_textbuilder_build_builds():
    """_Walker.flush makes its Block itself (positional arguments): the Block tb.build makes."""
    from cta_lint.document import TextBuilder
    rnd = random.Random(6)
    atoms = ["Buy", "now", " ", "\n  ", "&", "\xa0", "\u200b", "é"]
    frames = [None, T._Frame("paragraph"), T._Frame("item", 2, 3, True),
              T._Frame("heading", 1, button=True)]
    for _ in range(3000):
        tb = TextBuilder()
        for _ in range(rnd.randint(0, 6)):
            piece = "".join(rnd.choice(atoms) for _ in range(rnd.randint(0, 4)))
            if rnd.random() < 0.3:
                tb.add_mapped(piece, rnd.randint(0, 99))
            else:
                tb.add(piece, rnd.randint(0, 99))
            if rnd.random() < 0.2:
                tb.links.append(Link("x", "/x", 1, 2))
        f = rnd.choice(frames)
        kw = {} if f is None else dict(level=f.level, group=f.group, ordered=f.ordered)
        kind = "paragraph" if f is None else ("button" if f.button else f.kind)
        want = tb.build(kind, **kw)
        w = W._Walker("", "")
        w.tb, w.tb_frame = tb, f
        w.flush()
        assert w.blocks == ([want] if want is not None and tb.length else []), (tb.parts, f)


def test_unescape_matches_html_unescape():
    import html
    atoms = ["&nbsp;", "&zwnj;", "&nbsp", "&zwnj", "&", "&amp;", "&#8203;", "&nbsp;x", ";", " ",
             "\n", "a", "nbsp;", "&zwnj;&nbsp;", "&&", "&#", "\xa0"]
    for s in _strings(atoms, 20000, 7, most=12):
        assert M._unescape(s) == html.unescape(s), repr(s)


def test_list_items_take_their_lists_group_order_and_level():
    """A list item is not a special tag any more: its frame (block_frame's, or its parent's when
    skipped) already carries its list's group, order and nesting level."""
    src = ("<ol><li>One</li><li>Two<ul><li>Two a</li><li><a href='/x'>Two b</a></li></ul></li>"
           "</ol><li>Stray</li><ul><li><b>Three</b></li></ul>"
           "<div style='display:none'><ul><li>hidden</li></ul></div>")
    items = [(b.text, b.group, b.ordered, b.level) for b in H.read(src).blocks]
    assert items == [("One", 1, True, 1), ("Two", 1, True, 1), ("Two a", 2, False, 2),
                     ("Two b", 2, False, 2), ("Stray", -1, False, 0), ("Three", 3, False, 1)]
    assert H.read(src).preheader == "hidden"


def _reference_add(tb, s, src):
    """TextBuilder.add as it was before it kept the length in a local and collapsed with one
    sub(): the plain form, piece by piece."""
    if not s:
        return
    body = s.strip()
    if not body:
        if tb.length:
            tb.space = True
        return
    lead = s.find(body[0])
    if lead and tb.length:
        tb.space = True
    bsrc = src + lead
    if tb.space:
        tb.parts.append(" ")
        tb.length += 1
        tb.space = False
        if tb.last_end + 1 != bsrc:
            tb.anchors.append(tb.length)
            tb.srcs.append(bsrc)
    elif not tb.anchors or tb.last_end != bsrc:
        tb.anchors.append(tb.length)
        tb.srcs.append(bsrc)
    pos = 0
    for m in _COLLAPSE.finditer(body):
        seg = body[pos:m.start()]
        tb.parts.append(seg)
        tb.parts.append(" ")
        tb.length += len(seg) + 1
        tb.anchors.append(tb.length)
        tb.srcs.append(bsrc + m.end())
        pos = m.end()
    tb.parts.append(body[pos:])
    tb.length += len(body) - pos
    tb.last_end = bsrc + len(body)
    if s[-1].isspace():
        tb.space = True


def test_textbuilder_add_matches_the_plain_form():
    from cta_lint.document import TextBuilder
    rnd = random.Random(8)
    # (no zero-width characters: add leaves them out, see the test below)
    atoms = ["Buy", "now", " ", "  ", "\n", "\t", "\n   ", "\xa0", "\u2003", "é", "x y"]
    for _ in range(5000):
        fast, ref = TextBuilder(), TextBuilder()
        src = 0
        for _ in range(rnd.randint(1, 5)):
            s = "".join(rnd.choice(atoms) for _ in range(rnd.randint(0, 6)))
            src += rnd.choice([0, 1, 2, 5])
            if rnd.random() < 0.2:
                fast.add_mapped("&", src)
                ref.add_mapped("&", src)
            fast.add(s, src)
            _reference_add(ref, s, src)
            src += len(s)
            state = lambda t: ("".join(t.parts), t.anchors, t.srcs, t.length, t.space, t.last_end)
            assert state(fast) == state(ref), s


def test_collapse_run_pattern_matches_collapse():
    from cta_lint.document import _COLLAPSE_RUN
    atoms = [" ", "  ", "\n", "\t", "a", "b", "\xa0", "\u2003", "\u200b", "\x1c", "\x85", "\r\n"]
    for s in _strings(atoms, 50000, 9, most=12):
        assert ([m.span() for m in _COLLAPSE_RUN.finditer(s)]
                == [m.span() for m in _COLLAPSE.finditer(s)]), repr(s)


def test_a_letter_that_lengthens_when_lower_cased_does_not_shift_the_cursor():
    """'İ' (U+0130, Turkish) lower-cases to two characters: the cursor must still find every
    tag where it is (it used to lose "Buy", merge two paragraphs and misread the link)."""
    src = ('<p>İİİİ İndirim</p>\n<p>Buy <a href="https://shop.example.org/x">now</a> today</p>'
           '<p>Then more</p><P>İstanbul <B>indirim</B> <A HREF="/y">Satın al</A></P>')
    doc = H.read(src)
    assert [b.text for b in doc.blocks] == ["İİİİ İndirim", "Buy now today", "Then more",
                                            "İstanbul indirim Satın al"]
    assert [[ln.text for ln in b.links] for b in doc.blocks] == [[], ["now"], [], ["Satın al"]]
    for b in doc.blocks:
        assert src[b.start:b.start + 4] == b.text[:4]
        for ln in b.links:
            assert src[ln.start:ln.start + 2].lower() == "<a"


def test_font_size_zero_hides_only_the_text_that_keeps_it():
    """The gap-free column layout sets font-size:0 on the cell around inline-block columns
    and a real size inside them: the columns' copy is shown (it used to vanish, links and
    all, into the preheader). Text that keeps the 0 stays hidden, and display:none wins."""
    src = ('<table><tr><td style="font-size:0;text-align:center">\n'
           '<div style="display:inline-block;width:50%"><p style="font-size:16px">'
           '<b>Shared</b> <i>boards</i> for every team.</p></div>\n'
           '<div style="display:inline-block;width:50%"><a href="https://app.northwind.com/signup" '
           'style="font-size:15px;background:#0f62fe;padding:12px;display:inline-block">'
           'Start your free trial</a></div>\n</td></tr></table>\n'
           '<div style="font-size:0;max-width:0">Peek at what is new &zwnj;&nbsp;</div>\n'
           '<div style="display:none"><span style="font-size:14px">Never shown</span></div>')
    doc = H.read(src)
    assert [b.text for b in doc.blocks] == ["Shared boards for every team.",
                                            "Start your free trial"]
    assert [ln.text for ln in doc.blocks[1].links] == ["Start your free trial"]
    assert doc.preheader.startswith("Peek at what is new")   # (all hidden text, joined)
    assert src[doc.blocks[1].start:].startswith("Start your free trial")


def test_text_around_a_stray_end_tag_is_kept():
    """libxml2 drops an end tag that closes nothing and joins the text on both sides into one
    node; the reader used to stop at the stray tag and lose the rest ("Limited offer" only)."""
    src = ('<p>Limited offer</span> ends Friday. <a href="https://shop.northwind.com/sale">'
           'Shop now</a></p>\n<p><b><i>Ready?</b> Start your</i> free trial &amp; save</font> '
           '20% today.</p>')
    doc = H.read(src)
    assert [b.text for b in doc.blocks] == [
        "Limited offer ends Friday. Shop now", "Ready? Start your free trial & save 20% today."]
    assert [ln.text for ln in doc.blocks[0].links] == ["Shop now"]
    for b in doc.blocks:
        for word in ("ends", "Friday", "Shop", "free", "save", "today"):
            if word in b.text:
                assert src[b.src(b.text.index(word)):].startswith(word), word


def test_a_line_break_or_block_inside_a_link_separates_its_words():
    """The blocks were right, but the link's own text glued the words across <br> and block
    children ("Booka demo"), and dead-cta quotes and classifies the link's text."""
    src = ('<p><a href="https://www.northwind.com/demo">Book<br>a demo</a></p>'
           '<a href="https://www.northwind.com/start"><p>Get</p><p>started</p></a>')
    doc = H.read(src)
    assert [ln.text for b in doc.blocks for ln in b.links] == ["Book a demo", "Get started"]


def test_copy_after_the_closing_html_tag_is_read():
    """Sending services append footers after </html>; libxml2 dropped them, a browser shows
    them. A missing unsubscribe footer changes what counts as the ending."""
    src = ('<html><body><p>Our spring sale ends Sunday.</p><p>Shop the sale today.</p>'
           '</body></HTML>\n<table><tr><td>You are receiving this because you signed up. '
           '<a href="https://www.northwind.com/u">Unsubscribe</a></td></tr></table>')
    doc = H.read(src)
    assert [b.text for b in doc.blocks][-1] == (
        "You are receiving this because you signed up. Unsubscribe")
    last = doc.blocks[-1]
    assert src[last.start:].startswith("You are receiving")


def test_hiding_styles_a_browser_hides():
    """Each of these hides the text in a browser (they used to pass as visible copy)."""
    for style in ("opacity:0 !important", "opacity: 0.00", "opacity:0%", "visibility:collapse",
                  "overflow:hidden;height:0", "overflow: hidden; max-height: 0px !important"):
        assert S._style_hidden(style), style
    for style in ("font-size:0.0px", "font-size:0em", "FONT-SIZE: 0 !important"):
        assert S._style_zero(style) and not S._style_hidden(style), style
    for style in ("opacity:0.5", "overflow:hidden;max-height:0.5em", "font-size:0.5em",
                  "height:0;overflow:visible"):
        assert not S._style_hidden(style) and not S._style_zero(style), style


def test_a_link_around_a_table_keeps_its_button():
    """The bulletproof button "<a href><table>...</table></a>": libxml2 closed the link before
    the table, so a text button lost its link and an image button its text and link."""
    src = ('<table><tr><td><p>Your trial ends Friday.</p>\n'
           '<a href="https://app.northwind.com/upgrade" target="_blank"><table role="presentation">'
           '<tr><td style="background:#0f62fe;padding:12px 24px">Upgrade now</td></tr></table></a>\n'
           '<a href="https://app.northwind.com/trial"><TABLE><tr><td>'
           '<img src="https://cdn.northwind.com/b.png" alt="Start your free trial"></td></tr>'
           '</TABLE></a></td></tr></table>')
    doc = H.read(src)
    assert [(b.text, [(ln.text, ln.href, ln.image) for ln in b.links]) for b in doc.blocks] == [
        ("Your trial ends Friday.", []),
        ("Upgrade now", [("Upgrade now", "https://app.northwind.com/upgrade", False)]),
        ("Start your free trial", [("Start your free trial", "https://app.northwind.com/trial",
                                    True)])]
    assert [src[ln.start:ln.start + 2] for b in doc.blocks for ln in b.links] == ["<a", "<a"]


def test_textbuilder_leaves_zero_width_characters_out_in_every_format():
    from cta_lint import sources
    for fmt, src in (("markdown", "Please un\u00adsubscribe or sign\u200bup today.\n"),
                     ("text", "Please un\u00adsubscribe or sign\u200bup today.\n")):
        b = sources.read_text(src, fmt).blocks[0]
        assert b.text == "Please unsubscribe or signup today.", fmt
        for word in ("subscribe", "up", "today"):
            at = b.text.index(word)
            assert src[b.src(at):].startswith(word), (fmt, word)


def test_zero_width_characters_leave_no_trace_in_link_texts_and_the_preheader():
    from cta_lint import sources
    doc = sources.read_text("Please [sign\u200bup](https://x.example.org/s) today.\n", "markdown")
    assert [ln.text for b in doc.blocks for ln in b.links] == ["signup"]
    doc = H.read('<div style="display:none">Peek at what is new &zwnj;&nbsp;&zwnj;&nbsp;&zwnj; '
                 'inside</div><p>Body copy.</p>')
    assert doc.preheader == "Peek at what is new inside"


def test_zero_width_characters_written_as_themselves_do_not_split_words():
    """A soft hyphen or zero-width space typed into the copy hides nothing from the reader's
    eye: 'Sign\\u00adup' is 'Signup', as 'Sign&shy;up' always was; offsets stay exact."""
    src = '<p>Click to un\u00adsubscribe or <a href="https://www.northwind.com/s">Sign\u200bup</a></p>'
    doc = H.read(src)
    b = doc.blocks[0]
    assert b.text == "Click to unsubscribe or Signup"
    assert [ln.text for ln in b.links] == ["Signup"]
    assert src[b.src(b.text.index("subscribe"))] == "s" and src[b.src(b.text.index("up"))] == "u"


def test_inline_elements_laid_out_as_blocks_separate_words():
    """Minified templates put no whitespace between spans or links styled display:block (or
    floated); a browser shows them on their own lines, so their words are not glued."""
    src = ('<table><tr><td><span style="display:block;font-size:22px">Big Sale</span>'
           '<span style="display:block">Shop today</span></td></tr></table>'
           '<p>Ready?<a href="https://www.northwind.com/join" style="display:block">Join now</a>'
           'Thanks</p><p><b>Buy</b><i>now</i></p>')
    doc = H.read(src)
    assert [b.text for b in doc.blocks] == ["Big Sale Shop today", "Ready? Join now Thanks",
                                            "Buynow"]   # (plain inline elements still join)
    assert [ln.text for ln in doc.blocks[1].links] == ["Join now"]
    assert src[doc.blocks[1].src(doc.blocks[1].text.index("Thanks")):].startswith("Thanks")


def test_skipped_elements_a_browser_draws_separate_words():
    """An inline picture or form field stands between the words on its two sides; a script
    shows nothing, so the words on its sides stay as written."""
    src = ('<p>Before<svg viewBox="0 0 1 1"><text>x</text></svg>After</p>'
           '<p>Pick<select><option>A</option></select>today</p><p>Buy<script>x()</script>now</p>')
    assert [b.text for b in H.read(src).blocks] == ["Before After", "Pick today", "Buynow"]


def test_custom_elements_and_pictures_are_inline():
    """Browsers lay out unknown elements (custom ones, ``<x-em>``, ``<amp-img>``; Campaign
    Monitor's ``<singleline>``) and ``<picture>`` inline: the words around them stay one
    paragraph and one word where nothing separates them. MJML's ``mj-*`` tags stay blocks."""
    src = ("<p>Sign<x-tag>up</x-tag> today</p>"
           '<p>Dear <singleline label="Name">Customer</singleline>, welcome</p>'
           '<p>Shop <a href="https://shop.example/sale"><picture><source srcset="a.webp">'
           '<img src="a.png" alt="our sale"></picture></a> today</p>'
           "<mj-column><mj-text>A</mj-text><mj-text>B</mj-text></mj-column>")
    doc = H.read(src)
    assert [b.text for b in doc.blocks] == ["Signup today", "Dear Customer, welcome",
                                            "Shop our sale today", "A", "B"]
    assert [(l.text, l.href) for l in doc.blocks[2].links] == [
        ("our sale", "https://shop.example/sale")]
    # a table inside a link is renamed to a hyphenated name before parsing: still a block
    doc = H.read('<p><a href="/x">Buy<table>now</table></a></p>')
    assert [(b.text, [(l.text, l.href) for l in b.links]) for b in doc.blocks] == [
        ("Buy", []), ("now", [("Buy now", "/x")])]


def test_a_custom_element_inside_a_seller_phrase_is_reported_where_it_stands():
    from cta_lint.engine import Linter
    src = ("<!doctype html>\n<html>\n<body>\n"
           "  <h1>Last call for the spring plan</h1>\n"
           "  <p>Your Northwind trial ends on Friday, and your reports go with it.</p>\n"
           "  <p>Honestly, we <x-em>really need</x-em> to hit our quarter target this week.</p>\n"
           '  <p><a href="https://northwind.example/upgrade">Upgrade to the spring plan today</a>'
           "</p>\n</body>\n</html>\n")
    found = [(f.rule, f.line, f.column, f.end_line, f.end_column)
             for f in Linter().lint_text(src, "html", "amp.html")]
    assert found == [("CTA003", 6, 16, 6, 69)]


def test_a_column_sized_by_a_class_shows_under_a_font_size_0_wrapper():
    """The gap-free column layout with the columns' size set by a <style> class, not inline:
    a browser shows the columns, so their copy is linted (it used to become the preheader)."""
    from cta_lint.engine import Linter
    src = """<!DOCTYPE html>
<html>
<head>
<style>
  .col-text { font-size: 16px; line-height: 24px; }
</style>
</head>
<body>
<table role="presentation" width="600">
  <tr>
    <td style="font-size:0">
      <div class="col-text" style="display:inline-block;width:300px">
        <p>The spring planner is back, with weekly goals and a habit tracker.</p>
        <p>Order yours today and get free shipping until Sunday.</p>
      </div>
      <div class="col-text" style="display:inline-block;width:300px">
        <p>Honestly, we really need to hit our spring target this week.</p>
      </div>
    </td>
  </tr>
</table>
</body>
</html>
"""
    assert [b.text for b in H.read(src).blocks][1:2] == [
        "Order yours today and get free shipping until Sunday."]
    found = [(f.rule, f.line, f.column) for f in Linter().lint_text(src, "html", "cols.html")]
    assert found == [("CTA003", 17, 22)]


def test_stray_br_and_p_end_tags_break_the_block_as_in_a_browser():
    """HTML reads a stray "</br>" as <br> and a stray "</p>" as an empty paragraph; libxml2
    drops both, which glued the words on their two sides."""
    doc = H.read("<p>Spring sale</br>Order by Friday</p><div>Free shipping</p>on every order</div>"
                 "<p>Limited offer</span> ends Friday</p>")
    assert [b.text for b in doc.blocks] == ["Spring sale", "Order by Friday", "Free shipping",
                                            "on every order", "Limited offer ends Friday"]
    assert [doc.blocks[1].src(0), doc.blocks[3].src(0)] == [19, 60]


DARK_MODE_EMAIL = """<!DOCTYPE html>
<html>
<head>
<style>
  .cta-dark { display: none; }
  [data-ogsc] .cta-light { display: none !important; }
  [data-ogsc] .cta-dark { display: block !important; }
</style>
</head>
<body>
  <h1>The spring planner is back</h1>
  <p>Weekly goals, a habit tracker and 160 pages of recycled paper, in three colours.</p>
  <p>It ships free until Sunday, and every order plants a tree.</p>
  <p class="cta-light"><a href="https://shop.example/planner">Order your planner today</a></p>
  <p class="cta-dark"><a href="https://shop.example/planner">Order your planner today</a></p>
</body>
</html>
"""


def test_a_dark_mode_rule_does_not_hide_the_button_everywhere():
    """'[data-ogsc] .cta-light {display:none}' hides the light button only in Outlook's dark
    mode; it was read as hiding every .cta-light, and the email lost its only ask (CTA001)."""
    from cta_lint.engine import Linter
    texts = [b.text for b in H.read(DARK_MODE_EMAIL).blocks if b.kind != "preheader"]
    assert texts[-1] == "Order your planner today" and texts.count(texts[-1]) == 1
    assert Linter().lint_text(DARK_MODE_EMAIL, "html", "dark.html") == []


def test_style_selectors_hide_what_a_browser_hides():
    src = ("<style>.a .b{display:none} #gone{display:none} div > .c{display:none}"
           " td.d{display:none} .e.f{display:none} u + .body .g{display:none}</style>"
           "<p class=b>b alone</p><div class=a><p class=b>b in a</p></div>"
           "<p id=gone>by id</p><div><p class=c>c child</p></div><p class=c>c outside</p>"
           "<table><tr><td class=d>td.d</td></tr></table><p class=d>p.d</p>"
           "<p class=e>e only</p><p class='f e'>e and f</p><p class=g>g</p>")
    shown = [b.text for b in H.read(src).blocks if b.kind != "preheader"]
    assert shown == ["b alone", "c outside", "p.d", "e only", "g"]
