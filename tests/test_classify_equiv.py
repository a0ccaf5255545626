"""The fast forms used by sentence classification match what they replace: the clause-start
regexes (rewritten to begin with a character class), the ASCII word list (one split), the
replace-based normalise, and word_at / words_in against what PhraseSet.match / search read."""
from __future__ import annotations

import bisect
import random
import re

from cta_lint import phrases
from cta_lint.analysis import asks

_CLAUSE_REF = re.compile(r"\s*(?:[;:\u2022|]|\s[-\u2013\u2014]\s|,)\s*|\s+(?:and|or|then|&)\s+", re.I)
_CAP_REF = re.compile(r"(?<=\s)[A-Z][a-z]+\b")
_PLEASE_REF = re.compile(r"\bplease\b", re.I)
_WORD_START = re.compile(r"(?<![\w'])\w+")

_PIECES = [" ", "  ", "\t", "\n", "\u00a0", ",", ";", ":", "\u2022", "|", "-", "\u2013", "\u2014",
           "and", "AND", "Or", "then", "&", "please", "PLEASE", "ple\u017fe", "PLease", "xplease",
           "pleasex", "Book", "B", "ook", "a", ".", "Ab", "\u00c9t", "\u00e9", "_", "1", "'", "\"",
           "(", "\u2019", "\u201c", "don't", "it's", "K", "\u212a", "\u0130", "x9"]


def _texts(n: int, seed: int):
    rnd = random.Random(seed)
    for _ in range(n):
        yield "".join(rnd.choice(_PIECES) for _ in range(rnd.randint(0, 14)))


def _spans(rx, text, pos, end, group_end=False):
    return [(m.start(), m.end()) for m in rx.finditer(text, pos, end)]


def test_clause_start_regexes_match_the_plain_forms():
    rnd = random.Random(7)
    for text in _texts(40000, 1):
        pos = rnd.randint(0, len(text))
        end = rnd.randint(pos, len(text)) if rnd.random() < 0.5 else len(text)
        for new, ref in ((asks._CLAUSE, _CLAUSE_REF), (asks._CAP, _CAP_REF),
                         (asks._PLEASE, _PLEASE_REF)):
            assert _spans(new, text, pos, end) == _spans(ref, text, pos, end), (ref.pattern, text)


def _word_list_ref(text):
    starts = [m.start() for m in _WORD_START.finditer(text)]
    low = text.lower()
    keys = _WORD_START.findall(low) if len(low) == len(text) else []
    if len(keys) != len(starts):
        keys = [phrases._WORDRUN.match(text, s).group(0).lower() for s in starts]
    return starts, keys


def test_word_list_and_normalise():
    for text in _texts(20000, 2):
        starts, keys, exact = phrases._word_list.__wrapped__(text)
        assert (starts, keys) == _word_list_ref(text), text
        assert exact == text.isascii()
        assert phrases.normalise.__wrapped__(text) == text.translate(phrases.QUOTES)
        if exact:   # an entry is what a regex reads there, also cut at an end
            for s, k in zip(starts, keys):
                for end in range(s + 1, len(text) + 1):
                    w = _WORD_START.search(text, s, end)
                    assert w.start() == s and w.group(0).lower() == k[: end - s]


def test_word_at_and_words_in():
    rnd = random.Random(3)
    for text in _texts(20000, 4):
        n = len(text)
        pos = rnd.randint(0, n)
        end = rnd.randint(pos, n)
        m = phrases._WORDRUN.match(text, pos, end)
        i = [s for s, _ in zip(*_word_list_ref(text))]
        if pos in i:
            key = _word_list_ref(text)[1][i.index(pos)]
            key = key[: end - pos] if pos + len(key) > end else key
        else:
            key = m.group(0).lower() if m is not None else None
        assert phrases.word_at(text, pos, end) == key
        starts, keys = _word_list_ref(text)
        assert phrases.words_in(text, pos, end) == [k for s, k in zip(starts, keys) if pos <= s < end]
        wl = phrases.word_list(text)   # as classify_sentence reads them
        assert wl[1][bisect.bisect_left(wl[0], pos):bisect.bisect_left(wl[0], end)] == \
            phrases.words_in(text, pos, end)


import pytest  # noqa: E402


@pytest.mark.parametrize("phrase,key,words", [
    ("(you owe it to yourself|it's time|now is the time) to (try|get)", "you", {"owe"}),
    ("(you owe it to yourself|it's time|now is the time) to (try|get)", "now", {"is"}),
    ("(you owe it to yourself|it's time|now is the time) to (try|get)", "it", {"s", "time"}),  # glued
    ("(you can|can) (support|back) us", "can", {"support", "back"}),
    ("(any|have (any|a)) questions", "have", {"any", "a"}),
    ("(do|don't) miss (out|it)", "do", {"miss"}),
    ("(hit|just hit|press) reply", "hit", {"reply"}),
    ("(a|b)s c", "a", None),              # the group is glued to a word
    ("(a b|*) c", "a", None),             # an opening that may start anywhere
    ("buy (now|today)", "buy", {"now", "today"}),
    ("we'd love (you )?to", "we", {"d", "love"}),   # "we ' d love" or "we'd love"
    ("we'd've gone", "we", None),
])
def test_next_words_for(phrase, key, words):
    got = phrases.next_words_for(phrase, key)
    assert (set(got) if got is not None else None) == words


@pytest.mark.parametrize("text", [
    "we'd love to hear", "we ' d love to hear", "we 'd love to hear", "we' d love to hear",
    "WE'D LOVE TO HEAR", "so we'd love to hear from you", "it ' s time to try", "it's time to get",
    "you owe it to yourself to try", "now is the time to get", "don ' t miss out", "do miss out",
])
def test_glued_and_grouped_openings_match_like_one_regex(text):
    ps = phrases.PhraseSet(["we'd love to hear", "(you owe it to yourself|it's time|now is the time) "
                            "to (try|get)", "(do|don't) miss (out|it)"])
    whole = re.compile(ps.pattern, re.I)
    span = lambda m: m and m.span()   # noqa: E731
    assert span(ps.search(text)) == span(whole.search(text)) is not None
    for p in range(len(text)):
        assert span(ps.match(text, p)) == span(whole.match(text, p))


_ASCII_PIECES = ["Book", "book", "now", "so", "So", "are", "you", "ready", "to", "want", "in",
                 "please", "Please", "just", "click", "here", "the", "sign", "up", "don't", "'", "\"",
                 "(", "-", "*", ">", " ", " ", "  ", ",", ";", ":", ".", "!", "and", "or", "then",
                 "&", "we'd", "love", "x", "9", "get", "join", "share", "looking", "for", "a",
                 "keen", "SO", "ok", "it's", "'Book", "today", "call", "us"]
# read by re.I as ASCII letters ("\u017fo" is "so" to _QUESTION_READY), or lower-cased to them
_ODD_PIECES = ["\u017fo", "\u212aeen", "\u0130nterested", "\u0131nterested", "caf\u00e9", "\u00e9",
               "\u2019", "\u00a0", "\u2014", "Bo\u212aok", "\u017fign"]


def test_clause_gate_is_exact():
    """A clause start the gate passes over (AskDetector._live false) classifies as NONE, in
    ASCII text and not; and in ASCII text _QUESTION_READY only matches where a word of
    _READY_WORDS starts."""
    from cta_lint.registry import Registry
    det = asks.AskDetector(Registry().lexicon)
    gate = det._gate()
    assert gate is not None and asks._READY_WORDS <= gate
    rnd = random.Random(11)
    skipped = 0
    for t in range(30000):
        pieces = _ASCII_PIECES if t % 3 else _ASCII_PIECES + _ODD_PIECES
        text = phrases.normalise("".join(rnd.choice(pieces) for _ in range(rnd.randint(1, 16))))
        ws, keys, exact, *_ = phrases.word_list(text)
        n = len(text)
        end = n if rnd.random() < 0.6 else rnd.randint(0, n)
        for pos in range(0, n + 1):
            m = asks._QUESTION_READY.match(text, pos, end)
            if m and exact:
                assert phrases._WORDRUN.match(text, pos).group(0).lower() in asks._READY_WORDS
            if not det._live(text, pos, end, ws, keys, len(ws), gate, exact):
                skipped += 1
                for first in (True, False):
                    assert det._clause(text, pos, end, first, phrases.word_list(text))[0] == \
                        asks.NONE, (text, pos, end)
    assert skipped > 15000


def test_next_word_is_following_word():
    rnd = random.Random(5)
    read = 0
    for text in _texts(20000, 6):
        wl = phrases.word_list(text)
        n = len(text)
        for pos in range(n + 1):
            end = n if rnd.random() < 0.5 else rnd.randint(pos, n)
            f = phrases.next_word(wl, pos, end)
            if f is not None:
                read += 1
                assert f == phrases.following_word(text, pos, end), (text, pos, end)
    assert read > 3000



@pytest.mark.parametrize("drop,add", [("lead", None), ("ask", None), ("engagement", None),
                                      (None, ("ask", "* now")), (None, ("lead", "# %"))])
def test_clause_gate_with_other_lexicons(drop, add):
    """Without a lead list (or another), or with phrases that may start anywhere (no gate),
    the detector classifies as with the gate turned off."""
    from cta_lint.analysis.lexicon import Lexicon
    from cta_lint.registry import Registry

    class NoGate(asks.AskDetector):
        def _gate(self):
            return None

    full = Registry().lexicon.lists
    lex = Lexicon({k: v for k, v in full.items() if k != drop})
    if add:
        lex.extend({add[0]: [add[1]]})
    det, ref = asks.AskDetector(lex), NoGate(lex)
    rnd = random.Random(17)
    found = 0
    for _ in range(3000):
        text = phrases.normalise("".join(rnd.choice(_ASCII_PIECES + _ODD_PIECES)
                                         for _ in range(rnd.randint(1, 16))))
        for s, e in asks.sentences(text) + [(0, len(text))]:
            got = det.classify_sentence(text, s, e)
            assert repr(got) == repr(ref.classify_sentence(text, s, e)), (text, s, e)
            found += got is not None
    assert found > 50


def test_cap_and_please_prechecks():
    """_CAP finds nothing in a range with no upper-case character (str.islower), _PLEASE
    nothing where the lower-cased range holds no "lea" (classify_sentence skips them there)."""
    rnd = random.Random(19)
    seen = [0, 0]
    for text in _texts(40000, 8):
        s = phrases.normalise(text)
        pos = rnd.randint(0, len(text))
        end = rnd.randint(pos, len(text)) if rnd.random() < 0.5 else len(text)
        if text[pos:end].islower():
            assert not _spans(asks._CAP, text, pos, end), text
        if "lea" not in s[pos:end].lower():
            assert not _spans(asks._PLEASE, s, pos, end), s
        seen[0] += bool(_spans(asks._CAP, text, pos, end))
        seen[1] += bool(_spans(asks._PLEASE, s, pos, end))
    assert min(seen) > 300, seen
