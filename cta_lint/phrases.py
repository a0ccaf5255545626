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


@lru_cache(maxsize=32)
def normalise(text: str) -> str:
    """Same-length normalisation used before matching (curly quotes, nbsp, dashes).

    Cached: checks normalise the same block text once per sentence, which would make a long
    single-paragraph file quadratic (a repeated call on the same string is a dict hit)."""
    return text.translate(QUOTES)


def _tokenize(p: str) -> list[str]:
    out, i, n = [], 0, len(p)
    while i < n:
        c = p[i]
        if c.isspace():
            out.append(" ")
            while i < n and p[i].isspace():
                i += 1
            continue
        if c in "()[]|":
            out.append(c)
            i += 1
            continue
        if p.startswith("...", i):
            out.append("...")
            i += 3
            continue
        j = i
        while j < n and not p[j].isspace() and p[j] not in "()[]|" and not p.startswith("...", j):
            j += 1
        out.append(p[i:j])
        i = j
    return out


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
    phrase = normalise(phrase.strip())
    # "(please )?x" is another way to write "[please] x"
    phrase = _OPT_GROUP.sub(lambda m: "[" + "|".join(a.strip() for a in m.group(1).split("|")) + "]"
                            + (" " if m.group(1).endswith(" ") else ""), phrase)
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
            if i + 1 < len(items) and items[i + 1] == " ":
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


def compile_list(phrases: list[str], *, anchored: bool = False) -> re.Pattern | None:
    """One regex for a list of phrases: word-bounded, case-insensitive; longest listed first."""
    if not phrases:
        return None
    frags = [compile_phrase(p) for p in sorted(set(phrases), key=lambda s: -len(s))]
    body = "|".join(f"(?:{f})" for f in frags)
    lead = r"" if anchored else r"(?<![\w'])"   # anchored lists are used with .match()
    # a phrase may not stop inside a word; after a number or symbol anything may follow
    # ("Call 0870..Ts&Cs", "50%off")
    tail = r"(?:(?<=[^\W\d_])(?!\w)|(?<![^\W\d_]))"
    return re.compile(f"{lead}(?:{body}){tail}", re.I)
