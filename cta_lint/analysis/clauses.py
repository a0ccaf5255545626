"""Asks by their structure: an action the reader takes, addressed to the reader, joined to a
commercial object or a response mechanism.

The phrase lists of the lexicon (``ask``, ``invite``) name the commonest asks word for word; this
module recognises the rest by composition, from word classes (lexicon ``ask_verbs``,
``object_verbs``, ``contact_verbs``, ``commercial_objects``, ``invite_frames``, ``gerund_frames``,
``open_nouns`` / ``open_predicates``):

- an imperative: a clause that starts (past the lead words "so", "just", "please") with a verb
  of a commercial step: "Renew your membership", "Grab a seat", "Text JOIN to 55555";
- an invitation frame then such a verb: "you can upgrade at any time", "we kindly ask you to
  renew", "it's time to book", "why not start your trial", "ready to upgrade?";
- a gerund after a frame that proposes it: "consider donating", "interested in joining?";
- a question that proposes a commercial step: "Want early access?", "Open to a 15-minute call
  next week?", "Do you have time for a demo on Thursday?";
- an impersonal ask: a commercial noun with a predicate that opens it to the reader:
  "Donations of any size are welcome", "Registration is now open", "Tickets are going fast".

A verb of ``ask_verbs`` asks by itself; one of ``object_verbs`` only with a commercial object
("start your free trial", "get 20% off"); one of ``contact_verbs`` only with a mechanism (a
phone number, a short code, an email address, a keyword) or a commercial purpose ("reply to
book your slot"). "Reply with any questions", "join the discussion", "get the details" are not
asks.
"""
from __future__ import annotations

import re

from ..phrases import normalise as _norm
from .mechanisms import SUPPORT, contact_ask, sms
from .vocab import CLICK as _CLICK, Vocab, vocab
from .words import tokens

# words that may stand before an imperative at the start of a clause
_LEAD = frozenset("so just simply now please pls then and or ok okay today also finally hurry "
                  "quick yes hey well go ahead kindly first next but plus lastly oh tonight "
                  "instead again let's lets p.s ps p.p.s pps".split())
# determiners, pronouns, numbers and adjectives an object phrase may open with
_NP_SKIP = frozenset("a an the your you yours my our this that these those one it them us me "
                     "some any more another free new exclusive special early instant full "
                     "lifetime unlimited quick short brief personal personalised personalized "
                     "custom live private limited extra additional first next same own "
                     "discounted reduced risk-free no-risk no-obligation complimentary yourself "
                     "up back in on for at to of with".split())
_STOP = frozenset("if when because so that which who while as since although though but and or "
                  "than".split())
# what a call for the reader's input or for help is about: engagement, not a sale
_ENGAGE_PURPOSE = frozenset("question questions feedback thoughts thought comments comment ideas "
                            "idea concerns concern help issue issues problem problems trouble "
                            "suggestions suggestion opinion views experience support success "
                            "service helpdesk assistance information info".split())
_MECH_WORDS = frozenset("here below above now today tonight online button link monthly generously "
                        "once".split())
# verbs for which "a time" is a meeting slot ("set up a time", not "take your time")
_TIME_VERBS = frozenset("set book find pick schedule grab choose select reserve".split())
_ADVERBS = frozenset("also now still easily always even simply just quickly already really "
                     "today anytime directly securely instantly".split())
_PROPOSAL_START = ("want", "wanna", "interested", "open", "free", "available", "ready", "keen",
                   "up", "fancy", "worth", "would", "could", "can", "shall", "should", "do",
                   "got", "have", "are", "care", "time", "any", "how", "what", "is", "looking",
                   "need", "curious", "may", "will", "ok", "sound", "does")
_PROPOSAL_OBJECTS = frozenset("call calls demo demos chat meeting trial access consultation quote "
                              "tour walkthrough session spot seat ticket tickets discount offer "
                              "deal sample mockup audit conversation appointment estimate "
                              "proposal invite invitation pricing upgrade subscription "
                              "membership plan".split())
# what a seller offers to do when the reader says yes ("Want me to send over the deck?")
_OFFER_VERBS = frozenset("send show walk set book put grab hold reserve hop jump".split())
# verbs of the way to a step named before them ("To renew, log in and ...", "To book, head to")
_WAY_VERBS = frozenset("visit go head log sign click tap follow use open scan".split())
# gerunds of the means by which a reader takes a step ("by clicking the link below")
_MEANS = frozenset("clicking tapping pressing following visiting logging signing heading going "
                   "replying calling texting scanning".split())
# gerund frames that may take a commercial noun instead ("consider a donation")
_NOUN_FRAMES = frozenset("consider interested keen how what open".split())
_DURATION = frozenset("minutes mins min minute".split())
_PROMO = re.compile(r"\b(?:promo|discount|coupon|voucher|offer)\b|\buse\s+(?:my|your|this|the|our)\s+code\b",
                    re.I)
# verbs that are also adjectives: a verb only with a determiner after them ("secure your spot")
_ADJ_TOO = frozenset("secure select complete open free direct express live clean".split())
_DETERMINERS = frozenset("a an the your my our this that these those one some any".split())
_PRONOUNS = frozenset("you we i you'll you'd we'd i'd you're we're".split())
# words after which a clause can start with "you can ...", "we'd love to ..."
_INTRODUCERS = frozenset("and but so or now then today also here there yes ok okay anytime because "
                         "please kindly "
                         "when if once after before plus again still just simply well oh hey "
                         "tonight tomorrow soon meanwhile instead otherwise finally lastly maybe "
                         "perhaps".split())
_RELATIVE = frozenset("that which who whom where whatever anything everything something".split())
_CODE_WORD = re.compile(r"\bcode\s+[A-Z0-9]{3,}\b")
# a software version ("upgrade to version 2.0", "get v3.1", "update to 4.2.1"), not a price or a
# rate ("for just $14.95", "get 2.5% off")
_VERSION = re.compile(r"\bv\d+(?:\.\d+)*\b|\b\d+\.\d+\.\d+\b|\bversion\s+\d|"
                      r"\b(?:to|get|install|download|try|use)\s+\d+\.\d+\b(?![%.\d])", re.I)
# what may follow a verb of a commercial step used as a verb: an object, a pronoun, a
# preposition, an adverb of time or place, punctuation ("Order now", "Book a call", "Donate
# to the fund", "Register here"); a noun or a verb after it makes it a noun ("Order tracking")
_AFTER_VERB = frozenset("now today tonight online here below above early before by for to with at "
                        "on in through via from up yours it them one this these our my your a an "
                        "the some any more again instantly securely directly monthly once".split())
_PAST_START = frozenset("did was were has had how's what's".split())


def recognise(lex, text: str, start: int, end: int, words: list[str] | None = None
              ) -> tuple[str, int, int] | None:
    """An ask in text[start:end] recognised by its structure: ("explicit", start, end) of the
    words that make it, ("engagement", ...) for a contact call with a non-commercial purpose,
    or None."""
    v = vocab(lex)
    verbs = question = opened = True
    if words is not None:
        verbs = not v.verb_words.isdisjoint(words)
        question = "?" in text[start:end] and not (_PROPOSAL_OBJECTS.isdisjoint(words)
                                                   and _DURATION.isdisjoint(words)
                                                   and _OFFER_VERBS.isdisjoint(words))
        opened = not v.open_words.isdisjoint(words)
        if not (verbs or question or opened):
            return None
    toks = tokens(text, start, end)
    if not toks:
        return None
    found = None
    m = sms(text, start, end)
    if m is not None:
        return "explicit", m.start(), m.end()   # "text JOIN to 55555": a response mechanism
    if verbs:
        found = _imperatives(v, text, toks) or _framed(v, text, toks, start, end)
    if found is None and question:
        found = _proposal(v, text, toks, start, end)
    if found is None and opened:
        found = _impersonal(v, text, toks, start, end)
    if found is not None and v.never is not None and v.never.search(_norm(text), start, end):
        return None   # the configuration's never-asks
    return found


def _clause_starts(toks) -> list[int]:
    out = [0]
    for i, (_, _, w) in enumerate(toks):
        if w in (",", ";", ":", "(", "\u2014", "\u2013", "-", "!", "?", "\"") or w in (
                "and", "or", "then", "but"):
            out.append(i + 1)
        elif w in ("please", "kindly") and i:
            out.append(i)   # "To welcome you back please accept this discount"
    return out


def _imperatives(v: Vocab, text, toks):
    n = len(toks)
    contact = None
    if n > 3 and toks[0][2] == "to":
        # the purpose first, then the way: "To resubscribe, visit /billing", "To book, call us"
        r = _verb_ask(v, text, toks, 1, base_only=True)
        c = next((k for k in range(2, n) if toks[k][2] == ","), None)
        if r is not None and r[0] == "explicit" and c is not None and not (
                toks[1][2] == "get" and toks[2][2] == "started"):
            # ("To get started, log in to your account": a customer's first use, not a sale)
            k = c + 1
            while k < n and toks[k][2] in _LEAD:
                k += 1
            if k < n and (toks[k][2] in _WAY_VERBS or
                          v.verbs.get(toks[k][2], ("",))[0] == "contact_verbs"):
                return "explicit", toks[0][0], toks[-1][1]
    for i in _clause_starts(toks):
        while i < n and toks[i][2] in _LEAD:
            i += 1
        if i >= n:
            continue
        r = _verb_ask(v, text, toks, i, base_only=True)
        if r is not None:
            if r[0] == "explicit":
                return r
            contact = contact or r
    return contact


def _framed(v: Vocab, text, toks, start, end):
    """A verb after an invitation frame, or a gerund after a gerund frame."""
    n = len(toks)
    for rx, gerund in ((v.frames, False), (v.gerunds, True)):
        if rx is None:
            continue
        for m in rx.finditer(_norm(text), start, end):
            i = _index_at(toks, m.end())
            while i < n and (toks[i][2] in _ADVERBS or (
                    toks[i][2] in ("want", "wish", "like", "care") and i + 1 < n
                    and toks[i + 1][2] == "to")):
                i += 2 if toks[i][2] in ("want", "wish", "like", "care") else 1   # "you may want to"
            if i >= n:
                continue
            w = toks[i][2]
            if gerund and not w.endswith("ing"):
                if not _NOUN_FRAMES.isdisjoint(m.group(0).lower().split()):
                    # "please consider a tax-deductible contribution", "how about a demo?"
                    k, has_obj, _ = _object(v, text, toks, i)
                    f = _index_at(toks, m.start())
                    if has_obj and not (f > 0 and toks[f - 1][2] in _RELATIVE):
                        return "explicit", toks[f][0], toks[k - 1][1]
                continue
            f = _index_at(toks, m.start())
            if f > 0 and (toks[f - 1][2] in _RELATIVE or (not gerund and
                    toks[f - 1][2][:1].isalpha() and toks[f - 1][2] not in _INTRODUCERS)):
                # "the best tablets that you can buy", "reports you can schedule": a
                # description of a thing, not an ask (a frame starts a clause)
                continue
            if gerund and toks[f][2] == "by" and _PRONOUNS.isdisjoint(
                    t[2] for t in toks[:f]) and not (f and (toks[0][2] in v.verbs or
                                                            toks[0][2] == "help")):
                continue   # "supported by its patrons by paying a subscription": how, not an ask
            r = _verb_ask(v, text, toks, i, base_only=not gerund)
            if r is not None and r[0] == "explicit":
                k = _index_at(toks, r[2])
                if k + 1 < n and toks[k][2] == "or" and toks[k + 1][2] not in v.verbs:
                    continue   # "you can upgrade or cancel any time": options, not an ask
                return "explicit", toks[f][0], r[2]
    return None


def _proposal(v: Vocab, text, toks, start, end):
    """A question proposing a commercial step: "Want early access?", "Open to a quick call?"."""
    q = text.rfind("?", start, end)
    if q == -1:
        return None
    first = next((t for t in toks if t[2] not in _LEAD), None)
    if first is None or first[2] in _PAST_START or not first[2].startswith(_PROPOSAL_START):
        return None
    k = toks.index(first)
    if first[2] in ("how", "what") and (k + 1 >= len(toks) or toks[k + 1][2] != "about"):
        return None   # "How was your trial?" asks about the past; "How about a call?" proposes
    words = [t[2] for t in toks[k:k + 6]]
    for j, w in enumerate(words[:4]):
        if w in ("me", "us", "i", "we") and any(x in _OFFER_VERBS for x in words[j + 1:j + 3]):
            # "Want me to send over a quick example?", "Shall I send you some times?": the
            # seller offers the next step; a yes is the reply that takes it
            return "explicit", first[0], q + 1
    for idx, (s, e, w) in enumerate(toks):
        if s > q:
            break
        if w in _DURATION and idx and (
                toks[idx - 1][2][:1].isdigit() or toks[idx - 1][2] in ("few", "ten", "fifteen",
                                                                      "twenty", "thirty", "five")):
            # "Worth 15 minutes?", "Got 10 minutes on Friday?": a meeting proposed by its length
            return "explicit", first[0], q + 1
        if w in _PROPOSAL_OBJECTS:
            # "Do you have any questions about the trial?" asks for questions, not a trial
            if any(t[2] in _ENGAGE_PURPOSE for t in toks if t[0] < s):
                return None
            return "explicit", first[0], q + 1
    return None


def _impersonal(v: Vocab, text, toks, start, end):
    """"Donations of any size are welcome", "Registration is now open", "Tickets are going
    fast": a commercial noun and a predicate that opens the step to the reader."""
    rx = v.open_predicates
    if rx is None or v.open_nouns.isdisjoint(t[2] for t in toks):
        return None
    for m in rx.finditer(_norm(text), start, end):
        j = _index_at(toks, m.start())
        for k in range(max(0, j - 6), min(len(toks), j + 1)):
            if toks[k][2] in v.open_nouns:
                return "explicit", toks[k][0], m.end()
    return None


def _verb_ask(v: Vocab, text, toks, i, *, base_only: bool):
    """Is the verb at token ``i`` (with its object) an ask? ("explicit"|"engagement", start,
    end) or None."""
    w = toks[i][2]
    n = len(toks)
    j = i + 1
    nxt = toks[j][2] if j < n else ""
    entry = None
    if w == "get" and nxt == "in" and j + 1 < n and toks[j + 1][2] == "touch":
        entry = ("contact_verbs", "get")   # "get in touch (with us below)": contact
        j += 2
    elif w in v.two and nxt in v.two[w] and (w + " " + nxt) in v.verbs:
        entry = v.verbs[w + " " + nxt]
        j += 1
    elif w in v.verbs:
        entry = v.verbs[w]
    if entry is None:
        if w in _CLICK:
            return _click(v, text, toks, i)
        return None
    cls, base = entry
    if base_only and w != base.partition(" ")[0]:
        return None
    if cls == "payment_verbs":
        return _payment(v, toks, i, j)
    if j < n and toks[j][2] in ("of", "is", "are", "was", "has", "will"):
        return None   # "Use of donations is decided", "Order is confirmed": a noun
    start = toks[i][0]
    obj_end, has_obj, purpose = _object(v, text, toks, j)
    if v.engagement_objects is not None and v.engagement_objects.search(
            _norm(text), start, toks[min(obj_end, n) - 1][1] if obj_end > j else toks[j - 1][1]):
        return None   # "subscribe to our newsletter", "join our community"
    end = toks[obj_end - 1][1] if obj_end > j else toks[j - 1][1]
    if has_obj and v.free is not None:
        # "grab the code", "download the templates": free resources are soft (LABELING)
        m = v.free.search(_norm(text), toks[j - 1][1], end)
        if m and not _PROMO.search(text, start, end) and not _CODE_WORD.search(text, start):
            return None
    if _VERSION.search(text, toks[j - 1][1], end + 12):
        return None   # "upgrade to version 2.0", "get v3.1": a software update, not a sale
    if cls == "ask_verbs" and not has_obj and j < n and not _may_follow(toks[j], text, toks):
        return None   # "Order tracking is live", "Book recommendations": a noun, not a verb
    if cls == "ask_verbs":
        return "explicit", start, end
    if cls == "object_verbs":
        if has_obj and w in _ADJ_TOO and (j >= n or toks[j][2] not in _DETERMINERS):
            return None   # "SECURE PAYMENT", "Select models": an adjective, not a verb
        if has_obj:
            return "explicit", start, end
        return None
    return contact_ask(v.verbs, text, toks, i, j, obj_end, has_obj, purpose)


def _payment(v: Vocab, toks, i, j):
    """"Update your billing information", "fix your card details": a verb of ``payment_verbs``
    asks only when its object is the reader's means of payment (dunning, renewal)."""
    n = len(toks)
    k = j
    while k < n and (toks[k][2] in _NP_SKIP or toks[k][2] == "that"):
        k += 1
    if k >= n or toks[k][2] not in v.payment:
        return None
    while k + 1 < n and (toks[k + 1][2] in v.payment or toks[k + 1][2] in _PAYMENT_NOUNS):
        k += 1
    return "explicit", toks[i][0], toks[k][1]


# what a means of payment is called after its first word ("billing details", "card info")
_PAYMENT_NOUNS = frozenset("information info details detail method methods number data".split())


def _may_follow(tok, text, toks) -> bool:
    w = tok[2]
    if not w[:1].isalnum() or w in _AFTER_VERB or w[:1].isdigit() or w[:1] in "$£€":
        return True
    # a capitalised name after a verb of a sentence not in title case: "Buy Acme Pro"
    words = [t for t in toks if t[2][:1].isalpha()]
    title = all(text[t[0]].isupper() for t in words)
    return text[tok[0]].isupper() and not title


def _click(v: Vocab, text, toks, i):
    """"Click here for your free quote", "tap below to claim 20% off": a click whose purpose is
    a commercial object (the click alone is not an ask)."""
    n = len(toks)
    k = i + 1
    while k < n and toks[k][2] in ("here", "below", "above", "on", "the", "this", "link", "button",
                                   "banner", "image"):
        k += 1
    if k < n and toks[k][2] == "to" and k + 1 < n:
        r = _verb_ask(v, text, toks, k + 1, base_only=True)
        return ("explicit", toks[i][0], r[2]) if r is not None and r[0] == "explicit" else None
    if k < n and toks[k][2] == "for":
        end, has_obj, _ = _object(v, text, toks, k + 1)
        if has_obj and not (v.free is not None and v.free.search(_norm(text), toks[k][1],
                                                                 toks[end - 1][1])):
            return "explicit", toks[i][0], toks[end - 1][1]
    return None


# verbs whose object may be the step itself, as a gerund ("finish checking out")
_FINISH_VERBS = frozenset("finish finishing complete completing resume resuming".split())

# verbs whose object may be the product itself, named ("Try Notion", "Deploy Atomic CRM")
_PRODUCT_VERBS = frozenset("try get download deploy grab join".split())


def _product_name(text, toks, k) -> bool:
    """Is token k a capitalised name in a sentence that is not in title case?"""
    s = toks[k][0]
    if not text[s].isupper() or toks[k][2] in _DETERMINERS or toks[k][2] in ("i", "it"):
        return False   # ("Join The Turing Way community": "The" is no product)
    words = [t for t in toks if t[2][:1].isalpha()]
    return not all(text[t[0]].isupper() for t in words)


def _object(v: Vocab, text, toks, j) -> tuple[int, bool, str]:
    """The object phrase after a verb ending at token ``j``: (index past it, whether it holds a
    commercial object or mechanism, the purpose when a "to <verb>" / "for <noun>" names one:
    "explicit", "engagement" or "")."""
    n = len(toks)
    k = j
    seen = 0
    purpose = ""
    while k < n and seen < 7:
        w = toks[k][2]
        if w in (",", ";", ":", "!", "?", "(", ")", "\u2014", "\u2013", "-") or w in _STOP:
            break
        if w in v.objects or w.endswith("%") or (w[:1] in "$£€" and w[1:2].isdigit()):
            if k + 1 < n and SUPPORT.fullmatch(toks[k + 1][2]):
                return k + 2, False, "engagement"   # "billing help", "order questions"
            return k + 1, True, purpose
        if k == j and toks[j - 1][2] in _PRODUCT_VERBS and _product_name(text, toks, k):
            return k + 1, True, purpose   # "Try Notion free", "Deploy Atomic CRM in minutes"
        if w in ("time", "slot", "times", "minutes") and toks[j - 1][2] != "take" and (
                toks[max(0, j - 2)][2] in _TIME_VERBS or toks[j - 1][2] in _TIME_VERBS):
            return k + 1, True, purpose
        if w in _MECH_WORDS and k == j or (w in _MECH_WORDS and seen <= 2 and toks[k - 1][2] in (
                "it", "yours", "one", "them", "us", "me", "copy", "yours")):
            return k + 1, True, purpose
        if w in _ENGAGE_PURPOSE:
            return k + 1, False, "engagement"
        if w == "by" and seen == 0 and k + 1 < n and toks[k + 1][2] in _MEANS:
            # "you can subscribe by clicking the button below", "renew by replying": the means
            # of the step right after its verb is a response mechanism
            return k + 2, True, purpose
        if k == j and toks[j - 1][2] in _FINISH_VERBS and w.endswith("ing") and (
                v.verbs.get(w, ("",))[0] == "ask_verbs" or (
                    w == "checking" and k + 1 < n and toks[k + 1][2] == "out")):
            # "finish checking out", "complete booking": the step itself is the object
            return k + (2 if w == "checking" else 1), True, purpose
        if w == "to" and k + 1 < n and toks[k + 1][2] in v.verbs:
            r = _verb_ask(v, text, toks, k + 1, base_only=True)
            if r is not None:
                return k + 1, r[0] == "explicit", r[0]
        if w[:1].isdigit() and any(c.isdigit() for c in w):
            # "call 0800 123 456", "get 3 months": a number, then what it counts
            if k + 1 < n and toks[k + 1][2] in v.objects:
                return k + 2, True, purpose
        if w not in _NP_SKIP:
            seen += 1
        k += 1
    return k, False, purpose


def _index_at(toks, pos: int) -> int:
    for i, t in enumerate(toks):
        if t[0] >= pos:
            return i
    return len(toks)
