"""HTML email templates and MJML: lxml builds the tree, a cursor aligns it with the source.

lxml (libxml2) is fast and forgiving but reports only a line per element and nothing for text.
We walk its tree in document order and move a cursor through the (template-masked) source,
only where an offset is reported: each text node is the raw run at the cursor once the markup
before it is stepped over (decoded here, entity by entity, so every visible character keeps its
exact source offset); the start tags of links, images, inputs and dividers (and of everything
inside a link) are found from the cursor, their end tags consumed when they are really there.
Markup lxml dropped (stray end tags, conditional-comment debris) is skipped. The result is a
list of Blocks whose spans point into the original file.
"""
from __future__ import annotations

import html as _html
import re
from bisect import bisect_left
from itertools import accumulate

from ..document import (BUTTON, DIVIDER, HEADING, INVISIBLE, ITEM, PARAGRAPH, QUOTE, ZERO_WIDTH,
                        Block, Document, Link, TextBuilder, collapse)
from . import templates

_ENTITY = re.compile(r"&(?:#[0-9]{1,7};?|#[xX][0-9a-fA-F]{1,6};?|[A-Za-z][A-Za-z0-9]{1,31};?)")
_MARKUP = re.compile(r"<[A-Za-z/!?]")
# the rest of a tag up to its ">" (quoted values may hold ">"); None for an unclosed quote. The
# unrolled form of (?:[^>"']|"[^"]*"|'[^']*')*> : same matches, one charset run per step
_TAG_END = re.compile(r"""[^>"']*(?:(?:"[^"]*"|'[^']*')[^>"']*)*>""")
# Markup that no text stands in, one piece after another: comments, declarations and PIs (with
# no end, they run to the end of the source) and tags (one with an unclosed quote stops it);
# _SKIP_MARKUP also steps over the whitespace before each piece
_PIECE = rf"""<!--[\s\S]*?(?:-->|\Z)|<[!?][^>]*(?:>|\Z)|<(?=[A-Za-z/]){_TAG_END.pattern}"""
_MARKUP_RUN = re.compile(rf"(?:{_PIECE})*")
_SKIP_MARKUP = re.compile(rf"(?:\s*(?:{_PIECE}))*")
_WS_BEFORE_END = re.compile(r"\s*(?=</)")
_ZERO_WIDTH = set(ZERO_WIDTH)
# a reference, or a zero-width character written as itself: "un\u00adsubscribe" is one word, as
# "un&shy;subscribe" is (both are skipped, the text on each side keeping its offsets, and the
# text of the links open around them too)
_REF = re.compile(_ENTITY.pattern + "|" + INVISIBLE.pattern)
_XML_DECL = re.compile(r"^\s*<\?xml[^>]*\?>")
_HTML_END = re.compile(r"</[hH][tT][mM][lL]\s*>")   # (case spelled out: a literal-prefix scan)
_ASCII_LOWER = {c: c + 32 for c in range(ord("A"), ord("Z") + 1)}   # str.translate: A-Z only
_A_OPEN = re.compile(r"<[aA](?=[\s>])")
_A_CLOSE = re.compile(r"</[aA]\s*>")
_TABLE_TAG = re.compile(r"</?[tT][aA][bB][lL][eE](?=[\s/>])")
_LINKED_TABLE = "ta-le"   # what a table inside a link is renamed to (as long as "table")


_BREAKING_END = re.compile(r"</(?:br|p)(?=[\s/>])", re.I)   # stray end tags that break a block


def _tables_in_links(masked: str) -> str:
    """The bulletproof button "<a href=...><table>...</table></a>": libxml2 closes the link
    before a table (browsers keep it around it), so the button lost its link. Tables between
    a link's start tag and its end tag are renamed "ta-le", an element libxml2 does not know
    and closes nothing for, same length (offsets kept); the walk reads it as a table."""
    out: list[str] | None = None
    last = 0    # copied up to here
    done = 0    # links end before here
    for a in _A_OPEN.finditer(masked):
        if a.start() < done:
            continue
        close = _A_CLOSE.search(masked, a.end())
        if close is None:
            break
        done = close.end()
        for t in _TABLE_TAG.finditer(masked, a.end(), close.start()):
            if out is None:
                out = []
            name = t.end() - 5   # where "table" starts
            out.append(masked[last:name])
            out.append(_LINKED_TABLE)
            last = name + 5
    if out is None:
        return masked
    out.append(masked[last:])
    return "".join(out)


SKIP = {"head", "style", "script", "title", "template", "noscript", "object", "svg", "iframe",
        "mj-head", "mj-style", "mj-attributes", "mj-title", "mj-font", "mj-breakpoint",
        "mj-html-attributes", "xml", "textarea", "select", "option", "map"}
INLINE = {"a", "span", "strong", "b", "em", "i", "u", "font", "sup", "sub", "small", "big", "mark",
          "code", "abbr", "label", "s", "strike", "del", "ins", "q", "cite", "kbd", "var", "time",
          "img", "wbr", "o:p", "tt", "nobr", "bdi", "bdo", "dfn", "samp", "data", "acronym",
          "picture", "source", "ruby", "rb", "rt", "rp", "meta", "link", "base"}


# the other elements of HTML (and its obsolete ones): blocks, or read apart (skipped, replaced,
# form fields); a name outside HTML is an unknown element, which browsers lay out inline
_HTML_OTHER = frozenset(
    "address article aside audio basefont bgsound blockquote body br button canvas caption "
    "center col colgroup datalist dd details dialog dir div dl dt embed fieldset figcaption "
    "figure footer form frame frameset h1 h2 h3 h4 h5 h6 head header hgroup hr html iframe "
    "image input isindex keygen legend li listing main map marquee menu menuitem meter multicol "
    "nav nextid noembed noframes noscript object ol optgroup option output p param plaintext pre "
    "progress script search section select slot spacer style summary table tbody td template "
    "textarea tfoot th thead title tr track ul video xmp".split())


def _inline(tag: str) -> bool:
    """Is ``tag`` laid out inline? The phrasing elements above, and unknown elements
    (``<singleline>`` of Campaign Monitor's templates, custom elements: ``<x-tag>``,
    ``<amp-img>``), which browsers lay out inline. MJML's ``mj-*`` tags are its layout blocks,
    and so is a table renamed inside a link (``_LINKED_TABLE``)."""
    if tag in INLINE:
        return True
    return not (tag in _HTML_OTHER or tag.startswith("mj-") or tag == "mjml" or
                tag in _CATEGORY)


HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
LISTS = {"ul", "ol", "mj-list"}
BUTTONISH = {"mj-button", "button"}
LINKISH = {"a", "mj-button", "mj-navbar-link", "mj-social-element", "mj-image", "mj-carousel-image"}

# Styles that hide an element's text: each branch apart, as the fast tests below use them
_ZERO = r"(?:0+(?:\.0*)?|\.0+)"                 # 0, 0.0, .0 ...
_DECL_END = r"\s*(?:!important)?\s*(?:;|$)"     # the end of a declaration
_S_DISPLAY = r"display\s*:\s*none"
_S_VISIBILITY = r"visibility\s*:\s*(?:hidden|collapse)"
_S_COLLAPSED = (rf"(?:^|;|\s)(?:max-)?height\s*:\s*{_ZERO}(?:px)?{_DECL_END}[^\"]*overflow\s*:\s*hidden"
                rf"|overflow\s*:\s*hidden[^\"]*(?:^|;|\s)(?:max-)?height\s*:\s*{_ZERO}(?:px)?{_DECL_END}")
_S_OPACITY = rf"opacity\s*:\s*{_ZERO}%?{_DECL_END}"
_HIDDEN_STYLE = re.compile("|".join((_S_DISPLAY, _S_VISIBILITY, _S_COLLAPSED, _S_OPACITY)), re.I)
# font-size 0 hides an element's text too, but a descendant that sets a size shows its own
# again (the usual gap-free column layout: <td style="font-size:0"> around inline-block
# columns whose cells set font-size:14px): kept apart from the styles that hide for good
_S_FONT_ZERO = rf"font-size\s*:\s*{_ZERO}(?:px|pt|em|rem|%)?{_DECL_END}"
_FONT_ZERO = re.compile(_S_FONT_ZERO, re.I)
# An inline element laid out as a block or floated stands apart from the text around it
# ("<span style='display:block'>Big Sale</span><span style='display:block'>Shop today</span>")
_S_BREAKS = r"display\s*:\s*(?:block|flex|grid|table|list-item)|float\s*:\s*(?:left|right)"
_BREAKS = re.compile(_S_BREAKS, re.I)
_FONT_SIZE = re.compile(r"font-size\s*:\s*(\d+(?:\.\d+)?)\s*(px|pt|em|rem)?", re.I)
_BOLD = re.compile(r"font-weight\s*:\s*(?:bold|[6-9]00)", re.I)
_BUTTON_STYLE = re.compile(r"(?:background(?:-color)?\s*:\s*#?\w+).*(?:padding|display\s*:\s*(?:inline-)?block)|"
                           r"(?:padding[^;]*;).*background(?:-color)?\s*:", re.I | re.S)
_CSS_RULE = re.compile(r"([^{}@]+)\{([^{}]*)\}")
_DISPLAY_NONE = re.compile(r"display\s*:\s*none", re.I)
_LAST_CLASS = re.compile(r"\.([A-Za-z_][\w-]*)[^.\s>+~]*\s*$")
_STYLE_BLOCK = re.compile(r"<style\b[^>]*>(.*?)</style\s*>", re.I | re.S)
# _STYLE_BLOCK in three steps with literal-prefix scans (an IGNORECASE pattern gets none and
# its lazy body tries the closing tag at every character): where "<style" can start (under
# re.I "s" also matches LONG S, no other letter of "style" has another match), the opening tag
# there, the first closing tag after it
_STYLE_AT = re.compile("<[sS\u017f][tT][yY][lL][eE]")
_STYLE_OPEN = re.compile(r"<style\b[^>]*>", re.I)
_STYLE_CLOSE = re.compile("</[sS\u017f][tT][yY][lL][eE]\\s*>")
_BRACE = re.compile(r"[{}]")

# The same tests on a lower-cased ASCII style attribute, case-sensitive: IGNORECASE regexes get
# no literal-prefix scan (and _HIDDEN_STYLE's (?:^|;|\s) branch is tried at every position), so
# these are several times faster. Only for ASCII text: under re.I, "k", "s" and "i" also match
# KELVIN SIGN, LONG S and the dotted/dotless I, which lower() leaves alone or lengthens; other
# styles go through the IGNORECASE originals. Each _HIDDEN_STYLE branch is searched only when a
# word it cannot match without is present; together they answer exactly what it answers.
_H_DISPLAY = re.compile(_S_DISPLAY)
_H_VISIBILITY = re.compile(_S_VISIBILITY)
_H_COLLAPSED = re.compile(_S_COLLAPSED)
_H_FONT_ZERO = re.compile(_S_FONT_ZERO)
_H_OPACITY = re.compile(_S_OPACITY)
_H_BREAKS = re.compile(_S_BREAKS)
_FONT_SIZE_LC = re.compile(_FONT_SIZE.pattern)
_BOLD_LC = re.compile(_BOLD.pattern)
_BUTTON_STYLE_LC = re.compile(_BUTTON_STYLE.pattern, re.S)


def _style_hidden(style: str) -> bool:
    """``bool(_HIDDEN_STYLE.search(style))``, faster."""
    if not style.isascii():
        return _HIDDEN_STYLE.search(style) is not None
    s = style.lower()
    if "none" in s and _H_DISPLAY.search(s):
        return True
    if "visibility" in s and _H_VISIBILITY.search(s):
        return True
    if "hidden" in s and "height" in s and "overflow" in s and _H_COLLAPSED.search(s):
        return True
    return "opacity" in s and _H_OPACITY.search(s) is not None


def _style_breaks(style: str) -> bool:
    """``bool(_BREAKS.search(style))``, faster."""
    if not style.isascii():
        return _BREAKS.search(style) is not None
    s = style.lower()
    return ("display" in s or "float" in s) and _H_BREAKS.search(s) is not None


def _style_zero(style: str) -> bool:
    """``bool(_FONT_ZERO.search(style))``, faster."""
    if not style.isascii():
        return _FONT_ZERO.search(style) is not None
    s = style.lower()
    return "font-size" in s and _H_FONT_ZERO.search(s) is not None


def _style_px(style: str) -> float | None:
    """The font size a style attribute sets, in px, or None."""
    if style.isascii():
        m = _FONT_SIZE_LC.search(style.lower())
    else:
        m = _FONT_SIZE.search(style)
    return _px(m) if m else None


def _style_bold(style: str) -> bool:
    if style.isascii():
        return _BOLD_LC.search(style.lower()) is not None
    return _BOLD.search(style) is not None


def _style_button(style: str) -> bool:
    is_button = _BUTTONS.get(style)
    if is_button is None:
        if style.isascii():
            is_button = _BUTTON_STYLE_LC.search(style.lower()) is not None
        else:
            is_button = _BUTTON_STYLE.search(style) is not None
        if len(style) <= 1024:   # remembered like _STYLE_FACTS
            if len(_BUTTONS) >= 1024:
                _BUTTONS.clear()
            _BUTTONS[style] = is_button
    return is_button


_BUTTONS: dict[str, bool] = {}

def _style_blocks(masked: str) -> list[str]:
    """The contents of the <style> blocks: ``m.group(1) for m in _STYLE_BLOCK.finditer(masked)``."""
    out = []
    pos = 0
    while True:
        at = _STYLE_AT.search(masked, pos)
        if at is None:
            return out
        m = _STYLE_OPEN.match(masked, at.start())
        if m is not None:
            e = _STYLE_CLOSE.search(masked, m.end())
            if e is not None:
                out.append(masked[m.end():e.start()])
                pos = e.end()
                continue
        pos = at.start() + 1


def _class_styles(masked: str) -> tuple[_CssHiding | None, dict[str, float]]:
    """From <style> blocks, outside @media queries (they apply only on some screens): the
    selectors declared ``display:none`` (None if there are none), and the font size each class
    sets."""
    hidden = _CssHiding()
    fonts: dict[str, float] = {}
    for css in _style_blocks(masked):
        buf, i = [], 0
        while i < len(css):
            j = css.find("@media", i)
            if j == -1:
                buf.append(css[i:])
                break
            buf.append(css[i:j])
            k = css.find("{", j)
            if k == -1:
                break
            depth, k = 1, k + 1
            while depth:   # to the brace that closes the @media block, or the end
                b = _BRACE.search(css, k)
                if b is None:
                    k = len(css)
                    break
                depth += 1 if css[b.start()] == "{" else -1
                k = b.end()
            i = k
        for rm in _CSS_RULE.finditer("".join(buf)):
            body = rm.group(2)
            if body.isascii():  # as in _style_hidden / _style_px
                lb = body.lower()
                hide = "none" in lb and _H_DISPLAY.search(lb) is not None
                fm = _FONT_SIZE_LC.search(lb) if "font-size" in lb else None
            else:
                hide = bool(_DISPLAY_NONE.search(body))
                fm = _FONT_SIZE.search(body)
            size = _px(fm) if fm else 0.0
            if not hide and not size:
                continue
            for sel in rm.group(1).split(","):
                if hide:
                    hidden.add(sel)
                if size:
                    cm = _LAST_CLASS.search(sel)
                    if cm:
                        fonts[cm.group(1).lower()] = size   # later rules win, as in CSS
    return (hidden if hidden else None), fonts


class _CssHiding:
    """The elements a <style> block hides: selectors made of compounds ``tag.class#id`` (each
    part optional, ``*`` for any tag) joined by descendant or child combinators. Other selectors
    (attributes, pseudo-classes, sibling combinators) hide only in some state or some client
    (``[data-ogsc] .x`` in Outlook's dark mode, ``u + .body .x`` in Gmail): not applied.
    Classes and ids are compared lower-cased, as in quirks mode."""

    __slots__ = ("classes", "rules", "by_id")

    def __init__(self) -> None:
        self.classes: set[str] = set()    # ".x" alone: hidden wherever it stands
        # the other selectors, by a class (".x") or the id ("#x") of their last compound; each
        # a tuple of compounds, last first: (tag or None, classes, id or None, combinator to
        # the next one, " " or ">")
        self.rules: dict[str, list[tuple]] = {}
        self.by_id = False

    def __bool__(self) -> bool:
        return bool(self.classes or self.rules)

    def add(self, selector: str) -> None:
        compounds = _selector(selector)
        if not compounds:
            return
        tag, classes, ident, _ = compounds[0]
        if len(compounds) == 1 and tag is None and ident is None and len(classes) == 1:
            self.classes |= classes
        elif classes or ident:
            key = "." + min(classes) if classes else "#" + ident
            self.rules.setdefault(key, []).append(compounds)
            self.by_id = self.by_id or key[0] == "#"

    def hides(self, el) -> bool:
        names = _class_names(el)
        if not names and not self.by_id:
            return False
        simple = self.classes
        for c in names:
            if c in simple:
                return True
        rules = self.rules
        if rules:
            keys = ["." + c for c in names]
            if self.by_id:
                ident = el.get("id")
                if ident:
                    keys.append("#" + ident.lower())
            for k in keys:
                for compounds in rules.get(k, ()):
                    if _selector_matches(el, compounds, 0):
                        return True
        return False


_CSS_COMBINATOR = re.compile(r"\s*(>)\s*|\s+")
_CSS_COMPOUND = re.compile(r"(\*|[A-Za-z][\w-]*)?((?:[.#][A-Za-z_][\w-]*)*)")
_CSS_PART = re.compile(r"([.#])([A-Za-z_][\w-]*)")


def _class_names(el) -> list[str]:
    """An element's classes (with MJML's ``css-class``), lower-cased."""
    cls = el.get("class")
    mjml = el.get("css-class")
    if mjml:
        cls = cls + " " + mjml if cls else mjml
    return [c.lower() for c in cls.split()] if cls else []


def _selector(selector: str) -> tuple | None:
    """A selector as ``_CssHiding`` keeps it (compounds, last first), or None when it is not
    one it applies."""
    sel = selector.strip()
    if not sel or any(ch in sel for ch in "[:+~()"):
        return None
    parts = _CSS_COMBINATOR.split(sel)
    out = []
    # parts: compound, combinator (">" or None), compound, ...
    for i in range(len(parts) - 1, -1, -2):
        m = _CSS_COMPOUND.fullmatch(parts[i])
        if m is None or not parts[i]:
            return None
        tag = m.group(1)
        tag = None if tag is None or tag == "*" else tag.lower()
        classes, ident = set(), None
        for kind, name in _CSS_PART.findall(m.group(2)):
            if kind == ".":
                classes.add(name.lower())
            elif ident is None:
                ident = name.lower()
            else:
                return None   # two ids: matches nothing
        comb = ">" if i > 0 and parts[i - 1] == ">" else " "
        out.append((tag, frozenset(classes), ident, comb))
    return tuple(out)


def _compound_matches(el, compound) -> bool:
    tag, classes, ident, _ = compound
    if tag is not None and (not isinstance(el.tag, str) or el.tag.lower() != tag):
        return False
    if classes and not classes.issubset(_class_names(el)):
        return False
    if ident is not None:
        own = el.get("id")
        if own is None or own.lower() != ident:
            return False
    return True


def _selector_matches(el, compounds, i: int) -> bool:
    """Does ``el`` match compounds[i:] (its compound, then its ancestors' as the combinators
    say)?"""
    if not _compound_matches(el, compounds[i]):
        return False
    if i + 1 == len(compounds):
        return True
    parent = el.getparent()
    if compounds[i][3] == ">":
        return parent is not None and _selector_matches(parent, compounds, i + 1)
    while parent is not None:
        if _selector_matches(parent, compounds, i + 1):
            return True
        parent = parent.getparent()
    return False


_ENTITIES: dict[str, tuple[str, bool]] = {}


def _entity(ref: str) -> tuple[str, bool]:
    """An entity reference decoded, and whether it shows (not empty, not only zero-width
    characters); remembered: emails repeat a few (&nbsp; &mdash; &middot;...)."""
    dec = _html.unescape(ref)
    facts = (dec, bool(dec) and dec not in _ZERO_WIDTH and not all(ch in _ZERO_WIDTH for ch in dec))
    if len(_ENTITIES) >= 4096:
        _ENTITIES.clear()
    _ENTITIES[ref] = facts
    return facts


def _unescape(raw: str) -> str:
    """``html.unescape(raw)``, faster for the usual preheader filler ("&zwnj;&nbsp;" a hundred
    times over): when every "&" starts "&nbsp;" or "&zwnj;" (the two cannot overlap), unescape
    matches exactly those and makes U+00A0 and U+200C of them, and replacing them one kind
    after the other makes no new "&"."""
    n = raw.count("&")
    if n and n == raw.count("&nbsp;") + raw.count("&zwnj;"):
        return raw.replace("&nbsp;", "\xa0").replace("&zwnj;", "\u200c")
    return _html.unescape(raw)


_STYLE_FACTS: dict[str, tuple[bool, float | None, bool, bool]] = {}
_NO_FACTS = (False, None, False, False)


def _style_facts(style: str) -> tuple[bool, float | None, bool, bool]:
    """(hidden, font size in px or None, font size 0, laid out as a block) of a style
    attribute. Templates repeat the same inline styles on most cells (500 emails of the bench
    corpus use 205 distinct ones): remembered."""
    facts = (_style_hidden(style), _style_px(style), _style_zero(style), _style_breaks(style))
    if len(style) <= 1024:   # at most ~4 MB
        if len(_STYLE_FACTS) >= 4096:
            _STYLE_FACTS.clear()
        _STYLE_FACTS[style] = facts
    return facts


def _px(m) -> float:
    size = float(m.group(1))
    unit = (m.group(2) or "px").lower()
    if unit == "pt":
        size *= 1.333
    elif unit in ("em", "rem"):
        size *= 16
    return size


def _attr_px(el, size: str | None, class_fonts: dict[str, float]) -> float:
    """The font size of an element whose style sets none: MJML's font-size (``size``), else its
    classes'."""
    if size:
        m = _FONT_SIZE.search("font-size:" + size)
        if m:
            return _px(m)
    if class_fonts:
        cls = el.get("class")
        if cls:
            return max((class_fonts.get(c.lower(), 0.0) for c in cls.split()), default=0.0)
    return 0.0


def _sets_size(el, tag: str, class_fonts: dict[str, float]) -> bool:
    """Does an element whose style sets no font size set one otherwise: a class of a <style>
    block, MJML's font-size, or <font size>? (Under a font size of 0, its text shows.)"""
    return bool(tag == "font" and el.get("size") or
                _attr_px(el, el.get("font-size"), class_fonts) > 0)


# What enter() does for a block-level tag
_C_NONE, _C_PARA, _C_HEADING, _C_ITEM, _C_LIST, _C_QUOTE, _C_DIVIDER, _C_BUTTON = range(8)
_CATEGORY = {**{t: _C_HEADING for t in HEADINGS}, "li": _C_ITEM, **{t: _C_LIST for t in LISTS},
             "blockquote": _C_QUOTE, "hr": _C_DIVIDER, "mj-divider": _C_DIVIDER,
             **{t: _C_BUTTON for t in BUTTONISH},
             **{t: _C_PARA for t in ("p", "div", "td", "th", "mj-text", "tr", "table", "center",
                                     _LINKED_TABLE)}}
# elements with no end tag to consume
VOID = {"br", "img", "hr", "meta", "link", "input", "col", "area", "base", "wbr", "source",
        "mj-image", "mj-divider", "mj-spacer"}
# tags enter() has more to do for (links, images, forms, the MJML preview). Not "li": a list
# item's frame already has its list's group, order and level (block_frame and the frame of a
# skipped element copy them from the parent frame, the list's)
_SPECIAL = LINKISH | {"mj-preview", "form", "input", "button", "img"}
_SIMPLE_NAME = re.compile(r"[a-z0-9:_.-]+")
# skipped elements a browser still draws (a picture, a frame, a form field): the words on their
# two sides are not one word ("Before<svg>...</svg>After")
_REPLACED = {"svg", "iframe", "object", "select", "textarea"}


class _Tag:
    """Everything the walk needs to know about a tag name, worked out once."""
    __slots__ = ("tag", "needle", "nlen", "close", "skip", "inline", "void", "cat", "level",
                 "special", "titled", "breaks", "located")

    def __init__(self, tag: str):
        self.tag = tag
        self.needle = "<" + tag
        self.nlen = len(self.needle)
        # "</tag>" exactly, for the fast path of consume_end (names lxml could put a quote in
        # take the slow path)
        self.close = "</" + tag + ">" if _SIMPLE_NAME.fullmatch(tag) else None
        self.skip = tag in SKIP
        self.inline = _inline(tag)
        self.void = tag in VOID
        self.cat = _CATEGORY.get(tag, _C_NONE)
        self.level = HEADINGS.get(tag, 0)
        self.special = tag in _SPECIAL
        self.titled = tag in ("title", "mj-title")   # its text is the subject line
        self.breaks = False   # an inline tag whose style lays it out as a block (_breaking)
        # the cursor looks for its tags (a link's, an image's, an input's offsets, a divider's
        # end): every element of such a name, so the one looked for is the first after it
        self.located = self.special or self.cat == _C_DIVIDER


_BREAKING: dict[str, _Tag] = {}


def _breaking(info: _Tag) -> _Tag:
    """``info`` for an inline element its style lays out as a block: a word break at its start
    and at its end, in the block and in the open links' text."""
    b = _BREAKING.get(info.tag)
    if b is None:
        b = _Tag(info.tag)
        b.breaks = True
        if len(_BREAKING) < 2000:
            _BREAKING[info.tag] = b
    return b


_TAGS: dict[str, _Tag] = {}   # lxml's tag name -> _Tag (bounded: junk markup invents names)
_ROOT = _Tag("#root")          # stands above the root element


def _tag_info(name: str) -> _Tag:
    info = _TAGS.get(name)
    if info is None:
        info = _Tag(name.lower())
        if len(_TAGS) < 2000 and len(name) <= 64:
            _TAGS[name] = info
    return info


class _Frame:
    """What an element passes on to its content: the kind of block its text goes to, list
    nesting, hidden / skipped, the link and button it is inside. Never changed once the element
    is entered (enter_special finishes its own before), so children that change nothing share
    their parent's. ``zero``: hidden only by a font size of 0, which a descendant that sets a
    size undoes for its own text."""
    __slots__ = ("kind", "level", "group", "ordered", "hidden", "skip", "link", "button", "zero")

    def __init__(self, kind, level=0, group=-1, ordered=False, hidden=False, skip=False,
                 link=None, button=False, zero=False):
        self.kind = kind
        self.level = level
        self.group = group
        self.ordered = ordered
        self.hidden = hidden
        self.skip = skip
        self.link = link
        self.button = button
        self.zero = zero


class _Walker:
    # The cursor goes only where an offset is reported (text, links, images, inputs,
    # dividers); the tests set this to look for every tag, as the walk once did, and compare
    locate_all = False

    def __init__(self, source: str, masked: str, base: int = 0):
        self.src = masked
        # The cursor reads positions in both strings, so they must line up. lower() keeps every
        # position unless a character lengthens (U+0130 "İ" becomes two): then only ASCII
        # letters are lowered (tag names are ASCII, and libxml2 folds only those). Kelvin
        # sign, the one other character lower() makes ASCII, is folded only that way too.
        low = masked.lower()
        if len(low) != len(masked) or "\u212a" in masked:
            low = masked.translate(_ASCII_LOWER)
        self.low = low
        self.base = base          # offset of this fragment in the whole source (markdown html)
        self.cur = 0
        self.blocks: list[Block] = []
        self.hidden_text: list[str] = []
        self.tb = TextBuilder()
        self.tb_frame: _Frame | None = None
        self.css_hiding, self.class_fonts = (_class_styles(masked) if "<style" in self.low
                                             else (None, {}))
        self.group_seq = 0
        self.links_open: list[tuple[Link, list[str], int]] = []
        self.preheader: str | None = None
        self.subject: str | None = None
        self.form_action: str | None = None

    # -- cursor alignment -------------------------------------------------------------------
    def skip_markup(self) -> None:
        """Skip markup at the cursor that lxml did not keep (stray tags, debris)."""
        self.cur = _MARKUP_RUN.match(self.src, self.cur).end()

    def consume_end(self, tag: str, stack) -> None:
        """Consume this element's end tag at the cursor, and stray end tags lxml dropped before
        it; stop at one that closes an open ancestor (``stack``: the walk's open elements)."""
        low = self.low
        c = self.cur
        open_tags = None
        while True:
            # (whitespace text does not move the cursor: stepped over here)
            w = _WS_BEFORE_END.match(self.src, c)
            if w is None:
                return
            c = w.end()
            m = _TAG_END.match(self.src, c + 2)
            if m is None:
                return
            name = low[c + 2:m.end() - 1].strip().split(None, 1)[0] if m.end() - 1 > c + 2 else ""
            if name == tag:
                self.cur = m.end()
                return
            if open_tags is None:
                open_tags = {info.tag for info, _, _ in stack[1:] if info is not None}
            if name in open_tags:
                return  # closes an ancestor: this element's end was implied
            c = m.end()  # stray end tag lxml dropped
            self.cur = c

    # -- text --------------------------------------------------------------------------------
    def add_text(self, frame: _Frame, lxml_text: str) -> None:
        """Add the raw run at the cursor (after markup lxml dropped, up to the next markup) that
        stands for lxml's text node ``lxml_text`` (not whitespace only: that has no position,
        see run), decoding entities one by one."""
        src = self.src
        # the tags since the last text (the cursor lags behind all but the located ones), and
        # markup lxml dropped: stepped over, with the whitespace between them
        start = _SKIP_MARKUP.match(src, self.cur).end()
        end = self.run_end(start)
        raw = src[start:end]
        while end < len(src) and "&" in raw and _unescape(raw).isspace():
            # a whitespace run written with references ("&nbsp;" between two tags): a text
            # node of its own the cursor stayed behind, not this one
            start = _SKIP_MARKUP.match(src, end).end()
            end = self.run_end(start)
            raw = src[start:end]
        if not raw or raw.isspace():   # (not raw.strip(), without the copy)
            # misaligned (lxml's text is never whitespace only here): find the first word of
            # lxml's text from here
            start = src.find(lxml_text.split()[0], start)
            if start == -1:
                self.cur = end
                return
            end = self.run_end(start)
            raw = src[start:end]
        self.cur = end
        if end < len(src) and (len(lxml_text) > len(raw) or "&" in raw):
            got = _unescape(raw) if "&" in raw else raw
            if len(got) < len(lxml_text) and lxml_text.startswith(got):
                # lxml's text goes on past the markup here: a stray end tag it dropped
                # ("Limited offer</span> ends Friday"), whose two sides are one text node
                self.add_continued(frame, lxml_text, got, raw, start)
                return
        if frame.skip:
            return
        self.add_run(frame, raw, start)

    def run_end(self, start: int) -> int:
        """Where the raw text run at ``start`` ends: at the next markup, or the end."""
        m = _MARKUP.search(self.src, start)
        return m.start() if m else len(self.src)

    def add_continued(self, frame: _Frame, lxml_text: str, got: str, raw: str,
                      start: int) -> None:
        """Add a text node that the source splits with markup lxml dropped: the run at
        ``start`` (decoded: ``got``), then, past each piece of dropped markup, the next run,
        while lxml's text ``lxml_text`` goes on with what it decodes to."""
        src = self.src
        runs = [(raw, start, False)]
        while len(got) < len(lxml_text):
            end = self.cur
            self.skip_markup()
            nxt = self.cur
            stop = self.run_end(nxt)
            piece = src[nxt:stop]
            more = _unescape(piece) if "&" in piece else piece
            if nxt == end or not piece or not lxml_text.startswith(more, len(got)):
                self.cur = end   # not dropped markup after all: leave it to the walk
                break
            got += more
            # a browser reads a stray "</br>" as <br> and a stray "</p>" as an empty paragraph:
            # the text after it starts a new block (libxml2 drops both)
            runs.append((piece, nxt, _BREAKING_END.search(src, end, nxt) is not None))
            self.cur = stop
        if not frame.skip:
            for raw, start, breaks in runs:
                if breaks:
                    if self.tb.length:
                        self.flush()
                    if self.links_open:
                        self.break_links()
                self.add_run(frame, raw, start)

    def add_run(self, frame: _Frame, raw: str, start: int) -> None:
        """Add the source run ``raw`` at ``start`` to the block being built (or to the hidden
        text), decoding entities one by one and leaving zero-width characters out."""
        if frame.hidden:
            self.hidden_text.append(_unescape(raw))
            return
        tb = self.tb
        if not tb.length:
            self.tb_frame = frame
        base = self.base + start
        links_open = self.links_open
        if "&" not in raw and (raw.isascii() or INVISIBLE.search(raw) is None):
            tb.add(raw, base)
            for _, lp, _ in links_open:
                lp.append(raw)
            return
        pos = 0
        link_parts = [lp for _, lp, _ in links_open] if links_open else ()
        for m in _REF.finditer(raw):
            at, after = m.span()
            if at > pos:
                piece = raw[pos:at]
                tb.add(piece, base + pos)
                for lp in link_parts:
                    lp.append(piece)
            ref = m.group()
            dec, visible = _ENTITIES.get(ref) or _entity(ref)
            if visible:
                if dec.isspace():
                    tb.add(" ", base + at)
                else:
                    tb.add_mapped(dec, base + at)
                for lp in link_parts:
                    lp.append(dec)
            pos = after
        if pos < len(raw):
            piece = raw[pos:]
            tb.add(piece, base + pos)
            for lp in link_parts:
                lp.append(piece)

    def add_space(self, frame: _Frame) -> None:
        """A whitespace-only run inside the block being built: the words on either side are
        separate words, in the block and in the links open around it (also where the font size
        is 0: the space between two columns of a gap-free layout still separates their words)."""
        if frame.skip or frame.hidden and not frame.zero:
            return
        self.tb.space = True
        self.break_links()

    def break_words(self) -> None:
        """Words on the two sides of here are separate words (an inline element laid out as a
        block starts or ends), in the block being built and in the open links."""
        if self.tb.length:
            self.tb.space = True
        if self.links_open:
            self.break_links()

    def break_links(self) -> None:
        """A block-level element starts or ends inside the open links ("<a>Book<br>a demo</a>",
        "<a><p>Get</p><p>started</p></a>"): their text has a word break there too."""
        for _, lp, _ in self.links_open:
            lp.append(" ")

    def add_alt(self, frame: _Frame, alt: str, offset: int) -> None:
        if frame.skip or frame.hidden or not alt.strip():
            return
        if self.tb.empty:
            self.tb_frame = frame
        self.tb.soft_space()
        self.tb.add_mapped(alt, self.base + offset)
        self.tb.soft_space()
        for _, lp, _ in self.links_open:
            lp.append(" " + alt + " ")

    def flush(self) -> None:
        tb = self.tb
        if not tb.length:
            return
        f = self.tb_frame
        self.tb = TextBuilder()
        self.tb_frame = None
        # tb.build(kind, level=..., group=..., ordered=...) written out (~60 blocks per email):
        # the same Block, its arguments passed by position
        text = "".join(tb.parts)
        if not text or text.isspace():
            return
        end = tb.last_end if tb.last_end >= 0 else (tb.srcs[-1] + 1 if tb.srcs else 0)
        if f is None:
            block = Block(PARAGRAPH, text, tb.anchors, tb.srcs, end, 0, -1, False, tb.links)
        else:
            block = Block(BUTTON if f.button else f.kind, text, tb.anchors, tb.srcs, end, f.level,
                          f.group, f.ordered, tb.links)
        self.blocks.append(block)

    # -- the walk -----------------------------------------------------------------------------
    def run(self, root) -> None:
        """Walk the tree in document order: an element's start, its text, its children, its
        end, then its tail (the root's tail is not the document's).

        This is the hot loop (a table-layout email has ~330 elements and ~650 text nodes, most
        of them indentation), so the common steps are written out here with locals: the cursor
        moves to each start tag, whitespace text that lines up with the source is stepped over,
        "</tag>" at the cursor is consumed. Everything else goes through the methods below.
        Each open element is (its _Tag, its _Frame, whether it opened a link); an element that
        changes nothing its parent's frame says shares that frame.
        """
        from lxml import etree
        Comment = etree.Comment
        src, low = self.src, self.low
        nsrc, nlow = len(src), len(low)
        tag_end = _TAG_END.match
        tags_get = _TAGS.get
        facts_get = _STYLE_FACTS.get
        add_text, add_space = self.add_text, self.add_space
        locate_all = self.locate_all
        css_hiding, class_fonts = self.css_hiding, self.class_fonts
        stack: list[tuple[_Tag | None, _Frame | None, bool]] = [(_ROOT, _Frame(PARAGRAPH), False)]
        push, pop = stack.append, stack.pop
        for event, el in etree.iterwalk(root, events=("start", "end", "comment", "pi")):
            if event == "start":
                name = el.tag
                info = tags_get(name)
                if info is None:
                    if not isinstance(name, str):
                        # an entity reference, if a parser ever makes one: skipped like a PI
                        self.skip_pi()
                        text = el.tail
                        if text and not text.isspace():
                            add_text(stack[-1][1], text)
                        push((None, None, False))
                        continue
                    info = _tag_info(name)
                parent = stack[-1][1]
                # move the cursor past "<tag ...>" (end -1: lxml implied the element), for the
                # tags whose offsets are reported; the others are stepped over by the next text
                cur0 = self.cur
                end = -1
                p = (low.find(info.needle, cur0) if info.located or self.links_open or locate_all
                     else -1)   # (inside a link, every tag: its end is where the cursor is)
                while p != -1:
                    q = p + info.nlen
                    if q < nlow and low[q] == ">":
                        # "<tr>", "<strong>": what tag_end matches there, the short way (src
                        # has ">" there too: lower() moved nothing)
                        end = q + 1
                        self.cur = end
                        break
                    if q >= nlow or low[q] in " \t\r\n/>":
                        m = tag_end(src, q)
                        if m is not None:
                            end = m.end()
                            self.cur = end
                        break
                    p = low.find(info.needle, q)
                # the element's frame: its parent's unless it changes something (a frame that
                # differs only in being skipped, or hidden and not skipped, is made in the
                # branch that knows which)
                frame = parent
                if parent.skip or info.skip:
                    style = None
                    if not parent.skip:
                        frame = _Frame(parent.kind, parent.level, parent.group, parent.ordered,
                                       parent.hidden, True, parent.link, parent.button,
                                       parent.zero)
                        if info.tag in _REPLACED:   # shows something between its neighbours
                            self.break_words()
                            info = _breaking(info)
                else:
                    style = el.get("style")
                    facts = (facts_get(style) or _style_facts(style)) if style else _NO_FACTS
                    if (facts[0] or el.get("hidden") is not None or parent.hidden and
                            not parent.zero or css_hiding is not None and
                            css_hiding.hides(el)):
                        hidden, zero = True, False      # hidden whatever its content says
                    elif facts[2]:
                        hidden = zero = True            # font-size 0
                    elif facts[1] is not None:
                        hidden = zero = False           # sets a size: shown, even under a 0
                    elif parent.zero and _sets_size(el, name, class_fonts):
                        hidden = zero = False           # sets one by a class or an attribute
                    else:
                        hidden = zero = parent.zero     # the size it inherits
                    if info.inline:
                        if facts[3]:   # laid out as a block: a word break at each end
                            self.break_words()
                            info = _breaking(info)
                    else:
                        if self.tb.length:
                            self.flush()
                        if self.links_open:
                            self.break_links()
                        cat = info.cat
                        if cat == _C_PARA:
                            kind = parent.kind
                            if kind in (HEADING, ITEM, QUOTE) and info.tag in ("p", "div"):
                                pass
                            else:
                                px = facts[1]
                                if px is None:  # no font size in the style attribute
                                    size = el.get("font-size")
                                    px = (_attr_px(el, size, class_fonts)
                                          if size or class_fonts else 0.0)
                                if px >= 20 or (px >= 17 and style and _style_bold(style)):
                                    if kind != HEADING or parent.level != 2:
                                        frame = _Frame(HEADING, 2, parent.group, parent.ordered,
                                                       hidden, False, parent.link, parent.button,
                                                       zero)
                                elif kind != PARAGRAPH or parent.level != 0:
                                    frame = _Frame(PARAGRAPH, 0, parent.group, parent.ordered,
                                                   hidden, False, parent.link, parent.button, zero)
                        elif cat != _C_NONE:
                            frame = self.block_frame(info, parent, hidden, end, zero)
                    if frame is parent and (hidden is not parent.hidden or zero is not parent.zero):
                        frame = _Frame(parent.kind, parent.level, parent.group, parent.ordered,
                                       hidden, False, parent.link, parent.button, zero)
                if info.special and (parent.link is not None or info.tag != "img"):
                    # (an image outside a link: enter_special would hand back frame, False)
                    frame, opened = self.enter_special(el, info, parent, frame, end, cur0, style)
                    push((info, frame, opened))
                else:
                    push((info, frame, False))
                text = el.text   # the element's own text, in its frame
            elif event == "end":
                info, frame, opened = pop()
                if info is None:
                    continue
                if not info.void and (info.located or self.links_open or locate_all):
                    # (a link's end is reported: inside one, every end tag is consumed, so
                    # that "</span>" is never taken for an open ancestor's)
                    c = self.cur
                    close = info.close
                    if close is not None and low.startswith(close, c):
                        self.cur = c + len(close)  # what consume_end finds, the short way
                    else:
                        self.consume_end(info.tag, stack)
                if opened or info.titled:
                    self.leave_special(el, info, frame, opened)
                if not info.inline and not frame.skip:
                    if self.tb.length:
                        self.flush()
                    if self.links_open:
                        self.break_links()
                elif info.breaks:
                    self.break_words()
                if el is root:   # (the root's tail is not the document's)
                    continue
                text = el.tail   # the tail, in the parent's frame
                frame = stack[-1][1]
            else:  # comment, processing instruction
                if el.tag is Comment:
                    p = src.find("<!--", self.cur)
                    if p != -1:
                        e = src.find("-->", p + 4)
                        self.cur = nsrc if e == -1 else e + 3
                else:
                    self.skip_pi()
                text = el.tail
                frame = stack[-1][1]
            if text:
                if text.isspace():
                    # whitespace (most text nodes: the indentation between tags) adds at most
                    # the space between two inline elements' words, which has no position:
                    # the cursor stays, the next text steps over it
                    if self.tb.length and not frame.skip and (not frame.hidden or frame.zero):
                        add_space(frame)
                else:
                    add_text(frame, text)

    def block_frame(self, info: _Tag, parent: _Frame, hidden: bool, end: int,
                    zero: bool) -> _Frame:
        """The frame a heading, list, list item, quote, divider or button element starts."""
        kind, level, group, ordered = parent.kind, parent.level, parent.group, parent.ordered
        button = parent.button
        cat = info.cat
        if cat == _C_HEADING:
            kind, level = HEADING, info.level
        elif cat == _C_ITEM:
            kind = ITEM
        elif cat == _C_LIST:
            self.group_seq += 1
            group = self.group_seq
            ordered = info.tag == "ol"
            level = parent.level + 1 if parent.kind == ITEM else 1
            kind = parent.kind
        elif cat == _C_QUOTE:
            kind = QUOTE
        elif cat == _C_DIVIDER:
            if not hidden:
                self.blocks.append(Block(kind=DIVIDER, text="", anchors=[], srcs=[],
                                         end=self.base + max(end, 0)))
        elif cat == _C_BUTTON:
            button = True
        return _Frame(kind, level, group, ordered, hidden, False, parent.link, button, zero)

    def skip_pi(self) -> None:
        """Move the cursor past the next processing instruction ("<?...>"; comments are done
        in run)."""
        src = self.src
        p = src.find("<?", self.cur)
        if p != -1:
            e = src.find(">", p)
            self.cur = len(src) if e == -1 else e + 1

    def enter_special(self, el, info: _Tag, parent: _Frame, base: _Frame,
                      end: int, cur0: int, style: str | None) -> tuple[_Frame, bool]:
        """Links, images, forms, inputs, the MJML preview: the element's own frame
        (``base`` is what the walk worked out so far) and whether it opened a link. ``style``:
        its style attribute, or None when it is skipped (not looked at then)."""
        tag = info.tag
        skip, hidden = base.skip, base.hidden
        if tag == "img":  # (the usual one) adds its alt text inside a link
            if parent.link is not None and not skip:
                alt = el.get("alt") or ""
                if alt.strip():
                    parent.link.image = True
                    self.add_alt(base, alt, self.tag_start(info, cur0, end))
            return base, False
        if tag == "mj-preview":
            skip = True
            text = "".join(el.itertext()).strip()
            if text:
                self.preheader = " ".join(text.split())
        frame = _Frame(base.kind, base.level, base.group, base.ordered, hidden, skip, base.link,
                       base.button, base.zero)
        opened = False
        if not skip and tag in LINKISH:
            href = el.get("href")
            if tag == "a" or href is not None or tag == "mj-button":
                off = self.tag_start(info, cur0, end)
                link = Link("", href, self.base + off, self.base + off)
                if tag == "mj-button" or (tag == "a" and _style_button(style or "")):
                    frame.button = True
                if tag == "mj-image":
                    link.image = True
                    link.text = el.get("alt") or el.get("title") or ""
                    if href is not None and not hidden:
                        self.attach(link, frame)
                        self.add_alt(frame, link.text, off)
                        self.flush()
                else:
                    self.links_open.append((link, [], len(self.blocks)))
                    frame.link = link
                    opened = True
        if tag == "form" and not skip:
            self.form_action = el.get("action")
        if tag in ("input", "button") and not skip and not hidden:
            typ = (el.get("type") or ("submit" if tag == "button" else "text")).lower()
            if typ in ("submit", "image", "button") and tag == "input":
                label = el.get("value") or el.get("alt") or el.get("title") or ""
                if label.strip():
                    off = self.tag_start(info, cur0, end)
                    self.flush()
                    link = Link(text=" ".join(label.split()), href=self.form_action,
                                start=self.base + off, end=self.base + max(end, off))
                    bframe = _Frame(PARAGRAPH, button=True)
                    self.attach(link, bframe)
                    self.add_alt(bframe, label, off)
                    self.flush()
        return frame, opened

    def tag_start(self, info: _Tag, cur0: int, end: int) -> int:
        """Where the element's "<tag" starts (the last one between the cursor before it and its
        end), or the cursor for an implied element."""
        p = self.low.rfind(info.needle, cur0, end) if end != -1 else -1
        return p if p != -1 else self.cur

    def attach(self, link: Link, frame: _Frame) -> None:
        if self.tb.empty:
            self.tb_frame = frame
        self.tb.links.append(link)

    def leave_special(self, el, info: _Tag, frame: _Frame, opened: bool) -> None:
        """The end of a link (its text and where it ends) or of a title."""
        if opened and self.links_open and self.links_open[-1][0] is frame.link:
            link, parts, nblocks = self.links_open.pop()
            link.text = collapse("".join(parts))
            link.end = self.base + self.cur
            if link.text or link.image:
                if not frame.hidden:
                    # attach to the block being built, or the last one built inside the link
                    if not self.tb.empty or len(self.blocks) == nblocks:
                        self.attach(link, frame)
                    else:
                        self.blocks[-1].links.append(link)
        if info.titled and self.subject is None:
            t = " ".join("".join(el.itertext()).split())
            self.subject = t or None


def _parse(masked: str):
    from lxml import etree
    parser = etree.HTMLParser(remove_comments=False, recover=True, no_network=True,
                              remove_pis=False, compact=True, default_doctype=False)
    try:
        root = etree.fromstring(masked, parser)
    except (etree.XMLSyntaxError, ValueError):
        root = None
    for err in parser.error_log.filter_from_fatals():
        if "Excessive depth" in err.message:
            # libxml2 stops at 256 levels and drops the rest: linting what is left would
            # report on a truncated document, so say so instead
            from .base import ReadError
            raise ReadError("elements nested deeper than 256 levels (the HTML parser's limit)")
    return root


def read_fragment(masked: str, base: int = 0) -> tuple[list[Block], list[str]]:
    """Parse an HTML fragment (already masked) whose offsets start at ``base``."""
    masked = _tables_in_links(masked)
    root = _parse(masked)
    if root is None:
        return [], []
    w = _Walker(masked, masked, base)
    w.run(root)
    w.flush()
    return w.blocks, w.hidden_text


def read(source: str, fmt: str = "html") -> Document:
    m = templates.mask(source)
    masked = m.text
    decl = _XML_DECL.match(masked)
    if decl:
        masked = " " * decl.end() + masked[decl.end():]
    end = _HTML_END.search(masked)
    if end is not None and not masked.isspace() and masked[end.end():].strip():
        # libxml2 drops what follows </html> (a footer or an unsubscribe line a sending service
        # appends); a browser shows it, in the body: blank the end tags out (same length)
        masked = _HTML_END.sub(lambda m: " " * len(m.group()), masked)
    masked = _tables_in_links(masked)
    doc = Document(source=source, format=fmt)
    for off, msg in m.notes:
        doc.notes.append(msg)
    blank = not masked or masked.isspace()   # (masked.strip() without copying the file)
    root = None if blank else _parse(masked)
    if root is None:
        if not blank:
            root = _parse_with_bs4(masked)
        if root is None:
            return doc
    w = _Walker(source, masked)
    w.run(root)
    w.flush()
    doc.blocks = w.blocks
    if w.preheader:
        doc.preheader = w.preheader
    elif w.hidden_text:
        doc.preheader = collapse(" ".join(w.hidden_text)) or None
    doc.subject = w.subject
    links = [ln for b in doc.blocks for ln in b.links if ln.href is not None]
    if links:
        # a link's href is templated when a template expression overlaps the link: some span
        # (s, e) has s < link end and e > link start, i.e. among the spans starting before the
        # link's end, the furthest end reaches past its start (bisect instead of a scan per link)
        spans = sorted(m.expressions)
        starts = [s for s, _ in spans]
        reach = list(accumulate((e for _, e in spans), max))
        for ln in links:
            i = bisect_left(starts, ln.end)
            ln.templated_href = (i > 0 and reach[i - 1] > ln.start) or "{{" in ln.href
    return doc


def _parse_with_bs4(masked: str):
    """Markup libxml2 refused outright: let bs4's lenient tokenizer rebuild it, then parse that.

    Offsets are then only approximate; this path is rare (lxml recovers from almost anything).
    """
    try:
        from bs4 import BeautifulSoup  # lazy: costs ~250 ms of import
        soup = BeautifulSoup(masked, "html.parser")
        return _parse(str(soup))
    except Exception:
        return None
