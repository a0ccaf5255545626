"""Check kinds: the code behind rules. A rule (a TOML file) names a check kind and its options.

A check is a small class: ``kind`` (the name rule files use), ``options`` (name -> default) and
``check(doc, analysis)`` yielding Hits. Third-party packages add kinds through the entry-point
group ``cta_lint.rules`` (see registry.py).
"""
from __future__ import annotations

from collections.abc import Iterator

from ..findings import Hit

BUILTIN_KINDS = {
    "ending-ask": "cta_lint.checks.ending:MissingAsk",
    "weak-ask": "cta_lint.checks.ending:WeakAsk",
    "feature-dump": "cta_lint.checks.features:FeatureDump",
    "phrase": "cta_lint.checks.phrase:Phrase",
    "seller-need": "cta_lint.checks.seller:SellerNeed",
    "reader-focus": "cta_lint.checks.focus:ReaderFocus",
    "dead-cta": "cta_lint.checks.deadcta:DeadCta",
    "plain-part-ask": "cta_lint.checks.parts:PlainPartAsk",
    "substitution": "cta_lint.checks.substitution:Substitution",
    "ask-before-questions": "cta_lint.checks.webinar:AskBeforeQuestions",
}


class Check:
    kind: str = ""
    options: dict = {}

    def __init__(self, rule, options: dict | None = None):
        self.rule = rule
        self.opts = dict(self.options)
        if options:
            self.opts.update(options)

    def check(self, doc, an) -> Iterator[Hit]:  # pragma: no cover - interface
        raise NotImplementedError


def load_kind(kind: str):
    from importlib import import_module
    target = BUILTIN_KINDS.get(kind)
    if target is None:
        return None
    mod, _, name = target.partition(":")
    return getattr(import_module(mod), name)
