"""ending-ask (CTA001 missing-ask) and weak-ask (CTA004): does the close of the message ask?"""
from __future__ import annotations

from ..analysis.asks import ENGAGEMENT, EXPLICIT, SOFT
from ..analysis.ending import closing_block
from ..document import BUTTON
from ..findings import Hit
from . import Check


def _quote(s: str, n: int = 60) -> str:
    s = " ".join(s.split())
    return s if len(s) <= n else s[: n - 1].rstrip() + "\u2026"


def last_earlier_ask(doc, an, ending):
    """The last explicit ask in the body before the ending, as (block, call), or None. Read
    from the end: the blocks before the last one with an explicit ask are never classified."""
    ids = {b.index for b in ending}
    for b in reversed(an.body):
        if b.index in ids:
            continue
        ex = an.explicit(b)
        if ex:
            return b, ex[-1]
    return None


class MissingAsk(Check):
    kind = "ending-ask"
    options = {"window-words": 80}

    def check(self, doc, an):
        ending = an.ending
        if not ending:
            return
        calls = an.ending_calls()
        if any(c.kind == EXPLICIT for _, c in calls):
            return
        last = closing_block(an, ending)
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
        earlier = last_earlier_ask(doc, an, ending)
        suggestion = None
        if earlier:
            b, c = earlier
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
        hedge_re = an.lex.re_hedge
        if hedge_re is None:
            return
        # the ending's sentences in order, across blocks
        sents = []
        for b in an.ending:
            if b.kind == BUTTON:
                continue
            cut = an.ending_from.get(b.index, 0)
            for s, e in an.sentences(b):
                if s >= cut:
                    sents.append((b, s, e))
        asks = {(b.index, c.sentence): c for b, c in an.ending_calls()
                if c.kind == EXPLICIT and c.link is None and c.sentence}
        prev = None
        for b, s, e in sents:
            c = asks.get((b.index, (s, e)))
            if c is not None:
                hedge = c.hedge if c.hedged else None
                start = b.src(s)
                if hedge is None and prev is not None:
                    pb, ps, pe = prev
                    h = hedge_re.search(_norm(pb.text), ps, pe)
                    pc = an.detector.classify_sentence(pb.text, ps, pe)
                    if h and (pc is None or pc.kind == EXPLICIT):
                        hedge = pb.text[h.start():h.end()]
                        start = pb.src(ps)
                if hedge:
                    yield Hit(start, b.src_end(e),
                              f"The closing ask is hedged ('{_quote(hedge, 40)}'): ask plainly.",
                              suggestion="drop the hedge and state the next step: "
                                         f"'{_quote(_unhedge(b.text[s:e], hedge_re))}'")
                    return
            prev = (b, s, e)


def _norm(t):
    from ..phrases import normalise
    return normalise(t)


def _unhedge(sentence: str, hedge_re) -> str:
    """The sentence with its hedges taken out: a starting point for a plain ask."""
    import re
    out = _norm(sentence)
    for _ in range(4):
        m = hedge_re.search(out)
        if not m:
            break
        out = (out[:m.start()] + " " + out[m.end():])
        out = re.sub(r"^\W*(?:(?:in|on|about|to)\s+)?", "", out.strip())
    out = re.sub(r"\s+([,.!?])", r"\1", re.sub(r"\s{2,}", " ", out)).strip(" ,")
    out = re.sub(r"^(?:,\s*)+", "", out)
    return (out[:1].upper() + out[1:]) if len(out.split()) >= 2 else sentence
