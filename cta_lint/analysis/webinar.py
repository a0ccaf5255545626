"""Webinars as delivered (slide decks, transcripts): where the Q&A part starts.

- In a deck, the Q&A is the first slide, after the first one, that opens with a short
  "Questions?" / "Q&A" / "Any questions?" / "Ask me anything" heading or line.
- In a transcript, it starts where the host opens the floor, after the first third of the
  words: "let's open it up for questions", "any questions?", "let's take some questions",
  "time for Q&A". A sentence that announces the Q&A for later ("we'll have time for questions
  at the end", "stick around for the Q&A") does not open it.

``mark(doc)`` returns (block, text offset) of the Q&A's start, or None, and moves the body
blocks after that point (for a deck: from the Q&A slide's first block) to the ``qa`` zone, which
is not body copy: the ending is the part before the Q&A. In a transcript the block where the
host opens the floor stays body (it may close the pitch: "Grab your seat at ... Now, any
questions?"); only the blocks after it move.
"""
from __future__ import annotations

import re

from ..document import BODY, DECK, DIVIDER, HEADING, PARAGRAPH, PS, QA, Document

_QA_TITLE = re.compile(
    r"^[\W_]*(?:(?:any|your|open|audience|final|some)\s+)?(?:q\s*(?:&|and|\+)\s*a|questions?"
    r"(?:\s*(?:&|and)\s*answers?)?|ask\s+me\s+anything|ama|let'?s\s+talk|discussion)"
    r"(?:\s+(?:time|session|and\s+(?:discussion|answers)))?[\W_]*$", re.I)
_OPEN_FLOOR = re.compile(
    r"\b(?:open(?:ing)?\s+(?:it|things|this|the\s+floor)\s+(?:up\s+)?(?:for|to)\s+"
    r"(?:(?:your|some|any|audience)\s+)?(?:questions|q\s*&\s*a)|open\s+(?:up\s+)?the\s+floor|"
    r"(?:any|got\s+any|are\s+there\s+any)\s+questions\s*\?|"
    r"(?:take|answer|get\s+to|turn\s+to|move\s+(?:on\s+)?to|jump\s+(?:in)?to|go\s+to)\s+"
    r"(?:some\s+|a\s+few\s+|your\s+|any\s+|the\s+|audience\s+)?(?:questions|q\s*&\s*a)|"
    r"(?:time|ready)\s+for\s+(?:some\s+|a\s+few\s+|the\s+|your\s+)?(?:questions|q\s*&\s*a))",
    re.I)
_LATER = re.compile(r"\b(?:at\s+the\s+end|later|stick\s+around|stay\s+(?:on|around)|afterwards|"
                    r"after\s+(?:this|that|the)|will\s+(?:have|take|save)|we'll\s+(?:have|save)|"
                    r"in\s+(?:a\s+(?:bit|few)|\d+\s+minutes))\b", re.I)
_SENTENCE = re.compile(r"[^.!?]*(?:[.!?]+|$)")


def qa_start(doc: Document):
    blocks = [b for b in doc.blocks if b.zone in (BODY, PS)]
    if not blocks:
        return None
    if doc.webinar == DECK:
        slide, first_of = 0, True
        for b in doc.blocks:
            if b.kind == DIVIDER:
                slide, first_of = slide + 1, True
                continue
            if not first_of or b.zone not in (BODY, PS):
                continue
            first_of = False      # only a slide's first block can title it
            if slide and b.kind in (HEADING, PARAGRAPH) and b.words <= 6 and \
                    _QA_TITLE.match(b.text):
                return b, 0
        return None
    total = sum(b.words for b in blocks)
    read = 0
    for b in blocks:
        if read + b.words < total / 3:
            read += b.words
            continue
        for m in _SENTENCE.finditer(b.text):
            seg = m.group(0)
            if read >= total / 3 and seg.strip() and _OPEN_FLOOR.search(seg) and \
                    not _LATER.search(seg):
                return b, m.start() + len(seg) - len(seg.lstrip())
            read += len(seg.split())
    return None


def mark(doc: Document):
    """Find the Q&A and move what follows its start out of the body (see the module doc)."""
    found = qa_start(doc)
    if found is None:
        return None
    at, _ = found
    first = at.index if doc.webinar == DECK else at.index + 1
    for b in doc.blocks[first:]:
        if b.zone in (BODY, PS):
            b.zone = QA
    return found
