"""What a masked template tag becomes: blanks that keep every line end, or the word its
expression names (for every template language: templates.py, servertags.py)."""
from __future__ import annotations

import re

_IDENT = re.compile(r"[A-Za-z_][\w.]*")
_CURRENCY = frozenset("$£€¥")


def one_line(s: str) -> bool:
    """Does ``s`` hold no line end (a tag that can be rewritten without moving a line)?"""
    return "\n" not in s and "\r" not in s


def blank(s: str) -> str:
    """Spaces for the characters of ``s``, its line ends kept."""
    if "\n" not in s and "\r" not in s:   # the usual one-line tag
        return " " * len(s)
    return "".join(c if c in "\n\r" else " " for c in s)


def placeholder(tag: str, inner: str, before: str = "") -> str:
    """An output tag as the word its expression names, right-aligned ("{{ first_name }}" ->
    "    first_name"); after a currency sign, an amount."""
    if not one_line(tag):
        return blank(tag)
    if before in _CURRENCY:
        return "0".ljust(len(tag))   # "$<%= plan.price %>/month": an amount
    m = _IDENT.search(inner)
    if not m:
        return blank(tag)
    name = m.group(0)
    if name in ("else", "this"):
        name = "value" if name == "this" else ""
    if not name:
        return blank(tag)
    return name.rjust(len(tag))[: len(tag)]
