"""Feature passages: what the offer has or does for the reader, listed.

A feature passage is a list of 3+ items (bullets, check marks, numbered items, a nested list,
short parallel lines, a grid of title + description cells), 3+ subheadings under a feature cue
("## Features"), or a paragraph enumerating 3+ things after a cue ("includes", "with", "you'll
get", "lets you", a colon; "like" / "such as" only in a sentence to the reader). A list counts
only when its items can describe the offer: not steps, tables of contents, link round-ups,
people or names, dates and agendas, FAQs, questions and survey answers, receipts, price lists
and payment details, statements about the seller and its accomplishments, problems the reader
has, ways the reader is asked to help or what an ask just before asks for, quoted variants
(subject lines, sample replies), language names, or placeholder items ("List item 1").
"""
from __future__ import annotations

import re

from ..document import HEADING, ITEM, PARAGRAPH
from .asks import EXPLICIT

_STEP_VERB = re.compile(
    r"^(?:step\s*\d|first|then|next|finally|go to|open|click|tap|select|choose|enter|type|copy|paste|"
    r"install|run|create|add|set|configure|navigate|log ?in|sign in|download|upload|visit|follow|"
    r"make|write|use|check|fill|submit|confirm|verify|wait|restart|save|press|scroll|drag|"
    r"connect|enable|disable|import|export|update|edit|remove|delete|replace|insert)\b", re.I)
_PRICE = re.compile(r"[$£€¥]\s?\d|\d+(?:[.,]\d\d)?\s?(?:€|usd|eur|gbp)\b|\bqty\b|\bx\s?\d\b|\btotal\b|"
                    r"\bsubtotal\b|\b\d+\s?(?:items?|pcs)\b", re.I)
# _PRICE, tried only where a match can start (one of its alternatives' first characters, under
# the same re.I): ~3x faster than trying all seven alternatives at every position
_PRICE_AT = re.compile(r"(?=[\d$£€¥qtsx])(?:" + _PRICE.pattern + ")", re.I)
_DIGIT = re.compile(r"\d")


def price(t: str) -> bool:
    """``_PRICE.search(t)``, as a bool. Every alternative but 'qty', 'total' and 'subtotal' needs
    a digit (\\d: any decimal digit, as in _PRICE); those letters have no case variant outside
    ASCII, so ``lower()`` finds them as re.I does."""
    if _DIGIT.search(t) is None:
        low = t.lower()
        if "total" not in low and "qty" not in low:
            return False
    return _PRICE_AT.search(t) is not None


_NAME = re.compile(r"^(?:[A-Z][a-z'\u2019-]+|[A-Z]\.)(?:\s+(?:[A-Z][a-z'\u2019-]+|[A-Z]\.|de|van|von|da)){1,3}"
                   r"(?:\s*[,(\u2013\u2014-].*)?$")
_CUE = re.compile(
    r"\b(?:includ(?:es|ing|e)|featur(?:es|ing)|comes with|packed with|now with|along with|you(?:'ll| will)? get(?! started)|"
    r"you(?:'ll| will) (?:learn|discover|find|receive|enjoy)|(?:hear|learn|know) about|get access to|"
    r"offers|offering|benefits?|(?:allowing|allows|lets|letting|helps|helping|enables|enabling)\s+you\s+to|"
    r"advantages?|what you(?:'ll| will) (?:get|learn)|plus|such as|like|from|supports?|"
    r"now with|along with|everything from|all the|(?:^|(?<=[.!?]\s))with)\b[^.!?]{0,40}?(?::|\s)|:\s",
    re.I)
# _CUE, tried only where one of its alternatives' first characters stands (a charset under the
# same re.I matches exactly what those literals do): the same matches, ~1.6x faster
_CUE_AT = re.compile(r"(?=[ifcpnayhlkgobwse:])(?:" + _CUE.pattern + ")", re.I)
# "A, B and C" or "A, B, C": three parts at least once split at the commas and the last "and"
_ENUM = re.compile(r"[^,;:.!?]+(?:,\s*[^,;:.!?]+){1,}(?:,?\s+(?:and|&|or|plus)\s+[^,;:.!?]+)?")
_WH = re.compile(r"\s*(?:what|how|why|when|where|who|which)\b", re.I)
_CLAUSE_WORD = re.compile(r"\b(?:there's|it's|i'm|i|we|they|he|she|there is|there are|you|you're|if|"
                          r"would)\b", re.I)
# a compound verb: a part that has one is a clause, not a noun phrase of a list
_FINITE = re.compile(r"\b(?:has\s+been|have\s+been|had\s+been|will\s+be|can\s+be|could\s+be|"
                     r"would\s+be|should\s+be|might\s+be|may\s+be)\b", re.I)
_FIRST_PERSON = re.compile(r"^(?:i|we|i'm|we're|i've|we've|my|our team)\s", re.I)
# the writer speaking of themself anywhere in an item ("all I see is ...", "I'm forced to ...")
_I = re.compile(r"\b(?:i|i'm|i've|i'd|i'll|i am)\b", re.I)
# what the sentence leading into a list calls its items, when that is not what an offer has
_NOT_FEATURES = re.compile(
    r"\b(?:challenges?|problems?|issues?|pain\s+points?|mistakes?|risks?|questions?|examples?|"
    r"steps?|requirements?|prerequisites?|rules?|symptoms?|signs?|complaints?|outcomes?|"
    r"scenarios?|options|possibilities|topics?|agenda|schedule|timeline|headaches?|struggles?|"
    r"mission|vision|values|purpose|"
    # the data of a transaction: "Payment details", "Order summary", "Your receipt"
    r"(?:payment|order|billing|account|booking|shipping|delivery|event|contact|invoice)\s+"
    r"(?:details|summary|information|info)|receipt|invoice|"
    r"frustrations?|changes?\s+(?:we|i)\s+"
    r"made|things\s+i\s+noticed|what\s+(?:went\s+wrong|happened))\b[^.!?]{0,40}:?\s*$", re.I)
_STATEMENT = re.compile(r"^(?:the|there|this|it|your|my|our)\s+\w+(?:\s+\w+)?\s+(?:is|are|was|were|has|have|had|"
                        r"expired|failed|needs|need|declined|did|does|can't|cannot|won't)\b", re.I)
_TIME_LIKE = re.compile(r"^\s*(?:\d{1,2}[:.]\d\d|\d{1,2}\s?(?:am|pm))\b", re.I)


_PLACEHOLDER_ITEM = re.compile(r"^\W*(?:(?:un)?ordered\s+)?(?:list\s+)?item\s*#?\d*\W*$|lorem ipsum|"
                               r"^\s*\[[^\]]{1,60}\]\s*$|^\s*\{\{[^}]*\}\}\s*$|^\s*(?:feature|benefit|"
                               r"bullet|point)\s*#?\d+\W*$"
                               # a template variable, as masking leaves it: "benefit_1", "item.name"
                               r"|^\W*[a-z][a-z0-9]*(?:[_.][a-z0-9]+)+\W*$", re.I)
_QUOTED = re.compile(r"^\W{0,3}[\"\u201c\u2018'].{3,}[\"\u201d\u2019']\W{0,3}$")
_MONTH = (r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
          r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?")
_DATE = re.compile(r"^\W*(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\b|(?:" + _MONTH + r")\b\.?\s*[\d:\u2013\u2014-]|"
                   r"\d{1,2}(?:st|nd|rd|th)?\s+(?:" + _MONTH + r")\b|\d{4}-\d\d-\d\d|\d{1,2}/\d{1,2}/|"
                   r"(?:19|20)\d\d\b|q[1-4]\b|week\s+\d|day\s+\d)", re.I)
_LANGUAGES = frozenset(
    "english spanish french german italian portuguese dutch russian chinese mandarin cantonese "
    "japanese korean arabic hindi bengali urdu turkish polish swedish norwegian danish finnish "
    "greek hebrew czech hungarian romanian ukrainian vietnamese thai indonesian malay persian "
    "farsi catalan tagalog swahili".split())
_PROBLEM = re.compile(r"^\W*(?:(?:are\s+you\s+)?(?:struggling|tired|sick|frustrated|overwhelmed|stuck|"
                      r"worried|confused|losing|wasting|drowning)\b|hard\s+to\b|too\s+(?:many|much|"
                      r"slow|expensive|hard)\b|lack\s+of\b|(?:it|they|you)\s+(?:can't|don't|doesn't|"
                      r"isn't|aren't|loads?\s+slow)|(?:it's|its)\s+not\b|no\s+one\b|nobody\b)", re.I)
_LABEL = re.compile(r"^\W*[\w /&+'-]{2,40}:\s+")
# the seller's own plans or needs inside an item: "we'll need to focus on ...", "we're enabling"
_SELLER_PLAN = re.compile(r"\b(?:we|i)(?:'re|'ll|'ve|\s+will|\s+are|\s+am)?\s+(?:need|needs|"
                          r"enabling|planning|working|hoping|looking|trying)\b", re.I)
_ROLE = re.compile(r"^\W*[\w /&+-]{2,40}:\s+(?:someone|a person|people|volunteers?|an?\s+\w+\s+to\b)",
                   re.I)


def _item_words(blocks):
    return sum(b.words for b in blocks) / max(1, len(blocks))


def _lead_in(first, an) -> str | None:
    """The text of the block just before a list (its lead-in sentence or heading), or None."""
    blocks = an.doc.blocks
    k = first.index - 1
    while k >= 0 and not blocks[k].text.strip():
        k -= 1
    if k < 0 or (blocks[k].kind == ITEM and blocks[k].level >= first.level):
        return None   # (a parent item is the lead-in of its nested list)
    text = blocks[k].text.strip()
    return text[-160:]


# a lead-in that presents what the reader can do with the offer ("What you can do:", "With the app
# you'll be able to:"): its items describe capabilities, they do not ask
_CAPABILITY_LEAD = re.compile(r"\b(?:you\s+can(?:\s+now)?|you(?:'ll|\s+will)\s+be\s+able\s+to|lets?\s+you|"
                              r"allows?\s+you\s+to|what\s+you\s+(?:can|get|'ll\s+get)|features?|"
                              r"highlights?)\b[^.!?]{0,60}:\s*$"
                              # or the reasons for a step: "Why confirm your email?"
                              r"|^\W*why\b[^.!]{0,80}\?\s*$", re.I)


# ... unless it presents ways to help the seller ("If you'd like to help out, you can:")
_HELP_LEAD = re.compile(r"\b(?:help|support|contribute|give|donate|sponsor)\w*\b", re.I)


def capability_item(b, an) -> bool:
    """Is list item ``b`` one of a list that a lead-in presents as what the reader can do
    ("What you can do: - Book tickets in seconds")?"""
    if b.kind != ITEM:
        return False
    blocks = an.doc.blocks
    k = b.index
    while k > 0 and blocks[k - 1].kind == ITEM and blocks[k - 1].group == b.group:
        k -= 1
    lead = _lead_in(blocks[k], an)
    return lead is not None and _CAPABILITY_LEAD.search(lead) is not None and \
        _HELP_LEAD.search(lead) is None


# a lead-in that asks the reader to act, the list naming the ways ("please consider -", "Ways to
# help:", "Here's how you can support us:")
_ASKED_ACTIONS = re.compile(
    r"\b(?:please\s+consider|ways?\s+(?:to|you\s+can)\s+(?:help|support|contribute|get\s+involved|"
    r"give)|how\s+(?:to|you\s+can)\s+(?:help|support|contribute|get\s+involved)|you\s+can\s+"
    r"(?:help|support\s+(?:us|me|the\s+project))\s+by)\b[^.!?]{0,60}[:\-\u2013\u2014]?\s*$", re.I)


# a question the offer answers about itself ("What is Slidev?", "Why Acme?", "What's inside?")
_PRODUCT_QUESTION = re.compile(r"\W*(?:what\s+(?:is|are)\b|what's\b|why\b)", re.I)


# a lead-in or heading that celebrates what the seller's people did
_ACCOMPLISHED = re.compile(r"\b(?:celebrat\w*|achievements?|accomplishments?|milestones?|"
                           r"grateful|proud\s+of)\b", re.I)


def _lead_asks(first, an) -> bool:
    """Does the block just before a list ask explicitly (the list naming what to give or
    bring: "please email us to arrange a drop-off: - Pram - Blankets")?"""
    blocks = an.doc.blocks
    k = first.index - 1
    while k >= 0 and not blocks[k].text.strip():
        k -= 1
    if k < 0 or blocks[k].kind != PARAGRAPH:
        return False
    return any(c.kind == EXPLICIT and c.link is None for c in an.calls(blocks[k]))


def _section_heading(first, an) -> str | None:
    """The text of the heading of the section a block is in, or None."""
    blocks = an.doc.blocks
    for k in range(first.index - 1, -1, -1):
        if blocks[k].kind == HEADING:
            return blocks[k].text.strip()
    return None


def _is_excluded_list(items, an) -> str | None:
    n = len(items)
    texts = [b.text.strip() for b in items]
    # an item's label ("Translation: we're enabling ...") is set aside for what the item says
    said = [_LABEL.sub("", t, count=1) for t in texts]
    if sum(1 for t in texts if t.endswith("?")) * 2 >= n:
        return "faq"
    lead = _lead_in(items[0], an)
    if lead is not None and _NOT_FEATURES.search(lead):
        return "introduced"   # "The main challenges:", "Common mistakes:": not what the offer has
    if lead is not None and _ASKED_ACTIONS.search(lead):
        return "actions"   # "please consider -" / "Ways to help:": what the reader is asked to do
    heading = _section_heading(items[0], an)
    if any(t is not None and _ACCOMPLISHED.search(t) for t in (lead, heading)):
        return "accomplishments"   # "Celebrating our community": what was done, not offered
    if not (lead and _SECTION_CUE.search(lead)) and any(
            t is not None and t.rstrip().endswith("?") and not _SECTION_CUE.search(t) and
            not _PRODUCT_QUESTION.match(t) for t in (lead, heading)):
        return "answers"   # under "What would you like to see next?": what people said
    if sum(1 for b in items if _STEP_VERB.match(b.text.strip(" \t-*\u2022")) ) * 2 > n and (
            items[0].ordered or sum(1 for b in items if _STEP_VERB.match(b.text)) >= n - 1):
        return "steps"
    linky = 0
    for b in items:
        lt = sum(len(l.text) for l in b.links)
        if b.links and lt >= 0.5 * len(b.text):
            linky += 1
    if linky * 10 >= n * 6:
        return "links"
    if sum(1 for t in texts if price(t)) * 2 >= n:
        return "prices"
    if sum(1 for t in texts if _NAME.match(t) and len(t.split()) <= 8) * 10 >= n * 6:
        return "people"
    if sum(1 for t in texts if _TIME_LIKE.match(t)) * 2 >= n:
        return "agenda"
    if _item_words(items) > 30:
        return "prose"
    if sum(1 for t in texts if _PLACEHOLDER_ITEM.search(t)) * 2 >= n:
        return "placeholders"   # "List item 1", "[Benefit 2]", "Lorem ipsum"
    if sum(1 for t in texts if _QUOTED.match(t)) * 2 >= n:
        return "quoted"   # subject-line variants, sample replies: copy about copy
    if sum(1 for t in texts if _DATE.match(t)) * 2 >= n:
        return "dates"
    if sum(1 for t in texts if t.lower().strip(" .,;*") in _LANGUAGES) * 2 >= n:
        return "languages"
    if sum(1 for t in said if _PROBLEM.match(t)) * 2 >= n:
        return "problems"   # the reader's pains, not what the offer has
    if sum(1 for t in texts if _ROLE.match(t)) * 2 >= n:
        return "roles"   # "Community management: someone to ...": help wanted, not features
    if sum(1 for t in said if _FIRST_PERSON.match(t) or _SELLER_PLAN.search(t) or _I.search(t)
           ) * 2 >= n:
        return "first-person"   # "I hope that you...", "We moved offices": not what you get
    if sum(1 for t in said if _STATEMENT.match(t)) * 2 >= n:
        return "statements"   # "The card expired", "There are insufficient funds": reasons
    if lead is not None and lead.endswith((".", "!")) and _lead_asks(items[0], an):
        return "asked"   # "please email us to arrange a drop-off: - Pram - Blankets": its object
    return None


def _lists(body):
    """Groups of 3+ consecutive list items of the same list (top level of that list)."""
    groups = []
    cur = []
    for b in body:
        if b.kind == ITEM and (not cur or b.group == cur[0].group or (
                b.level > cur[0].level)):
            if b.group == (cur[0].group if cur else b.group):
                cur.append(b)
            continue
        if len(cur) >= 3:
            groups.append(cur)
        cur = [b] if b.kind == ITEM else []
    if len(cur) >= 3:
        groups.append(cur)
    # a nested list is a list of its own, introduced by its parent item ("4 new versions with
    # plenty of useful features: - New commands - CSS support - ...")
    nested: dict[int, list] = {}
    for b in body:
        if b.kind == ITEM and b.level > 1 and b.group >= 0:
            nested.setdefault(b.group, []).append(b)
    top = {g[0].group for g in groups}
    groups += [items for gid, items in nested.items() if gid not in top and len(items) >= 3]
    return groups


# capabilities as a run of verbs opening a sentence: "Plan, track and ship your projects"
_VERB_RUN = re.compile(r"(?:^|(?<=[.!?]\s))[A-Z][a-z]{2,}(?:,\s+[a-z]{3,}){1,4},?\s+(?:and|&)\s+"
                       r"[a-z]{3,}\s+(?:your|the|all|every|in|with|from|on|it|them|any)\b[^.!?]*")


def _enumeration(b) -> tuple[int, int] | None:
    """Span of a 3+ item enumeration after a cue in a paragraph, or None."""
    t = b.text
    if "," not in t:
        return None   # an enumeration has a comma at least (_ENUM)
    v = _VERB_RUN.search(t)
    if v:
        return v.start(), v.end()
    for m in _CUE_AT.finditer(t):
        e = _ENUM.match(t, m.end())  # not t[m.end():]: a copy per cue is quadratic
        if not e:
            continue
        parts = [p for p in re.split(r",|\band\b|&|\bplus\b|\bor\b", e.group(0)) if p.strip()]
        if len(parts) < 3:
            continue
        # each item short (features are noun phrases, not clauses)
        sizes = sorted(len(p.split()) for p in parts)
        weak = _WEAK_CUE.match(m.group(0)) is not None
        longest = max(len(p.split()) for p in parts[1:])
        if longest > 9 or len(parts[0].split()) > (9 if weak else 16) or \
                sizes[len(sizes) // 2] > 6:
            continue   # (after "includes", the first item may be long: "access to two days of")
        if e.group(0).count(",") == 1 and sizes[-1] > 4:
            continue   # "A, B and C" with one comma: only short noun phrases, not two clauses
        if any(_CLAUSE_WORD.search(p) for p in parts[:-1]) or any(_FINITE.search(p) for p in parts):
            continue   # a clause among the parts ("SignPath, based in Vienna, has been ..."):
            #            a sentence with commas, not a list of things
        if sum(1 for p in parts if _WH.match(p)) * 2 >= len(parts):
            continue   # "what moved, what stalled, what we ask": questions, not features
        names = sum(1 for p in parts if p.strip()[:1].isupper() and len(p.split()) <= 3)
        if (weak or _COLON.match(m.group(0))) and names * 2 > len(parts):
            continue   # "companies like Red Hat, Amazon and Borland", "left to right: Hanna, Sara"
        if weak and not _READER.search(_sentence(t, m.start())):
            continue   # "things like hand-washing, ...": examples, not the offer
        if sum(1 for p in parts if _PEOPLE.search(p)) * 2 > len(parts):
            continue   # "developers, translators and community members": who, not what
        if _COLON.match(m.group(0)) and _NOT_FEATURES.search(t, 0, m.start() + 1):
            continue   # "the same three headaches: ..."
        return m.start(), e.end()
    return None


# cues that introduce examples of anything ("like", "such as", "from", "along with", "hear
# about"): features only in a sentence that speaks to the reader ("walks you through everything
# from ...", "you'll hear about ..."), and not when most items are names
_WEAK_CUE = re.compile(r"(?:like|such as|from|everything from|along with|plus|all the|"
                       r"(?:hear|learn|know) about)\b", re.I)
_COLON = re.compile(r":\s")
# people an enumeration may name (who takes part, who is wanted), not what an offer has
_PEOPLE = re.compile(r"\b(?:developers?|designers?|writers?|translators?|engineers?|volunteers?|"
                     r"members?|people|folks|users?|customers?|clients?|sponsors?|partners?|"
                     r"contributors?|maintainers?|speakers?|students?|teachers?|founders?|"
                     r"managers?|leaders?|companies|organi[sz]ations?|teams?)\s*$", re.I)
_READER = re.compile(r"\byou(?:r|'ll|'re|'ve|rs)?\b", re.I)
_SENT_END = re.compile(r"[.!?](?:\s|$)")


def _sentence(t: str, at: int) -> str:
    """The sentence of ``t`` around offset ``at``."""
    a = max((m.end() for m in _SENT_END.finditer(t, 0, at)), default=0)
    e = _SENT_END.search(t, at)
    return t[a:e.end() if e else len(t)]


def _title_like(b) -> bool:
    if b.words > 5:     # first: it rules out most blocks without a strip (no text, no words)
        return False
    t = b.text.strip()
    if not t or t[-1] in ".!?:," or price(t):
        return False
    letters = [c for c in t if c.isalpha()]
    return (b.kind == HEADING or (letters and all(c.isupper() for c in letters)) or
            (len(b.links) == 1 and len(b.links[0].text) >= 0.8 * len(t)))


def _cards(body):
    """Runs of 3+ (short title, one-line description) pairs: a feature grid without list markup
    ("EXPRESS SHIPPING / Delivered tomorrow before noon")."""
    out = []
    n = len(body)
    if n < 6:
        return out   # three pairs take six blocks
    title = [_title_like(b) for b in body]   # once per block, not once per start tried
    i = 0
    while i + 1 < n:
        if not title[i]:
            i += 1
            continue
        j = i
        pairs = 0
        while j + 1 < n and title[j] and body[j + 1].kind == PARAGRAPH and \
                4 <= body[j + 1].words <= 25 and not title[j + 1] and \
                not price(body[j + 1].text):
            pairs += 1
            j += 2
        if pairs >= 3:
            out.append(body[i:j])
            i = j
        else:
            i += 1
    return out


# what a heading or the line leading into subsections calls them when they are the offer's
# features ("## Features", "### What's New?", "Four major new features:")
_SECTION_CUE = re.compile(r"\b(?:features?|what'?s\s+(?:new|in)\b|highlights?|capabilities|benefits|perks|"
                          r"what\s+(?:do\s+)?you(?:'ll|\s+will)?\s+get|improvements|additions|"
                          r"includ(?:ed|es)|inside)\b|^\W*why\b", re.I)


def _subsections(body, min_items: int):
    """Features written as sections: a feature cue (a heading, or the line after it) followed by
    3+ subheadings of one level, each with its own text ("## Features" / "### Filepath
    matching" ...). The passage runs from the first subheading to the end of the last one."""
    out = []
    n = len(body)
    for i, b in enumerate(body):
        if b.kind not in (HEADING, PARAGRAPH) or b.words > 12 or not _SECTION_CUE.search(b.text):
            continue
        j = i + 1
        if j < n and body[j].kind == PARAGRAPH and b.kind == HEADING:
            j += 1   # "## Features" then "Here are the key features:"
        if j >= n or body[j].kind != HEADING:
            continue
        level = body[j].level
        parent = b.level if b.kind == HEADING else 0
        if parent and level <= parent:
            continue
        heads, last = 0, j
        for k in range(j, n):
            c = body[k]
            if c.kind == HEADING and c.level < level:
                break
            if c.kind == HEADING and c.level == level:
                if k + 1 >= n or body[k + 1].kind == HEADING:
                    break   # a subheading with no text of its own
                heads += 1
            last = k
        if heads >= min_items:
            out.append((body[j], body[last], body[j].start, body[j].end, heads))
    return out


def passages(an, min_items: int = 3) -> list[tuple]:
    """Feature passages of the body, in order: (first block, last block, source start, source
    end, number of items)."""
    body = an.body
    out = []
    excluded = set()
    for items in _lists(body):
        if len(items) < min_items:
            continue
        if _is_excluded_list(items, an):
            excluded.update(b.index for b in items)   # nor an enumeration inside one item
            continue
        out.append((items[0], items[-1], items[0].start, items[-1].end, len(items)))
    for cards in _cards(body):
        out.append((cards[0], cards[-1], cards[0].start, cards[-1].end, len(cards) // 2))
    out.extend(_subsections(body, min_items))
    for b in body:
        # (an enumeration inside a list item belongs to that list: the list is judged whole)
        if b.kind != PARAGRAPH or b.words < 6 or b.index in excluded:
            continue
        span = _enumeration(b)
        if span:
            out.append((b, b, b.src(span[0]), b.src_end(span[1]), 3))
    out.sort(key=lambda p: p[2])
    return out
