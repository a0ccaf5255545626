"""The ending: the closing part of the body copy, judged as a whole.

The ending is the final section (after the last heading or divider) or, when that is long, its
last 2-3 paragraphs (~80 words), plus any P.S. and the buttons there. Blocks that close a message
without being its close are read through, not counted: a thank-you or well-wish ("Thanks for
being a subscriber!", "Hope to see you around"), a support offer ("Questions? Just reply to this
email, we're here to help"), a line that is only template control or a placeholder ("{% endif %}",
"[Your Name]"). So a "Questions? Just reply" line after a real ask does not push the ask out of
the ending. Footer boilerplate and the signature are never part of it (zones.py).
"""
from __future__ import annotations

import re

from ..document import BUTTON, DECK, HEADING, ITEM, PS
from .asks import ENGAGEMENT, EXPLICIT, SOFT
from .mechanisms import SUPPORT_WORDS

_LEGAL = re.compile(r"\b(?:terms\s*(?:and|&)\s*conditions|disclaimer|fine print)\s*:", re.I)
# a sentence that closes politely: thanks, wishes, sign-off-like lines
_PLEASANTRY = re.compile(
    r"^[\W_]*(?:(?:and\s+)?(?:many\s+)?thanks?\b|thank\s+you|cheers|(?:i|we)\s+(?:really\s+)?"
    r"(?:hope|look forward|appreciate|can't wait)|hope\b|have\s+an?\s+(?:great|good|nice|"
    r"wonderful|lovely|fantastic)|enjoy\b|happy\s+\w+|see\s+you|talk\s+soon|speak\s+soon|"
    r"looking\s+forward|(?:we're|we\s+are|i'm|i\s+am)\s+(?:always\s+)?(?:here|happy|glad)\s+to\s+help|"
    r"all\s+the\s+best|best\s+wishes|welcome\b|take\s+care|until\s+next\s+time|stay\s+(?:safe|tuned|"
    r"well)|let's\s+continue|keep\s+up|good\s+luck|much\s+love|with\s+gratitude)", re.I)
# a support offer: the reader may ask questions or get help
_SUPPORT = re.compile(r"\b(?:" + SUPPORT_WORDS + r")\b", re.I)
# a block that is only template control or placeholders once its words are read
_PLACEHOLDER = re.compile(r"^(?:\s|<%.*?%>|\{[{%#].*?[}%#]\}|\[\[?[\w\s.-]+\]\]?|\{\w+\}|"
                          r"[-\u2013\u2014|,.]+)*$", re.S)


def placeholder_only(b) -> bool:
    return bool(_PLACEHOLDER.match(b.text))


def transparent(an, b) -> bool:
    """A closing line the ending window reads through: thanks, wishes, support offers,
    template control. Never a block with an explicit ask or a link that is not soft."""
    if placeholder_only(b):
        return True
    if b.kind == BUTTON or b.words > 40:
        return False
    text = b.text
    calls = an.calls(b)
    if any(c.kind == EXPLICIT for c in calls):
        return False
    sents = an.sentences(b)
    if not sents:
        return True
    for s, e in sents:
        seg = text[s:e]
        if _PLEASANTRY.match(seg):
            continue
        in_sent = [c for c in calls if c.link is None and s <= c.start < e]
        if _SUPPORT.search(seg) and (seg.rstrip().endswith("?") or in_sent and all(
                c.kind in (ENGAGEMENT, SOFT) for c in in_sent)):
            continue
        if in_sent and all(c.kind == ENGAGEMENT for c in in_sent) and _SUPPORT.search(text):
            continue
        return False
    return True


def ending_window(an) -> list:
    body = an.body
    if not body:
        return []
    if an.doc.webinar == DECK:
        # closing slides with nothing but thanks or "Questions?" do not hide the pitch slide
        while body[0].section != body[-1].section and all(
                transparent(an, b) for b in body if b.section == body[-1].section):
            last = body[-1].section
            body = [b for b in body if b.section != last]
    tail = []
    while body and body[-1].kind == HEADING and body[0].section != body[-1].section:
        # a heading with nothing under it closes the copy ("**See you next week**", "## Thanks!"):
        # it is read with the section before it, not as a final section of its own
        tail.insert(0, body[-1])
        body = body[:-1]
    if tail:
        return _window(an, body) + tail
    return _window(an, body)


def _window(an, body) -> list:
    last_section = body[-1].section
    out = []
    words = 0
    paras = 0
    list_group = None
    window = an.ending_words
    if last_section > 0:
        # a final section under its own heading or divider is the ending as a whole, when it
        # is not much longer than the window
        sect = [b for b in body if b.section == last_section or b.zone == PS]
        if sum(b.words for b in sect) <= 2.5 * window:
            return sect
    for b in reversed(body):
        if b.section != last_section and b.zone != PS:
            break
        if b.kind == HEADING and out:
            break
        out.append(b)
        if b.zone == PS or b.kind == BUTTON or b.kind == HEADING:
            continue
        if transparent(an, b):
            continue
        if words + b.words > 2 * window and paras >= 1 and b.words > 25:
            # take only the closing sentences of this long block
            an.ending_from[b.index] = tail_cut(an, b, window - words)
            break
        if b.words > window and not paras:
            an.ending_from[b.index] = tail_cut(an, b, window)
            break
        words += b.words
        if b.kind == ITEM and b.group >= 0:
            # a list counts as one paragraph, as a reader sees it
            if b.group != list_group:
                paras += 1
            list_group = b.group
        elif b.words >= 4:
            paras += 1
        if words >= window or paras >= 3:
            break
    out.reverse()
    return out


def closing_block(an, ending: list):
    """The block a missing-ask finding points at: the last block of the ending that is body
    copy a reader sees (not a placeholder or template control line)."""
    for b in reversed(ending):
        if not placeholder_only(b) and b.text.strip():
            return b
    return ending[-1]


def tail_cut(an, b, need: int) -> int:
    """Text offset where the last ``need`` words of body copy in ``b`` begin."""
    stop = an.body_until.get(b.index, len(b.text) + 1)
    cut, acc = 0, 0
    for s, e in reversed(an.sentences(b)):
        if s >= stop:
            continue
        acc += len(b.text[s:e].split())
        cut = s
        if acc >= need:
            break
    return cut


def body_until(an) -> dict[int, int]:
    body = an.body
    if not body:
        return {}
    b = body[-1]
    sents = an.sentences(b)
    if len(sents) < 3:
        return {}
    bp = an.lex.re_boilerplate
    if bp is None:
        return {}
    from ..phrases import normalise
    t = normalise(b.text)
    cut = None
    seen_bp = False
    half = len(t) // 2
    for s, e in sents:
        if s >= half:
            m = bp.search(t, s, e)
            if m:
                # back up only to the start of the boilerplate's clause, so an ask run into
                # it ("click here for your free quote if you received this in error") stays
                k = max(t.rfind(" if ", s, m.start()), t.rfind(",", s, m.start()))
                cut, seen_bp = (k + 1 if k != -1 else s), True
                break
    # legal fine print runs from its heading ("terms and conditions :") to the end
    m = _LEGAL.search(t)
    if m and (cut is None or m.start() < cut):
        cut, seen_bp = m.start(), True
    if cut is None or not seen_bp or cut <= sents[0][0]:
        return {}
    return {b.index: cut}
