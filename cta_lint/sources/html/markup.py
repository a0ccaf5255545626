"""The HTML source as text: cleaning it before the parse (what libxml2 would drop or misread),
the lxml parse, the patterns the walk's cursor steps through markup with, and character
references decoded one by one (so every visible character keeps its offset)."""
from __future__ import annotations

import html as _html
import re

from ...document import INVISIBLE, ZERO_WIDTH

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
            from ..base import ReadError
            raise ReadError("elements nested deeper than 256 levels (the HTML parser's limit)")
    return root


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
