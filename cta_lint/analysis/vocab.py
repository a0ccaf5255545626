"""The lexicon's word classes for the clause recogniser (clauses.py), expanded once per lexicon:
every inflected form of the verbs of ``ask_verbs``, ``object_verbs``, ``contact_verbs`` and
``payment_verbs`` (form -> class and base), the commercial objects with their plurals, the
payment objects, the nouns that open an impersonal ask, and the compiled frame lists.
"""
from __future__ import annotations

import re

from .words import forms, plural

# verbs of clicking: an ask only with a commercial purpose ("click here to claim 20% off")
CLICK = frozenset("click tap press hit".split())


class Vocab:
    """The lexicon's word classes, expanded to every inflected form (built once per lexicon)."""

    def __init__(self, lex):
        lists = lex.lists
        self.verbs: dict[str, tuple[str, str]] = {}   # form -> (class, base)
        self.two: dict[str, set[str]] = {}            # first word -> second words of phrasal verbs
        for cls in ("payment_verbs", "contact_verbs", "object_verbs", "ask_verbs"):   # later win
            for v in lists.get(cls, []):
                v = v.lower().strip()
                for f in forms(v):
                    head, _, rest = f.partition(" ")
                    if rest:
                        self.two.setdefault(head, set()).add(rest)
                    self.verbs[f] = (cls, v)
        self.objects = set()
        for o in lists.get("commercial_objects", []):
            o = o.lower()
            self.objects.add(o)
            self.objects.add(plural(o))
        self.payment = frozenset(w.lower() for w in lists.get("payment_objects", []))
        self.open_nouns = frozenset(w.lower() for w in lists.get("open_nouns", []))
        # (the gate reads words as the phrase index splits them: "pre-orders" -> "orders")
        self.open_words = self.open_nouns | frozenset(
            p for w in self.open_nouns for p in re.split(r"[\W_]+", w) if p)
        self.frames = lex.re_invite_frames
        self.gerunds = lex.re_gerund_frames
        self.open_predicates = lex.re_open_predicates
        eng = lex.re_engagement_objects
        self.engagement_objects = eng
        self.free = lex.re_free
        self.never = lex.re_never
        # the words (as the phrase index splits them: letters and digits) that must be in a
        # sentence for a pass to find anything there: a verb's first word for the imperative
        # and framed passes (a frame is always followed by a verb)
        self.verb_words = frozenset(re.split(r"[\W_]+", f)[0] for f in self.verbs) | \
            frozenset(self.two) | CLICK


def vocab(lex) -> Vocab:
    """The lexicon's Vocab, built on first use and kept with the lexicon."""
    v = lex.__dict__.get("_vocab")
    if v is None:
        v = lex.__dict__["_vocab"] = Vocab(lex)
    return v
