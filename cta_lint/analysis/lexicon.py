"""Phrase lexicons: loaded from TOML (built-in ``rules/lexicons/*.toml`` plus rule packs), each
list a PhraseSet: compiled on first use, word by word (only the phrases starting with words the
copy contains are ever compiled), then kept for every later file of the run.
"""
from __future__ import annotations

import re

from ..phrases import phrase_set

LISTS = ("lead", "ask", "invite", "soft", "engagement", "engagement_objects", "free_resources",
         "hedge", "boilerplate", "valediction", "chrome", "seller", "not_seller", "href_ask",
         "href_soft", "href_ask_strong", "never_ask", "commercial", "boilerplate_short",
         "button_verbs", "account_options",
         "seller_gains", "seller_targets", "seller_stakes", "seller_businesses",
         # word classes composed by the structural recognisers (clauses.py, hedges.py, needs.py)
         "ask_verbs", "object_verbs", "contact_verbs", "payment_verbs", "payment_objects", "commercial_objects", "invite_frames",
         "gerund_frames", "open_nouns", "open_predicates")


class Lexicon:
    """Phrase lists by name; compiled lazily. ``extend`` merges another lexicon's lists."""

    def __init__(self, lists: dict[str, list[str]] | None = None, language: str = "en"):
        self.language = language
        self.lists: dict[str, list[str]] = {k: [] for k in LISTS}
        if lists:
            self.extend(lists)

    def extend(self, lists: dict[str, list[str]]) -> None:
        for k, v in lists.items():
            if k in LISTS and isinstance(v, list):
                self.lists[k] = self.lists[k] + [str(x) for x in v]
        for attr in list(self.__dict__):
            if attr.startswith("re_") or attr == "_vocab":
                del self.__dict__[attr]

    def __getattr__(self, attr: str):
        """``re_<name>``: the PhraseSet of a list (``match``/``search``/``finditer`` as a regex),
        built on first use and cached.

        Lists matched only at the start of a clause (``ask``, ``chrome``, ``lead``,
        ``valediction``) are anchored, for ``.match``; ``soft`` and ``engagement`` serve both
        ``.match`` and, as ``soft_any`` / ``engagement_any``, ``.search``; ``href_*`` lists are
        substrings.
        """
        if not attr.startswith("re_"):
            raise AttributeError(attr)
        name = _ALIASES.get(attr[3:], attr[3:])
        if name.endswith("_any") or name in _SHARED:
            # one set serves both: search() anywhere, and match() at a clause start (its
            # look-behind only checks that the match does not start inside a word)
            base = name[:-4] if name.endswith("_any") else name
            other = "re_" + (base if name.endswith("_any") else base + "_any")
            pat = self.__dict__.get(other) or phrase_set(self.lists.get(base, []))
        elif name.startswith("href_"):
            pat = _substrings(self.lists.get(name, []))
        elif name in _ANCHORED:
            pat = phrase_set(self.lists.get(name, []), anchored=True, suffix=_SUFFIX.get(name, ""))
        elif name in self.lists:
            pat = phrase_set(self.lists[name])
        else:
            raise AttributeError(attr)
        self.__dict__[attr] = pat
        return pat

    def derived(self, key: str, build):
        """What ``build(self.lists)`` makes of the lists (a regex composed from word classes),
        built once and kept until a rule pack extends the lexicon."""
        attr = "re_derived_" + key
        got = self.__dict__.get(attr)
        if got is None:
            got = self.__dict__[attr] = build(self.lists)
        return got

    def compile_all(self) -> None:
        """Compile every list now (before forking workers, which then share it)."""
        for name in LISTS:
            pat = getattr(self, "re_" + name)
            if pat is not None and hasattr(pat, "compile_all"):
                pat.compile_all()


_ALIASES = {"free": "free_resources", "never": "never_ask"}
_ANCHORED = {"ask", "chrome", "lead", "valediction"}
_SHARED = {"soft", "engagement"}
_SUFFIX = {
    # a lead is followed by the punctuation it brings ("So, sign up")
    "lead": r"[\s,:!.\-]*",
    # a valediction line may carry a name after a comma: "Thanks, Sarah"
    "valediction": r"\s*(?:[,.!:;\u2014-]+\s*(?:[\w.'-]+(?:\s+[\w.'-]+){0,3}[\s,.!]*)?)?$",
}


def _substrings(items: list[str]):
    """Parts of a web address: each matched whole, as a path segment, host or word of one
    ("/start" in ".../start?x=1" and "/start-now", not in "/startups"; "trial" in "free-trial",
    not in "industrial"); a plural "s" may follow."""
    if not items:
        return None
    def one(s: str) -> str:
        return ((r"(?<![a-z])" if s[:1].isalnum() else "") + re.escape(s) +
                (r"s?(?![a-z])" if s[-1:].isalnum() else ""))
    return re.compile("|".join(one(s) for s in sorted(set(items), key=len, reverse=True)), re.I)
