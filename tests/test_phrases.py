"""Phrase sets: a lexicon list indexed by first word must match exactly as the single
alternation of all its phrases would, on real copy, for match, search and finditer."""
from __future__ import annotations

import re

import pytest

from conftest import ROOT, needs_shared
from cta_lint.analysis.asks import sentences
from cta_lint.analysis.lexicon import LISTS
from cta_lint.phrases import PhraseSet, first_words, following_word, normalise, word_at, words_in
from cta_lint.registry import Registry


@pytest.mark.parametrize("phrase,words", [
    ("buy", {"buy"}),
    ("Sign up now", {"sign"}),
    ("don't forget to", {"don"}),
    ("(buy|order) now", {"buy", "order"}),
    ("[your] free trial", {"your", "free"}),
    ("(please )?book a call", {"please", "book"}),
    ("[is there] any chance (you could|you can)", {"is", "any"}),
    ("yes|no thanks", {"yes", "no"}),
    ("if you('re| are) having trouble", {"if"}),
    ("* says $", None),
    ("# % off", None),
    ("... to get started", None),
    ("\u00a9", None),
    ("keep(s)? the lights on", {"keep", "keeps"}),   # an optional ending: either word
    ("sign[s|ed] up", {"sign", "signs", "signed"}),
    ("keep[s]the", None),                # glued on both sides: not a word of its own
    ("[a]", None),                       # may match nothing: tried everywhere
    ("(re)start", None),
])
def test_first_words(phrase, words):
    got = first_words(phrase)
    assert (set(got) if got is not None else None) == words


def _copy() -> list[str]:
    """Block-sized texts from the corpus and the examples (normalised, as the analysis sees
    them)."""
    from cta_lint import sources
    texts = []
    paths = sorted(needs_shared("corpus", "docs").glob("*")) + sorted((ROOT / "examples").rglob("*.*"))
    for p in paths:
        if p.suffix not in (".txt", ".md", ".html", ".mjml"):
            continue
        text = p.read_text(encoding="utf-8", errors="replace")
        doc = sources.read_text(text, sources.format_for(str(p), text))
        texts += [normalise(b.text) for b in doc.blocks if b.text]
    assert len(texts) > 500
    return texts


@pytest.fixture(scope="module")
def copy():
    return _copy()


# every list of the English lexicon that is made of phrases (href lists are substrings)
EN_LISTS = [n for n, v in Registry().lexicon.lists.items() if v and not n.startswith("href_")]


@pytest.mark.parametrize("name", EN_LISTS)
def test_phrase_set_matches_like_one_alternation(name, copy):
    lex = Registry().lexicon
    ps = getattr(lex, "re_" + name)
    assert isinstance(ps, PhraseSet)
    whole = re.compile(ps.pattern, re.I)
    span = lambda m: m and m.span()   # noqa: E731
    hits = 0
    for t in copy:
        for s, e in sentences(t):
            # at every clause-like start: each word start, and the sentence start
            for w in re.finditer(r"(?<!\w)\S", t[s:e]):
                p = s + w.start()
                assert span(ps.match(t, p, e)) == span(whole.match(t, p, e)), (name, t[p:e])
                # the caller-supplied word forms (the ask detector's) agree with match()
                key = word_at(t, p, e)
                assert span(ps.match_word(key, t, p, e)) == span(ps.match(t, p, e))
                assert span(ps.match_word(key, t, p, e, following_word(t, p, e))) == \
                    span(ps.match(t, p, e)), (name, t[p:e])
            if ps.anchored:
                continue   # used with match() only
            got = ps.search(t, s, e)
            assert span(ps.search_words(words_in(t, s, e), t, s, e)) == span(got)
            assert span(got) == span(whole.search(t, s, e)), (name, t[s:e])
            hits += got is not None
        if ps.anchored:
            hits += any(ps.match(t, s, e) for s, e in sentences(t))
        if not ps.anchored:
            assert [m.span() for m in ps.finditer(t)] == [m.span() for m in whole.finditer(t)], t
    if name in ("ask", "lead", "hedge", "boilerplate", "seller", "soft", "engagement"):
        assert hits, f"no {name} phrase in any corpus sentence: the comparison proved nothing"


def test_every_built_in_phrase_compiles():
    lex = Registry().lexicon
    for name in LISTS:
        ps = getattr(lex, "re_" + name)
        if isinstance(ps, PhraseSet):
            ps.compile_all()


def test_long_text_is_scanned_like_short_text():
    """Texts over the cache limit take the scanning path: same matches."""
    ps = PhraseSet(["sign up", "buy now", "* says $", "\u00a9"])
    unit = "Please sign up today. Nobody says. \u00a9 2026 ACME. Buy now! "
    short = unit * 3
    long = unit * 400
    assert len(long) > 5000
    spans = [m.span() for m in ps.finditer(short)]
    assert len(spans) == 9
    assert [m.span() for m in ps.finditer(long)][:9] == spans
    assert len(list(ps.finditer(long))) == 1200


def test_search_matches_one_alternation_on_generated_non_ascii_text():
    """_first's next-word test in non-ASCII text (read as _match_at reads it) and search_words
    agree with the single alternation, on text made of the lists' own words.

    Note: an end inside a word is left out: there the set tries the word's head only when the
    whole word starts a phrase ("continue discovering" up to "discover" finds nothing; the
    alternation finds "discover"). Sentences never end inside a word. And so are the long s
    (U+017F) and the dotted capital I (U+0130), which re.I reads as "s" and "i" but which
    lower-casing does not turn into them: "donation\u017f" is not looked up as "donations",
    nor "\u0130 welcome" as "i welcome" (the alternation matches both)."""
    import random
    lex = Registry().lexicon
    rnd = random.Random(9)
    odd = ["\u212a", "\u00e9", "\u00a0", "\u2014", "\u00df", "'", ",", ".", "!"]
    for name in ("invite", "engagement_any", "soft_any", "hedge", "commercial"):
        ps = getattr(lex, "re_" + name)
        whole = re.compile(ps.pattern, re.I)
        vocab = sorted({w for p in ps.phrases for w in re.findall(r"[\w']+", p)})
        span = lambda m: m and m.span()   # noqa: E731
        hits = 0
        for _ in range(3000):
            words = []
            for _ in range(rnd.randint(1, 12)):
                r = rnd.random()
                if r < 0.15:   # a phrase's words, one alternative of each group
                    p = re.sub(r"\(([^()]*)\)\??|\[([^\]]*)\]",
                               lambda m: rnd.choice((m.group(1) or m.group(2)).split("|")),
                               rnd.choice(ps.phrases))
                    words.append(p.replace("...", "").replace("*", "x").replace("#", "9"))
                    continue
                w = rnd.choice(vocab) if r < 0.8 else rnd.choice(odd)
                if rnd.random() < 0.2:
                    i = rnd.randrange(len(w) + 1)
                    w = w[:i] + rnd.choice(odd[:7]) + w[i:]
                words.append(w.upper() if rnd.random() < 0.1 else w)
            t = normalise(" ".join(words))
            s = rnd.randint(0, len(t))
            e = len(t) if rnd.random() < 0.6 else rnd.randint(s, len(t))
            while 0 < e < len(t) and t[e - 1].isalnum() and t[e].isalnum():
                e += 1   # (an end inside a word: only its head is seen, see the note below)
            got = ps.search(t, s, e)
            assert span(got) == span(whole.search(t, s, e)), (name, t, s, e)
            assert span(ps.search_words(words_in(t, s, e), t, s, e)) == span(got)
            hits += got is not None
        assert hits > 100, (name, hits)


def test_an_optional_word_ending_keeps_the_space_after_the_word():
    """'keep(s)? the lights on' matched 'keeps the lights on' and 'keepthe lights on' but not
    'keep the lights on': the optional ending took the space after it, as an optional word
    does ("[please] buy")."""
    for phrase, yes, no in (
            ("keep(s)? the lights on", ["keep the lights on", "we keeps the lights on"],
             ["keepthe lights on"]),
            ("order(s)? now", ["order now", "Orders now!"], ["ordersnow"]),
            ("[please] buy", ["please buy", "buy"], ["pleasebuy"])):
        ps = PhraseSet([phrase])
        one = re.compile(ps.pattern, re.I)   # the whole list as one regex
        for t in yes:
            assert ps.search(t) and one.search(t), (phrase, t)
        for t in no:
            assert not ps.search(t) and not one.search(t), (phrase, t)
