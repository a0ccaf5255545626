"""What each element is: laid out inline or as a block, skipped, a heading, list, item, quote,
divider or button, a link, void; worked out once per tag name (``_Tag``). And ``_Frame``: what
an element passes on to its content."""
from __future__ import annotations

import re

from .markup import _LINKED_TABLE

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
