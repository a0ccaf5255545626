"""Ask detection: classify sentences and links/buttons as explicit asks, soft calls, engagement
calls, or nothing (hedges are hedges.py's).

An explicit ask is an imperative (or a first-person button) at the start of a clause, once the
words that may stand before an imperative ("So", "Just", "Please", "Click below to", "Don't
forget to") are stripped; or an invitation phrased as a wish or a question ("I'd love to set up a
call", "Are you free Thursday?"). A link's text is classified the same way, and where the text
leaves the intent open ("Click here", "Start selling today") its destination settles it.
"""
from __future__ import annotations

import re
from bisect import bisect_left

from .._record import Record
from ..phrases import _CACHED_TEXT, following_word, next_word, normalise, word_at, word_list
from ..phrases.syntax import compile_phrase
from .clauses import recognise
from .lexicon import Lexicon
from .mechanisms import SUPPORT_WORDS

EXPLICIT, SOFT, ENGAGEMENT, NONE = "explicit", "soft", "engagement", "none"
_RANK = {EXPLICIT: 3, ENGAGEMENT: 2, SOFT: 1, NONE: 0}

_SENT = re.compile(r"[^.!?\u2026]*(?:[.!?\u2026]+(?:[\"')\]\u201d\u2019]+)?|$)")
_ABBREV = re.compile(r"(?:\b(?:e\.g|i\.e|etc|vs|mr|mrs|ms|dr|st|no|approx|inc|ltd|co|jr|sr|p\.s|p\.p\.s|ps|u\.s|a\.m|p\.m)|\d)\.$", re.I)
# Where a clause ends (its match's end starts the next clause). Written to begin with one
# character class, so the regex engine skips to the next candidate character instead of trying
# every position: the same matches as ``\s*(?:[;:\u2022|]|\s[-\u2013\u2014]\s|,)\s*|\s+(?:and|or|then|&)\s+``
# (a clause break is punctuation, or a run of spaces then punctuation, a dash and a space, or
# a conjunction and a space). After a space, a look-ahead for the characters the rest can
# start with fails at once at most spaces (those before a word), before the alternatives.
_CLAUSE = re.compile(r"[;:\u2022|,\s](?:(?<=[;:\u2022|,])\s*|(?<=\s)(?=[\s;:\u2022|,\-\u2013\u2014&aot])"
                     r"\s*(?:[;:\u2022|,]\s*|[-\u2013\u2014]\s+|(?:and|or|then|&)\s+))", re.I)
_OBJECT = re.compile(r"\s+(?:the|a|an|your|yours|it|one|now|today|them|this|these|our|my|online|here|"
                     r"tickets?|before|while|at|from|with|us)\b|\s*[!:]", re.I)
# "\bplease\b" (re.I) and "(?<=\s)[A-Z][a-z]+\b", written to start with a character class (a
# fast scan); re.I lets "s" match the long s U+017F, kept here
_PLEASE = re.compile(r"[pP](?<=\b[pP])[lL][eE][aA][sS\u017f][eE]\b")
_CAP = re.compile(r"[A-Z](?<=\s[A-Z])[a-z]+\b")
_OPENERS = re.compile(r"[\s\"'(\[*>#\-\u2022\u2192\u25ba\u2713\u2714\u27a4]+")
_GENERIC_LINK = re.compile(
    r"^(?:click here|here|this link|link|continue|go|next|start|let's go|get it|yes|more|\u2192|>+|"
    r"click|tap here|open|this|now|today|go now|start now|start today)[\s.!>\u2192\u00bb]*$", re.I)
_URLISH = re.compile(r"^(?:https?://|www\.|mailto:|tel:)|\.(?:com|org|net|io|co|uk|dev|app)\b", re.I)
_WRITTEN_URL = re.compile(r"\S*(?:https?://|www\.|\.[a-z]{2,6}/)\S*|\S+\.(?:com|org|net|io|co|uk|dev|app)\b\S*",
                          re.I)
_PAID = re.compile(r"\b(paid|premium|pro|plan)\b", re.I)
_FREE_VERB = re.compile(r"(?:download|get|grab|use|check)\b", re.I)
_QUESTION_READY = re.compile(r"(?:are you |so,? )?(?:ready|want|looking|interested|eager|keen) (?:to|in|for)\s+", re.I)
# In ASCII text _QUESTION_READY can only match where one of these words (lower-cased) starts: each
# of its openings is one of them followed by a space or a comma (tests/test_classify_equiv.py)
# an ask offered as one option among account changes ("... or cancel any time")
_CONTACT = re.compile(r"(?:call|phone|ring|email|e-mail|contact|message|text|reply|write|reach)\b",
                      re.I)
_SUPPORT_PURPOSE = re.compile(r"\b(?:if\s+you\s+(?:have|need|run into|get stuck|are stuck)|with|"
                              r"for|about)\s+(?:any\s+|a\s+|some\s+|more\s+)?(?:" + SUPPORT_WORDS +
                              r")\b", re.I)
_RELATIVE_BEFORE = re.compile(r"\b(?:that|which|who|whom|where)\s+$", re.I)
_READY_WORDS = frozenset(("are", "so", "ready", "want", "looking", "interested", "eager", "keen"))



_CLAUSE_END = re.compile(r"[,;\u2014]|\s(?:or|but)\s")


def _in_url(s: str, pos: int) -> bool:
    """Whether ``pos`` falls inside a web address or path written in the text."""
    a = pos
    while a > 0 and not s[a - 1].isspace():
        a -= 1
    b = pos
    while b < len(s) and not s[b].isspace():
        b += 1
    token = s[a:b]
    return "/" in token or _URLISH.search(token) is not None


def _options_re(lists) -> re.Pattern:
    # an ask offered as one option among account changes ("... or cancel any time")
    alts = "|".join(compile_phrase(p) for p in lists.get("account_options", [])) or "(?!)"
    return re.compile(r"\bor\s+(?:to\s+)?(?:" + alts + r")\b", re.I)


def _button_verbs_re(lists) -> re.Pattern:
    alts = "|".join(compile_phrase(p) for p in lists.get("button_verbs", [])) or "(?!)"
    return re.compile(r"^(?:" + alts + r")\b(?!\s+(?:in touch|more|the details|help|support|"
                      r"involved)\b)", re.I)

class Call(Record):
    """A call found in a block."""
    __slots__ = ("kind", "start", "end", "text", "link", "sentence")
    __match_args__ = __slots__

    def __init__(self, kind: str, start: int, end: int, text: str, link: object = None,
                 sentence: tuple[int, int] | None = None) -> None:
        self.kind = kind          # explicit / soft / engagement
        self.start = start        # text positions in the block
        self.end = end
        self.text = text
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
        self._starters: tuple = (False, False, False, frozenset(), True, False, None)

    def _clause_starters(self, eng, ask, soft, lead=False) -> tuple:
        """(engagement, ask, soft sets, the words their phrases start with, whether one of
        them has phrases that may start with anything, the lead set, and the words a clause
        must start with to be anything but NONE, when a word tells: see ``_gate``)."""
        if lead is False:
            lead = self.lex.re_lead
        sets = [ps for ps in (eng, ask, soft) if ps is not None]
        words = frozenset().union(*(ps.starting_words for ps in sets))
        anywhere = any(ps.starts_anywhere for ps in sets)
        gate = None
        if not anywhere and (lead is None or not lead.starts_anywhere):
            gate = words | _READY_WORDS | (lead.starting_words if lead is not None else frozenset())
        self._starters = (eng, ask, soft, words, anywhere, lead, gate)
        return self._starters

    def _gate(self) -> frozenset | None:
        """The words (ASCII) a clause must start with (once openers are skipped) for
        ``_clause`` to find anything: a lead phrase's first word (stripping may then reach
        anything), an engagement, ask or soft phrase's, or one _QUESTION_READY starts with.
        None when no word tells (a set has phrases that may start with anything)."""
        lex = self.lex
        st = self._starters
        eng, ask, soft, lead = lex.re_engagement, lex.re_ask, lex.re_soft, lex.re_lead
        if st[0] is not eng or st[1] is not ask or st[2] is not soft or st[5] is not lead:
            st = self._clause_starters(eng, ask, soft, lead)
        return st[6]

    # -- clauses ---------------------------------------------------------------------------
    def _strip_lead_key(self, s: str, pos: int, wl) -> tuple[int, str | None | bool]:
        """Where the clause's own words start, and ``word_at(s, that, len(s))`` when it was
        read there (False when not). ``wl``: ``word_list(s)`` when s is short, else None."""
        lead = self.lex.re_lead
        m = _OPENERS.match(s, pos)
        if m:
            pos = m.end()
        if lead is None:
            return pos, False
        n = len(s)
        index = lead.starting_words
        for _ in range(6):
            if wl is not None:   # word_at, inlined: the word starting at pos, if one does
                ws = wl[0]
                i = bisect_left(ws, pos)
                key = wl[1][i] if i < len(ws) and ws[i] == pos else word_at(s, pos, n)
            else:
                key = word_at(s, pos, n)
            if key in index:
                m = lead.match_word(key, s, pos, n, following_word(s, pos, n))
            elif lead.starts_anywhere:
                m = lead.match_word(key, s, pos, n)
            else:
                return pos, key   # no phrase of the list can start here
            if not m or m.end() == pos:
                return pos, key
            pos = m.end()
            m2 = _OPENERS.match(s, pos)
            if m2:
                pos = m2.end()
        return pos, False

    def _clause(self, s: str, pos: int, end: int, first: bool, wl) -> tuple[str, int, int]:
        """Classify the clause s[pos:end] (s normalised): (kind, match start, end). ``wl``:
        ``word_list(s)`` when s is short, else None."""
        lex = self.lex
        p, key = self._strip_lead_key(s, pos, wl)
        if p >= end:
            return NONE, pos, pos
        ask = lex.re_ask
        m = _QUESTION_READY.match(s, p, end)
        if m and ask is not None and ask.match(s, m.end(), end):
            return EXPLICIT, p, end
        # the word at p, read once for the three sets tried there (as their .match would)
        n = len(s)
        if end > n:
            end = n
        if key is False or not s.isascii():
            key = word_at(s, p, end)
        elif key is not None and p + len(key) > end:
            key = key[: end - p]    # (ASCII: cutting the lower-cased word is lower-casing the cut)
        eng = lex.re_engagement
        soft = lex.re_soft
        starters = self._starters
        if starters[0] is not eng or starters[1] is not ask or starters[2] is not soft:
            starters = self._clause_starters(eng, ask, soft)
        if key not in starters[3]:
            if not starters[4]:
                return NONE, p, p   # no phrase of the three sets can start with that word
            following = None
        else:
            # the word after it, which most of their phrases need to be one of a few
            following = next_word(wl, p, end) if wl is not None else None
            if following is None:
                following = following_word(s, p, end)
        me = eng.match_word(key, s, p, end, following) if eng is not None else None
        ma = ask.match_word(key, s, p, end, following) if ask is not None else None
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
        if soft is not None:
            ms = soft.match_word(key, s, p, end, following)
            if ms:
                return SOFT, p, ms.end()
        return NONE, p, p

    @staticmethod
    def _live(s: str, pos: int, end: int, ws, keys, nw: int, gate, asc: bool) -> bool:
        """Must the clause at ``pos`` be tried? False when it is NONE for sure (see
        classify_sentence)."""
        m = _OPENERS.match(s, pos)
        p = m.end() if m else pos
        if p >= end:
            return False
        i = bisect_left(ws, p)
        return not (i < nw and ws[i] == p and keys[i] not in gate and p + len(keys[i]) <= end
                    and (asc or keys[i].isascii()))

    def classify_sentence(self, text: str, start: int, end: int) -> Call | None:
        """Classify text[start:end]; returns the strongest call in it, or None."""
        s = normalise(text)
        wl = word_list(s) if len(s) <= _CACHED_TEXT else None
        # A clause whose first word (past openers) is none of ``gate``, whole before the end
        # and ASCII is NONE without trying it: _strip_lead_key stops there (no lead phrase
        # starts with it) and _clause finds no phrase nor _QUESTION_READY starting there (the
        # word read there is the word list's, as the gate's). Elsewhere (not a word start, the
        # word cut by the end, a non-ASCII word, which _QUESTION_READY's re.I may read as one
        # of its words: "\u017fo") the clause is tried.
        gate = self._gate() if wl is not None else None
        if gate is not None:
            ws, keys, asc = wl[0], wl[1], wl[2]
            nw = len(ws)
        if gate is None or self._live(s, start, end, ws, keys, nw, gate, asc):
            kind, a, b = self._clause(s, start, end, True, wl)
        else:
            kind = NONE
        best = (kind, a, b if b > a else a) if kind != NONE else None
        if kind != EXPLICIT:
            starts = [m.end() for m in _CLAUSE.finditer(s, start, end)]
            if starts and starts[-1] >= end:
                starts.pop()   # matches end in order: only the last can reach the end
            # a capitalised word mid-sentence may start an unpunctuated imperative ("from £79 Book now")
            # (not looked for where no character is upper case: most sentences)
            if not text[start + 1:end].islower():
                starts += [m.start() for m in _CAP.finditer(text, start + 1, end)]
            # "... please accept this discount": an imperative after "please" mid-sentence
            # (its "lea", in any case, is "lea" lower-cased: looked for only where that is)
            if "lea" in s[start + 1:end].lower():
                starts += [m.start() for m in _PLEASE.finditer(s, start + 1, end)]
            # the clause starts after the first, in order, each once (a repeated start
            # classifies the same and cannot beat itself)
            if starts:
                rank = _RANK[kind]
                for cstart in sorted(set(starts)):
                    if gate is not None and not self._live(s, cstart, end, ws, keys, nw, gate,
                                                           asc):
                        continue
                    kind, a, b = self._clause(s, cstart, end, False, wl)
                    if kind != NONE and _RANK[kind] > rank:
                        best = (kind, a, b if b > a else a)
                        rank = _RANK[kind]
                        if kind == EXPLICIT:
                            break
        lex = self.lex
        # the sentence's words, read once for the lists searched below (words_in, from wl)
        words = wl[1][bisect_left(wl[0], start):bisect_left(wl[0], end)] if wl is not None else None
        if best is None or best[0] != EXPLICIT:
            invite = lex.re_invite
            inv = invite.search_words(words, s, start, end) if invite is not None else None
            if inv and _RELATIVE_BEFORE.search(s, max(start, inv.start() - 8), inv.start()):
                inv = None   # "the best tablets that you can buy": a description
            if not inv:
                # not one of the commonest asks word for word: by its structure (clauses.py)
                st = recognise(lex, text, start, end, words)
                if st is not None and (st[0] == EXPLICIT or best is None):
                    best = st
            if inv:
                best = (EXPLICIT, inv.start(), inv.end())
            elif best is None:
                ea = lex.re_engagement_any
                m2 = ea.search_words(words, s, start, end) if ea is not None else None
                if m2:
                    best = (ENGAGEMENT, m2.start(), m2.end())
                else:
                    sa = lex.re_soft_any
                    m3 = sa.search_words(words, s, start, end) if sa is not None else None
                    if m3:
                        best = (SOFT, m3.start(), m3.end())
                    else:
                        return None
            if best[0] != EXPLICIT and lex.re_commercial is not None:
                # "please reach out to discuss sponsorship": the purpose makes it a commercial step
                # the call's purpose: what follows it in its own clause
                pos = start
                sep = _CLAUSE_END.search(s, best[2], end)
                stop = sep.start() if sep else end
                while pos < stop:
                    m4 = lex.re_commercial.search_words(words, s, pos, stop)
                    if m4 is None:
                        break
                    if not _in_url(s, m4.start()):   # not "example.com/replay/pricing"
                        best = (EXPLICIT, best[1], best[2])
                        break
                    pos = m4.end()
        kind, a, b = best
        if kind == EXPLICIT and _CONTACT.match(s, a) and _SUPPORT_PURPOSE.search(s, b, end):
            # "Call us if you have any questions": contact for support, not a commercial step
            kind = ENGAGEMENT
        if kind == EXPLICIT and self.lex.derived("options", _options_re).search(s, b, end):
            # "you can upgrade to a paying account or cancel any time": options, not an ask
            return Call(SOFT, a, b, text[a:b])
        return Call(kind, a, b, text[a:b])

    def _soft_href(self, href: str) -> bool:
        """A destination the lexicon calls soft: a blog, docs or help path or site always; a
        general host (github.com, youtube.com) unless its path asks (github.com/sponsors)."""
        soft = self.lex.re_href_soft
        m = soft.search(href) if soft is not None else None
        if m is None:
            return False
        part = m.group(0)
        if part.startswith("/") or part.endswith("."):
            return True
        strong = self.lex.re_href_ask_strong
        return strong is None or strong.search(href) is None

    def classify_link(self, link, inline: bool = False) -> Call | None:
        """A link's call: by its text, and where its text leaves it open by its destination.
        ``inline``: the link is a few words of a sentence the seller says about itself ("We
        gained several new [sponsors](/sponsor)"): its destination says where it points, not
        that it asks."""
        text = " ".join((link.text or "").split())
        href = link.href or ""
        kind = NONE
        if text and not _URLISH.search(text) and not _GENERIC_LINK.match(text):
            c = self.classify_sentence(text, 0, len(text))
            if c is not None:
                kind = c.kind
        elif text and link.start != link.end and _WRITTEN_URL.search(text):
            # a web address written in a line ("Watch the replay here: acme.io/replay/pricing"):
            # the words around it say what it is for; only where they say nothing does the
            # address's path decide
            words = _WRITTEN_URL.sub(" ", text)
            c = self.classify_sentence(words, 0, len(words))
            if c is not None and c.kind != EXPLICIT:
                return Call(c.kind, 0, len(text), text, link=link)
            if self.lex.re_free is not None and self.lex.re_free.search(normalise(words)):
                return Call(SOFT, 0, len(text), text, link=link)   # "the template here: ..."
        if kind == NONE and text and self.lex.re_engagement_objects is not None and \
                self.lex.re_engagement_objects.search(normalise(text)):
            kind = ENGAGEMENT   # a link named for a newsletter, a forum, a Discord: not a sale
        if kind in (NONE,) or (text and (_GENERIC_LINK.match(text) or _URLISH.search(text))):
            if href.lower().startswith("mailto:"):
                kind = ENGAGEMENT if kind == NONE else kind
            elif self.lex.re_href_ask is not None and self.lex.re_href_ask.search(href) and \
                    not self._soft_href(href) and not (inline and kind == NONE and text and
                                                       not _GENERIC_LINK.match(text)):
                kind = EXPLICIT
            elif href and kind == NONE and text:
                kind = SOFT
        if kind in (NONE, SOFT) and text and self.lex.derived("button_verbs", _button_verbs_re).match(text) and not (
                self.lex.re_soft_any is not None and self.lex.re_soft_any.search(normalise(text))) \
                and not (self.lex.re_free is not None and self.lex.re_free.search(text)):
            kind = EXPLICIT   # a button "Get 1000+ leads + the course", "Start building"
        if kind == NONE:
            return None
        return Call(kind, 0, len(text), text or href, link=link)

