"""Where phrases can start: the first (and second) words of a phrase, and the words of a text as
the phrase sets read them (cached per text), so a set tries only the phrases that can match at a
place."""
from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache
from itertools import accumulate

from .syntax import _prepare, _tokenize

# -- phrase sets: a list indexed by first (and second) word ----------------------------------------
#
# One alternation of hundreds of phrases is slow to compile (~95 ms for the English lexicon, paid
# by every process) and slow to run: the regex engine tries every alternative at every position.
# Almost every phrase starts with a literal word, so a PhraseSet indexes its phrases by that word
# (and, where it can tell, by the words that may come second). At a place in the copy it tries
# only the phrases that can start there, in list order, each compiled on first use; the few
# phrases that may start with anything (``* says``, ``# % off``) form a regex of their own, tried
# everywhere. Matches are the ones the single alternation would return (tests/test_phrases.py).

_WORDRUN = re.compile(r"\w+")
_WORD_START = re.compile(r"(?<![\w'])\w+")
_WORD_ASCII = re.compile(r"([0-9_a-z](?<![0-9_a-z'][0-9_a-z])[0-9_a-z]*)")  # lower-case ASCII
_OPT_SUFFIX = re.compile(r"[A-Za-z]+(?:\|[A-Za-z]+)*")   # "s", "s|es": an optional word ending
_GLUED = re.compile(r"[^\s(\[|]\(|[^\s(\[|]\[|\)[^\s)\]|]|\][^\s)\]|]")  # a group glued to a word
_LEAD = r"(?<![\w'])"
# a phrase may not stop inside a word; after a number or symbol anything may follow
# ("Call 0870..Ts&Cs", "50%off")
_TAIL = r"(?:(?<=[^\W\d_])(?!\w)|(?<![^\W\d_]))"


def _tok_key(tok: str) -> str | None:
    m = _WORDRUN.match(tok)
    return m.group(0).lower() if m else None


_INNER_GROUP = re.compile(r"\([^()\[\]]*\)|\[[^()\[\]]*\]")


def _top_level_bar(p: str) -> bool:
    """Does the phrase have alternatives at the top level ("yes|no")?"""
    while "|" in p:
        q = _INNER_GROUP.sub("", p)
        if q == p:
            return True
        p = q
    return False


def first_words(phrase: str) -> frozenset[str] | None:
    """The words (lower case, letters/digits only: ``don't`` -> ``don``) a phrase can start
    with, or None when it may start with anything (a wildcard, a number, a symbol)."""
    p = _prepare(phrase)
    if p[:1] not in ("(", "[") and not _top_level_bar(p):
        m = _WORDRUN.match(p)
        if m is None:
            return None
        word = m.group(0).lower()
        nxt = p[m.end():m.end() + 1]
        if nxt == "[":
            # "keep[s] the lights": the text's word is "keep" or "keeps" when the optional
            # part is letters only and a word boundary or space follows it
            close = p.find("]", m.end())
            opt = _OPT_SUFFIX.fullmatch(p, m.end() + 1, close) if close != -1 else None
            if opt is not None and p[close + 1:close + 2] in ("", " "):
                return frozenset({word} | {word + a.lower() for a in opt.group(0).split("|")})
            return None
        if nxt == "(":
            return None
        return frozenset((word,))
    if _GLUED.search(p):
        return None
    toks = _tokenize(p)
    pos = 0

    def alts() -> tuple[set[str] | None, bool]:
        """First words of the alternatives up to ')' / ']' (None: anything), and whether one
        of them can match nothing."""
        nonlocal pos
        keys: set[str] | None = set()
        nullable = False
        seq_keys: set[str] | None = set()
        seq_done = False
        while True:
            t = toks[pos] if pos < len(toks) else ")"
            if t in (")", "]", "|"):
                if not seq_done:
                    nullable = True
                if seq_keys is None:
                    keys = None
                elif keys is not None:
                    keys |= seq_keys
                if t != "|":
                    return keys, nullable
                pos += 1
                seq_keys, seq_done = set(), False
                continue
            pos += 1
            if t == " " or seq_done:
                if t in ("(", "["):
                    alts()
                    pos += 1
                continue
            if t in ("(", "["):
                sub, sub_null = alts()
                pos += 1
                if sub is None:
                    seq_keys = None
                    seq_done = True
                    continue
                if seq_keys is not None:
                    seq_keys |= sub
                if t == "(" and not sub_null:
                    seq_done = True
                continue
            k = None if t in ("*", "#", "...", "$") else _tok_key(t)
            if k is None or not t[:1].isalnum() and t[:1] != "_":
                seq_keys = None
            elif seq_keys is not None:
                seq_keys.add(k)
            seq_done = True

    keys, nullable = alts()
    if keys is None or nullable or not keys:
        return None
    return frozenset(keys)


_CACHED_TEXT = 5000   # longer texts (a whole unwrapped file) are scanned, not cached


_FIRST_ITEM = re.compile(r"(?:\w+|\(\w+(?:\|\w+)*\))\s+")


def next_words(phrase: str) -> frozenset[str] | None:
    """The words that can follow a phrase's first word (``(i|we) [really] need`` -> really,
    need), or None when that cannot be told simply (the first word is optional, glued,
    a wildcard; a gap or a wildcard follows; the rest may match nothing)."""
    p = _prepare(phrase)
    m = _FIRST_ITEM.match(p)
    if m is None or m.end() == len(p) or _top_level_bar(p):
        return None
    return first_words(p[m.end():])


_GLUED_FIRST = re.compile(r"(\w+)'(\w+) (?=\S)")


def _next_words_glued(p: str) -> frozenset[str] | None:
    """Next words of a (prepared) phrase whose first word is glued (``we'd love to``): the
    text may write ``we ' d`` (then ``d`` is the next word) or ``we'd`` (then ``love`` is)."""
    m = _GLUED_FIRST.match(p)
    if m is None:
        return None
    rest = first_words(p[m.end():])
    return rest | {m.group(2).lower()} if rest is not None else None


def next_words_for(phrase: str, key: str) -> frozenset[str] | None:
    """``next_words``, for a phrase met at a place whose word is ``key``: a phrase opening
    with a group of alternatives (``(you owe it to yourself|now is the time) to ...``) is the
    union of one phrase per alternative, and only those starting with ``key`` can match
    there, so the words that can follow are theirs (None when that cannot be told simply)."""
    nxt = next_words(phrase)
    if nxt is not None:
        return nxt
    p = _prepare(phrase)
    if p[:1] != "(":
        return None if _top_level_bar(p) else _next_words_glued(p)
    if _top_level_bar(p):
        return None
    depth = 0
    for close, ch in enumerate(p):
        if ch in "([":
            depth += 1
        elif ch in ")]":
            depth -= 1
            if depth == 0:
                break
    else:
        return None
    if p[close] != ")" or p[close + 1:close + 2] != " ":
        return None   # glued to what follows, or optional: not a plain choice of openings
    inner, rest = p[1:close], p[close + 1:]
    alts, depth, cut = [], 0, 0
    for i, ch in enumerate(inner):
        if ch in "([":
            depth += 1
        elif ch in ")]":
            depth -= 1
        elif ch == "|" and depth == 0:
            alts.append(inner[cut:i])
            cut = i + 1
    alts.append(inner[cut:])
    out: set[str] = set()
    for a in alts:
        a = a.strip()
        if not a:
            return None
        variant = a + rest
        firsts = first_words(variant)
        if firsts is not None and key not in firsts:
            continue   # this opening cannot start at a word ``key``
        n = next_words(variant)
        if n is None:
            n = _next_words_glued(_prepare(variant))
            if n is None:
                return None
        out |= n
    return frozenset(out)


@lru_cache(maxsize=256)
def _word_list(text: str) -> tuple[list[int], list[str], bool]:
    """Where each word of a (short) text starts, the word in lower case, and whether the text
    is ASCII (then a word's entry is exactly what a regex reading the word there and
    lower-casing it returns, also cut at an end: ``following_word``)."""
    if text.isascii():
        # one split of the lower-cased text gives gap, word, gap, ..., gap: the words, and
        # their starts by adding up lengths (the words of _WORD_START, ASCII spelled out)
        parts = _WORD_ASCII.split(text.lower())
        return list(accumulate(map(len, parts)))[0:-1:2], parts[1::2], True
    starts = [m.start() for m in _WORD_START.finditer(text)]
    low = text.lower()
    keys = _WORD_START.findall(low) if len(low) == len(text) else []
    if len(keys) != len(starts):
        keys = [_WORDRUN.match(text, s).group(0).lower() for s in starts]
    return starts, keys, False


def word_at(text: str, pos: int, end: int) -> str | None:
    """The word (lower case) ``PhraseSet.match(text, pos, end)`` looks up at ``pos`` (``end``
    at most ``len(text)``): a caller trying several sets at one place reads it once and passes
    it to ``match_word``."""
    key = None
    if len(text) <= _CACHED_TEXT:
        starts, keys, _ = _word_list(text)
        i = bisect_left(starts, pos)
        if i < len(starts) and starts[i] == pos:
            key = keys[i]
    if key is None:   # not a word start (or a long text): read the word here
        m = _WORDRUN.match(text, pos, end)
        return m.group(0).lower() if m is not None else None
    if pos + len(key) > end:
        return key[: end - pos]
    return key


def word_list(text: str) -> tuple[list[int], list[str], bool]:
    """Where each word of a short text (``_CACHED_TEXT``) starts, and the word in lower case,
    as ``PhraseSet`` reads them (cached: the same text is read sentence by sentence); and
    whether the text is ASCII."""
    return _word_list(text)


def words_in(text: str, pos: int, end: int) -> list[str] | None:
    """The words (lower case) starting in text[pos:end] that ``PhraseSet.search(text, pos,
    end)`` looks up (None for a long text, which it scans): see ``PhraseSet.search_words``."""
    n = len(text)
    if n > _CACHED_TEXT:
        return None
    starts, keys, _ = _word_list(text)
    return keys[bisect_left(starts, pos):bisect_left(starts, end if end < n else n)]


def following_word(text: str, pos: int, end: int) -> str:
    """The word a phrase's second word is checked against at ``pos`` (see ``_match_at``)."""
    w = _WORD_START.search(text, pos + 1, end)
    return w.group(0).lower() if w is not None else ""


def next_word(wl: tuple, pos: int, end: int) -> str | None:
    """``following_word(text, pos, end)`` read from ``wl = word_list(text)`` when the text is
    ASCII and a word starts at ``pos`` (the list's next word, cut at the end, as
    ``PhraseSet._first`` reads it); else None."""
    if not wl[2]:
        return None
    starts = wl[0]
    i = bisect_left(starts, pos)
    n = len(starts)
    if i >= n or starts[i] != pos:
        return None
    i += 1
    if i < n and starts[i] < end:
        f = wl[1][i]
        return f[: end - starts[i]] if starts[i] + len(f) > end else f
    return ""
