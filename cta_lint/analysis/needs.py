"""Seller-centric copy: the seller as the subject of a need, a dependence or a hardship, or the
reader asked to act for the seller's sake.

A predicate on the seller, not a list of sentences:

- need / dependence: a first-person subject (I, we, our team, my business, the project) with
  need / rely on / depend on / count on, whose object is what the seller gets from readers:
  money, funding, donations, sales, customers, sign-ups, people, "50 more ...", "your help";
- hardship: a first-person subject that is broke, out of work, struggling to make money, unable
  to pay or afford, running out of money; "keep the lights on", "cover my living costs";
- for the seller's sake: "help us hit our target", "support us so we can keep going", "help fund
  my education".

Not: "everything you need", "if you need help", "we need your address to ship", "we need to tell
you" (the lexicon's ``not_seller`` list is applied to every match).
"""
from __future__ import annotations

import re

_SUBJ = (r"(?:i|we|i'm|we're|i've|we've|i'd|we'd|i'll|we'll|i\s+am|we\s+are|our\s+team|"
         r"my\s+(?:business|company|family|team|shop|studio)|"
         # the seller's work as the subject: "the continued development of this software"
         r"(?:the|this|our|my)\s+(?:(?:continued|ongoing|future)\s+)?(?:project|work|development|"
         r"maintenance|future|software|library|newsletter|podcast|site|server|servers|hosting)"
         r"(?:\s+of\s+(?:the|this|our|my)\s+\w+)?)")
_ADV = (r"(?:\s+(?:really|desperately|urgently|badly|just|still|now|also|truly|seriously|actually|"
        r"do|absolutely|definitely|genuinely|sorely|will|would|are|am|is|all|currently|strongly|"
        r"heavily|largely|entirely|mostly|fully|completely))*")
# what a seller gets from readers
_GAIN = (r"(?:money|funds|funding|income|donations?|donors|sponsors?|sponsorships?|backers|patrons|"
         r"customers|clients|buyers|sales?|orders|sign-?ups|subscribers|members|people|folks|"
         r"supporters|revenue|business|contributions|financial\s+(?:help|support)|"
         r"(?:your|community|continued|ongoing|more|external|outside|public|financial|"
         r"reader|user)\s+(?:support|money|funds|funding|"
         r"donations|business|purchases?|contributions|backing|generosity))")
_NEED = re.compile(
    r"\b" + _SUBJ + _ADV + r"\s+(?:need|needs|rely\s+on|relies\s+on|depend\s+on|depends\s+on|"
    r"count\s+on|counting\s+on|relying\s+on|depending\s+on|survive\s+on|live\s+on|"
    r"can't\s+(?:do|continue|survive|keep\s+going)\s+without)"
    r"(?:\s+(?:a|an|the|some|more|new|your|#|\d[\d,]*|a\s+few|a\s+lot\s+of|at\s+least\s+\d+|"
    r"\d+\s+more|just|only|another)){0,3}\s+" + _GAIN + r"\b"
    r"|\b" + _SUBJ + _ADV + r"\s+need\s+(?:you|people|everyone|folks|readers|more\s+people)\s+to\s+"
    r"(?:buy|order|sign\s+up|donate|sponsor|subscribe|upgrade|purchase|support|pay|back|"
    r"register|join|chip\s+in|contribute|help)\b"
    r"|\b" + _SUBJ + _ADV + r"\s+(?:rel(?:y|ies|ying)|depend(?:s|ing)?|count(?:s|ing)?)\s+on\s+"
    r"(?:[\w']+\s+){0,4}?for\s+(?:our\s+|my\s+|their\s+|your\s+)?" + _GAIN + r"\b"
    r"|\bwhy\s+(?:i|we)\s+need\s+your\s+(?:help|support|money)\b", re.I)
_HARDSHIP = re.compile(
    r"\b(?:i'm|we're|i\s+am|we\s+are|i've\s+been|we've\s+been)\s+(?:\w+\s+)?(?:broke|out\s+of\s+"
    r"(?:work|money|cash|funds|a\s+job)|unemployed|desperate|running\s+out\s+of\s+(?:money|cash|"
    r"funds|runway)|struggling\s+(?:to\s+(?:make|pay|cover|afford|find|keep|get\s+by|figure\s+out\s+"
    r"how\s+to\s+make)|financially|with\s+(?:money|rent|bills)))"
    r"|\bbeing\s+broke\b"
    r"|\b(?:i|we)\s+(?:can't|cannot|can\s+not|couldn't)\s+(?:\w+\s+){0,6}?(?:afford|pay\s+(?:my|our|the)"
    r"\s+(?:rent|bills)|make\s+rent|make\s+payroll|keep\s+the\s+lights)"
    r"|\b(?:cover|pay)\s+(?:my|our)\s+(?:living\s+costs|rent|bills|salary|salaries)"
    r"|\b(?:how\s+to\s+)?make\s+money\s+(?:lately|again|from\s+this)"
    r"|\bmake\s+ends\s+meet\b|\bput\s+food\s+on\s+the\s+table\b|\benough\s+(?:money\s+)?for\s+food\b"
    r"|\b(?:are|is|am|we're|i'm)\s+losing\s+(?:their|its|our|my)\s+(?:funding|income|sponsors|"
    r"jobs?|savings)", re.I)
_SAKE = re.compile(
    r"\bhelp\s+(?:me|us)\s+(?:to\s+)?(?:hit|reach|make|meet|cover|pay|survive|afford|fund|stay\s+"
    r"afloat|keep\s+(?:going|the\s+lights)|get\s+to\s+our|close)\b"
    r"|\bhelp\s+fund\s+(?:my|our)\b"
    r"|\b(?:so|so\s+that)\s+(?:i|we)\s+can\s+(?:keep\s+(?:going|working|the\s+lights)|pay|afford|"
    r"survive|stay\s+afloat|make\s+rent|cover)\b"
    r"|\b(?:project|we|i)\s+can\s+stay\s+afloat\b"
    r"|\b(?:with|given)\s+more\s+(?:money|funding|funds|sponsors|donations|backers),?\s+(?:we|i)\s+"
    r"(?:can|could|will|would)\b", re.I)


_PREDICATES = (
    (_NEED, re.compile(r"\b(?:needs?|rel(?:y|ies|ying)|depend(?:s|ing)?|count(?:s|ing)?\s+on|"
                       r"surviv\w*|live\s+on|without)\b")),
    (_HARDSHIP, re.compile(r"\b(?:broke|out\s+of|unemployed|desperate|struggl\w*|afford|rent|"
                           r"payroll|living\s+costs|bills|salar\w*|make\s+money|ends\s+meet|food|"
                           r"losing)\b")),
    (_SAKE, re.compile(r"\bhelp\s+(?:me|us|fund)\b|\b(?:i|we)\s+can\b|\bafloat\b|\bmore\s+(?:money|"
                       r"funding|funds|sponsors|donations|backers)\b")),
)


def find_all(lex, text: str):
    """Spans of seller-centric phrasing in ``text`` (normalised), in order, without overlaps,
    lexicon phrases (``seller``) and the predicates above, less ``not_seller`` matches."""
    spans = []
    rx = lex.re_seller
    if rx is not None:
        spans += [(m.start(), m.end()) for m in rx.finditer(text)]
    low = text.lower()
    for pat, keys in _PREDICATES:
        # each predicate needs one of its key words: a substring test rules out most blocks
        if keys.search(low):
            spans += [(m.start(), m.end()) for m in pat.finditer(text)]
    if not spans:
        return []
    exc = lex.re_not_seller
    bad = [(m.start(), m.end()) for m in exc.finditer(text)] if exc is not None else []
    out = []
    for s, e in sorted(spans):
        if any(bs < e and be > s for bs, be in bad):
            continue
        if out and s < out[-1][1]:
            if e > out[-1][1]:
                out[-1] = (out[-1][0], e)
            continue
        out.append((s, e))
    return out
