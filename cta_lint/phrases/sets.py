"""PhraseSet: a phrase list that matches like one word-bounded, case-insensitive regex, compiled
lazily, word by word."""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from .index import (_CACHED_TEXT, _LEAD, _TAIL, _WORD_START, _word_list, first_words,
                    following_word, next_words_for, word_at)
from .syntax import compile_phrase


class PhraseSet:
    """A phrase list that matches like one word-bounded, case-insensitive regex (longest phrase
    listed first), with ``match``, ``search`` and ``finditer`` as on ``re.Pattern``.

    Phrases are indexed by their first word; at a place where a word starts, only the phrases
    starting with that word are tried, in list order, each compiled on first use, and a phrase
    whose second word is known (``we [really] need to ...``) only where one of those words
    follows. So a run compiles the few phrases its copy can reach, not the whole list.

    ``anchored`` sets are used with ``match`` at a clause start (no look-behind); ``suffix`` is a
    regex appended to every phrase (a lead's trailing punctuation).
    """

    __slots__ = ("phrases", "anchored", "suffix", "_index", "_anywhere", "_entries", "_rx",
                 "_any", "_frags", "_follow")

    def __init__(self, phrases: list[str], *, anchored: bool = False, suffix: str = "",
                 validate: bool = False):
        self.phrases = sorted(set(phrases), key=lambda s: -len(s))
        self.anchored = anchored
        self.suffix = suffix
        index: dict[str, list[int]] = {}
        anywhere: list[int] = []
        for i, p in enumerate(self.phrases):
            keys = first_words(p)
            if keys is None:
                anywhere.append(i)
            else:
                for k in keys:
                    index.setdefault(k, []).append(i)
        self._anywhere = anywhere
        # phrases that may start anywhere are tried with every word's phrases, in list order
        self._index = {k: sorted(v + anywhere) if anywhere else v for k, v in index.items()}
        self._entries: dict[str, list[tuple[int, frozenset[str] | None]]] = {}
        self._rx: dict[int, re.Pattern] = {}
        self._frags: dict[int, str] = {}
        # per first word: the words its phrases' second word may be (None: any word)
        self._follow: dict[str, frozenset[str] | None] = {}
        self._any: re.Pattern | None | bool = False
        if validate:   # translate every phrase now: a bad one raises PhraseError here
            for i, p in enumerate(self.phrases):
                self._frags[i] = compile_phrase(p)

    def __bool__(self) -> bool:
        return bool(self.phrases)

    def _compile(self, ids: list[int]) -> re.Pattern:
        frags = self._frags
        parts = []
        for i in ids:
            f = frags.get(i)
            if f is None:
                f = frags[i] = compile_phrase(self.phrases[i])
            parts.append(f"(?:{f})")
        lead = "" if self.anchored else _LEAD
        return re.compile(f"{lead}(?:{'|'.join(parts)}){_TAIL}{self.suffix}", re.I)

    def _entries_for(self, key: str) -> list[tuple[int, frozenset[str] | None]]:
        anywhere = set(self._anywhere)
        entries = self._entries[key] = [
            (i, None if i in anywhere else next_words_for(self.phrases[i], key))
            for i in self._index[key]]
        follow: set[str] | None = set()
        for _, nxt in entries:
            if nxt is None:
                follow = None
                break
            follow |= nxt
        self._follow[key] = frozenset(follow) if follow is not None else None
        return entries

    def _follows(self, key: str) -> frozenset[str] | None:
        """The words that may follow ``key`` for one of its phrases to match (None: any)."""
        try:
            return self._follow[key]
        except KeyError:
            self._entries_for(key)
            return self._follow[key]

    def _match_at(self, key: str, text: str, pos: int, end: int, following: str | None = None):
        """The first phrase (in list order) starting with ``key`` that matches at ``pos``
        (``following``: ``following_word(text, pos, end)`` when the caller has it)."""
        entries = self._entries.get(key)
        if entries is None:
            entries = self._entries_for(key)
        rx = self._rx
        for i, nxt in entries:
            if nxt is not None:
                if following is None:
                    w = _WORD_START.search(text, pos + 1, end)
                    following = w.group(0).lower() if w is not None else ""
                if following not in nxt:
                    continue
            r = rx.get(i)
            if r is None:
                r = rx[i] = self._compile([i])
            m = r.match(text, pos, end)
            if m is not None:
                return m
        return None

    @property
    def starting_words(self):
        """The words (lower case) this set's phrases can start with (a view of the index)."""
        return self._index.keys()

    @property
    def starts_anywhere(self) -> bool:
        """Do some phrases start with a wildcard, a number or a symbol (tried everywhere)?"""
        return bool(self._anywhere)

    def anywhere(self) -> re.Pattern | None:
        """The regex of the phrases that may start with anything (None if there are none)."""
        a = self._any
        if a is False:
            a = self._any = self._compile(self._anywhere) if self._anywhere else None
        return a

    def compile_all(self) -> None:
        """Compile every phrase now (checks that each one compiles)."""
        for i in range(len(self.phrases)):
            if i not in self._rx:
                self._rx[i] = self._compile([i])
        self.anywhere()

    @property
    def pattern(self) -> str:
        """The whole list as one regex (for display and debugging)."""
        return self._compile(list(range(len(self.phrases)))).pattern

    def match(self, text: str, pos: int = 0, endpos: int | None = None):
        n = len(text)
        end = n if endpos is None or endpos > n else endpos
        key = word_at(text, pos, end)
        if key in self._index:
            return self._match_at(key, text, pos, end)
        a = self._any if self._any is not False else self.anywhere()
        return a.match(text, pos, end) if a is not None else None

    def match_word(self, key: str | None, text: str, pos: int, end: int,
                   following: str | None = None):
        """``match(text, pos, end)``, given ``key = word_at(text, pos, end)`` (and, optionally,
        ``following = following_word(text, pos, end)``: a word no phrase of ``key`` continues
        with is then refused without trying a phrase)."""
        if key in self._index:
            if following is not None:
                fs = self._follow.get(key, False)
                if fs is False:
                    fs = self._follows(key)
                if fs is not None and following not in fs:
                    return None
            return self._match_at(key, text, pos, end, following)
        a = self._any if self._any is not False else self.anywhere()
        return a.match(text, pos, end) if a is not None else None

    def search_words(self, words: list[str] | None, text: str, pos: int, end: int):
        """``search(text, pos, end)``, given ``words = words_in(text, pos, end)``: None at
        once when no phrase can start with any of them."""
        if words is not None and not self._anywhere:
            if self._index.keys().isdisjoint(words):
                return None
            # search(), without the phrases that may start anywhere (there are none)
            return self._first(text, pos, end if end < len(text) else len(text), None)
        return self.search(text, pos, end)

    def search(self, text: str, pos: int = 0, endpos: int | None = None):
        end = len(text) if endpos is None else min(endpos, len(text))
        a = self.anywhere()
        ma = a.search(text, pos, end) if a is not None else None
        return self._first(text, pos, end, ma)

    def _first(self, text: str, pos: int, end: int, ma):
        """The leftmost match in text[pos:end], given ``ma``, the leftmost match of the
        phrases that may start anywhere (a word's phrases win at the same place: they include
        those, in list order)."""
        limit = ma.start() if ma is not None else end
        if limit > end:
            limit = end
        index = self._index
        if len(text) > _CACHED_TEXT:   # a whole unwrapped file: scan, do not keep
            for w in _WORD_START.finditer(text, pos, limit + 1):
                key = w.group(0).lower()
                if key in index:
                    m = self._match_at(key, text, w.start(), end)
                    if m is not None:
                        return m
            return ma
        # the words starting in [pos, limit] (and before end): most sentences hold no word any
        # phrase of the set starts with, which one C-level set test tells
        starts, keys, exact = _word_list(text)
        i = bisect_left(starts, pos)
        j = bisect_right(starts, limit) if limit < end else bisect_left(starts, end)
        if i >= j:
            return ma
        words = keys[i:j]
        if index.keys().isdisjoint(words):
            return ma
        follow = self._follow
        nwords = len(starts)
        for k, key in enumerate(words, i):
            if key not in index:
                continue
            s = starts[k]
            f = None
            if s + len(key) > end:    # the word runs past the end: only its head is seen
                key = key[: end - s]
                if key not in index:
                    continue
            else:
                # the next word, as _match_at would read it: skip the place when none of
                # the word's phrases can continue with it
                fs = follow.get(key, False)
                if fs is False:
                    fs = self._follows(key)
                if fs is not None:
                    if not exact:   # (the list's next word may not be what a regex reads)
                        f = following_word(text, s, end)
                    elif k + 1 < nwords and starts[k + 1] < end:
                        f = keys[k + 1]
                        if starts[k + 1] + len(f) > end:
                            f = f[: end - starts[k + 1]]
                    else:
                        f = ""
                    if f not in fs:
                        continue
            m = self._match_at(key, text, s, end, f)
            if m is not None:
                return m
        return ma

    def finditer(self, text: str, pos: int = 0, endpos: int | None = None):
        """Non-overlapping matches, left to right."""
        end = len(text) if endpos is None else min(endpos, len(text))
        a = self.anywhere()
        ma = None
        while pos <= end:
            if a is not None and (ma is None or ma.start() < pos):
                ma = a.search(text, pos, end)   # searched again only once passed
                if ma is None:
                    a = None
            m = self._first(text, pos, end, ma)
            if m is None:
                return
            yield m
            pos = m.end() if m.end() > m.start() else m.end() + 1


def phrase_set(phrases: list[str], *, anchored: bool = False, suffix: str = "") -> PhraseSet | None:
    """A PhraseSet of ``phrases`` compiled lazily, word by word; None for an empty list."""
    return PhraseSet(phrases, anchored=anchored, suffix=suffix) if phrases else None


def compile_list(phrases: list[str], *, anchored: bool = False) -> "PhraseSet | None":
    """A list of phrases as one matcher (word-bounded, case-insensitive, longest listed first),
    every phrase checked now (PhraseError); None for an empty list."""
    if not phrases:
        return None
    return PhraseSet(phrases, anchored=anchored, validate=True)
