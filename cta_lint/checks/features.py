"""feature-dump (CTA002): a feature/benefit passage (analysis/features.py) that no explicit ask
follows before its section ends (the next heading of the same or higher level, a divider, or the
end). Only an explicit ask closes it: a soft call ("Learn more") does not.
"""
from __future__ import annotations

from ..analysis.asks import EXPLICIT
from ..analysis.features import capability_item, passages
from ..document import DIVIDER, HEADING
from ..findings import Hit
from . import Check


class FeatureDump(Check):
    kind = "feature-dump"
    options = {"min-items": 3}

    def check(self, doc, an):
        if not an.body:
            return
        passages_ = passages(an, self.opts["min-items"])
        reported_until = -1
        for first, last, start, end, n in passages_:
            if first.index <= reported_until:
                continue
            if self._asked_after(doc, an, first, last):
                continue
            reported_until = last.index
            yield Hit(start, end,
                      f"Feature passage ({n}+ items) with no explicit ask before its section ends.",
                      suggestion="follow the features with the step that gets them: a 'Start your "
                                 "free trial' / 'Buy now' line or button")

    def _asked_after(self, doc, an, first, last) -> bool:
        """Does an explicit ask stand in the passage or after it, before its section ends?"""
        blocks = doc.blocks
        # the heading level that opened this passage's section
        lvl = 7
        for k in range(first.index - 1, -1, -1):    # (no copy of the blocks before it)
            b = blocks[k]
            if b.kind == HEADING and b.in_body:
                lvl = b.level or 2
                break
            if b.kind == DIVIDER:
                break
        section = []
        for k in range(first.index, len(blocks)):
            b = blocks[k]
            if k > last.index and not doc.webinar:
                # (a webinar's feature slide is answered by the pitch slide after it: the
                # whole talk up to the Q&A, which is not body, is its section)
                if b.kind == DIVIDER:
                    break
                if b.kind == HEADING and b.in_body and (b.level or 2) <= lvl:
                    break
            if b.in_body:
                section.append(b)
        # Whether any block of it asks does not depend on the order they are looked at: the
        # blocks another check already classified (the ending, an earlier passage's section)
        # first, so the others are classified only when none of those asks
        rest = []
        for b in section:
            calls = an.known_calls(b)
            if calls is None:
                rest.append(b)
            elif any(_asks(c, b, an) for c in calls):
                return True
        return any(_asks(c, b, an) for b in rest for c in an.calls(b))


def _asks(c, b, an) -> bool:
    """An explicit call, not a capability in a list of them ("What you can do: - Book tickets
    in seconds" describes the offer, it does not close it)."""
    return c.kind == EXPLICIT and (c.link is not None or not capability_item(b, an))
