"""ask-before-questions (CTA008): in a webinar (a deck or a transcript) with a Q&A part, the
explicit ask comes before the Q&A. An ask made only after it, or never, is reported at the start
of the Q&A (analysis/webinar.py finds it): most of the audience has left by the end of a Q&A."""
from __future__ import annotations

from ..analysis.asks import EXPLICIT
from ..document import BODY, PS, QA
from ..findings import Hit
from . import Check


def _pos(block, call) -> int:
    """Text offset of a call in its block (a link's text, else the sentence)."""
    if call.link is not None:
        p = block.text.find(call.link.text) if call.link.text else -1
        return p if p != -1 else 0
    return call.start


class AskBeforeQuestions(Check):
    kind = "ask-before-questions"
    options = {}

    def check(self, doc, an):
        if not doc.webinar or an.qa is None:
            return
        qa_block, qa_at = an.qa
        after = None
        for b in doc.blocks:
            if b.zone not in (BODY, PS, QA):
                continue
            for c in an.calls(b):
                if c.kind != EXPLICIT:
                    continue
                before = b.zone != QA and (b.index < qa_block.index or (
                    b.index == qa_block.index and _pos(b, c) < qa_at))
                if before:
                    return
                if after is None:
                    after = (b, c)
        ends = [e for s, e in an.sentences(qa_block) if e > qa_at]
        end = qa_block.src_end(ends[0]) if ends else qa_block.end
        start = qa_block.src(qa_at)
        if after is not None:
            b, c = after
            line, _ = doc.position(b.src(_pos(b, c)))
            yield Hit(start, end,
                      f"The ask comes only after the Q&A starts (line {line}): make it before "
                      f"the questions, while everyone is still there.",
                      suggestion="move the offer and its next step before the Q&A, and repeat "
                                 "it at the end if you like")
        else:
            yield Hit(start, end,
                      "The webinar opens the Q&A without having made an explicit ask.",
                      suggestion="before the questions, give the one next step: 'Start your "
                                 "free trial at ...' / 'Book your onboarding call at ...'")
