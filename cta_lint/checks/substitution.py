"""substitution: a phrase that has a preferred replacement ("utilize" -> "use").

Options: ``swap`` (a table of phrase -> replacement, phrases in the lexicon phrase syntax),
``scope`` (ending, body, headings, buttons, subject, all; as for ``phrase``) and ``message``
(``{match}`` and ``{replacement}`` are filled in). Each finding carries the replacement as its
suggestion.
"""
from __future__ import annotations

import re

from ..findings import Hit
from ..phrases import compile_phrase, normalise
from . import Check
from .phrase import _scope_blocks


class Substitution(Check):
    kind = "substitution"
    options = {"swap": {}, "scope": "body",
               "message": "Use '{replacement}' instead of '{match}'."}

    def __init__(self, rule, options=None):
        super().__init__(rule, options)
        swap = self.opts.get("swap") or {}
        items = sorted(swap.items(), key=lambda kv: -len(kv[0]))
        self._repl = [r for _, r in items]
        # one group per phrase; the fragments themselves only use non-capturing groups
        body = "|".join(f"({compile_phrase(p)})" for p, _ in items)
        self._re = re.compile(f"(?<![\\w'])(?:{body})(?![\\w])", re.I) if items else None

    def check(self, doc, an):
        if self._re is None:
            return
        msg = self.opts.get("message") or self.options["message"]
        for b in _scope_blocks(doc, an, self.opts.get("scope", "body")):
            t = normalise(b.text)
            for m in self._re.finditer(t):
                repl = self._repl[m.lastindex - 1]
                found = b.text[m.start():m.end()]
                yield Hit(b.src(m.start()), b.src_end(m.end()),
                          msg.format(match=found, replacement=repl),
                          suggestion=f"replace '{found}' with '{repl}'")
