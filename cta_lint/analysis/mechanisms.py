"""Response mechanisms: what turns a verb of contact ("call", "text", "reply", "email") into an
ask, and what keeps it a contact or support line.

A contact verb asks when a mechanism follows it (a phone number, an SMS short code, a keyword to
send back, an address to write to that is not a support or general mailbox), when its object
or purpose is a commercial step ("call our sales team", "reply to book your slot"), or when the
seller promises the step once the reader answers ("text back a day and I'll book it"). Its
purpose is support or engagement when it answers "Help?" / "Questions?" or names questions,
feedback, help. Opt-out keywords ("text STOP to 83222") are never asks.
"""
from __future__ import annotations

import re

# what a reader asks for help with: a contact call for these is support, not a sale (also
# read by asks.py and ending.py)
SUPPORT_WORDS = r"questions?|help|support|assistance|feedback|trouble|problems?|issues?|concerns?"
SUPPORT = re.compile(SUPPORT_WORDS)   # (fullmatch: is this word one of them?)
# a support condition before the verb, in its sentence
_SUPPORT_IF = re.compile(r"\bif\s+you\s+(?:have|run\s+into|need)\s+(?:any\s+|a\s+|more\s+)?(?:" +
                         SUPPORT_WORDS + r")\b", re.I)
# a support question just before the sentence ("Help? | call: 0970 121 3186")
_SUPPORT_QUESTION = re.compile(r"\b(?:" + SUPPORT_WORDS + r")\s*\?\s*$", re.I)
# what a contact call can be for that makes it a commercial step ("call our sales team")
_CONTACT_OBJECTS = frozenset("sales order orders quote quotes demo booking reservation appointment "
                             "ticket tickets consultation estimate pricing donation".split())
_PHONE = re.compile(r"\+?\(?\d[\d\s().-]{5,}\d")
_SHORT_CODE = re.compile(r"\bto\s+\d{3,6}\b|\bat\s+\d{3,6}\b", re.I)
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[\w.]+")
# the mailboxes of support and general contact: writing to them is not a commercial step
_SUPPORT_BOX = re.compile(r"(?:" + SUPPORT_WORDS + r"|info|hello|hi|contact|team|care|service|"
                          r"customerservice|admin|privacy|security|abuse|press|media|legal)[@.+_-]",
                          re.I)
_KEYWORD = re.compile(r"\b[A-Z]{2,12}\b")
_QUOTED = re.compile(r"[\"'\u201c\u2018](\w{1,15})[\"'\u201d\u2019]")
_SMS = re.compile(r"\b(?:text|txt|sms)\s+(?:the\s+word\s+)?[\"'\u201c]?[A-Z0-9]{2,12}[\"'\u201d]?\s+to\s+"
                  r"\d{3,6}\b", re.I)
# the keywords of SMS opt-out and help, not of a sale ("send STOP to 83222")
_OPT_OUT = re.compile(r"\b(?:stop|stopall|unsubscribe|end|quit|cancel|optout|opt-out|help|info)\b", re.I)
# the seller promising the step once the reader answers: "text back a day and I'll book it"
_PURPOSE = re.compile(r"\bto\s+([a-z-]+)", re.I)
_SELLER_STEP = re.compile(r"\band\s+(?:i|we)(?:'ll|\s+will|\s+can|'d|\s+would)\s+(?:\w+ly\s+)?"
                          r"([a-z-]+)", re.I)


def sms(text: str, start: int, end: int):
    """"Text JOIN to 55555": the match of an SMS keyword and short code, unless it opts out."""
    m = _SMS.search(text, start, end)
    return m if m is not None and not _OPT_OUT.search(m.group(0)) else None


def contact_ask(verbs, text, toks, i, j, obj_end, has_obj, purpose):
    """The contact verb at token ``i`` (its object phrase from token ``j`` to ``obj_end``, with
    ``has_obj`` when it holds a commercial word, and ``purpose`` as that phrase named it):
    ("explicit" | "engagement", start, end) or None."""
    w = toks[i][2]
    start = toks[i][0]
    end = toks[obj_end - 1][1] if obj_end > j else toks[j - 1][1]
    rest = text[toks[j - 1][1]:toks[-1][1]]
    if not purpose and (any(toks[k][2] == "?" and SUPPORT.fullmatch(toks[k - 1][2])
                            for k in range(max(1, i - 3), i)) or (
            i <= 2 and _SUPPORT_QUESTION.search(text, max(0, toks[0][0] - 24), toks[0][0])) or
            _SUPPORT_IF.search(text, toks[0][0], start)):
        # "Help? Call 0800 123 456", "Questions? Email us at ...", "If you have any questions,
        # please email ..."
        purpose = "engagement"
    if purpose == "engagement" and not (w in ("text", "txt", "sms") and _SHORT_CODE.search(rest)):
        return "engagement", start, end
    has_obj = has_obj and toks[obj_end - 1][2] in _CONTACT_OBJECTS
    if not has_obj and purpose != "explicit":
        m = _SELLER_STEP.search(rest) or _PURPOSE.search(rest)
        if m and verbs.get(m.group(1).lower(), ("",))[0] == "ask_verbs":
            # "text back a day that suits and I'll book a test drive", "call us now on
            # 0871 246 0324 to claim your prize"
            purpose = "explicit"
    if not has_obj and purpose != "explicit" and j < len(toks) and toks[j][2] in ("us", "me") \
            and w not in ("text", "txt", "sms", "reply", "respond"):
        return "engagement", start, end   # "call us at 202-742-1520": a way to reach the seller
    if has_obj or purpose == "explicit" or _PHONE.search(rest) or _SHORT_CODE.search(rest) or \
            (_sales_address(rest) and w not in ("reply", "respond")) or \
            (w in ("text", "txt", "sms", "reply", "respond") and _keyword(rest)):
        return "explicit", start, toks[-1][1]
    return None


def _sales_address(rest: str) -> bool:
    """An email address to write to that is not a support or general one ("info@", "help@")."""
    m = _EMAIL.search(rest)
    return m is not None and not _SUPPORT_BOX.match(m.group(0))


def _keyword(rest: str) -> bool:
    """A keyword to send back ("reply YES", "text 'join'"), not an opt-out one ("reply STOP")."""
    m = _KEYWORD.search(rest) or _QUOTED.search(rest)
    return m is not None and not _OPT_OUT.fullmatch(m.group(m.lastindex or 0))
