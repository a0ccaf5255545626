"""The format-neutral model every reader produces and every rule reads.

A Document is the copy as a reader sees it: an ordered list of Blocks, each with its visible
text and a map from positions in that text back to offsets in the original source, so a rule can
report any phrase at an exact line and column without knowing the format it came from.
"""
from __future__ import annotations

from bisect import bisect_right
import re

from ._record import Record

_WORD = re.compile(r"\S+")

# A web address written out, as a reader's mail client links it: with a scheme or "www.", or a
# domain with a path ("acme.io/pricing") or with a common top-level domain ("acme.com"); not
# part of an email address, and not a file name ("app.js/", "README.md/").
_LABEL = r"(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+"
_WEB_ADDRESS = (
    r"\b(?:https?://|www\.)[^\s<>\"')\]]+"
    r"|(?<![@\w./-])" + _LABEL + r"(?!(?:js|md|py|rb|php|html?|ts|css|json|txt|go|rs|sh|yml|"
    r"yaml|toml|cfg|ini|xml|csv|pdf|png|jpe?g|gif|svg)/)[a-z]{2,6}/[^\s<>\"')\]]*"
    r"|(?<![@\w./-])" + _LABEL + r"(?:com|org|net|io|co|app|dev|ai|us|uk|ca|au|de|fr|eu|nl|me|"
    r"info|biz|shop|store|so|xyz)\b(?![\w@/-]|\.\w)")
_WEB_HINT = re.compile(r"https?://|www\.|\.[a-z]{2,6}(?:/|\b)", re.I)
_WEB: list = []   # the compiled pattern, on first use (HTML runs never need it)


def web_addresses(text: str):
    """The web addresses written out in ``text``: (start, url) with trailing punctuation off."""
    if _WEB_HINT.search(text) is None:
        return []
    if not _WEB:
        _WEB.append(re.compile(_WEB_ADDRESS, re.I))
    return [(m.start(), m.group(0).rstrip(".,;:!?")) for m in _WEB[0].finditer(text)]
# Whitespace that collapses: a run of two or more whitespace characters, or one that is not a
# plain space (r"\s{2,}|[^\S ]"), written to start with a character class: the regex engine then
# skips to the next whitespace character in C instead of trying both branches everywhere
_COLLAPSE_RUN = re.compile(r"\s(?:\s+|(?<! ))")
# Characters that show nothing and join what is on each side (zero-width spaces and joiners,
# soft hyphen, BOM...): left out of a block's text, "un\u00adsubscribe" reads "unsubscribe"
ZERO_WIDTH = "\u200b\u200c\u200d\u2060\ufeff\u034f\u00ad\u180e"
INVISIBLE = re.compile(f"[{ZERO_WIDTH}]")


def collapse(text: str) -> str:
    """``text`` as one line of words: zero-width characters left out, whitespace collapsed
    (a link's text, a preheader)."""
    return " ".join(INVISIBLE.sub("", text).split())

# Block kinds
HEADING = "heading"
PARAGRAPH = "paragraph"
ITEM = "item"          # list item (bullet, numbered, check mark)
BUTTON = "button"      # a block that is a single link/button
QUOTE = "quote"
CELL = "cell"
DIVIDER = "divider"    # <hr>, mj-divider, markdown thematic break: ends a section
SUBJECT = "subject"

# Zones
BODY = "body"
PS = "ps"
PREHEADER = "preheader"
FOOTER = "footer"
SIGNATURE = "signature"
CHROME = "chrome"
QA = "qa"              # a webinar's Q&A part (deck or transcript): not body copy

# Webinar kinds (Document.webinar)
DECK = "deck"
TRANSCRIPT = "transcript"


_MISSING = object()


class Link(Record):
    __slots__ = ("text", "href", "start", "end", "image", "templated_href")
    __match_args__ = __slots__

    def __init__(self, text: str, href: str | None, start: int, end: int, image: bool = False,
                 templated_href: bool = False) -> None:
        self.text = text
        self.href = href
        self.start = start           # source offsets of the link (its opening tag / text)
        self.end = end
        self.image = image           # a linked image: text is its alt
        self.templated_href = templated_href  # href is (or contains) a template expression



class Block(Record):
    __match_args__ = ("kind", "text", "anchors", "srcs", "end", "level", "group", "ordered",
                      "links", "zone", "section", "index", "marker")
    __slots__ = __match_args__ + ("_counted", "speaker")

    def __init__(self, kind: str, text: str, anchors: list[int], srcs: list[int], end: int,
                 level: int = 0, group: int = -1, ordered: bool = False,
                 links: list[Link] = _MISSING, zone: str = BODY, section: int = 0,
                 index: int = 0, marker: str = "") -> None:
        self.kind = kind
        self.text = text
        # parallel arrays: text position anchors[i] maps to source offset srcs[i]; positions
        # between two anchors map linearly from the earlier one
        self.anchors = anchors
        self.srcs = srcs
        self.end = end               # source offset just past the block's last character
        self.level = level           # heading level, list nesting depth
        self.group = group           # list id for items; -1 otherwise
        self.ordered = ordered
        self.links = [] if links is _MISSING else links
        self.zone = zone
        self.section = section
        self.index = index
        self.marker = marker         # bullet marker for plain-text items
        self._counted = (None, 0)    # (text, its word count): checks ask for it again and again
        self.speaker = ""            # who said it (a transcript's speaker label), else ""

    @property
    def start(self) -> int:
        return self.srcs[0] if self.srcs else self.end

    def src(self, pos: int) -> int:
        """Source offset of text position ``pos`` (clamped to the block)."""
        if not self.anchors:
            return self.end
        if pos >= len(self.text):
            return self.end
        i = bisect_right(self.anchors, pos) - 1
        if i < 0:
            i = 0
        return self.srcs[i] + (pos - self.anchors[i])

    def src_end(self, pos: int) -> int:
        """Source offset just past the character before text position ``pos``."""
        if pos <= 0:
            return self.start
        return self.src(pos - 1) + 1

    @property
    def words(self) -> int:
        text, n = self._counted
        if text is not self.text:
            n = len(self.text.split())
            self._counted = (self.text, n)
        return n

    @property
    def in_body(self) -> bool:
        return self.zone in (BODY, PS)


class Document(Record):
    __slots__ = ("source", "format", "blocks", "subject", "preheader", "notes", "_lines",
                 "webinar")
    __match_args__ = __slots__[:-1]

    def __init__(self, source: str, format: str, blocks: list[Block] = _MISSING,
                 subject: str | None = None, preheader: str | None = None,
                 notes: list[str] = _MISSING, _lines: list[int] | None = None) -> None:
        self.source = source         # the original text (after decoding), offsets point into it
        self.format = format         # html, markdown, text, eml
        self.blocks = [] if blocks is _MISSING else blocks
        self.subject = subject
        self.preheader = preheader
        self.notes = [] if notes is _MISSING else notes   # reader diagnostics (non-fatal)
        self._lines = _lines
        self.webinar = None          # DECK or TRANSCRIPT for a webinar as delivered, else None

    def position(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) of a source offset; columns count characters."""
        if self._lines is None:
            starts = [0]
            src = self.source
            i = src.find("\n")
            while i != -1:
                starts.append(i + 1)
                i = src.find("\n", i + 1)
            self._lines = starts
        offset = max(0, min(offset, len(self.source)))
        line = bisect_right(self._lines, offset)
        return line, offset - self._lines[line - 1] + 1

    def body(self) -> list[Block]:
        return [b for b in self.blocks if b.in_body]


class TextBuilder:
    """Accumulates visible text pieces with their source offsets, collapsing whitespace.

    ``add(s, src)`` says that character i of ``s`` stands at source offset ``src + i``;
    ``add_mapped(s, src, src_end)`` adds text that does not map character for character (a decoded
    entity, an alt text): every character maps to ``src``.
    """

    __slots__ = ("parts", "anchors", "srcs", "length", "space", "last_end", "links")

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.anchors: list[int] = []
        self.srcs: list[int] = []
        self.length = 0
        self.space = False
        self.last_end = -1
        self.links: list[Link] = []

    def add(self, s: str, src: int) -> None:
        if not s.isascii() and INVISIBLE.search(s):
            # added piece by piece around them, each piece keeping its own offsets
            pos = 0
            for m in INVISIBLE.finditer(s):
                if m.start() > pos:
                    self.add(s[pos:m.start()], src + pos)
                pos = m.end()
            if pos < len(s):
                self.add(s[pos:], src + pos)
            return
        body = s.strip()
        if not body:  # empty or whitespace only
            if s and self.length:
                self.space = True
            return
        lead = s.find(body[0])
        bsrc = src + lead
        length = self.length   # (a local: this runs for every piece of text of a document)
        parts = self.parts
        if self.space or (lead and length):   # leading whitespace is a space after text
            parts.append(" ")
            length += 1
            self.space = False
            if self.last_end + 1 != bsrc:  # else the one-char gap maps one to one
                self.anchors.append(length)
                self.srcs.append(bsrc)
        elif not self.anchors or self.last_end != bsrc:
            self.anchors.append(length)
            self.srcs.append(bsrc)
        # Runs of text separated by single spaces map one to one: copy them whole, and start a
        # new anchor only after whitespace that collapses (newlines, tabs, several spaces).
        if "  " not in body and body.isprintable():
            # the usual run: its only whitespace is single plain spaces (every other whitespace
            # character is unprintable), so nothing collapses and no anchor is added
            parts.append(body)
        else:
            # each collapsing run becomes one space, and the text after it a new anchor
            anchors, srcs = self.anchors, self.srcs
            pos = 0
            for m in _COLLAPSE_RUN.finditer(body):
                at, after = m.span()
                parts.append(body[pos:at])
                parts.append(" ")
                length += at - pos + 1
                anchors.append(length)
                srcs.append(bsrc + after)
                pos = after
            parts.append(body[pos:] if pos else body)
            length -= pos
        n = len(body)
        self.length = length + n
        self.last_end = bsrc + n
        if s[-1].isspace():
            self.space = True

    def add_mapped(self, s: str, src: int) -> None:
        """Add text whose characters all map to ``src`` (decoded entity, alt text...)."""
        if not s:
            return
        if len(s) == 1 and not s.isspace():  # the usual decoded entity: the general case, short
            if self.space and self.length:
                self.parts.append(" ")
                self.length += 1
            self.space = False
            self.anchors.append(self.length)
            self.srcs.append(src)
            self.parts.append(s)
            self.length += 1
            self.last_end = -1
            return
        if s.isspace():
            if self.length:
                self.space = True
            return
        lead = s[0].isspace()
        if lead or s[-1].isspace() or "  " in s or not s.isprintable():
            # (else no whitespace but single plain spaces inside: already collapsed, as a
            # preheader add_meta_blocks adds is)
            s = " ".join(s.split())
        if (self.space or lead) and self.length:
            self.parts.append(" ")
            self.length += 1
        self.space = False
        n = len(s)
        self.anchors.extend(range(self.length, self.length + n))
        self.srcs.extend([src] * n)
        self.parts.append(s)
        self.length += n
        self.last_end = -1
        # (s ends with a visible character: no pending space)

    def soft_space(self) -> None:
        if self.length:
            self.space = True

    @property
    def empty(self) -> bool:
        return self.length == 0

    def text(self) -> str:
        return "".join(self.parts)

    def build(self, kind: str, **kw) -> Block | None:
        text = "".join(self.parts)
        if not text or text.isspace():
            return None
        end = self.last_end if self.last_end >= 0 else (self.srcs[-1] + 1 if self.srcs else 0)
        block = Block(kind=kind, text=text, anchors=self.anchors, srcs=self.srcs, end=end,
                      links=self.links, **kw)
        return block
