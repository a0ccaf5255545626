"""Phrase lexicons: loaded from TOML (built-in ``rules/lexicons/*.toml`` plus rule packs) and
compiled once into a few combined regexes, so each sentence is classified in a handful of passes.
"""
from __future__ import annotations

import re
from functools import cached_property

from ..phrases import compile_list

LISTS = ("lead", "ask", "invite", "soft", "engagement", "engagement_objects", "free_resources",
         "hedge", "boilerplate", "valediction", "chrome", "seller", "not_seller", "href_ask",
         "href_soft", "never_ask", "commercial", "boilerplate_short")


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
            if attr.startswith("re_"):
                del self.__dict__[attr]

    def copy(self) -> "Lexicon":
        return Lexicon({k: list(v) for k, v in self.lists.items()}, self.language)

    def _c(self, name: str, anchored: bool = False):
        return compile_list(self.lists.get(name, []), anchored=anchored)

    @cached_property
    def re_lead(self):
        pat = self._c("lead", anchored=True)
        if pat is None:
            return None
        return re.compile(pat.pattern + r"[\s,:!.\-]*", re.I)

    @cached_property
    def re_ask(self):
        return self._c("ask", anchored=True)

    @cached_property
    def re_never(self):
        return self._c("never_ask")

    @cached_property
    def re_commercial(self):
        return self._c("commercial")

    @cached_property
    def re_invite(self):
        return self._c("invite")

    @cached_property
    def re_soft(self):
        return self._c("soft", anchored=True)

    @cached_property
    def re_soft_any(self):
        return self._c("soft")

    @cached_property
    def re_engagement(self):
        return self._c("engagement", anchored=True)

    @cached_property
    def re_engagement_any(self):
        return self._c("engagement")

    @cached_property
    def re_engagement_objects(self):
        return self._c("engagement_objects")

    @cached_property
    def re_free(self):
        return self._c("free_resources")

    @cached_property
    def re_hedge(self):
        return self._c("hedge")

    @cached_property
    def re_boilerplate(self):
        return self._c("boilerplate")

    @cached_property
    def re_boilerplate_short(self):
        return self._c("boilerplate_short")

    @cached_property
    def re_valediction(self):
        pat = self._c("valediction", anchored=True)
        if pat is None:
            return None
        return re.compile(pat.pattern + r"\s*(?:[,.!:;\u2014-]+\s*(?:[\w.'-]+(?:\s+[\w.'-]+){0,3}[\s,.!]*)?)?$", re.I)

    @cached_property
    def re_chrome(self):
        return self._c("chrome", anchored=True)

    @cached_property
    def re_seller(self):
        return self._c("seller")

    @cached_property
    def re_not_seller(self):
        return self._c("not_seller")

    @cached_property
    def re_href_ask(self):
        return _substrings(self.lists.get("href_ask", []))

    @cached_property
    def re_href_soft(self):
        return _substrings(self.lists.get("href_soft", []))


def _substrings(items: list[str]):
    if not items:
        return None
    return re.compile("|".join(re.escape(s) for s in sorted(set(items), key=len, reverse=True)),
                      re.I)
