"""reader-focus (CTA005): does the body copy talk to the reader or about the seller?

Counts second-person words (you, your, yours, yourself, yourselves and their contractions)
against first-person seller words (I, me, my, mine, myself, we, us, our, ours, ourselves and
their contractions) in the body copy (no footer, signature, chrome, subject or preheader; block
quotes are testimonials and are skipped). When the body has enough words and the reader's share
you / (you + we) is under the threshold, one finding sits on the first body block.
"""
from __future__ import annotations

import re
from bisect import bisect_right

from ..document import QA, QUOTE
from ..findings import Hit
from . import Check

_APOS = "'\u2019"
_YOU = {"you", "your", "yours", "yourself", "yourselves", "you're", "you've", "you'll", "you'd",
        "y'all"}
_WE = {"i", "me", "my", "mine", "myself", "we", "us", "our", "ours", "ourselves", "i'm", "i've",
       "i'll", "i'd", "we're", "we've", "we'll", "we'd", "let's"}


# (the lookahead, first letters of the alternatives under the same re.I, fails most positions at
# once: ~1.4x faster than trying every alternative everywhere, the same matches)
_PRONOUN = re.compile(
    r"(?=[yimwuol])(?<![A-Za-z'\u2019])(?:you(?:['\u2019](?:re|ve|ll|d))?|your(?:s|self|selves)?|y['\u2019]all|"
    r"i(?:['\u2019](?:m|ve|ll|d))?|me|my|mine|myself|we(?:['\u2019](?:re|ve|ll|d))?|us|our|ours|"
    r"ourselves|let['\u2019]s)(?![A-Za-z'\u2019])", re.I)
_UPPER = re.compile(r"[A-Z]")
_ALPHA = re.compile(r"[A-Za-z]")


# matched spelling ("You", "WE'RE", "us") -> (is second person, seller base word or None).
# Bounded by what _PRONOUN can match (a fixed vocabulary), not by the copy.
_SPELLING: dict[str, tuple[bool, str | None] | None] = {}


def _spelling(w: str) -> tuple[bool, str | None] | None:
    k = _SPELLING.get(w, False)
    if k is False:
        lw = w.lower().replace("\u2019", "'")
        if lw in _YOU:
            k = (True, None)
        elif lw in _WE and lw != "let's":   # "let's" includes the reader
            k = (False, lw.split("'")[0])
        else:
            k = None
        _SPELLING[w] = k
    return k


def _mostly_upper(text: str) -> bool:
    return len(_UPPER.findall(text)) > 0.6 * max(1, len(_ALPHA.findall(text)))


def count_blocks(texts: list[str]) -> tuple[int, int, dict[str, int]]:
    """(you, we, seller word -> count) over several texts, in one regex pass over them joined by
    newlines (a pronoun never spans one, and a newline is a word boundary for _PRONOUN as a
    text's start or end is). "US" is the country or "us" by the case of its own text (all
    capitals: a heading shouting "CONTACT US" still means the seller)."""
    you = we = 0
    seller: dict[str, int] = {}
    joined = "\n".join(texts)
    starts = None
    upper: dict[int, bool] = {}
    for m in _PRONOUN.finditer(joined):
        w = m.group(0)
        k = _spelling(w)
        if k is None:
            continue
        if k[0]:
            you += 1
            continue
        if w == "US":
            if starts is None:
                starts, pos = [], 0
                for t in texts:
                    starts.append(pos)
                    pos += len(t) + 1
            i = bisect_right(starts, m.start()) - 1
            u = upper.get(i)
            if u is None:
                u = upper[i] = _mostly_upper(texts[i])
            if not u:
                continue  # the country, not "us"
        we += 1
        base = k[1]
        seller[base] = seller.get(base, 0) + 1
    return you, we, seller


class ReaderFocus(Check):
    kind = "reader-focus"
    options = {"threshold": 0.5, "min-words": 50, "min-pronouns": 4}

    def check(self, doc, an):
        blocks = [b for b in an.body if b.kind != QUOTE and b.text]
        if doc.webinar and an.qa is not None:
            # a webinar's Q&A counts the presenters' answers, not the audience's questions:
            # the presenters are who speaks before it (a deck's slides have no speaker)
            presenters = {b.speaker for b in blocks}
            blocks += [b for b in doc.blocks if b.zone == QA and b.kind != QUOTE and b.text
                       and b.speaker in presenters]
        if not blocks:
            return
        words = sum(b.words for b in blocks)
        try:
            threshold = float(self.opts.get("threshold", 0.5))
            min_words = int(self.opts.get("min-words", 50))
            min_pron = int(self.opts.get("min-pronouns", 4))
        except (TypeError, ValueError):
            threshold, min_words, min_pron = 0.5, 50, 4
        if words < min_words:
            return
        you, we, seller = count_blocks([b.text for b in blocks])
        if you + we < max(1, min_pron):
            return
        share = you / (you + we)
        if share >= threshold:
            return
        first = blocks[0]
        top = sorted(seller.items(), key=lambda kv: (-kv[1], kv[0]))[:3]
        tops = ", ".join(f"'{k.capitalize() if k == 'i' else k}' x{v}" for k, v in top)
        yield Hit(first.start, first.end,
                  f"The copy talks about the seller more than the reader: you:we = {you}:{we} "
                  f"({round(share * 100)}% reader share, under {round(threshold * 100)}%).",
                  suggestion=f"rewrite seller-first sentences ({tops}) around what the reader "
                             f"gets: 'We built X so that...' -> 'You get X...'")
