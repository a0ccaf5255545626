"""phrase: report every match of a lexicon list (or the rule's own phrases) in a scope.

Used by CTA003 seller-centric (the ``seller`` lexicon, minus ``not_seller``), and by rule packs
for brand word lists. Matches inside quotation marks (reported speech) can carry a lower
severity (``quoted-severity``).
"""
from __future__ import annotations

from ..document import BUTTON, HEADING, PREHEADER, SUBJECT
from ..findings import Hit
from ..phrases import compile_list, normalise
from . import Check

_OPEN_Q = "\"\u201c\u00ab\u201e"
_CLOSE_Q = "\"\u201d\u00bb\u201c"


def quoted(text: str, start: int, end: int) -> bool:
    """Is text[start:end] inside a quotation (reported speech)?"""
    before = text[:start]
    n_straight = before.count('"')
    if n_straight % 2 == 1 and '"' in text[end:]:
        return True
    o = max(before.rfind(q) for q in "\u201c\u00ab\u201e")
    c = before.rfind("\u201d")
    if o > c and o != -1:
        return True
    return False


class Phrase(Check):
    kind = "phrase"
    options = {"lexicon": "", "exclude": "", "phrases": [], "scope": "body",
               "quoted-severity": "", "message": "{match}"}

    def __init__(self, rule, options=None):
        super().__init__(rule, options)
        self._own = compile_list(self.opts.get("phrases") or [])

    def check(self, doc, an):
        lex = an.lex
        pats = []
        if self.opts.get("lexicon"):
            pats.append(getattr(lex, "re_" + self.opts["lexicon"], None) or
                        compile_list(lex.lists.get(self.opts["lexicon"], [])))
        if self._own is not None:
            pats.append(self._own)
        pats = [p for p in pats if p is not None]
        if not pats:
            return
        exc = None
        if self.opts.get("exclude"):
            exc = getattr(lex, "re_" + self.opts["exclude"], None) or compile_list(
                lex.lists.get(self.opts["exclude"], []))
        scope = self.opts.get("scope", "body")
        for b in _scope_blocks(doc, an, scope):
            t = normalise(b.text)
            spans = None
            for pat in pats:
                for m in pat.finditer(t):
                    if exc is not None:
                        if spans is None:
                            spans = [(x.start(), x.end()) for x in exc.finditer(t)]
                        if any(s < m.end() and e > m.start() for s, e in spans):
                            continue
                    sev = None
                    if self.opts.get("quoted-severity") and quoted(b.text, m.start(), m.end()):
                        sev = self.opts["quoted-severity"]
                    msg = self.opts.get("message", "{match}").format(match=b.text[m.start():m.end()])
                    yield Hit(b.src(m.start()), b.src_end(m.end()), msg, severity=sev)


def _scope_blocks(doc, an, scope):
    if scope == "ending":
        return an.ending
    if scope == "headings":
        return [b for b in an.body if b.kind == HEADING]
    if scope == "buttons":
        return [b for b in an.body if b.kind == BUTTON or b.links]
    if scope == "subject":
        return [b for b in doc.blocks if b.kind == SUBJECT]
    if scope == "preheader":
        return [b for b in doc.blocks if b.kind == PREHEADER or b.zone == PREHEADER]
    if scope == "all":
        return [b for b in doc.blocks if b.text]
    return an.body
