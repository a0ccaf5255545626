"""Zones and sections: which blocks are body copy, and where the sections break.

Run once per document after reading, whatever the format:

- P.S. blocks are body (and part of the ending);
- page chrome around an exported post ("Share this", comment forms, "X says") is cut from the
  first chrome marker in the second half of the document;
- the footer is the trailing run of boilerplate (unsubscribe, address, copyright, legal fine
  print, social rows) together with the short lines among it;
- the signature is the last valediction ("Best,", "Thanks,") in the closing part of the body and
  the short lines after it, up to a P.S.;
- sections break at headings (not a title at the very top) and dividers.
"""
from __future__ import annotations

import re

from ..document import (BODY, BUTTON, CHROME, DIVIDER, FOOTER, HEADING, ITEM, PS, SIGNATURE,
                        SUBJECT, Document)
from ..phrases import normalise
from .clauses import recognise
from .vocab import vocab
from .lexicon import Lexicon

_PS = re.compile(r"^\s*p\.?\s?p?\.?\s?s\b\.?|^\s*ps\s*[:.-]", re.I)
_SOCIAL = re.compile(r"facebook|twitter|x\.com|instagram|linkedin|youtube|pinterest|tiktok|"
                     r"mastodon|threads\.net|bsky|github\.com/(?!sponsors)", re.I)
_SOCIAL_NAME = re.compile(r"^\s*(?:facebook|twitter|x|instagram|linkedin|youtube|pinterest|tiktok|"
                          r"google\s?(?:\+|plus)|snapchat|mastodon|threads|bluesky|dribbble|"
                          r"behance|github|discord|whatsapp|telegram|rss)\s*$", re.I)
_DASH_NAME = re.compile(r"^\s*(?:[-\u2013\u2014~]+)\s*[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*){0,2}\s*$")
_ADDRESS = re.compile(r"\b\d{1,5}\s+\w+.*\b(?:street|st|avenue|ave|road|rd|blvd|lane|ln|drive|"
                      r"dr|suite|floor|way|plaza|square|sq)\b|\b[A-Z]{2}\s+\d{5}\b|\b\d{5}(?:-\d{4})?\b",
                      re.I)
_PHONE_EMAIL = re.compile(r"^[\s\w.+()-]*@[\w.-]+\.\w+\s*$|^[\s+()\d.-]{7,}$")


def assign(doc: Document, lex: Lexicon) -> None:
    blocks = doc.blocks
    n = len(blocks)
    if not n:
        return
    for i, b in enumerate(blocks):
        b.index = i
        if b.kind == SUBJECT:
            b.zone = SUBJECT
    body_idx = [i for i, b in enumerate(blocks) if b.kind != SUBJECT]
    if not body_idx:
        return

    # P.S. lines (and what follows them in the same block group) are body
    for b in blocks:
        if b.kind != DIVIDER and _PS.match(b.text):
            b.zone = PS

    # chrome: first chrome marker in the second half (short block, anchored)
    chrome = lex.re_chrome
    if chrome is not None:
        half = body_idx[len(body_idx) // 2]
        for i in body_idx:
            if i < half:
                continue
            b = blocks[i]
            if b.kind != DIVIDER and b.words <= 14 and chrome.match(normalise(b.text)):
                for j in range(i, n):
                    if blocks[j].zone != SUBJECT:
                        blocks[j].zone = CHROME
                break

    _footer(blocks, lex)
    _signature(blocks, lex)
    _sections(blocks)


def _is_boilerplate(b, lex: Lexicon) -> bool:
    if b.kind == DIVIDER:
        return False
    t = normalise(b.text)
    if t[:1] in "*†¹" and b.words >= 4:
        return True  # fine print: "*Offer valid on...", "†Terms apply"
    if lex.re_boilerplate is not None:
        m = lex.re_boilerplate.search(t)
        if m:
            # copy that merely mentions "terms" in a sentence ("contact us to discuss the terms
            # and conditions") is not boilerplate; a long block that opens with it is
            # ("Opt-out instructions: we are strongly against ...")
            return b.words <= 15 or m.start() < 40
    if b.words <= 8 and lex.re_boilerplate_short is not None and lex.re_boilerplate_short.search(t):
        return True
    if b.links and b.words <= 12 and all(_SOCIAL.search(l.href or "") or _SOCIAL_NAME.match(l.text)
                                          for l in b.links) and not _looks_ask(t, lex):
        return True   # a row of social links (never one that asks: "Start your trial: x.com/...")
    if b.links and b.words <= 12 and sum(bool(_SOCIAL_NAME.match(l.text)) for l in b.links) >= 2:
        return True
    if _ADDRESS.search(t) and b.words <= 14 and not _looks_ask(t, lex):
        return True   # (not "text FOOD to 41444": a short code is not a ZIP code)
    return False


def _is_weak(b, lex: Lexicon) -> bool:
    """Short lines that can belong to a footer: company name, phone, email, nav rows."""
    if b.kind == DIVIDER:
        return True
    if b.kind == BUTTON:
        return False
    t = b.text.strip()
    if _PHONE_EMAIL.match(t):
        return True
    if b.words <= 6 and not t.endswith(("?", "!")) and b.kind not in (BUTTON, HEADING):
        return True
    if b.links and b.words <= 12 and sum(len(l.text.split()) for l in b.links) >= b.words * 0.8:
        # a row of links (nav / social / legal)
        return not any(_looks_ask(l.text, lex) for l in b.links)
    return False


_WORD = re.compile(r"[a-z][a-z'-]*")


def _looks_ask(text: str, lex: Lexicon) -> bool:
    """Whether a short line (a link's text, an address-like line) asks: a verb of the lexicon's
    ``ask_verbs`` in any form ("Donate", "Book"), or an ask the clause recogniser finds ("Start
    your trial", "text FOOD to 41444"). Keeps such a line out of a footer's nav rows."""
    if not text:
        return False
    verbs = vocab(lex).verbs
    if any(verbs.get(w, ("",))[0] == "ask_verbs" for w in _WORD.findall(text.lower())):
        return True
    found = recognise(lex, text, 0, len(text))
    return found is not None and found[0] == "explicit"


def _footer(blocks, lex: Lexicon) -> None:
    idx = [i for i, b in enumerate(blocks) if b.zone in (BODY,)]
    if not idx:
        return
    strong_at = None
    k = len(idx) - 1
    while k >= 0:
        b = blocks[idx[k]]
        if _is_boilerplate(b, lex):
            strong_at = k
        elif not _is_weak(b, lex):
            break
        k -= 1
    if strong_at is None:
        return
    # the footer starts at the first weak-or-boilerplate block after the stop that precedes
    # (or is) the first strong one; weak lines before the first strong marker stay body only if
    # they are separated from it by body-like blocks (they are not: the scan stopped there)
    start = k + 1
    # keep weak lines just after the body that are not footer-like (e.g. "See you soon!")
    while start < strong_at:
        b = blocks[idx[start]]
        if b.kind == DIVIDER or _PHONE_EMAIL.match(b.text.strip()) or (
                len(b.links) >= 2 and all(not _looks_ask(l.text, lex) for l in b.links)) or _is_boilerplate(b, lex):
            break
        start += 1
    if start == 0:
        return  # boilerplate words in every line: that is the copy itself, not a footer
    for j in idx[start:]:
        blocks[j].zone = FOOTER


def _signature(blocks, lex: Lexicon) -> None:
    val = lex.re_valediction
    if val is None:
        return
    body = [i for i, b in enumerate(blocks) if b.zone in (BODY, PS)]
    if len(body) < 2:
        return
    floor = body[int(len(body) * 0.5)] if len(body) > 4 else body[1]
    sig_at = None
    for i in reversed(body):
        if i < floor:
            break
        b = blocks[i]
        if b.zone != BODY or b.kind in (DIVIDER, HEADING, BUTTON, ITEM):
            continue
        if b.words <= 6 and (val.match(normalise(b.text.strip())) or
                             (i == body[-1] and _DASH_NAME.match(b.text))):
            sig_at = i
            break
    if sig_at is None:
        return
    for j in range(sig_at, len(blocks)):
        b = blocks[j]
        if b.zone == PS or b.zone in (FOOTER, CHROME):
            break
        if j > sig_at and b.words > 25:
            if _is_boilerplate(b, lex) or (lex.re_boilerplate is not None and
                                            lex.re_boilerplate.search(normalise(b.text))):
                b.zone = FOOTER
                continue
            break
        if b.zone == BODY:
            b.zone = SIGNATURE


def _sections(blocks) -> None:
    sec = 0
    seen_body_text = False
    for b in blocks:
        if b.kind in (HEADING, DIVIDER) and seen_body_text:
            sec += 1
        elif b.kind not in (HEADING, DIVIDER) and b.in_body:
            seen_body_text = True
        b.section = sec
