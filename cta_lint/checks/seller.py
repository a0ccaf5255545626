"""seller-need (CTA003 seller-centric): the seller's needs, not the reader's, as the reason to act.

The recogniser is analysis/needs.py (a predicate on the seller: need, dependence, hardship, or
the reader asked to act for the seller's sake). Phrasing inside quotation marks (an article about
selling quoting someone) is reported at ``quoted-severity``.
"""
from __future__ import annotations

from ..analysis import needs
from ..findings import Hit
from ..phrases import normalise
from . import Check
from .phrase import _scope_blocks, quoted


class SellerNeed(Check):
    kind = "seller-need"
    options = {"scope": "body", "quoted-severity": "info",
               "message": "Seller-centric phrasing: '{match}' puts your needs, not the reader's, "
                          "behind the ask."}

    def check(self, doc, an):
        qsev = self.opts.get("quoted-severity") or None
        for b in _scope_blocks(doc, an, self.opts.get("scope", "body")):
            t = normalise(b.text)
            for s, e in needs.find_all(an.lex, t):
                sev = qsev if qsev and quoted(b.text, s, e) else None
                msg = self.opts["message"].format(match=b.text[s:e])
                yield Hit(b.src(s), b.src_end(e), msg, severity=sev)
