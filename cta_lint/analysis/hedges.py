"""Hedges: what makes an ask apologetic or optional, by class.

- conditionals on the reader's disposition: "if you're interested / curious / ready", "if you
  find value in", "if you feel the same way", "if you'd like", "if it sounds useful", "if I
  haven't convinced you";
- permission: "feel free to", "you can ... at any time" (an ask offered as an option);
- softeners: "just wanted to", "maybe", "perhaps", "no pressure", "whenever you get a chance",
  "at your convenience"; the ask made optional ("totally optional", "no rush", "no worries if
  not");
- modals: "you might want to", "might be worth";
- hopes and apologies: "I hope you'll consider", "sorry to bother you", "I totally understand
  if ...", "I don't want to be pushy, but", "I thought I'd", "I wanted to offer";
- the ask put as a question of the reader's interest: "Interested in sponsoring?", "Curious?".

The lexicon list ``hedge`` holds the fixed phrases; the conditional and permission classes are
recognised by their structure here (any disposition after "if you", not a list of them). A
factual condition ("if you order by Friday, shipping is free") is not a hedge.
"""
from __future__ import annotations

import re

from ..phrases import normalise

# "if you ['re|are|'d|would|really|ever|still] <disposition>": the reader's wish, interest or
# judgement made the condition of the ask
_DISPOSITION = (r"interested|curious|keen|ready|like|love|want|wish|prefer|decide|decided|feel|"
                r"find|found|think|believe|care|agree|enjoy|enjoyed|value|appreciate|liked|"
                r"can|could|are able|'re able|have (?:a |the )?(?:time|moment|minute|chance|"
                r"second)|get (?:a |the )?(?:chance|moment)|see (?:value|the value)|open|up for|"
                r"okay|ok|fancy|happen|so inclined|inclined|willing|able")
_CONDITIONAL = re.compile(
    r"\b(?:only\s+)?if\s+(?:you|you're|you've|you'd|your\s+(?:team|company|business))"
    r"(?:\s+(?:are|would|really|ever|still|also|do|did|already|might|just|'re|'d|be|think you))*"
    r"\s+(?:" + _DISPOSITION + r")\b"
    r"|\b(?:only\s+)?if\s+you(?:'re|\s+are)\s+(?:an?\s+|the\s+)?\w+(?:\s+\w+)?\s+who\s+(?:wants?|would\s+like|"
    r"wish(?:es)?|cares?|values?|appreciates?|enjoys?|finds?)\b"
    r"|\b(?:those|anyone|anybody|whoever(?:\s+is)?)\s+interested\b"
    r"|\bif\s+(?:it|this|any of this|this offer|the offer)\s+(?:sounds|seems|makes sense|"
    r"resonates|appeals|helps|interests you|is (?:of interest|helpful|useful|something))"
    r"|\bif\s+(?:i|we)\s+(?:haven't|have not)\s+(?:already\s+)?(?:convinced|lost|bored)"
    r"|\bif\s+(?:so|interested|not|that's (?:ok|okay|alright|fine))\b"
    r"|\bin case you(?:'re| are|'d| would)?\s+(?:interested|curious|wondering|like|want|wish|prefer)"
    r"|\bin case (?:it's|it is|this is|that's|it'd be|it would be)\s+(?:useful|helpful|of interest|handy)"
    r"|\bif (?:now|this|it|today)(?:'s\s+not|\s+is\s+not|\s+isn't)\s+(?:a\s+)?(?:good|great|the\s+right)"
    r"\s+time|\bshould\s+you\s+(?:wish|want|like|decide|care|feel\s+like)\b"
    # a bare condition on the offer's worth: "happy to hop on a call if useful"
    r"|\bif\s+(?:(?:it's|it\s+is|that's|that\s+is|it\s+would\s+be|that\s+would\s+be)\s+)?"
    r"(?:useful|helpful|relevant|of\s+(?:any\s+)?(?:interest|use|help)|worthwhile|convenient|"
    r"a\s+(?:good\s+)?fit)\b(?=\s*(?:[,.;:!?)\u2014-]|$|and\b|but\b|i\b|we\b|let\b|just\b))", re.I)
_PERMISSION = re.compile(
    r"\byou\s+(?:can|could|may)\s+(?:always\s+|also\s+)?\w+(?:\s+\S+){0,8}?\s+"
    r"(?:at\s+any\s+time|any\s*time|whenever\s+you(?:'re|\s+are)?\s+(?:like|want|ready|wish))\b"
    r"|\byou(?:'re|\s+are)\s+(?:more\s+than\s+)?welcome\s+to\b"
    # the ask made optional: "no rush", "totally optional", "no worries if not"
    r"|\bno\s+(?:strings|rush|hurry|worries|commitment|obligation|pressure|hard\s+feelings)\b"
    r"|\b(?:zero|absolutely\s+no)\s+(?:pressure|obligation)\b"
    r"|\b(?:(?:totally|completely|entirely|purely|strictly|100%)\s+)?optional\b"
    r"|\b(?:totally|completely|perfectly|absolutely)\s+(?:fine|ok|okay|understandable)\s+if\s+not\b"
    r"|\bwhen(?:ever)?\s+you(?:'re|\s+are)\s+ready\b",
    re.I)
# an apologetic frame around the ask: the writer was asked to ask, or barely dares to
_APOLOGY = re.compile(r"\b(?:i|we)(?:'ve|\s+have)\s+been\s+asked\s+to\b|\bsorry\s+to\s+(?:bother|"
                      r"interrupt|pester)|\bi\s+know\s+you(?:'re|\s+are)\s+(?:busy|swamped)"
                      # the writer excusing the ask in advance: "I totally understand if ..."
                      r"|\b(?:i|we)\s+(?:(?:totally|completely|fully|really)\s+)?(?:understand|get\s+it)\s+if\b"
                      r"|\b(?:(?:i|we)\s+(?:don't|do\s+not)\s+want\s+to|not\s+to)\s+be\s+(?:pushy|"
                      r"a\s+(?:bother|pest|nuisance)|salesy)\b", re.I)


# the ask put as a question of the reader's interest, before it or around it ("Interested in
# sponsoring? Contact us!", "Curious? Reply 'yes'")
_INTEREST = re.compile(r"(?<![\w'])(?:are\s+you\s+)?(?:interested|curious)(?:\s+in\s+[^?.!]{1,60})?\?",
                       re.I)


def find(lex, text: str, start: int, end: int, conditionals: bool = True
         ) -> tuple[int, int] | None:
    """The first hedge in text[start:end], as a span, or None. ``conditionals=False``: not the
    conditional class (a condition hedges the ask of its own sentence only: "If you still want
    to keep your data, this is the moment. Reactivate now." asks plainly)."""
    s = normalise(text)
    best = None
    rx = lex.re_hedge
    if rx is not None:
        for m in rx.finditer(s, start, end):
            if conditionals or not s.startswith(("if", "If", "only if"), m.start()):
                best = (m.start(), m.end())
                break
    for pat in ((_CONDITIONAL, _PERMISSION, _APOLOGY, _INTEREST) if conditionals else
                (_PERMISSION, _APOLOGY, _INTEREST)):
        m = pat.search(s, start, end)
        if m and (best is None or m.start() < best[0]):
            best = (m.start(), m.end())
    return best
