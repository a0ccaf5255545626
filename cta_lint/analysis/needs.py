"""Seller-centric copy: the seller as the subject of a need, a dependence or a hardship, or the
reader asked to act for the seller's sake.

A predicate on the seller, not a list of sentences. The seller is a first-person subject (I, we,
our team) or the seller's own business or work ("the studio", "my shop", "the continued
development of this software"); the lexicon's classes say what a seller gets from readers
(``seller_gains``: customers, sign-ups, copies, donations ...), what targets it has
(``seller_targets``: quota, numbers, goal ...), what it has at stake (``seller_stakes``:
commission, rent, job ...) and what businesses speak of themselves (``seller_businesses``):

- need / dependence: the seller with need / rely on / depend on / count on, whose object is a
  gain ("we need 50 more sign-ups", "we rely on donations", "we need you to buy");
- a goal: the seller needing, having or trying to reach a gain or a target ("I need to land one
  more client", "we need to sell 300 copies", "I have to hit my quota");
- a shortfall: the seller's target down, behind or missed ("our numbers are way down", "we're
  short of our Q3 target", "we missed our goal");
- a stake: what the seller has at stake depending on the reader ("my commission depends on
  closing two more deals"), or the business not surviving without gains ("the studio won't
  survive the winter without more members");
- hardship: the seller broke, out of work, struggling to make money, unable to pay or afford,
  running out of money; "keep the lights on", "cover my living costs";
- for the seller's sake: "help us hit our target", "support us so we can keep going", "it would
  make a huge difference to me", "you'd be doing me a favour".

Not: "everything you need", "if you need help", "we need your address to ship", "we need to tell
you" (the lexicon's ``not_seller`` list is applied to every match).
"""
from __future__ import annotations

import re

from .words import plural

def _words(items, plurals=True) -> str:
    """A regex alternation of a lexicon class's nouns (and their plurals)."""
    out = set()
    for w in items:
        w = w.lower().strip()
        out.add(re.escape(w))
        if plurals:
            out.add(re.escape(plural(w)))
    return "(?:" + "|".join(sorted(out, key=len, reverse=True)) + ")" if out else "(?!)"


_FIRST = (r"(?:i|we|i'm|we're|i've|we've|i'd|we'd|i'll|we'll|i\s+am|we\s+are|our\s+team|"
          r"my\s+team)")
_ADV = (r"(?:\s+(?:really|desperately|urgently|badly|just|still|now|also|truly|seriously|actually|"
        r"do|absolutely|definitely|genuinely|sorely|will|would|are|am|is|all|currently|strongly|"
        r"heavily|largely|entirely|mostly|fully|completely|honestly|simply|way|well|so|still))*")
_DETS = (r"(?:\s+(?:a|an|the|some|more|new|your|#|\d[\d,]*|a\s+few|a\s+lot\s+of|at\s+least\s+\d+|"
         r"\d+\s+more|just|only|another|one|two|three|four|five|ten|twenty|fifty|hundred|"
         r"several|extra|additional|paying)){0,3}")
_NUMBER_WORDS = (r"(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[\s-](?:one|two|"
                 r"three|four|five|six|seven|eight|nine))?|one|two|three|four|five|six|seven|eight|"
                 r"nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|"
                 r"nineteen|(?:a|one|two|three|five)\s+hundred)")
_GOAL_VERBS = (r"(?:sell|close|land|win|sign|get|find|hit|reach|make|meet|book|bring\s+in|raise|"
               r"fill|secure|grow|add|recruit|beat|move|ship|clear|sign\s+up)")
_NEED_VERBS = (r"(?:needs?\s+to|must|have\s+to|has\s+to|got\s+to|'ve\s+got\s+to|gotta|(?:(?:'m|am|"
               r"'re|are)\s+)?(?:trying|desperate|under\s+pressure|hoping)\s+to|(?:'ve|have)\s+been\s+"
               r"(?:asked|told)\s+to|(?:'m|am|'re|are)\s+supposed\s+to)")
_SHORT_WORDS = (r"(?:down|behind|short|below|off|lagging|slow|flat|low|falling|dropping|shrinking|"
                r"not\s+where|nowhere\s+near|way\s+off|under)")


def _build(lists) -> dict[str, re.Pattern]:
    gain = _words(lists.get("seller_gains", []))
    target = _words(lists.get("seller_targets", []))
    stake = _words(lists.get("seller_stakes", []))
    biz = _words(lists.get("seller_businesses", []), plurals=False)
    # the seller's work as the subject: "the continued development of this software"
    # (one word may name it: "the Crystal project", "our indie studio")
    seller = (r"(?:" + _FIRST + r"|(?:the|this|our|my)\s+(?:(?:continued|ongoing|future|little|"
              r"small|local)\s+)?(?:[\w-]+\s+)?(?:" + biz + r"|work|development|maintenance|future|server|"
              r"servers|hosting)(?:\s+of\s+(?:the|this|our|my)\s+\w+)?)")
    gains = (r"(?:" + gain + r"|people|folks|(?:your|community|continued|ongoing|more|external|"
             r"outside|public|financial|reader|user)\s+(?:support|money|funds|funding|donations|"
             r"business|purchases?|contributions|backing|generosity|sponsorships?)|financial\s+(?:help|support))")
    mine = r"(?:our|my)(?:\s+[\w'-]+){0,2}?\s+"
    money = r"[$£€]\s?\d[\d,.]*(?:k|m|\s+(?:thousand|million))?"
    need = re.compile(
        r"\b" + seller + _ADV + r"\s+(?:need|needs|rely\s+on|relies\s+on|depend\s+on|depends\s+on|"
        r"count\s+on|counting\s+on|relying\s+on|depending\s+on|survive\s+on|live\s+on|"
        r"can't\s+(?:do|continue|survive|keep\s+going)\s+without)" + _DETS + r"\s+(?:" + gains +
        r"\b|(?:about\s+|around\s+)?" + money + r")"   # (money: "we will need $20,000 a month")
        r"|\b" + seller + _ADV + r"\s+need\s+(?:you|people|everyone|folks|readers|more\s+people)\s+to\s+"
        r"(?:buy|order|sign\s+up|donate|sponsor|subscribe|upgrade|purchase|support|pay|back|"
        r"register|join|chip\s+in|contribute|help|renew|book|champion|stand\s+with|fund|give)\b"
        r"|\b" + seller + _ADV + r"\s+(?:rel(?:y|ies|ying)|depend(?:s|ing)?|count(?:s|ing)?)\s+on\s+"
        r"(?:[\w']+\s+){0,4}?for\s+(?:our\s+|my\s+|their\s+|your\s+)?" + gains + r"\b"
        r"|\bwhy\s+(?:i|we)\s+need\s+your\s+(?:help|support|money)\b"
        # the seller's work kept going by what readers give: "the project is sustained by
        # donations", "recurring support keeps the project alive"
        r"|\b" + seller + r"\s+(?:is|are|has\s+been|have\s+been)\s+(?:\w+\s+)?(?:sustained|funded|"
        r"kept\s+alive|kept\s+going|paid\s+for|made\s+possible)\s+(?:\w+\s+)?by" + _DETS +
        r"(?:\s+[\w-]+)?\s+" + gains + r"\b"
        r"|\b(?:\w+\s+)?(?:support|donations|contributions|sponsorships?|funding|backing|pledges)\s+"
        r"(?:keeps?|kept|is\s+what\s+keeps)\s+(?:the|this|our|my)\s+(?:" + biz + r"|work)\s+(?:alive|"
        r"going|afloat|running|sustainable)\b", re.I)
    goal = re.compile(
        r"\b(?:" + _FIRST + _ADV + r"\s+" + _NEED_VERBS + r"|(?:our|my)\s+(?:goal|target|aim|"
        r"hope)\s+(?:is|was|this\s+\w+\s+is)\s+to)" + _ADV + r"\s+" + _GOAL_VERBS +
        r"(?:\s+(?!your\b|you\b)[\w'$%,.-]+){0,4}?\s+(?:(?:" + gain + r"|" + target +
        r")\b(?!')|" + money + r")", re.I)
    shortfall = re.compile(
        r"\b" + mine + target + r"\s+(?:is|are|'s|'re|has\s+been|have\s+been|was|were|keeps?|"
        r"remains?|came\s+in|look|looks)" + _ADV + r"\s+" + _SHORT_WORDS + r"\b"
        r"|\b" + _FIRST + _ADV + r"\s+(?:short\s+of|behind\s+on|behind|below|under|falling\s+short\s+"
        r"of|shy\s+of|way\s+off|off)\s+" + mine + target + r"\b"
        r"|\b(?:i|we)" + _ADV + r"\s+(?:missed|(?:are|'re|am|'m)\s+(?:going\s+to\s+)?miss(?:ing)?|"
        r"will\s+miss|might\s+miss|(?:haven't|have\s+not|didn't|did\s+not)\s+(?:hit|made|make|"
        r"reached|reach|met|meet))\s+(?:our|my|a|any|the)(?:\s+[\w'-]+){0,2}?\s+(?:" + target +
        r"|" + gain + r")\b"
        r"|\b" + _FIRST + _ADV + r"(?:\s+(?:about|around|roughly|nearly|almost|only|just))?"
        r"\s+(?:#|\d[\d,]*|a\s+few|a\s+dozen|" + _NUMBER_WORDS + r")(?:\s+[\w'-]+)?\s+" + gain +
        r"\s+short\b", re.I)
    stakes = re.compile(
        r"\b" + mine + stake + r"(?:\s+[\w'-]+){0,3}?\s+(?:depends?|rides?|hinges?|relies?|is\s+"
        r"riding|is\s+depending)\s+on\b"
        r"|\b" + mine + stake + r"\s+(?:is|are)\s+(?:on\s+the\s+line|at\s+stake|at\s+risk)\b"
        r"|\b" + seller + _ADV + r"\s+(?:won't|will\s+not|can't|cannot|couldn't|wouldn't|may\s+not|"
        r"might\s+not|won't\s+be\s+able\s+to)\s+(?:survive|make\s+it|last|stay\s+open|keep\s+going|"
        r"keep\s+(?:its|our|my|the)\s+doors\s+open|continue|stay\s+afloat|exist)"
        r"(?:\s+[\w'-]+){0,4}?\s+(?:without|unless)\b", re.I)
    return {"need": need, "goal": goal, "shortfall": shortfall, "stakes": stakes}


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
    r"\bhelp\s+(?:me|us)\s+(?:to\s+)?(?:hit|reach|meet|cover|pay|survive|afford|fund|stay\s+"
    r"afloat|keep\s+(?:going|the\s+lights)|get\s+to\s+our|close|make\s+(?:rent|payroll|ends\s+meet|"
    r"it\s+through|(?:our|my|the)\s+(?:target|goal|quota|numbers)))\b"
    # the seller unable to go on without the reader: "we can't do this without you"
    r"|\b(?:we|i)\s+(?:can't|cannot|couldn't|could\s+not)\s+(?:do|keep|continue|run|make)\s+(?:\w+\s+){0,3}?"
    r"without\s+(?:you|your\s+(?:help|support|donations?|sponsorship|generosity))\b"
    r"|\b(?:we|i)\s+(?:can't|cannot|couldn't|could\s+not)\s+(?:do|keep|continue|run|make|put\s+on)\s+"
    r"(?:[\w'-]+\s+){0,4}?without\s+(?:(?:some|more|our|great|generous|enough)\s+){0,2}"
    r"(?:sponsors|sponsorship|donations|donors|funding|supporters|backers|members|patrons)\b"
    # the seller seeking money, or stating its need for it: "ClojureBridge is seeking monetary
    # support", "the expansion has increased the need for funds"
    r"|\b(?:is|are|am|'re|'m)\s+(?:actively\s+)?(?:seeking|looking\s+for)\s+(?:monetary\s+support|"
    r"financial\s+support|funding|funds|donations)\b"   # (not sponsors: a sponsorship page's ask)
    r"|\bneed\s+for\s+(?:more\s+|additional\s+)?(?:funds|funding|donations|money|financial\s+support|"
    r"sponsors|sponsorship)\b"
    # "the only way we can run it is via generous corporate sponsorship"
    r"|\bthe\s+only\s+way\s+(?:we|i)\s+can\s+(?:run|keep|continue|afford|survive|do|make|fund)\b"
    r"[^.!?]{0,50}?\b(?:sponsor\w*|donation\w*|support(?:ers)?|funding|backers|patrons|you)\b"
    r"|\bhelp\s+fund\s+(?:my|our)\b"
    r"|\b(?:so|so\s+that)\s+(?:i|we)\s+can\s+(?:keep\s+(?:going|working|the\s+lights)|continue|pay|afford|"
    r"survive|stay\s+afloat|make\s+rent|cover)\b"
    r"|\b(?:project|we|i)\s+can\s+stay\s+afloat\b"
    r"|\b(?:with|given)\s+more\s+(?:money|funding|funds|sponsors|donations|backers),?\s+(?:we|i)\s+"
    r"(?:can|could|will|would)\b"
    # the reader's act as a favour to the seller
    r"|\bwould\s+(?:really\s+|truly\s+|honestly\s+)?(?:make\s+(?:a|such\s+a)\s+"
    r"(?:huge|big|real|massive|great|world\s+of)\s+difference|mean\s+(?:a\s+lot|the\s+world|so\s+much|"
    r"everything))\s+(?:to|for)\s+(?:me|us)\b"
    r"|\byou(?:'d|\s+would)\s+(?:really\s+|truly\s+)?be\s+(?:helping\s+(?:me|us)|doing\s+(?:me|us)\s+"
    r"a\s+(?:huge\s+|big\s+)?favou?r)\b"
    r"|\bdo\s+(?:me|us)\s+a\s+(?:huge\s+|big\s+|quick\s+)?favou?r\b"
    r"|\bhelp\s+(?:me|us)\s+(?:to\s+)?(?:raise|earn|bring\s+in|get\s+there|reach\s+it|hit\s+it|"
    r"continue\s+(?:my|our)\s+work|keep\s+(?:doing|up)\s+(?:this|my|our))\b"
    # the seller's income below a living
    r"|\b(?:i|we)\s+(?:\w+\s+)?(?:earn|make)\s+(?:less\s+than|below|under)\s+(?:(?:the\s+)?minimum\s+"
    r"wage|a\s+living)", re.I)

# Each predicate needs one of its key words, and the goal and shortfall predicates a first
# person: one pass over the lower-cased text finds them all, and a group's name lists the
# predicates its words key (most blocks have none, and skip every predicate).
_KEYS = {   # (longer keys first: the first group that matches at a place wins)
    "first_sake": r"(?:i|we)\s+can",
    "first": r"i|we|our|my|i'm|we're|i've|we've|i'd|we'd|i'll|we'll",
    "need": r"rel(?:y|ying)|count(?:s|ing)?\s+on|surviv\w*|live\s+on|sustained|funded|"
            r"kept\s+(?:alive|going)|paid\s+for|made\s+possible|(?:keeps?|kept)\s+(?:the|this|our|my)|"
            r"can't\s+(?:do|continue|survive|keep\s+going)",
    "need_goal_sake": r"need\s+for",
    "need_goal": r"needs?",
    "need_stakes": r"relies|depend(?:s|ing)?",
    "stakes_sake": r"without",
    "stakes": r"rides?|hinges?|riding|on\s+the\s+line|at\s+(?:stake|risk)|unless",
    "goal": r"must|have\s+to|has\s+to|got\s+to|gotta|trying|pressure|hoping|asked|told|supposed|"
            r"goal|target|aim|hope",
    "goal_hardship": r"desperate",
    "shortfall": r"down|behind|short|below|off|lagging|slow|flat|low|falling|dropping|shrinking|"
                 r"not\s+where|nowhere|under|shy|miss\w*|haven't|have\s+not|didn't|did\s+not",
    "hardship": r"broke|out\s+of|unemployed|struggl\w*|afford|rent|payroll|living\s+costs|bills|"
                r"salar\w*|make\s+money|ends\s+meet|food|losing",
    "sake": r"help\w*\s+(?:me|us|fund)|earn\w*|make\s+(?:less|below|under)|afloat|only\s+way|"
            r"seeking|looking\s+for|"
            r"more\s+(?:money|funding|funds|sponsors|donations|backers)|difference|"
            r"mean\s+(?:a\s+lot|the\s+world|so\s+much|everything)|favou?r",
}
_GATE = re.compile(r"\b(?:" + "|".join(f"(?P<{k}>{v})" for k, v in _KEYS.items()) + r")\b")


# the seller by its name, relying on what readers give: "Octobox currently relies on volunteers
# and donations" (case-sensitive: a capitalised name opens the sentence)
_NAMED = re.compile(
    r"(?:^|(?<=[.!?]\s))[A-Z][\w.-]+(?:\s+[A-Z][\w.-]+)?\s+(?:(?:currently|still|entirely|largely|"
    r"mostly|fully|completely)\s+)?(?:relies|depends|counts|survives|runs)\s+(?:(?:entirely|solely|"
    r"only|mostly|largely)\s+)?on\s+(?:[\w']+\s+){0,3}?(?:[Dd]onations|[Ss]ponsors(?:hip)?|"
    r"[Bb]ackers|[Ss]upporters|[Pp]atrons|[Cc]ontributions|[Vv]olunteers|(?:your|community|"
    r"reader|user)\s+support)\b")


def find_all(lex, text: str):
    """Spans of seller-centric phrasing in ``text`` (normalised), in order, without overlaps,
    lexicon phrases (``seller``) and the predicates above, less ``not_seller`` matches."""
    spans = []
    rx = lex.re_seller
    if rx is not None:
        spans += [(m.start(), m.end()) for m in rx.finditer(text)]
    keyed = set()
    for m in _GATE.finditer(text.lower()):
        keyed.update(m.lastgroup.split("_"))
    if "first" not in keyed:
        keyed -= {"goal", "shortfall"}
    if keyed - {"first"}:
        built = lex.derived("seller_needs", _build)
        for name in ("need", "goal", "shortfall", "stakes"):
            if name in keyed:
                spans += [(m.start(), m.end()) for m in built[name].finditer(text)]
        if "hardship" in keyed:
            spans += [(m.start(), m.end()) for m in _HARDSHIP.finditer(text)]
        if "sake" in keyed:
            spans += [(m.start(), m.end()) for m in _SAKE.finditer(text)]
        if "need" in keyed:
            spans += [(m.start(), m.end()) for m in _NAMED.finditer(text)]
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
