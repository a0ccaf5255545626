"""Phrase sets: a lexicon list indexed by first word must match exactly as the single
alternation of all its phrases would, on real copy, for match, search and finditer."""
from __future__ import annotations

import re

import pytest

from conftest import ROOT, SHARED
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
    ("keep(s)? the lights on", None),   # the copy's word is "keeps"
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
    paths = sorted((SHARED / "corpus" / "docs").glob("*")) + sorted((ROOT / "examples").rglob("*.*"))
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
