"""Slide decks in Markdown: Marp, Slidev, reveal.js / reveal-md.

A deck is Markdown with slide separators. This module rewrites the deck into Markdown the
Markdown reader reads, keeping every offset and every line (replaced characters become spaces,
or zero-width spaces where spaces would indent text into a code block), then puts a divider
block at every separator, so each slide is a section and positions point into the deck:

- front matter (the deck's, and Slidev's per-slide ``---`` / ``key: value`` / ``---``) is not
  copy;
- ``---`` on a line of its own separates slides; ``--`` and ``----`` are reveal.js vertical
  slides (inside fenced code they are code);
- an HTML comment that starts a line is a speaker note (Marp, Slidev) and read as body copy of
  its slide, unless it holds only directives (Marp's ``_class: lead``, ``paginate: true``;
  reveal's ``.slide:`` / ``.element:`` attributes), which are not copy;
- in reveal.js, ``Note:`` / ``Notes:`` on a line of its own opens the slide's speaker notes;
- Slidev slot markers (``::right::``) are not copy.
"""
from __future__ import annotations

import re

from ..document import DECK, DIVIDER, Block, Document
from .placeholders import blank as _blank

_FRONT = re.compile(r"\A(?:\ufeff)?---[ \t]*\r?\n(.*?)^---[ \t]*\r?$", re.S | re.M)
_SLIDEV_LAYOUTS = ("cover|intro|center|end|fact|full|image|image-left|image-right|iframe|"
                   "iframe-left|iframe-right|quote|section|statement|two-cols|two-cols-header|"
                   "none")
_DECK_KEYS = re.compile(r"^(?:marp[ \t]*:[ \t]*true\b|revealOptions[ \t]*:|theme[ \t]*:|"
                        rf"layout[ \t]*:[ \t]*['\"]?(?:{_SLIDEV_LAYOUTS})['\"]?[ \t]*$)", re.M)
_STRONG_KEYS = re.compile(r"^(?:marp[ \t]*:[ \t]*true\b|revealOptions[ \t]*:)", re.M)
_SEPARATOR = re.compile(r"^(-{2,4})[ \t]*\r?$")
_FENCE = re.compile(r"^[ \t]{0,3}(`{3,}|~{3,})")
_YAML_LINE = re.compile(r"^(?:[a-z][\w-]*[ \t]*:(?:[ \t].*)?|[ \t]+\S.*)\r?$")
_NOTE = re.compile(r"^(Notes?:)[ \t]*")
_SLOT = re.compile(r"^::[\w-]+::[ \t]*\r?$")
_MARP_DIRECTIVES = ("theme|paginate|header|footer|class|backgroundColor|backgroundImage|"
                    "backgroundPosition|backgroundRepeat|backgroundSize|color|size|math|style|"
                    "headingDivider|lang|title|description|author|image|keywords|url|marp|"
                    "transition|fit|bg")
# a comment line that is a directive, not a note: Marp's, reveal's slide attributes, and the
# directives of linters and formatters (cta-lint-disable, markdownlint, prettier, Vale, textlint)
_DIRECTIVE = re.compile(rf"^\s*(?:_?(?:{_MARP_DIRECTIVES})\s*:.*|\.(?:slide|element)\s*:.*|"
                        r"(?:cta-lint|markdownlint|prettier|textlint)-[\w-]+.*|vale\s.*|"
                        r"fit|)\s*$")
_ZW = "\u200b"


def is_deck(text: str) -> bool:
    """A Markdown file that is a deck by its front matter: Marp's ``marp: true``, reveal-md's
    ``revealOptions:``, or Slidev's ``theme:`` / a Slidev ``layout:`` with at least one slide
    separator after the front matter (a blog post's ``layout: post`` is not a deck)."""
    if not text.startswith(("---", "\ufeff---")):
        return False
    m = _FRONT.match(text)
    if m is None or not _DECK_KEYS.search(m.group(1)):
        return False
    if _STRONG_KEYS.search(m.group(1)):
        return True
    return re.search(r"^---[ \t]*\r?$", text[m.end():], re.M) is not None


def flavour(text: str) -> str:
    """marp, reveal or slidev by the front matter; "" when nothing says (the ``decks``
    setting): then every comment is a note, as in Marp."""
    m = _FRONT.match(text)
    fm = m.group(1) if m else ""
    if re.search(r"^marp[ \t]*:[ \t]*true\b", fm, re.M):
        return "marp"
    if re.search(r"^revealOptions[ \t]*:", fm, re.M):
        return "reveal"
    if _DECK_KEYS.search(fm):
        return "slidev"
    return ""


def rewrite(source: str) -> tuple[str, list[int]]:
    """(the deck as plain Markdown of the same length and lines, offsets of the separators)."""
    out = list(source)
    m = _FRONT.match(source)
    start = 0
    if m:
        out[:m.end()] = _blank(m.group(0))
        start = m.end()
    last_note_only = flavour(source) == "slidev"   # Slidev: the slide's last comment is its note
    lines = []
    pos = start
    for line in source[start:].split("\n"):
        lines.append((pos, line))
        pos += len(line) + 1
    seps: list[int] = []
    fence = None
    i = 0
    in_notes = False
    comments: list[tuple[int, int]] = []   # this slide's comments that may be notes

    def blank(a, b):
        out[a:b] = _blank(source[a:b])

    def end_slide():
        for k, (a, b) in enumerate(comments):
            if last_note_only and k < len(comments) - 1:
                blank(a, b)
            else:
                out[a:a + 4] = _ZW * 4
                out[b - 3:b] = _ZW * 3
        comments.clear()

    while i < len(lines):
        off, line = lines[i]
        f = _FENCE.match(line)
        if fence is not None:
            if f and f.group(1)[0] == fence[0] and len(f.group(1)) >= len(fence):
                fence = None
            i += 1
            continue
        if f:
            fence = f.group(1)
            i += 1
            continue
        if _SEPARATOR.match(line):
            end_slide()
            seps.append(off)
            blank(off, off + len(line))
            in_notes = False
            i += 1
            i = _slide_front_matter(lines, i, blank)
            continue
        if _SLOT.match(line):
            blank(off, off + len(line))
        elif line.startswith("<!--"):
            i = _comment(source, lines, i, comments, blank)
            continue
        elif not in_notes and _NOTE.match(line):
            n = _NOTE.match(line)
            out[off:off + n.end()] = _ZW * n.end()
            in_notes = True
        i += 1
    end_slide()
    return "".join(out), seps


def _slide_front_matter(lines, i, blank) -> int:
    """Slidev's per-slide front matter right after a separator: ``key: value`` lines and a
    closing ``---``. Returns the index of the line after it (``i`` when there is none)."""
    j = i
    while j < len(lines) and j - i < 40 and lines[j][1].strip() and _YAML_LINE.match(lines[j][1]):
        j += 1
    if j == i or j >= len(lines) or not re.match(r"^---[ \t]*\r?$", lines[j][1]):
        return i
    a = lines[i][0]
    b = lines[j][0] + len(lines[j][1])
    blank(a, b)
    return j + 1


def _comment(source, lines, i, comments, blank) -> int:
    """A comment opening line ``i``: directives are blanked, others kept in ``comments`` as
    (start, end) for the slide to make notes of. Returns the index of the line after it."""
    off = lines[i][0]
    end = source.find("-->", off + 4)
    if end == -1:
        return i + 1     # unterminated: the Markdown reader skips it as HTML
    inner = source[off + 4:end]
    if all(_DIRECTIVE.match(x) for x in inner.split("\n")):
        blank(off, end + 3)
    else:
        comments.append((off, end + 3))
    while i < len(lines) and lines[i][0] + len(lines[i][1]) < end + 3:
        i += 1
    return i + 1


def read(source: str) -> Document:
    from . import markdown
    text, seps = rewrite(source)
    doc = markdown.read(text)
    doc.source = source
    doc.webinar = DECK
    if seps:
        blocks = []
        k = 0
        for blk in doc.blocks:
            while k < len(seps) and seps[k] <= blk.start:
                blocks.append(Block(kind=DIVIDER, text="", anchors=[], srcs=[], end=seps[k]))
                k += 1
            blocks.append(blk)
        blocks.extend(Block(kind=DIVIDER, text="", anchors=[], srcs=[], end=s) for s in seps[k:])
        doc.blocks = blocks
    return doc
