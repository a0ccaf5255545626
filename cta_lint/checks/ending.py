"""ending-ask (CTA001 missing-ask) and weak-ask (CTA004): does the close of the message ask?"""
from __future__ import annotations

from bisect import bisect_right

from ..analysis.asks import ENGAGEMENT, EXPLICIT, SOFT
from ..document import BUTTON
from ..findings import Hit
from . import Check


def _quote(s: str, n: int = 60) -> str:
    s = " ".join(s.split())
    return s if len(s) <= n else s[: n - 1].rstrip() + "\u2026"


def earlier_asks(doc, an, ending):
    """Explicit asks in the body before the ending (for the message and the suggestion)."""
    ids = {b.index for b in ending}
    out = []
    for b in an.body:
        if b.index in ids:
            continue
        for c in an.explicit(b):
            out.append((b, c))
    return out


class MissingAsk(Check):
    kind = "ending-ask"
    options = {"window-words": 80}

    def check(self, doc, an):
        ending = an.ending
        if not ending:
            return
        calls = [(b, c) for b in ending for c in an.calls(b)]
        if any(c.kind == EXPLICIT for _, c in calls):
            return
        last = ending[-1]
        # report on the last body block of the ending
        soft = [(b, c) for b, c in calls if c.kind == SOFT]
        eng = [(b, c) for b, c in calls if c.kind == ENGAGEMENT]
        if eng:
            b, c = eng[-1]
            what = f"ends with an engagement request '{_quote(c.text)}'"
        elif soft:
            b, c = soft[-1]
            what = f"ends with a soft call '{_quote(c.text)}'"
        else:
            what = "ends without any call to action"
        earlier = earlier_asks(doc, an, ending)
        suggestion = None
        if earlier:
            b, c = earlier[-1]
            line, _ = doc.position(b.src(c.start) if c.link is None else c.link.start)
            what += f"; an ask appears at line {line} but not at the end"
            suggestion = f"end with the ask you already have at line {line}: '{_quote(c.text)}'"
        else:
            suggestion = ("close with one explicit next step for the reader, e.g. a 'Start your "
                          "free trial' / 'Book a call' / 'Buy now' line or button")
        yield Hit(last.start, last.end, f"The ending has no explicit ask: it {what}.",
                  suggestion=suggestion)


class WeakAsk(Check):
    kind = "weak-ask"
    options = {}

    def check(self, doc, an):
        ending = an.ending
        for b in ending:
            sents = an.sentences(b)
            calls = an.calls(b)
            for c in calls:
                if c.kind != EXPLICIT or c.link is not None:
                    continue
                hedge_at = None
                if c.hedged:
                    hedge_at = c
                else:
                    # a hedge in the sentence just before the ask, in the same block
                    # the last sentence ending before the ask (bisect: linear in block size)
                    k = bisect_right(sents, c.sentence[0], key=_end) if c.sentence else 0
                    if k:
                        ps, pe = sents[k - 1]
                        h = an.lex.re_hedge.search(_norm(b.text), ps, pe) if an.lex.re_hedge else None
                        pc = an.detector.classify_sentence(b.text, ps, pe)
                        if h and (pc is None or pc.kind == EXPLICIT):
                            hedge_at = c
                            c.hedge = b.text[h.start():h.end()]
                if hedge_at is None:
                    continue
                s, e = c.sentence or (c.start, c.end)
                yield Hit(b.src(s), b.src_end(e),
                          f"The closing ask is hedged ('{_quote(c.hedge, 40)}'): ask plainly.",
                          suggestion=f"drop the hedge and state the next step: "
                                     f"'{_quote(_unhedge(b.text[s:e], c.hedge))}'")
                return


def _end(s):
    return s[1]


def _norm(t):
    from ..phrases import normalise
    return normalise(t)


def _unhedge(sentence: str, hedge: str) -> str:
    import re
    out = re.sub(re.escape(hedge) + r"[\s,]*(?:to\s+)?", "", sentence, count=1, flags=re.I).strip()
    out = re.sub(r"^(?:in|on)\s+", "", out)
    return (out[:1].upper() + out[1:]) if out else sentence
