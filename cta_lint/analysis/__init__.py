"""Per-document analysis shared by the rules: zones, sentences, calls, the ending window.

Computed once per document, lazily, and read by every check: a rule never re-parses or
re-classifies what another rule already looked at.
"""
from __future__ import annotations

from functools import cached_property
import re

from ..document import DIVIDER, HEADING, ITEM, Block, Document
from . import webinar, zones
from .asks import EXPLICIT, AskDetector, Call, sentences
from .ending import body_until, ending_window
from .features import capability_item, price
from .lexicon import Lexicon


# the text of a button that picks a plan ("Choose", "Select plan", "Subscribe", "Get Pro")
_CHOOSE = re.compile(r"\s*(?:choose|select|pick|subscribe|buy|get|continue|sign\s+up|start)"
                     r"(?:\s+(?:this|it|now|plan|this\s+plan|package|tier|pro|premium|basic|"
                     r"starter|monthly|yearly|annual))?\s*[.!\u2192\u00bb>]*\s*$", re.I)
# a sentence the seller says about itself: "We gained ...", "Thanks to our ...", "Our team ..."
_STATEMENT = re.compile(r"\W*(?:we|i|our|my|thanks\s+to|thank\s+you\s+to|huge\s+thanks\s+to)\b"
                        r"(?!\s+(?:can|could|would|'d|invite|encourage|recommend|offer|need|ask))",
                        re.I)


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
        # a webinar's Q&A part (deck or transcript): (block, text offset) where it starts
        self.qa = webinar.mark(doc) if doc.webinar else None

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
            c = self.detector.classify_link(link, inline=self._in_statement(block, link))
            if (c is None or c.kind != EXPLICIT) and _CHOOSE.match(link.text or "") and \
                    self._priced(block):
                # "Choose" / "Select plan" under "$7.99/month": a plan picked on a pricing card
                c = Call(EXPLICIT, 0, len(link.text), link.text, link=link)
            if c is not None:
                out.append(c)
        self._calls[block.index] = out
        return out

    def _priced(self, block: Block) -> bool:
        """Does a price stand in the few blocks up to this one (a pricing card)?"""
        blocks = self.doc.blocks
        return any(price(b.text) for b in blocks[max(0, block.index - 12):block.index + 1])

    def _in_statement(self, block: Block, link) -> bool:
        """Is the link a few words inside a sentence the seller says about itself ("We gained
        several new [sponsors](/sponsors)", "Thanks to our [backers](...)")?"""
        lt = (link.text or "").strip()
        if not lt or link.image:
            return False
        text = block.text
        at = text.find(lt)
        if at < 0:
            return False
        for s, e in self.sentences(block):
            if s <= at < e:
                sent = text[s:e]
                return len(sent.strip()) > len(lt) + 8 and _STATEMENT.match(sent) is not None
        return False

    def known_calls(self, block: Block) -> list[Call] | None:
        """The block's calls if a check has already asked for them, else None (classifies
        nothing)."""
        return self._calls.get(block.index)

    def explicit(self, block: Block) -> list[Call]:
        return [c for c in self.calls(block) if c.kind == EXPLICIT]

    @cached_property
    def ending(self) -> list[Block]:
        """The closing part of the body copy (see ending.py); a long last paragraph is cut at a
        sentence boundary (``ending_from``)."""
        return ending_window(self)

    @cached_property
    def ending_from(self) -> dict[int, int]:
        return {}

    @cached_property
    def body_until(self) -> dict[int, int]:
        """Where body copy stops inside the last body block, when footer boilerplate is run into
        it (plain-text mail without blank lines): text offset of the first footer sentence."""
        return body_until(self)

    def ending_calls(self) -> list[tuple[Block, Call]]:
        """Calls in the ending (calls before a cut point in a long first block excluded)."""
        out = []
        for b in self.ending:
            cut = self.ending_from.get(b.index, 0)
            stop = self.body_until.get(b.index)
            for c in self.calls(b):
                if b.kind == HEADING and c.link is None:
                    continue   # a section title ("Get started") names the section, asks nothing
                if c.link is None and b.kind == ITEM and capability_item(b, self):
                    continue   # "What you can do: - Book tickets in seconds": a capability
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
