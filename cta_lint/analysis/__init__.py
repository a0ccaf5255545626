"""Per-document analysis shared by the rules: zones, sentences, calls, the ending window.

Computed once per document, lazily, and read by every check: a rule never re-parses or
re-classifies what another rule already looked at.
"""
from __future__ import annotations

from functools import cached_property

from ..document import BODY, BUTTON, DIVIDER, HEADING, PS, Block, Document
from . import zones
from .asks import EXPLICIT, AskDetector, Call, sentences
from .lexicon import Lexicon


class Analysis:
    def __init__(self, doc: Document, lex: Lexicon, *, ending_words: int = 80):
        self.doc = doc
        self.lex = lex
        self.detector = AskDetector(lex)
        self.ending_words = ending_words
        zones.assign(doc, lex)

    @cached_property
    def body(self) -> list[Block]:
        return [b for b in self.doc.blocks if b.in_body and b.kind != DIVIDER]

    def sentences(self, block: Block) -> list[tuple[int, int]]:
        cache = self._sent_cache
        r = cache.get(block.index)
        if r is None:
            r = cache[block.index] = sentences(block.text)
        return r

    @cached_property
    def _sent_cache(self) -> dict:
        return {}

    @cached_property
    def _calls(self) -> dict[int, list[Call]]:
        return {}

    def calls(self, block: Block) -> list[Call]:
        """Every call in a block: one per sentence that has one, then one per link."""
        r = self._calls.get(block.index)
        if r is not None:
            return r
        out: list[Call] = []
        text = block.text
        for s, e in self.sentences(block):
            c = self.detector.classify_sentence(text, s, e)
            if c is not None:
                c.sentence = (s, e)
                out.append(c)
        for link in block.links:
            c = self.detector.classify_link(link)
            if c is not None:
                out.append(c)
        self._calls[block.index] = out
        return out

    def explicit(self, block: Block) -> list[Call]:
        return [c for c in self.calls(block) if c.kind == EXPLICIT]

    @cached_property
    def ending(self) -> list[Block]:
        """The closing part of the body copy: the final section, or its last ~N words, plus
        any P.S. and the buttons in that part."""
        body = self.body
        if not body:
            return []
        last_section = body[-1].section
        out: list[Block] = []
        words = 0
        texty = 0
        for b in reversed(body):
            if b.section != last_section and b.zone != PS:
                break
            if b.kind == HEADING and out:
                break
            out.append(b)
            if b.zone == PS or b.kind == BUTTON:
                continue
            words += b.words
            texty += 1
            if words >= self.ending_words and texty >= 2:
                break
            if texty >= 6:
                break
        out.reverse()
        return out
