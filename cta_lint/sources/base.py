"""What every reader shares: the error that says a file cannot be read as copy, and the
subject line / preheader blocks. (Here, not in the package's ``__init__``, so that a reader
never imports the module that imports it.)"""
from __future__ import annotations


class ReadError(Exception):
    """The file cannot be read as copy (binary, undecodable, too large...)."""


def add_meta_blocks(doc, subject: bool = True, preheader: bool = True) -> None:
    """Make a known subject line / preheader visible to rules as blocks that are not body copy
    (kind ``subject``, zone ``subject``; kind and zone ``preheader``), placed first so they
    never touch the ending. Their position is the text's first occurrence in the source when it
    can be found, else the start of the file."""
    from ..document import PREHEADER, SUBJECT, TextBuilder
    have = {b.kind for b in doc.blocks}
    new = []
    for want, kind, value in ((subject, SUBJECT, doc.subject), (preheader, PREHEADER, doc.preheader)):
        if not want or not value or not value.strip() or kind in have:
            continue
        value = " ".join(value.split())
        tb = TextBuilder()
        at = doc.source.find(value)
        if at != -1:
            tb.add(value, at)
        else:
            first = value.split(None, 1)[0]   # (a preheader can be ~4,000 characters)
            at = doc.source.find(first)
            tb.add_mapped(value, max(at, 0))
        blk = tb.build(kind)
        if blk is not None:
            blk.zone = kind
            new.append(blk)
    if new:
        doc.blocks[:0] = new
