"""ending-ask (CTA001 missing-ask) and weak-ask (CTA004): does the close of the message ask?"""
from __future__ import annotations

from ..analysis.asks import ENGAGEMENT, EXPLICIT, SOFT
from ..analysis.ending import closing_block
from ..analysis import hedges
from ..analysis.vocab import vocab
from ..analysis.words import tokens
from ..document import BUTTON, HEADING, ITEM
from ..findings import Hit
from ..phrases import normalise
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
    """CTA004: every ask in the ending is checked for a hedge (analysis/hedges.py), whether or not
    CTA001 counted it: an ask phrased so softly that it was not recognised as one is exactly what
    this rule is for."""
    kind = "weak-ask"
    options = {}

    def check(self, doc, an):
        sents = []
        for b in an.ending:
            if b.kind in (BUTTON, HEADING):
                continue
            cut = an.ending_from.get(b.index, 0)
            for s, e in an.sentences(b):
                if s >= cut:
                    sents.append((b, s, e))
        prev = None
        lead = None   # the sentence leading into the current list ("If you'd like to help, you can:")
        for k, (b, s, e) in enumerate(sents):
            if b.kind != ITEM:
                lead = (b, s, e) if b.text[s:e].rstrip().endswith(":") else None
            if asks_like(an, b, s, e):
                h = hedges.find(an.lex, b.text, s, e)
                hb, start, stop = b, b.src(s), b.src_end(e)
                if h is None and b.kind == ITEM and lead is not None and lead != prev:
                    # every item of a list answers the sentence that leads into it
                    lb, ls, le = lead
                    h = hedges.find(an.lex, lb.text, ls, le)
                    if h is not None:
                        hb, start = lb, lb.src(ls)
                if h is None and prev is not None and not _support_line(an, *prev):
                    pb, ps, pe = prev
                    # a condition leading into the ask ("If interested: <link>") hedges it; one
                    # in a sentence of its own may be about anything ("If you have questions")
                    lead_in = pb.text[ps:pe].rstrip().endswith(":")
                    h = hedges.find(an.lex, pb.text, ps, pe, conditionals=lead_in)
                    if h is not None:
                        hb, start = pb, pb.src(ps)
                if h is None and k + 1 < len(sents):
                    # the sentence after it takes the ask back: "Either way, no hard feelings."
                    nb, ns, ne = sents[k + 1]
                    if not asks_like(an, nb, ns, ne) and not _support_line(an, nb, ns, ne):
                        h = hedges.find(an.lex, nb.text, ns, ne, conditionals=False)
                        if h is not None:
                            hb, stop = nb, nb.src_end(ne)
                if h is not None:
                    hedge = hb.text[h[0]:h[1]]
                    yield Hit(start, stop,
                              f"The closing ask is hedged ('{_quote(hedge, 40)}'): ask plainly.",
                              suggestion="drop the hedge and state the next step: "
                                         f"'{_quote(_unhedge(an.lex, b.text[s:e]))}'")
                    return
            prev = (b, s, e)


def asks_like(an, b, s, e) -> bool:
    """Does text[s:e] of block b ask for a commercial step, however softly? An explicit call, or
    a verb of a commercial step in any form ("if you find value in supporting me")."""
    for c in an.calls(b):
        if c.kind == EXPLICIT and c.link is None and c.sentence == (s, e):
            return True
        if c.kind == EXPLICIT and c.link is not None and s <= b.text.find(c.link.text) < e:
            return True
    # (the calls hold the structural recogniser's verdict: what is left is a verb of a
    # commercial step in a form no ask takes, "if you find value in supporting me")
    v = vocab(an.lex)
    toks = tokens(b.text, s, e)
    return any(v.verbs.get(w, ("",))[0] == "ask_verbs" and not (
        {t[2] for t in toks[max(0, i - 2):i]} & _NEGATION) for i, (_, _, w) in enumerate(toks))


# before a verb: the step not taken ("if you decide not to renew, reply and let us know")
_NEGATION = frozenset("not never n't don't won't didn't doesn't".split())


def _support_line(an, b, s, e) -> bool:
    """A support or engagement line ("If you have questions, feel free to reply"): its hedge is
    not the ask's."""
    return any(c.kind == ENGAGEMENT and c.link is None and s <= c.start < e for c in an.calls(b))


def _unhedge(lex, sentence: str) -> str:
    """The sentence with its hedges taken out: a starting point for a plain ask."""
    import re
    out = normalise(sentence)
    for _ in range(4):
        h = hedges.find(lex, out, 0, len(out))
        if h is None:
            break
        out = (out[:h[0]] + " " + out[h[1]:])
        out = re.sub(r"^\W*(?:(?:in|on|about|to)\s+)?", "", out.strip())
    out = re.sub(r"\s+([,.!?])", r"\1", re.sub(r"\s{2,}", " ", out)).strip(" ,")
    out = re.sub(r"^(?:,\s*)+", "", out)
    return (out[:1].upper() + out[1:]) if len(out.split()) >= 2 else sentence
