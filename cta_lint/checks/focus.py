"""reader-focus (CTA005): does the body copy talk to the reader or about the seller?

Counts second-person words (you, your, yours, yourself, yourselves and their contractions)
against first-person seller words (I, me, my, mine, myself, we, us, our, ours, ourselves and
their contractions) in the body copy (no footer, signature, chrome, subject or preheader; block
quotes are testimonials and are skipped). When the body has enough words and the reader's share
you / (you + we) is under the threshold, one finding sits on the first body block.
"""
from __future__ import annotations

import re

from ..document import QUOTE
from ..findings import Hit
from . import Check

_APOS = "'\u2019"
_YOU = {"you", "your", "yours", "yourself", "yourselves", "you're", "you've", "you'll", "you'd",
        "y'all"}
_WE = {"i", "me", "my", "mine", "myself", "we", "us", "our", "ours", "ourselves", "i'm", "i've",
       "i'll", "i'd", "we're", "we've", "we'll", "we'd", "let's"}


_PRONOUN = re.compile(
    r"(?<![A-Za-z'\u2019])(?:you(?:['\u2019](?:re|ve|ll|d))?|your(?:s|self|selves)?|y['\u2019]all|"
    r"i(?:['\u2019](?:m|ve|ll|d))?|me|my|mine|myself|we(?:['\u2019](?:re|ve|ll|d))?|us|our|ours|"
    r"ourselves|let['\u2019]s)(?![A-Za-z'\u2019])", re.I)
_UPPER = re.compile(r"[A-Z]")
_ALPHA = re.compile(r"[A-Za-z]")


def count(text: str) -> tuple[int, int, dict[str, int]]:
    """(you, we, seller word -> count) in a piece of text: one regex pass over the pronouns."""
    you = we = 0
    seller: dict[str, int] = {}
    upper = None
    for m in _PRONOUN.finditer(text):
        w = m.group(0)
        lw = w.lower().replace("\u2019", "'")
        if lw in _YOU:
            you += 1
        elif lw in _WE:
            if w == "US":
                if upper is None:
                    upper = len(_UPPER.findall(text)) > 0.6 * max(1, len(_ALPHA.findall(text)))
                if not upper:
                    continue  # the country, not "us"
            if lw == "let's":
                continue  # "let's" includes the reader
            we += 1
            base = lw.split("'")[0]
            seller[base] = seller.get(base, 0) + 1
    return you, we, seller


class ReaderFocus(Check):
    kind = "reader-focus"
    options = {"threshold": 0.5, "min-words": 50, "min-pronouns": 4}

    def check(self, doc, an):
        blocks = [b for b in an.body if b.kind != QUOTE and b.text]
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
        you = we = 0
        seller: dict[str, int] = {}
        for b in blocks:
            y, w, s = count(b.text)
            you += y
            we += w
            for k, v in s.items():
                seller[k] = seller.get(k, 0) + v
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
