"""Plain text: drafts, SMS, plain-text emails, pasted copy.

Paragraphs are separated by blank lines; lines inside a paragraph are joined (plain-text email is
hard-wrapped). A bullet line (``-``, ``*``, ``•``, ``✓``, ``1.``...) is a list item, and a run of
them is one list. A leading ``Subject:`` line is the subject. URLs become links whose text is
the line around them. A line of only dashes or underscores is a divider. Lines end in LF, CRLF
or a lone CR; columns are counted the same way in each.
"""
from __future__ import annotations

import re

from ..document import (DIVIDER, ITEM, PARAGRAPH, SUBJECT, Block, Document, Link, TextBuilder,
                        web_addresses)
from . import templates

_BULLET = re.compile(
    r"[ \t]*(?:[-*+\u2022\u25aa\u25cf\u25e6\u2023\u2043\u2219\u2713\u2714\u2705\u2611\u27a2"
    r"\u27a4\u25ba\u25b8\u2192]|\d{1,2}[.)]|[a-h][.)]|\(\d{1,2}\))[ \t]+(?=\S)")
_DIVIDER = re.compile(r"[ \t]*(?:[-=_*~#\u2014\u2013\u2500\u2501\u2550]{3,}|(?:[-*] ){2,}[-*])[ \t]*$")
_SUBJECT = re.compile(r"[ \t]*subject[ \t]*:[ \t]*", re.I)
_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n|$)")


def lines(source: str):
    """(line text, offset) for every line, any line ending."""
    n = len(source)
    for m in _LINE.finditer(source):
        if m.start() == n and m.start() > 0:
            break
        s = m.group(0).rstrip("\r\n")
        yield s, m.start()
        if m.end() >= n:
            break


def read(source: str, fmt: str = "text") -> Document:
    doc = Document(source=source, format="text")
    masked = templates.mask(source, "text").text if templates.has_template(source) else source
    blocks: list[Block] = []
    para: list[tuple[str, int]] = []
    group = 0
    last_was_item = False
    seen_text = False

    def flush() -> None:
        if not para:
            return
        tb = TextBuilder()
        for line, off in para:
            tb.add(line, off)
            tb.soft_space()
            _links(tb, line, off)
        blk = tb.build(PARAGRAPH)
        if blk is not None:
            blocks.append(blk)
        para.clear()

    all_lines = list(lines(masked))
    # unwrapped text (a web export, a pasted draft) has one paragraph per line; hard-wrapped
    # mail keeps its lines under ~80 characters and joins them
    unwrapped = sum(len(ln) > 120 for ln, _ in all_lines) >= 2
    for line, off in all_lines:
        if not line.strip():
            flush()
            last_was_item = False
            continue
        if not seen_text:
            seen_text = True
            m = _SUBJECT.match(line)
            if m:
                doc.subject = line[m.end():].strip()
                tb = TextBuilder()
                tb.add(line[m.end():], off + m.end())
                blk = tb.build(SUBJECT)
                if blk is not None:
                    blocks.append(blk)
                continue
        if _DIVIDER.match(line):
            flush()
            blocks.append(Block(kind=DIVIDER, text="", anchors=[], srcs=[], end=off))
            last_was_item = False
            continue
        m = _BULLET.match(line)
        if m:
            flush()
            if not last_was_item:
                group += 1
            tb = TextBuilder()
            tb.add(line[m.end():], off + m.end())
            _links(tb, line[m.end():], off + m.end())
            blk = tb.build(ITEM, group=group, ordered=line.lstrip()[:1].isdigit(), level=1)
            if blk is not None:
                blk.marker = m.group(0).strip()
                blocks.append(blk)
            last_was_item = True
            continue
        if last_was_item and line[:1] in " \t" and blocks:
            # continuation of a wrapped bullet item
            prev = blocks[-1]
            tb = TextBuilder()
            tb.parts, tb.anchors, tb.srcs = [prev.text], list(prev.anchors), list(prev.srcs)
            tb.length, tb.last_end, tb.links = len(prev.text), prev.end, list(prev.links)
            tb.soft_space()
            tb.add(line, off)
            _links(tb, line, off)
            blk = tb.build(ITEM, group=prev.group, ordered=prev.ordered, level=1)
            if blk is not None:
                blk.marker = prev.marker
                blocks[-1] = blk
            continue
        last_was_item = False
        if len(line.split()) <= 4 and line.rstrip().endswith(","):
            # a salutation or valediction line ("Hi Marcus,", "thanks ,") stands alone
            flush()
            para.append((line, off))
            flush()
            continue
        para.append((line, off))
        if unwrapped:
            flush()
    flush()
    doc.blocks = blocks
    return doc


def _links(tb: TextBuilder, line: str, off: int) -> None:
    for at, url in web_addresses(line):
        tb.links.append(Link(text=" ".join(line.split()), href=url, start=off + at,
                             end=off + at + len(url)))
