"""HTML email templates and MJML: lxml builds the tree, a cursor aligns it with the source.

lxml (libxml2) is fast and forgiving but reports only a line per element and nothing for text.
We walk its tree in document order and move a cursor through the (template-masked) source,
only where an offset is reported: each text node is the raw run at the cursor once the markup
before it is stepped over (decoded here, entity by entity, so every visible character keeps its
exact source offset); the start tags of links, images, inputs and dividers (and of everything
inside a link) are found from the cursor, their end tags consumed when they are really there.
Markup lxml dropped (stray end tags, conditional-comment debris) is skipped. The result is a
list of Blocks whose spans point into the original file.

The reader, by job:

- ``markup.py``: the source as text: cleaning before the parse (an XML declaration, copy after
  ``</html>``, tables inside links), the lxml parse, the patterns the cursor steps through
  markup with, character references;
- ``styles.py``: visibility and styles: what a style attribute, a class and the ``<style>``
  blocks say about an element (hidden, font size 0, laid out as a block, a button);
- ``tags.py``: what each element is (block or inline, skipped, heading, list, link...), and the
  frame an element passes on to its content;
- ``walk.py``: the walk over lxml's tree with the cursor through the source;
- ``blocks.py``: text runs at exact offsets into Blocks;
- ``links.py``: links and buttons: their text, destination and span; images, forms, inputs.
"""
from __future__ import annotations

from bisect import bisect_left
import re
from itertools import accumulate

from ...document import ITEM, PARAGRAPH, Block, Document, collapse
from .. import templates
from .markup import _HTML_END, _XML_DECL, _parse, _parse_with_bs4, _tables_in_links
from .tags import BUTTONISH, HEADINGS, INLINE, LINKISH, LISTS, SKIP, VOID
from .walk import _Walker

# the names sources/html.py had: read and read_fragment, and the tag sets
__all__ = ["read", "read_fragment", "SKIP", "INLINE", "HEADINGS", "LISTS", "BUTTONISH", "LINKISH",
           "VOID"]


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
    _bullet_runs(doc.blocks)
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


# a paragraph that starts with a bullet or check mark character ("<p>• Book tickets</p>")
_BULLET_P = re.compile(r"[\u2022\u25aa\u25cf\u25e6\u2023\u2043\u2219\u2713\u2714\u2705\u2611\u27a2\u27a4"
                       r"\u25ba\u25b8\u2192\u2714\ufe0f]\ufe0f?\s*(?=\S)")


def _bullet_runs(blocks) -> None:
    """Paragraphs written as a list ("<p>• Discover events</p><p>• Book tickets</p>", check
    marks in table cells): 2+ in a row that start with the same bullet character are the items
    of one list, as a reader sees them."""
    group = 10 ** 6 + max((b.group for b in blocks), default=0)
    i, n = 0, len(blocks)
    while i < n:
        m = _BULLET_P.match(blocks[i].text) if blocks[i].kind == PARAGRAPH else None
        if m is None:
            i += 1
            continue
        mark = blocks[i].text[0]
        j = i
        while j < n and blocks[j].kind == PARAGRAPH and blocks[j].text[:1] == mark and \
                _BULLET_P.match(blocks[j].text):
            j += 1
        if j - i >= 2:
            group += 1
            for b in blocks[i:j]:
                b.kind, b.group, b.level = ITEM, group, 1
        i = max(j, i + 1)
