"""A tiny cta-lint plugin used by the tests: a new check kind and rules, via entry points."""
import re

from cta_lint.checks import Check
from cta_lint.findings import Hit

_CAPS = re.compile(r"\b[A-Z]{4,}\b")


class Shouting(Check):
    """Reports words written in capitals (BUY, FREE) in the body."""
    kind = "shouting"
    options = {"min-words": 1}
    rules = [{
        "code": "SH001", "name": "shouting", "severity": "warning", "check": "shouting",
        "summary": "Words in capitals read as shouting",
        "bad": "BUY NOW", "good": "Buy now",
        "message": "'{match}' is shouting: write it in sentence case.",
    }]

    def check(self, doc, an):
        msg = self.opts.get("message", "{match}")
        for b in an.body:
            hits = list(_CAPS.finditer(b.text))
            if len(hits) < self.opts["min-words"]:
                continue
            for m in hits:
                yield Hit(b.src(m.start()), b.src_end(m.end()), msg.format(match=m.group(0)))


def more_rules():
    """The other entry-point form: a function returning kinds and rule dicts."""
    return {"kinds": {}, "rules": [{
        "code": "SH002", "name": "exclaim", "severity": "info", "check": "phrase",
        "summary": "Exclamation-led hype words",
        "options": {"phrases": ["amazing", "incredible"], "scope": "body",
                    "message": "Hype word: '{match}'."},
    }]}
