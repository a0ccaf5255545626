"""Words: the tokens of a sentence and the inflections of a verb.

Verb classes in the lexicon list base forms ("donate", "sign up"); the analysis also has to
recognise "donating", "signed up", "upgrades". Inflection is regular English morphology (-s/-es,
-ing, -ed, final -e dropped, a final consonant doubled, -y to -ies/-ied) plus a short table of the
irregular verbs the classes use. A lexical resource (lemminflect) was measured for this job: ~90
ms to import and ~220 ms for its first look-up, more than a whole one-file run may cost, while the
rules here give the same forms for every verb of the classes (tests/test_recognisers.py checks
them against lemminflect where it is installed).
"""
from __future__ import annotations

import re

_IRREGULAR = {
    "buy": ("bought",), "pay": ("paid",), "get": ("got", "gotten"), "take": ("took", "taken"),
    "give": ("gave", "given"), "make": ("made",), "send": ("sent",), "come": ("came",),
    "become": ("became",), "choose": ("chose", "chosen"), "write": ("wrote", "written"),
    "ring": ("rang", "rung"), "set": ("set",), "begin": ("began", "begun"), "keep": ("kept",),
    "speak": ("spoke", "spoken"), "win": ("won",), "show": ("shown",), "hold": ("held",),
    "be": ("been", "being"),   # (is / are / was are not read: only "be" and "being" stand in an ask)
}
_VOWELS = set("aeiou")

# A token: a word (letters, digits, inner apostrophes, hyphens, dots, @ and % as in "20%",
# "sales@acme.com", "pre-order"), or one punctuation mark that ends a clause.
TOKEN = re.compile(r"[\w$£€@#+][\w'$£€%@.+/#-]*[\w%$#]|[\w$£€%#]|[,;:!?()\u2014\u2013\"]|(?<=\s)-(?=\s)")


def forms(base: str) -> set[str]:
    """Every form of the verb ``base`` (one word, or a phrasal verb "sign up", whose first word
    inflects): base, -s, -ing, -ed and the irregular forms."""
    head, sep, rest = base.partition(" ")
    out = {head}
    w = head
    if w.endswith(("s", "sh", "ch", "x", "z", "o")):
        out.add(w + "es")
    elif w.endswith("y") and len(w) > 1 and w[-2] not in _VOWELS:
        out.add(w[:-1] + "ies")
    else:
        out.add(w + "s")
    if w.endswith("ie"):
        ing = w[:-2] + "ying"
    elif w.endswith("e") and not w.endswith(("ee", "ye", "oe")):
        ing = w[:-1] + "ing"
    else:
        ing = w + "ing"
    out.add(ing)
    if w.endswith("e"):
        out.add(w + "d")
    elif w.endswith("y") and len(w) > 1 and w[-2] not in _VOWELS:
        out.add(w[:-1] + "ied")
    else:
        out.add(w + "ed")
    # a final consonant after one vowel may double (shop -> shopping, enrol -> enrolling,
    # refer -> referring); both spellings are accepted, since stress cannot be read off
    if (len(w) >= 3 and w[-1] not in _VOWELS and w[-1] not in "wxy" and w[-2] in _VOWELS
            and w[-3] not in _VOWELS):
        out.add(w + w[-1] + "ing")
        out.add(w + w[-1] + "ed")
    elif len(w) >= 3 and w[-1] == "l" and w[-2] in _VOWELS:
        out.add(w + "ling")   # British spelling: dial -> dialling, cancel -> cancelled
        out.add(w + "led")
    out.update(_IRREGULAR.get(w, ()))
    return {f + sep + rest for f in out}


def plural(noun: str) -> str:
    """The regular English plural of a (lower-case) noun: copy -> copies, pass -> passes."""
    if noun.endswith("y") and noun[-2:-1] not in ("a", "e", "o", "u", ""):
        return noun[:-1] + "ies"
    if noun.endswith(("s", "x", "ch", "sh")):
        return noun + "es"
    return noun + "s"


def ing_form(word: str) -> bool:
    return word.endswith("ing") and len(word) > 4


def tokens(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int, str]]:
    """The tokens of text[start:end] as (start, end, lower-cased token); curly apostrophes read
    as straight ones."""
    end = len(text) if end is None else end
    return [(m.start(), m.end(), m.group(0).lower().replace("\u2019", "'"))
            for m in TOKEN.finditer(text, start, end)]
