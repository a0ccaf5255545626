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
        """The closing part of the body copy: the final section (after the last heading or
        divider), or, when that is long, its last 2-3 paragraphs / ~N words; plus any P.S. and
        the buttons in that part. A long last paragraph is cut at a sentence boundary
        (``ending_from``)."""
        body = self.body
        if not body:
            return []
        last_section = body[-1].section
        out: list[Block] = []
        words = 0
        paras = 0
        window = self.ending_words
        for b in reversed(body):
            if b.section != last_section and b.zone != PS:
                break
            if b.kind == HEADING and out:
                break
            out.append(b)
            if b.zone == PS or b.kind == BUTTON or b.kind == HEADING:
                continue
            if words + b.words > window and paras >= 1 and b.words > 25:
                # take only the closing sentences of this long block
                need = window - words
                cut = 0
                acc = 0
                for s, e in reversed(self.sentences(b)):
                    acc += len(b.text[s:e].split())
                    cut = s
                    if acc >= need:
                        break
                self.ending_from[b.index] = cut
                break
            if b.words > window and not paras:
                need = window
                cut, acc = 0, 0
                for s, e in reversed(self.sentences(b)):
                    acc += len(b.text[s:e].split())
                    cut = s
                    if acc >= need:
                        break
                self.ending_from[b.index] = cut
                break
            words += b.words
            if b.words >= 4:
                paras += 1
            if words >= window or paras >= 3 or (paras >= 2 and words >= window * 3 // 8):
                break
        out.reverse()
        return out

    @cached_property
    def ending_from(self) -> dict[int, int]:
        return {}

    def ending_calls(self) -> list[tuple[Block, Call]]:
        """Calls in the ending (calls before a cut point in a long first block excluded)."""
        out = []
        for b in self.ending:
            cut = self.ending_from.get(b.index, 0)
            for c in self.calls(b):
                if c.link is not None:
                    pos = b.text.find(c.link.text) if c.link.text else 0
                    if cut and pos < cut:
                        continue
                elif c.start < cut:
                    continue
                out.append((b, c))
        return out
