"""Ask detection: classify sentences and links/buttons as explicit asks, soft calls, engagement
calls, or nothing, and notice hedges.

An explicit ask is an imperative (or a first-person button) at the start of a clause, once the
words that may stand before an imperative ("So", "Just", "Please", "Click below to", "Don't
forget to") are stripped; or an invitation phrased as a wish or a question ("I'd love to set up a
call", "Are you free Thursday?"). A link's text is classified the same way, and where the text
leaves the intent open ("Click here", "Start selling today") its destination settles it.
"""
from __future__ import annotations

import re

from .._record import Record
from ..phrases import normalise
from .lexicon import Lexicon

EXPLICIT, SOFT, ENGAGEMENT, NONE = "explicit", "soft", "engagement", "none"
_RANK = {EXPLICIT: 3, ENGAGEMENT: 2, SOFT: 1, NONE: 0}

_SENT = re.compile(r"[^.!?\u2026]*(?:[.!?\u2026]+(?:[\"')\]\u201d\u2019]+)?|$)")
_ABBREV = re.compile(r"(?:\b(?:e\.g|i\.e|etc|vs|mr|mrs|ms|dr|st|no|approx|inc|ltd|co|jr|sr|p\.s|p\.p\.s|ps|u\.s|a\.m|p\.m)|\d)\.$", re.I)
_CLAUSE = re.compile(r"\s*(?:[;:\u2022|]|\s[-\u2013\u2014]\s|,)\s*|\s+(?:and|or|then|&)\s+", re.I)
_OBJECT = re.compile(r"\s+(?:the|a|an|your|yours|it|one|now|today|them|this|these|our|my|online|here|"
                     r"tickets?|before|while|at|from|with|us)\b|\s*[!:]", re.I)
_PLEASE = re.compile(r"\bplease\b", re.I)
_CAP = re.compile(r"(?<=\s)[A-Z][a-z]+\b")
_OPENERS = re.compile(r"[\s\"'(\[*>#\-\u2022\u2192\u25ba\u2713\u2714\u27a4]+")
_GENERIC_LINK = re.compile(
    r"^(?:click here|here|this link|link|continue|go|next|start|let's go|get it|yes|more|\u2192|>+|"
    r"click|tap here|open|this|now|today|go now|start now|start today)[\s.!>\u2192\u00bb]*$", re.I)
_URLISH = re.compile(r"^(?:https?://|www\.|mailto:|tel:)|\.(?:com|org|net|io|co|uk|dev|app)\b", re.I)
_BUTTON_VERB = re.compile(r"^(?:get|grab|start|try|join|claim|unlock|access|reserve|secure|"
                          r"upgrade|activate (?:my|your) (?:trial|offer|discount))\b(?!\s+(?:in touch|more|the details|help|support|involved)\b)", re.I)
_PAID = re.compile(r"\b(paid|premium|pro|plan)\b", re.I)
_FREE_VERB = re.compile(r"(?:download|get|grab|use|check)\b", re.I)
_QUESTION_READY = re.compile(r"(?:are you |so,? )?(?:ready|want|looking|interested|eager|keen) (?:to|in|for)\s+", re.I)


class Call(Record):
    """A call found in a block."""
    __slots__ = ("kind", "start", "end", "text", "hedged", "hedge", "link", "sentence")
    __match_args__ = __slots__

    def __init__(self, kind: str, start: int, end: int, text: str, hedged: bool = False,
                 hedge: str = "", link: object = None,
                 sentence: tuple[int, int] | None = None) -> None:
        self.kind = kind          # explicit / soft / engagement
        self.start = start        # text positions in the block
        self.end = end
        self.text = text
        self.hedged = hedged
        self.hedge = hedge
        self.link = link          # the Link, for links/buttons
        self.sentence = sentence



def sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans of a block's text (abbreviations and decimals do not end a sentence)."""
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _SENT.finditer(text):
        if m.end() == m.start():
            if m.end() >= len(text):
                break
            continue
        end = m.end()
        seg = text[start:end].rstrip()
        if end < len(text) and (_ABBREV.search(seg) or (end < len(text) and not text[end:end + 1].isspace()
                                                       and text[end - 1:end] == ".")):
            continue  # not a real end: keep extending
        if text[start:end].strip():
            s = start + (len(text[start:end]) - len(text[start:end].lstrip()))
            spans.append((s, start + len(text[start:end].rstrip())))
        start = end
    if start < len(text) and text[start:].strip():
        s = start + (len(text[start:]) - len(text[start:].lstrip()))
        spans.append((s, len(text.rstrip())))
    return spans


class AskDetector:
    def __init__(self, lex: Lexicon):
        self.lex = lex

    # -- clauses ---------------------------------------------------------------------------
    def _strip_lead(self, s: str, pos: int) -> int:
        lead = self.lex.re_lead
        m = _OPENERS.match(s, pos)
        if m:
            pos = m.end()
        if lead is None:
            return pos
        for _ in range(6):
            m = lead.match(s, pos)
            if not m or m.end() == pos:
                break
            pos = m.end()
            m2 = _OPENERS.match(s, pos)
            if m2:
                pos = m2.end()
        return pos

    def classify_clause(self, s: str, pos: int, end: int, *, first: bool) -> tuple[str, int, int]:
        """Classify the clause s[pos:end] (s normalised). Returns (kind, match start, end)."""
        lex = self.lex
        p = self._strip_lead(s, pos)
        if p >= end:
            return NONE, pos, pos
        ask = lex.re_ask
        m = _QUESTION_READY.match(s, p, end)
        if m and ask is not None and ask.match(s, m.end(), end):
            return EXPLICIT, p, end
        eng = lex.re_engagement
        me = eng.match(s, p, end) if eng is not None else None
        ma = ask.match(s, p, end) if ask is not None else None
        if ma and not first and len(ma.group(0).split()) < 2:
            # mid-sentence, a lone verb needs an object or adverb that makes it a request:
            # "or buy the home of your dreams" asks, "to pay rent or buy food" does not
            if not _OBJECT.match(s, ma.end(), end):
                ma = None
        if ma:
            never = lex.re_never
            if never is not None and never.search(s, p, end):
                return NONE, p, p
            objects = lex.re_engagement_objects
            if objects is not None and objects.search(s, p, end):
                if not _PAID.search(s, p, end):
                    return ENGAGEMENT, p, ma.end()
            free = lex.re_free
            if free is not None and _FREE_VERB.match(s, p, end) and free.search(s, p, end):
                return SOFT, p, ma.end()
            if me and me.end() > ma.end():
                return ENGAGEMENT, p, me.end()
            return EXPLICIT, p, ma.end()
        if me:
            return ENGAGEMENT, p, me.end()
        soft = lex.re_soft
        if soft is not None:
            ms = soft.match(s, p, end)
            if ms:
                return SOFT, p, ms.end()
        return NONE, p, p

    def classify_sentence(self, text: str, start: int, end: int) -> Call | None:
        """Classify text[start:end]; returns the strongest call in it, or None."""
        s = normalise(text)
        best: Call | None = None
        starts = [start] + [m.end() for m in _CLAUSE.finditer(s, start, end) if start < m.end() < end]
        # a capitalised word mid-sentence may start an unpunctuated imperative ("from £79 Book now")
        starts += [m.start() for m in _CAP.finditer(text, start, end) if m.start() > start]
        # "... please accept this discount": an imperative after "please" mid-sentence
        starts += [m.start() for m in _PLEASE.finditer(s, start, end) if m.start() > start]
        starts.sort()
        for i, cstart in enumerate(starts):
            kind, a, b = self.classify_clause(s, cstart, end, first=(i == 0))
            if kind != NONE and (best is None or _RANK[kind] > _RANK[best.kind]):
                best = Call(kind, a, max(b, a), text[a:max(b, a)])
                if kind == EXPLICIT:
                    break
        if best is None or best.kind != EXPLICIT:
            inv = self.lex.re_invite.search(s, start, end) if self.lex.re_invite is not None else None
            if inv:
                best = Call(EXPLICIT, inv.start(), inv.end(), text[inv.start():inv.end()])
        if best is None:
            ea = self.lex.re_engagement_any
            m2 = ea.search(s, start, end) if ea is not None else None
            if m2:
                best = Call(ENGAGEMENT, m2.start(), m2.end(), text[m2.start():m2.end()])
        if best is None:
            sa = self.lex.re_soft_any
            m3 = sa.search(s, start, end) if sa is not None else None
            if m3:
                best = Call(SOFT, m3.start(), m3.end(), text[m3.start():m3.end()])
        if best is not None and best.kind in (ENGAGEMENT, SOFT) and self.lex.re_commercial is not None:
            # "please reach out to discuss sponsorship": the purpose makes it a commercial step
            cm = self.lex.re_commercial.search(s, start, end)
            if cm:
                best = Call(EXPLICIT, best.start, best.end, best.text)
        if best is not None and best.kind == EXPLICIT and self.lex.re_hedge is not None:
            h = self.lex.re_hedge.search(s, start, end)
            if h:
                best.hedged = True
                best.hedge = text[h.start():h.end()]
        return best

    def classify_link(self, link) -> Call | None:
        text = " ".join((link.text or "").split())
        href = link.href or ""
        kind = NONE
        if text and not _URLISH.search(text) and not _GENERIC_LINK.match(text):
            c = self.classify_sentence(text, 0, len(text))
            if c is not None:
                kind = c.kind
                if kind == EXPLICIT and c.hedged:
                    kind = EXPLICIT
        if kind in (NONE,) or (text and (_GENERIC_LINK.match(text) or _URLISH.search(text))):
            if href.lower().startswith("mailto:"):
                kind = ENGAGEMENT if kind == NONE else kind
            elif self.lex.re_href_ask is not None and self.lex.re_href_ask.search(href) and not (
                    self.lex.re_href_soft is not None and self.lex.re_href_soft.search(href)
                    and not re.search(r"sponsor|donat|patreon|ko-fi|opencollective|liberapay|checkout|signup|sign-up|register|pricing",
                                      href, re.I)):
                kind = EXPLICIT
            elif href and kind == NONE and text:
                kind = SOFT
        if kind in (NONE, SOFT) and text and _BUTTON_VERB.match(text) and not (
                self.lex.re_soft_any is not None and self.lex.re_soft_any.search(normalise(text))) \
                and not (self.lex.re_free is not None and self.lex.re_free.search(text)):
            kind = EXPLICIT   # a button "Get 1000+ leads + the course", "Start building"
        if kind == NONE:
            return None
        return Call(kind, 0, len(text), text or href, link=link)

