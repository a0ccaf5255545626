"""The phrase syntax used by every lexicon and phrase rule, compiled to linear-time regexes.

A phrase is words separated by spaces, matched case-insensitively on word boundaries, with a
few operators (all of which compile to bounded, non-nested regex pieces, so no pattern written
in this syntax can backtrack catastrophically):

    (a|b c|d)   one of the alternatives (each may be several words)
    [x]         optional word or group: ``[your] free trial`` (also written ``(x)?``)
    *           any one word
    #           a number (``# % off``, ``#-minute``)
    ...         a gap of up to four words
    $           the end of the text (only punctuation may follow): ``* says $``
    'x          a word glued to the previous one without a space (``don'x`` is written ``don't``)

Apostrophes and quotes in text are normalised (’ -> ') before matching, keeping positions.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from itertools import accumulate
from functools import lru_cache

QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"', "\u00a0": " ",
                        "\u2013": "-", "\u2014": "-", "\u02bc": "'", "\u2032": "'"})

WORD = r"[\w'&$£€%+-]{1,64}+"
SEP = r"[\s\-]{1,32}+"
GAP = r"(?:[\w'&$£€%+.,-]{1,64}+[\s\-]{1,32}+){0,4}?"
NUM = r"[$£€]?\d[\d,.]{0,32}+(?:%|k|x)?"
END = r"(?=[\s.!?:,;\u2026)]*$)"
# Bound on the ways one phrase can match at one place (product of alternatives, optional parts
# and gaps): what the regex engine may try at every position before giving up. Built-in phrases
# stay far below; a hostile phrase such as nine ``[a]`` in a row is refused.
MAX_WAYS = 256


_OPT_GROUP = re.compile(r"\(([^()\[\]]*)\)\?")


class PhraseError(ValueError):
    pass


@lru_cache(maxsize=256)
def normalise(text: str) -> str:
    """Same-length normalisation used before matching (curly quotes, nbsp, dashes).

    Cached: checks normalise the same block text once per sentence, which would make a long
    single-paragraph file quadratic (a repeated call on the same string is a dict hit)."""
    if text.isascii():   # every character QUOTES maps is non-ASCII
        return text
    # one replace per character present: ~20x faster than str.translate with a dict, and the
    # same (each maps one character to an ASCII one, which no other maps again)
    for a, b in _QUOTE_PAIRS:
        if a in text:
            text = text.replace(a, b)
    return text


_QUOTE_PAIRS = tuple((chr(k), v) for k, v in QUOTES.items())


_TOKEN = re.compile(r"\s+|[()\[\]|]|\.\.\.|(?:(?!\.\.\.)[^\s()\[\]|])+")


def _prepare(phrase: str) -> str:
    # (not the cached normalise(): phrases would push the copy's texts out of its cache)
    phrase = phrase.strip().translate(QUOTES)
    if ")?" not in phrase:
        return phrase
    # "(please )?x" is another way to write "[please] x"
    return _OPT_GROUP.sub(lambda m: "[" + "|".join(a.strip() for a in m.group(1).split("|")) + "]"
                          + (" " if m.group(1).endswith(" ") else ""), phrase)


def _tokenize(p: str) -> list[str]:
    return [" " if t[0].isspace() else t for t in _TOKEN.findall(p)]


def _word(tok: str) -> str:
    if tok == "*":
        return WORD
    if tok == "#":
        return NUM
    if tok == "...":
        return GAP
    if tok == "$":
        return END
    parts = []
    for ch in tok:
        if ch == "#":
            parts.append(NUM)
        elif ch == "'":
            parts.append(r"\s?'\s?")   # tokenised text writes "don ' t"
        else:
            parts.append(re.escape(ch))
    return "".join(parts)


def compile_phrase(phrase: str) -> str:
    """Translate one phrase into a regex fragment (no anchors, no flags)."""
    phrase = _prepare(phrase)
    if not phrase:
        raise PhraseError("empty phrase")
    if len(phrase) > 500:
        raise PhraseError("phrase longer than 500 characters")
    toks = _tokenize(phrase)
    if sum(t in ("*", "...") for t in toks) > 4:
        raise PhraseError(f"more than four wildcards ('*', '...') in {phrase!r}")
    pos = 0

    def seq(depth: int) -> tuple[str, int]:
        """Regex for the alternatives up to ')' or ']', and a bound on the ways it can match
        one piece of text (alternatives starting with different words cannot both match)."""
        nonlocal pos
        if depth > 8:
            raise PhraseError(f"phrase nests too deeply: {phrase!r}")
        alts: list[list[str]] = [[]]
        ways = [1]
        firsts: list[str | None] = [""]   # "" = not seen yet, None = may start with anything
        while pos < len(toks):
            t = toks[pos]
            if t in (")", "]"):
                break
            pos += 1
            if t == "|":
                alts.append([])
                ways.append(1)
                firsts.append("")
                continue
            if t == " ":
                alts[-1].append(" ")
                continue
            if firsts[-1] == "":
                firsts[-1] = t.lower() if t not in ("(", "[", "*", "#", "...") else None
            if t == "(":
                inner, w = seq(depth + 1)
                if pos >= len(toks) or toks[pos] != ")":
                    raise PhraseError(f"unbalanced '(' in {phrase!r}")
                pos += 1
                alts[-1].append(f"(?:{inner})")
                ways[-1] *= w
            elif t == "[":
                inner, w = seq(depth + 1)
                if pos >= len(toks) or toks[pos] != "]":
                    raise PhraseError(f"unbalanced '[' in {phrase!r}")
                pos += 1
                alts[-1].append(f"(?:{inner})?" + "\x00OPT")
                ways[-1] *= w + 1
            else:
                alts[-1].append(_word(t))
                if t == "...":
                    ways[-1] *= 5
            ways[-1] = min(ways[-1], MAX_WAYS + 1)  # the phrase is refused past the bound
        anywhere = sum(w for w, f in zip(ways, firsts) if f is None)
        by_first: dict[str, int] = {}
        for w, f in zip(ways, firsts):
            if f is not None:
                by_first[f] = by_first.get(f, 0) + w
        bound = anywhere + max(by_first.values(), default=0)
        return "|".join(_join(a) for a in alts), min(bound, MAX_WAYS + 1)

    out, ways = seq(0)
    if pos != len(toks):
        raise PhraseError(f"unbalanced ')' or ']' in {phrase!r}")
    if ways > MAX_WAYS:
        raise PhraseError(f"phrase has too many optional parts, alternatives or gaps (more than "
                          f"{MAX_WAYS} ways to match one place): {phrase!r}")
    return out


def _join(items: list[str]) -> str:
    """Join pieces: spaces become ``\\s+``; an optional piece absorbs its following space."""
    out: list[str] = []
    i = 0
    items = [x for x in items]
    # strip leading/trailing spaces
    while items and items[0] == " ":
        items.pop(0)
    while items and items[-1] == " ":
        items.pop()
    while i < len(items):
        it = items[i]
        if it == " ":
            if (i > 0 and items[i - 1] == GAP) or (i + 1 < len(items) and items[i + 1] == END):
                i += 1
                continue  # the gap already ends with a separator; the end needs none
            out.append(SEP)
        elif it.endswith("\x00OPT"):
            body = it[: -len("\x00OPT")][:-1]  # drop the trailing '?'
            if i > 0 and items[i - 1] != " ":
                # glued to the word before ("keep[s] the lights"): an optional ending of that
                # word, the space after it is the word's own
                out.append(body + "?")
            elif i + 1 < len(items) and items[i + 1] == " ":
                out.append(f"(?:{body}" + SEP + ")?")
                i += 1
            elif out and out[-1] == SEP:
                out[-1] = "(?:" + SEP + f"{body})?"
            else:
                out.append(body + "?")
        else:
            out.append(it)
        i += 1
    return "".join(out)


def compile_list(phrases: list[str], *, anchored: bool = False) -> "PhraseSet | None":
    """A list of phrases as one matcher (word-bounded, case-insensitive, longest listed first),
    every phrase checked now (PhraseError); None for an empty list."""
    if not phrases:
        return None
    return PhraseSet(phrases, anchored=anchored, validate=True)


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
