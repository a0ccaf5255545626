"""Markdown (.md .markdown .mdx) with markdown-it-py.

Block tokens carry line maps; inline text is located in the source from a cursor inside its
block's lines, so every character keeps its offset. HTML blocks (and MDX components) go through
the HTML reader with their offset. YAML/TOML front matter and MDX import/export lines are masked
(kept as blank lines so line numbers do not move). Code is not copy and is skipped.
"""
from __future__ import annotations

import re

from ..document import (DIVIDER, HEADING, ITEM, PARAGRAPH, QUOTE, CELL, SUBJECT, Block, Document,
                        Link, TextBuilder, collapse, web_addresses)
from . import templates
from .placeholders import blank
from . import html as html_reader

_FRONT = re.compile(r"\A(?:\ufeff)?(---|\+\+\+)[ \t]*\r?\n.*?^\1[ \t]*\r?$", re.S | re.M)
_MDX_ESM = re.compile(r"^(?:import|export)\s[^\n]*(?:\n(?!\s*\n)[^\n]*)*", re.M)
_A_OPEN = re.compile(r"<a\b[^>]*?\bhref\s*=\s*(?:\"([^\"]*)\"|'([^']*)'|([^\s>]+))", re.I)
_A_CLOSE = re.compile(r"</a\s*>", re.I)
_BR = re.compile(r"<br\s*/?>", re.I)


_IAL = re.compile(r"\{:[^{}\n]{0,200}\}")


def _bare_links(blk: Block) -> None:
    """A bare web address in a block is a link, as a reader's mail client makes it; its text is
    the block's (as the plain-text reader does), so the words around it say what it is for."""
    t = blk.text
    found = web_addresses(t)
    if not found:
        return
    known = {l.href for l in blk.links}
    for at, url in found:
        if url in known or any(url in (l.text or "") and l.href for l in blk.links):
            continue   # (a linked address: "[acme.io/pricing](https://acme.io/pricing)")
        blk.links.append(Link(text=" ".join(t.split()), href=url, start=blk.src(at),
                              end=blk.src_end(at + len(url))))

_MD = None
MAX_NESTING = 50


# a fence of prose: no language (or a prose one), mostly words, sentences, no code syntax
_PROSE_INFO = frozenset(("", "text", "txt", "plain", "plaintext", "email", "markdown", "md",
                         "none", "copy", "script"))
_CODE_LINE = re.compile(r"[;{}]\s*$|^\s*(?:def|class|import|from|function|const|let|var|return|"
                        r"if|for|while|SELECT|<\?|#include|\$ |>>> )\b|=>|==|\):\s*$|^\s*</?\w+[^>]*>\s*$")


def _prose_fence(tok) -> bool:
    if tok.info.strip().lower() not in _PROSE_INFO:
        return False
    lines = [ln for ln in tok.content.splitlines() if ln.strip()]
    if len(lines) < 2:
        return False
    if sum(1 for ln in lines if _CODE_LINE.search(ln)) * 10 > len(lines):
        return False
    words = tok.content.split()
    letters = sum(c.isalpha() or c.isspace() for c in tok.content)
    return len(words) >= 15 and letters >= 0.8 * len(tok.content) and any(
        ln.rstrip()[-1:] in ".!?" for ln in lines)


def _keep_link_destinations(text: str, expressions) -> str:
    """An output tag inside a link destination (``[Buy](https://x.test/{{ id }})``) is masked
    as a run of ``x`` instead of spaces, so the destination stays one URL and the link a link."""
    out = None
    for start, stop in expressions:
        ls = text.rfind("\n", 0, start) + 1
        before = text[ls:start]
        if before.rfind("](") > before.rfind(")"):
            if out is None:
                out = list(text)
            out[start:stop] = "x" * (stop - start)
    return text if out is None else "".join(out)


def _parser():
    global _MD
    if _MD is None:
        from markdown_it import MarkdownIt
        # maxNesting 50 (commonmark preset: 20): content nested deeper is dropped by
        # markdown-it, which read() reports; no real document nests 24 lists deep
        _MD = MarkdownIt("commonmark", {"html": True, "maxNesting": MAX_NESTING}).enable(
            "table").enable("strikethrough")
    return _MD


def read(source: str, fmt: str = "markdown", mdx: bool = False) -> Document:
    doc = Document(source=source, format="markdown")
    masked = templates.mask(source, "markdown")
    text = masked.text
    for _, msg in masked.notes:
        doc.notes.append(msg)
    if masked.expressions:
        text = _keep_link_destinations(text, masked.expressions)
    fm = _FRONT.match(text)
    if fm:
        text = blank(fm.group(0)) + text[fm.end():]
    if mdx or "\nimport " in text or text.startswith("import ") or "\nexport " in text:
        text = _MDX_ESM.sub(lambda m: blank(m.group(0)), text)
    if "{:" in text:
        # kramdown's inline attribute lists (Jekyll): "[Contact us](/c){: .btn}", "{: .lead}"
        text = _IAL.sub(lambda m: " " * len(m.group(0)), text)
    line_starts = [0]
    i = text.find("\n")
    while i != -1:
        line_starts.append(i + 1)
        i = text.find("\n", i + 1)
    line_starts.append(len(text) + 1)

    def off(line: int) -> int:
        return line_starts[min(line, len(line_starts) - 1)] if line < len(line_starts) else len(text)

    md = _parser()
    tokens = md.parse(text)
    limit = md.options.get("maxNesting", MAX_NESTING)
    if tokens and max(t.level for t in tokens) >= limit - 1:
        # markdown-it stops parsing at its nesting limit and drops the rest of the file
        from .base import ReadError
        raise ReadError(f"lists or quotes nested deeper than {limit} levels (the Markdown "
                        f"parser's limit)")
    blocks: list[Block] = []
    group_seq = 0
    groups: list[tuple[int, bool, int]] = []   # (id, ordered, depth)
    kind_stack: list[str] = []
    heading_level = 0
    for tok in tokens:
        t = tok.type
        if t == "heading_open":
            heading_level = int(tok.tag[1:])
            kind_stack.append(HEADING)
        elif t == "heading_close":
            kind_stack.pop()
        elif t in ("bullet_list_open", "ordered_list_open"):
            group_seq += 1
            groups.append((group_seq, t == "ordered_list_open", len(groups) + 1))
        elif t in ("bullet_list_close", "ordered_list_close"):
            groups.pop()
        elif t == "list_item_open":
            kind_stack.append(ITEM)
        elif t == "list_item_close":
            kind_stack.pop()
        elif t == "blockquote_open":
            kind_stack.append(QUOTE)
        elif t == "blockquote_close":
            kind_stack.pop()
        elif t in ("th_open", "td_open"):
            kind_stack.append(CELL)
        elif t in ("th_close", "td_close"):
            kind_stack.pop()
        elif t == "hr":
            start = off(tok.map[0]) if tok.map else 0
            blocks.append(Block(kind=DIVIDER, text="", anchors=[], srcs=[], end=start))
        elif t == "fence" and tok.map and _prose_fence(tok):
            # an email or a script quoted whole in a fence ("```\nHi {{name}}, ...```"): copy
            a, b = off(tok.map[0] + 1), min(off(tok.map[1] - 1), len(text))
            if b > a:
                from . import text as text_reader
                sub = text_reader.read(" " * a + text[a:b])
                blocks.extend(blk for blk in sub.blocks if blk.kind != SUBJECT)
        elif t == "html_block" and tok.map:
            a, b = off(tok.map[0]), min(off(tok.map[1]), len(text))
            frag_blocks, _hidden = html_reader.read_fragment(text[a:b], base=a)
            blocks.extend(frag_blocks)
        elif t == "inline" and tok.map:
            kind = kind_stack[-1] if kind_stack else PARAGRAPH
            if kind == ITEM and groups:
                gid, ordered, depth = groups[-1]
            else:
                gid, ordered, depth = -1, False, 0
            level = heading_level if kind == HEADING else depth
            a = off(tok.map[0])
            b = min(off(tok.map[1]), len(text))
            for blk in _inline(tok, text, a, b, kind, level, gid, ordered):
                blocks.append(blk)
    if masked.expressions:
        for blk in blocks:
            for ln in blk.links:
                ln.templated_href = _href_templated(text, ln, masked.expressions)
    # a bold line with no copy after it is a closing line (a sign-off), not a heading
    for blk in reversed(blocks):
        if blk.kind == HEADING and blk.level == PSEUDO_LEVEL:
            blk.kind, blk.level = PARAGRAPH, 0
        elif blk.kind != DIVIDER and blk.text.strip():
            break
    doc.blocks = blocks
    return doc


def _href_templated(text: str, link: Link, spans) -> bool:
    """Is a template expression inside the link's destination (``[text]({{ url }})``)?"""
    seg = text[link.start:link.end]
    p = seg.rfind("](")
    start = link.start + p + 2 if p != -1 else link.start
    return any(s < link.end and e > start for s, e in spans)


def _inline(tok, text: str, a: int, b: int, kind, level, gid, ordered):
    tb = TextBuilder()
    cur = a
    links: list[tuple[Link, list[str]]] = []

    def locate(s: str) -> int:
        if not s:
            return cur
        p = text.find(s, cur, b)
        if p == -1:
            w = s.split()
            if w:
                p = text.find(w[0], cur, b)
        if p == -1:
            return -1
        return p

    def add(s: str) -> None:
        nonlocal cur
        p = locate(s)
        if p == -1:
            tb.add_mapped(s, cur)
        elif text.startswith(s, p):
            tb.add(s, p)
            cur = p + len(s)
        else:
            tb.add_mapped(s, p)
            cur = p + 1
        for _, parts in links:
            parts.append(s)

    def build():
        nonlocal tb
        blk = tb.build(kind, level=level, group=gid, ordered=ordered)
        tb = TextBuilder()
        return blk

    for ch in tok.children or ():
        t = ch.type
        if t in ("text", "code_inline"):
            add(ch.content)
        elif t in ("softbreak",):
            tb.soft_space()
            for _, parts in links:
                parts.append(" ")
        elif t == "hardbreak":
            tb.soft_space()
        elif t == "link_open":
            p = text.find("[", cur, b)
            start = p if p != -1 else cur
            links.append((Link(text="", href=ch.attrGet("href"), start=start, end=start), []))
        elif t == "link_close" and links:
            link, parts = links.pop()
            link.text = collapse("".join(parts))
            p = text.find(")", cur, b)
            link.end = p + 1 if p != -1 else cur
            if p != -1:
                cur = p + 1
            tb.links.append(link)
        elif t == "image":
            alt = ch.content or ""
            if links and alt.strip():
                links[-1][0].image = True
                p = text.find(alt, cur, b) if alt else -1
                tb.soft_space()
                if p != -1:
                    tb.add(alt, p)
                    cur = p + len(alt)
                else:
                    tb.add_mapped(alt, cur)
                for _, parts in links:
                    parts.append(" " + alt + " ")
            else:
                p = text.find(")", cur, b)
                if p != -1:
                    cur = p + 1
        elif t == "html_inline":
            c = ch.content
            p = text.find(c, cur, b)
            if p != -1:
                cur = p + len(c)
            m = _A_OPEN.match(c)
            if m:
                href = next((g for g in m.groups() if g is not None), "")
                start = p if p != -1 else cur
                links.append((Link(text="", href=href, start=start, end=start), []))
            elif _A_CLOSE.match(c) and links:
                link, parts = links.pop()
                link.text = collapse("".join(parts))
                link.end = cur
                tb.links.append(link)
            elif _BR.match(c):
                tb.soft_space()
    blk = build()
    if blk is not None:
        _bare_links(blk)
        if kind == PARAGRAPH and _bold_title(tok.children, blk):
            blk.kind, blk.level = HEADING, PSEUDO_LEVEL
        yield blk


# the level of a paragraph that is only a short bold line ("**Features**"): a heading below every
# real one, so it starts a section without ending a passage under an "## h2"
PSEUDO_LEVEL = 7


def _bold_title(children, blk) -> bool:
    """Is the paragraph only a short bold or emphasised line, no link and no sentence
    ("**Features**", "__Pricing__"): a heading in all but name, as writers use one?"""
    kids = [c for c in children or () if not (c.type == "text" and not c.content.strip())]
    if len(kids) < 3 or kids[0].type not in ("strong_open", "em_open") or \
            kids[-1].type != kids[0].type.replace("open", "close"):
        return False
    depth = 0
    for c in kids[:-1]:
        depth += c.type == kids[0].type
        depth -= c.type == kids[-1].type
        if depth == 0 or c.type in ("link_open", "image", "html_inline"):
            return False   # "**Batches** -- group your jobs ...", "**[Buy now](/buy)**"
    t = blk.text.strip()
    return 0 < len(t.split()) <= 8 and not t.endswith((".", "!", "?", ":", ",", ";"))
