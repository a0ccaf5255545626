"""ask-missing-in-plain-part (CTA007): in a multipart email, the HTML part's ending asks but
the plain-text alternative's ending does not.

Some clients, watches and screen readers show the text/plain part: if the ask lives only in an
HTML button, those readers never see it. A cross-part check: the engine calls ``check_parts``
with every (part, analysis) of an .eml file; ``check`` (one document) has nothing to say.
"""
from __future__ import annotations

import re

from ..analysis.asks import EXPLICIT
from ..findings import Hit
from . import Check


def _ending_asks(an):
    return [(b, c) for b in an.ending for c in an.calls(b) if c.kind == EXPLICIT]


class PlainPartAsk(Check):
    kind = "plain-part-ask"
    options = {}
    replaces = ("ending-ask",)   # the plain part's CTA001 says the same thing, less precisely

    def check(self, doc, an):
        return iter(())

    def check_parts(self, analysed):
        html = next(((p, an) for p, an in analysed if p.fmt == "html" and p.label), None)
        plain = next(((p, an) for p, an in analysed if p.fmt == "text" and p.label), None)
        if html is None or plain is None:
            return
        hp, han = html
        pp, pan = plain
        asks = _ending_asks(han)
        if not asks or _ending_asks(pan):
            return
        ending = pan.ending
        if not ending:
            return
        b, c = asks[-1]
        text = " ".join((c.link.text if c.link is not None and c.link.text else c.text).split())
        if len(text) > 60:
            text = text[:59].rstrip() + "\u2026"
        href = c.link.href if c.link is not None and c.link.href else None
        if href and not re.match(r"(?:https?://[^/\s]|mailto:|tel:)", href, re.I):
            href = None   # a relative, anchor or dead destination is no use in plain text
        line = ""
        start = c.link.start if c.link is not None else b.src(c.start)
        if hp.file:
            line = f", line {hp.file_line(start)}"
        last = ending[-1]
        sugg = f"add the ask to the plain-text ending: '{text}'" + (f": {href}" if href else "")
        yield pp, Hit(last.start, last.end,
                      f"The HTML part ends with an ask ('{text}'{line}) but the plain-text "
                      f"alternative's ending has none: readers of the text part never see it.",
                      suggestion=sugg)
