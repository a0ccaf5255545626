"""Per-document analysis shared by the rules: zones, sentences, calls, the ending window.

Computed once per document, lazily, and read by every check: a rule never re-parses or
re-classifies what another rule already looked at.
"""
from __future__ import annotations

import re
from functools import cached_property

from ..document import BUTTON, DIVIDER, HEADING, PS, Block, Document
from . import zones
from .asks import EXPLICIT, AskDetector, Call, sentences
from .lexicon import Lexicon

_LEGAL = re.compile(r"\b(?:terms\s*(?:and|&)\s*conditions|disclaimer|fine print)\s*:", re.I)


class Analysis:
    def __init__(self, doc: Document, lex: Lexicon, *, ending_words: int = 80,
                 detector: AskDetector | None = None):
        self.doc = doc
        self.lex = lex
        # a detector holds nothing about a document (only what it derives from the lexicon's
        # phrase sets, checked against them on use): a Linter passes one for all its documents
        self.detector = detector if detector is not None and detector.lex is lex else AskDetector(lex)
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

    def known_calls(self, block: Block) -> list[Call] | None:
        """The block's calls if a check has already asked for them, else None (classifies
        nothing)."""
        return self._calls.get(block.index)

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
                self.ending_from[b.index] = self._tail_cut(b, window - words)
                break
            if b.words > window and not paras:
                self.ending_from[b.index] = self._tail_cut(b, window)
                break
            words += b.words
            if b.words >= 4:
                paras += 1
            if words >= window or paras >= 3 or (paras >= 2 and words >= window // 4):
                break
        out.reverse()
        return out

    def _tail_cut(self, b: Block, need: int) -> int:
        """Text offset where the last ``need`` words of body copy in ``b`` begin."""
        stop = self.body_until.get(b.index, len(b.text) + 1)
        cut, acc = 0, 0
        for s, e in reversed(self.sentences(b)):
            if s >= stop:
                continue
            acc += len(b.text[s:e].split())
            cut = s
            if acc >= need:
                break
        return cut

    @cached_property
    def ending_from(self) -> dict[int, int]:
        return {}

    @cached_property
    def body_until(self) -> dict[int, int]:
        """Where body copy stops inside the last body block, when footer boilerplate is run into
        it (plain-text mail without blank lines): text offset of the first footer sentence."""
        body = self.body
        if not body:
            return {}
        b = body[-1]
        sents = self.sentences(b)
        if len(sents) < 3:
            return {}
        bp = self.lex.re_boilerplate
        if bp is None:
            return {}
        from ..phrases import normalise
        t = normalise(b.text)
        cut = None
        seen_bp = False
        half = len(t) // 2
        for s, e in sents:
            if s >= half:
                m = bp.search(t, s, e)
                if m:
                    # back up only to the start of the boilerplate's clause, so an ask run into
                    # it ("click here for your free quote if you received this in error") stays
                    k = max(t.rfind(" if ", s, m.start()), t.rfind(",", s, m.start()))
                    cut, seen_bp = (k + 1 if k != -1 else s), True
                    break
        # legal fine print runs from its heading ("terms and conditions :") to the end
        m = _LEGAL.search(t)
        if m and (cut is None or m.start() < cut):
            cut, seen_bp = m.start(), True
        if cut is None or not seen_bp or cut <= sents[0][0]:
            return {}
        return {b.index: cut}

    def ending_calls(self) -> list[tuple[Block, Call]]:
        """Calls in the ending (calls before a cut point in a long first block excluded)."""
        out = []
        for b in self.ending:
            cut = self.ending_from.get(b.index, 0)
            stop = self.body_until.get(b.index)
            for c in self.calls(b):
                if stop is not None and c.start >= stop and c.link is None:
                    continue
                if c.link is not None:
                    pos = b.text.find(c.link.text) if c.link.text else 0
                    if cut and pos < cut:
                        continue
                elif c.start < cut:
                    continue
                out.append((b, c))
        return out
