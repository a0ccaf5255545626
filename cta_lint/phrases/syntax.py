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
