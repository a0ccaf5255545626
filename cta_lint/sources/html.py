"""HTML email templates and MJML: lxml builds the tree, a cursor aligns it with the source.

lxml (libxml2) is fast and forgiving but reports only a line per element and nothing for text.
We walk its tree in document order and move a cursor through the (template-masked) source:
each start tag is found from the cursor, each text node is the raw run at the cursor (decoded
here, entity by entity, so every visible character keeps its exact source offset), each end tag
is consumed when it is really there. Markup lxml dropped (stray end tags, conditional-comment
debris) is skipped. The result is a list of Blocks whose spans point into the original file.
"""
from __future__ import annotations

import html as _html
import re

from ..document import (BUTTON, DIVIDER, HEADING, ITEM, PARAGRAPH,
                        QUOTE, Block, Document, Link, TextBuilder)
from . import templates

_ENTITY = re.compile(r"&(?:#[0-9]{1,7};?|#[xX][0-9a-fA-F]{1,6};?|[A-Za-z][A-Za-z0-9]{1,31};?)")
_MARKUP = re.compile(r"<[A-Za-z/!?]")
_TAG_END = re.compile(r"""(?:[^>"']|"[^"]*"|'[^']*')*>""")
_ZERO_WIDTH = set("\u200b\u200c\u200d\u2060\ufeff\u034f\u00ad\u180e")
_XML_DECL = re.compile(r"^\s*<\?xml[^>]*\?>")

SKIP = {"head", "style", "script", "title", "template", "noscript", "object", "svg", "iframe",
        "mj-head", "mj-style", "mj-attributes", "mj-title", "mj-font", "mj-breakpoint",
        "mj-html-attributes", "xml", "textarea", "select", "option", "map"}
INLINE = {"a", "span", "strong", "b", "em", "i", "u", "font", "sup", "sub", "small", "big", "mark",
          "code", "abbr", "label", "s", "strike", "del", "ins", "q", "cite", "kbd", "var", "time",
          "img", "wbr", "o:p", "tt", "nobr", "bdi", "bdo", "dfn", "samp", "data"}
HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
LISTS = {"ul", "ol", "mj-list"}
BUTTONISH = {"mj-button", "button"}
LINKISH = {"a", "mj-button", "mj-navbar-link", "mj-social-element", "mj-image", "mj-carousel-image"}

_HIDDEN_STYLE = re.compile(
    r"display\s*:\s*none|visibility\s*:\s*hidden|(?:^|;|\s)(?:max-)?height\s*:\s*0(?:px)?\s*(?:!important)?\s*(?:;|$)"
    r"[^\"]*overflow\s*:\s*hidden|overflow\s*:\s*hidden[^\"]*(?:^|;|\s)max-height\s*:\s*0|"
    r"font-size\s*:\s*0(?:px)?\s*(?:!important)?\s*(?:;|$)|opacity\s*:\s*0(?:\.0)?\s*(?:;|$)",
    re.I)
_FONT_SIZE = re.compile(r"font-size\s*:\s*(\d+(?:\.\d+)?)\s*(px|pt|em|rem)?", re.I)
_BOLD = re.compile(r"font-weight\s*:\s*(?:bold|[6-9]00)", re.I)
_BUTTON_STYLE = re.compile(r"(?:background(?:-color)?\s*:\s*#?\w+).*(?:padding|display\s*:\s*(?:inline-)?block)|"
                           r"(?:padding[^;]*;).*background(?:-color)?\s*:", re.I | re.S)
_CSS_RULE = re.compile(r"([^{}@]+)\{([^{}]*)\}")
_DISPLAY_NONE = re.compile(r"display\s*:\s*none", re.I)
_LAST_CLASS = re.compile(r"\.([A-Za-z_][\w-]*)[^.\s>+~]*\s*$")
_STYLE_BLOCK = re.compile(r"<style\b[^>]*>(.*?)</style\s*>", re.I | re.S)


def _class_styles(masked: str) -> tuple[set[str], dict[str, float]]:
    """From <style> blocks, outside @media queries (they apply only on some screens): the
    classes declared ``display:none``, and the font size each class sets."""
    hidden: set[str] = set()
    fonts: dict[str, float] = {}
    for m in _STYLE_BLOCK.finditer(masked):
        css = m.group(1)
        buf, i = [], 0
        while i < len(css):
            j = css.find("@media", i)
            if j == -1:
                buf.append(css[i:])
                break
            buf.append(css[i:j])
            k = css.find("{", j)
            if k == -1:
                break
            depth, k = 1, k + 1
            while k < len(css) and depth:
                c = css[k]
                depth += c == "{"
                depth -= c == "}"
                k += 1
            i = k
        for rm in _CSS_RULE.finditer("".join(buf)):
            body = rm.group(2)
            hide = bool(_DISPLAY_NONE.search(body))
            fm = _FONT_SIZE.search(body)
            size = _px(fm) if fm else 0.0
            if not hide and not size:
                continue
            for sel in rm.group(1).split(","):
                cm = _LAST_CLASS.search(sel)
                if not cm:
                    continue
                cls = cm.group(1).lower()
                if hide:
                    hidden.add(cls)
                if size:
                    fonts[cls] = size   # later rules win, as in CSS
    return hidden, fonts


def _is_hidden(el, hidden_classes: set[str]) -> bool:
    style = el.get("style")
    if style and _HIDDEN_STYLE.search(style):
        return True
    if el.get("hidden") is not None:
        return True
    if hidden_classes:
        cls = el.get("class")
        if cls and any(c.lower() in hidden_classes for c in cls.split()):
            return True
    if el.get("css-class") and hidden_classes:
        if any(c.lower() in hidden_classes for c in el.get("css-class").split()):
            return True
    return False


def _px(m) -> float:
    size = float(m.group(1))
    unit = (m.group(2) or "px").lower()
    if unit == "pt":
        size *= 1.333
    elif unit in ("em", "rem"):
        size *= 16
    return size


def _font_px(el, class_fonts: dict[str, float]) -> float:
    style = el.get("style") or ""
    m = _FONT_SIZE.search(style)
    if not m and el.get("font-size"):
        m = _FONT_SIZE.search("font-size:" + el.get("font-size"))
    if m:
        return _px(m)
    if class_fonts:
        cls = el.get("class")
        if cls:
            return max((class_fonts.get(c.lower(), 0.0) for c in cls.split()), default=0.0)
    return 0.0


class _Frame:
    __slots__ = ("tag", "kind", "level", "group", "ordered", "hidden", "skip", "heading", "link",
                 "button", "opened")

    def __init__(self, tag, kind, level=0, group=-1, ordered=False, hidden=False, skip=False,
                 heading=0, link=None, button=False):
        self.tag = tag
        self.kind = kind
        self.level = level
        self.group = group
        self.ordered = ordered
        self.hidden = hidden
        self.skip = skip
        self.heading = heading
        self.link = link
        self.button = button
        self.opened = False


class _Walker:
    def __init__(self, source: str, masked: str, base: int = 0):
        self.src = masked
        self.low = masked.lower()
        self.base = base          # offset of this fragment in the whole source (markdown html)
        self.cur = 0
        self.blocks: list[Block] = []
        self.hidden_text: list[str] = []
        self.tb = TextBuilder()
        self.tb_frame: _Frame | None = None
        self.hidden_classes, self.class_fonts = (_class_styles(masked) if "<style" in self.low
                                                 else (set(), {}))
        self.group_seq = 0
        self.links_open: list[tuple[Link, list[str], int]] = []
        self.open_tags: list[str] = []
        self.preheader: str | None = None
        self.subject: str | None = None
        self.form_action: str | None = None

    # -- cursor alignment -------------------------------------------------------------------
    def find_start(self, tag: str) -> int:
        """Find ``<tag`` from the cursor; return its end offset or -1 (implied element)."""
        low = self.low
        needle = "<" + tag
        p = low.find(needle, self.cur)
        while p != -1:
            q = p + len(needle)
            if q >= len(low) or low[q] in " \t\r\n/>":
                m = _TAG_END.match(self.src, q)
                if m is None:
                    return -1
                return m.end()
            p = low.find(needle, q)
        return -1

    def skip_markup(self) -> None:
        """Skip markup at the cursor that lxml did not keep (stray tags, debris)."""
        src, low = self.src, self.low
        while self.cur < len(src) and src[self.cur] == "<" and _MARKUP.match(src, self.cur):
            c = self.cur
            if low.startswith("<!--", c):
                e = src.find("-->", c + 4)
                self.cur = len(src) if e == -1 else e + 3
            elif low.startswith("<!", c) or low.startswith("<?", c):
                e = src.find(">", c)
                self.cur = len(src) if e == -1 else e + 1
            else:
                m = _TAG_END.match(src, c + 1)
                if m is None:
                    return
                self.cur = m.end()

    def text_run(self) -> tuple[int, int]:
        self.skip_markup()
        start = self.cur
        m = _MARKUP.search(self.src, start)
        end = m.start() if m else len(self.src)
        self.cur = end
        return start, end

    def consume_end(self, tag: str) -> None:
        low = self.low
        c = self.cur
        open_set = set(self.open_tags)
        while low.startswith("</", c):
            m = _TAG_END.match(self.src, c + 2)
            if m is None:
                return
            name = low[c + 2:m.end() - 1].strip().split(None, 1)[0] if m.end() - 1 > c + 2 else ""
            if name == tag:
                self.cur = m.end()
                return
            if name in open_set:
                return  # closes an ancestor: this element's end was implied
            c = m.end()  # stray end tag lxml dropped
            self.cur = c
        # comments or conditional debris between: leave them for skip_markup

    # -- text --------------------------------------------------------------------------------
    def add_text(self, frame: _Frame, lxml_text: str) -> None:
        start, end = self.text_run()
        raw = self.src[start:end]
        if not raw.strip():
            if not lxml_text.strip():
                return
            # misaligned: find the first word of lxml's text from here
            word = lxml_text.split()[0]
            p = self.src.find(word, start)
            if p == -1:
                return
            start = p
            m = _MARKUP.search(self.src, p)
            end = m.start() if m else len(self.src)
            self.cur = end
            raw = self.src[start:end]
        if frame.skip:
            return
        if frame.hidden:
            self.hidden_text.append(_html.unescape(raw))
            return
        if self.tb.empty:
            self.tb_frame = frame
        tb = self.tb
        base = self.base + start
        pos = 0
        link_parts = [lp for _, lp, _ in self.links_open]
        for m in _ENTITY.finditer(raw) if "&" in raw else ():
            if m.start() > pos:
                piece = raw[pos:m.start()]
                tb.add(piece, base + pos)
                for lp in link_parts:
                    lp.append(piece)
            dec = _html.unescape(m.group(0))
            if dec and dec not in _ZERO_WIDTH and not all(ch in _ZERO_WIDTH for ch in dec):
                if dec.isspace():
                    tb.add(" ", base + m.start())
                else:
                    tb.add_mapped(dec, base + m.start())
                for lp in link_parts:
                    lp.append(dec)
            pos = m.end()
        if pos < len(raw):
            piece = raw[pos:]
            tb.add(piece, base + pos)
            for lp in link_parts:
                lp.append(piece)

    def add_alt(self, frame: _Frame, alt: str, offset: int) -> None:
        if frame.skip or frame.hidden or not alt.strip():
            return
        if self.tb.empty:
            self.tb_frame = frame
        self.tb.soft_space()
        self.tb.add_mapped(alt, self.base + offset)
        self.tb.soft_space()
        for _, lp, _ in self.links_open:
            lp.append(" " + alt + " ")

    def flush(self) -> None:
        tb = self.tb
        if tb.empty:
            return
        f = self.tb_frame
        kind, level, group, ordered = PARAGRAPH, 0, -1, False
        if f is not None:
            kind, level, group, ordered = f.kind, f.level, f.group, f.ordered
            if f.button:
                kind = BUTTON
        block = tb.build(kind, level=level, group=group, ordered=ordered)
        self.tb = TextBuilder()
        self.tb_frame = None
        if block is not None:
            self.blocks.append(block)

    # -- the walk -----------------------------------------------------------------------------
    def run(self, root) -> None:
        from lxml import etree
        Comment, PI = etree.Comment, etree.ProcessingInstruction
        top = _Frame("#root", PARAGRAPH)
        stack: list[tuple[object, object, _Frame]] = []
        frame = self.enter(root, top)
        stack.append((root, iter(root), frame))
        if root.text:
            self.add_text(frame, root.text)
        while stack:
            el, it, frame = stack[-1]
            child = next(it, None)
            if child is None:
                stack.pop()
                self.leave(el, frame)
                if stack and el.tail:
                    self.add_text(stack[-1][2], el.tail)
                continue
            tag = child.tag
            if tag is Comment or tag is PI or not isinstance(tag, str):
                self.skip_comment(tag is Comment)
                if child.tail:
                    self.add_text(frame, child.tail)
                continue
            cframe = self.enter(child, frame)
            if len(child) == 0 and not child.text:
                # leaf: handle start and end together
                self.leave(child, cframe)
                if child.tail:
                    self.add_text(frame, child.tail)
                continue
            stack.append((child, iter(child), cframe))
            if child.text:
                self.add_text(cframe, child.text)

    def skip_comment(self, is_comment: bool) -> None:
        src = self.src
        if is_comment:
            p = src.find("<!--", self.cur)
            if p != -1:
                e = src.find("-->", p + 4)
                self.cur = len(src) if e == -1 else e + 3
        else:
            p = src.find("<?", self.cur)
            if p != -1:
                e = src.find(">", p)
                self.cur = len(src) if e == -1 else e + 1

    def enter(self, el, parent: _Frame) -> _Frame:
        tag = el.tag.lower() if isinstance(el.tag, str) else "#"
        if ":" in tag and not tag.startswith("mj"):
            tag = tag  # namespaced (o:p, v:roundrect): treated as unknown inline-ish
        end = self.find_start(tag)
        tag_start = -1
        if end != -1:
            tag_start = self.low.rfind("<" + tag, self.cur, end)
            self.cur = end
        self.open_tags.append(tag)
        skip = parent.skip or tag in SKIP
        hidden = parent.hidden or (not skip and _is_hidden(el, self.hidden_classes))
        block_level = tag not in INLINE
        kind, level, group, ordered = parent.kind, parent.level, parent.group, parent.ordered
        button = parent.button
        heading = parent.heading
        if block_level and not skip:
            self.flush()
            if tag in HEADINGS:
                kind, level = HEADING, HEADINGS[tag]
            elif tag == "li":
                kind = ITEM
            elif tag in LISTS:
                self.group_seq += 1
                group = self.group_seq
                ordered = tag == "ol"
                level = parent.level + 1 if parent.kind == ITEM else 1
                kind = parent.kind
            elif tag == "blockquote":
                kind = QUOTE
            elif tag in ("hr", "mj-divider"):
                if not hidden:
                    self.blocks.append(Block(kind=DIVIDER, text="", anchors=[], srcs=[],
                                             end=self.base + max(end, 0)))
            elif tag in BUTTONISH:
                button = True
            elif tag in ("p", "div", "td", "th", "mj-text", "tr", "table", "center"):
                if parent.kind in (HEADING, ITEM, QUOTE) and tag in ("p", "div"):
                    pass
                else:
                    kind, level = PARAGRAPH, 0
                    px = _font_px(el, self.class_fonts)
                    if px >= 20 or (px >= 17 and _BOLD.search(el.get("style") or "")):
                        kind, level = HEADING, 2
        elif tag == "br" and not skip:
            self.flush()
        if tag == "mj-preview":
            skip = True
            text = "".join(el.itertext()).strip()
            if text:
                self.preheader = " ".join(text.split())
        frame = _Frame(tag, kind, level, group, ordered, hidden, skip, heading, parent.link, button)
        if tag == "li" and parent.tag in LISTS:
            frame.group, frame.ordered = parent.group, parent.ordered
            frame.level = parent.level
        if not skip and tag in LINKISH:
            href = el.get("href")
            if tag == "a" or href is not None or tag == "mj-button":
                off = tag_start if tag_start != -1 else self.cur
                link = Link(text="", href=href, start=self.base + off, end=self.base + off)
                if tag == "mj-button" or (tag == "a" and _BUTTON_STYLE.search(el.get("style") or "")):
                    frame.button = True
                if tag == "mj-image":
                    link.image = True
                    link.text = el.get("alt") or el.get("title") or ""
                    if href is not None and not hidden:
                        self.attach(link, frame)
                        self.add_alt(frame, link.text, off)
                        self.flush()
                else:
                    self.links_open.append((link, [], len(self.blocks)))
                    frame.link = link
                    frame.opened = True
        if tag == "form" and not skip:
            self.form_action = el.get("action")
        if tag in ("input", "button") and not skip and not hidden:
            typ = (el.get("type") or ("submit" if tag == "button" else "text")).lower()
            if typ in ("submit", "image", "button") and tag == "input":
                label = el.get("value") or el.get("alt") or el.get("title") or ""
                if label.strip():
                    off = tag_start if tag_start != -1 else self.cur
                    self.flush()
                    link = Link(text=" ".join(label.split()), href=self.form_action,
                                start=self.base + off, end=self.base + max(end, off))
                    bframe = _Frame(tag, PARAGRAPH, button=True)
                    self.attach(link, bframe)
                    self.add_alt(bframe, label, off)
                    self.flush()
        if tag == "img" and parent.link is not None and not skip:
            alt = el.get("alt") or ""
            if alt.strip():
                parent.link.image = True
                self.add_alt(frame, alt, tag_start if tag_start != -1 else self.cur)
        return frame

    def attach(self, link: Link, frame: _Frame) -> None:
        if self.tb.empty:
            self.tb_frame = frame
        self.tb.links.append(link)

    def leave(self, el, frame: _Frame) -> None:
        tag = frame.tag
        if tag not in ("br", "img", "hr", "meta", "link", "input", "col", "area", "base", "wbr",
                       "source", "mj-image", "mj-divider", "mj-spacer"):
            self.consume_end(tag)
        if self.open_tags:
            self.open_tags.pop()
        if frame.opened and self.links_open and self.links_open[-1][0] is frame.link:
            link, parts, nblocks = self.links_open.pop()
            link.text = " ".join("".join(parts).split())
            link.end = self.base + self.cur
            if link.text or link.image:
                if not frame.hidden:
                    # attach to the block being built, or the last one built inside the link
                    if not self.tb.empty or len(self.blocks) == nblocks:
                        self.attach(link, frame)
                    else:
                        self.blocks[-1].links.append(link)
        if tag in ("title", "mj-title") and self.subject is None:
            t = " ".join("".join(el.itertext()).split())
            self.subject = t or None
        if tag not in INLINE and not frame.skip:
            self.flush()


def _parse(masked: str):
    from lxml import etree
    parser = etree.HTMLParser(remove_comments=False, recover=True, no_network=True,
                              remove_pis=False, compact=True, default_doctype=False)
    try:
        root = etree.fromstring(masked, parser)
    except (etree.XMLSyntaxError, ValueError):
        root = None
    for err in parser.error_log.filter_from_fatals():
        if "Excessive depth" in err.message:
            # libxml2 stops at 256 levels and drops the rest: linting what is left would
            # report on a truncated document, so say so instead
            from . import ReadError
            raise ReadError("elements nested deeper than 256 levels (the HTML parser's limit)")
    return root


def read_fragment(masked: str, base: int = 0) -> tuple[list[Block], list[str]]:
    """Parse an HTML fragment (already masked) whose offsets start at ``base``."""
    root = _parse(masked)
    if root is None:
        return [], []
    w = _Walker(masked, masked, base)
    w.run(root)
    w.flush()
    return w.blocks, w.hidden_text


def read(source: str, fmt: str = "html") -> Document:
    m = templates.mask(source)
    masked = m.text
    decl = _XML_DECL.match(masked)
    if decl:
        masked = " " * decl.end() + masked[decl.end():]
    doc = Document(source=source, format=fmt)
    for off, msg in m.notes:
        doc.notes.append(msg)
    root = _parse(masked) if masked.strip() else None
    if root is None:
        if masked.strip():
            root = _parse_with_bs4(masked)
        if root is None:
            return doc
    w = _Walker(source, masked)
    w.run(root)
    w.flush()
    doc.blocks = w.blocks
    if w.preheader:
        doc.preheader = w.preheader
    elif w.hidden_text:
        ph = " ".join(" ".join(w.hidden_text).split())
        ph = "".join(ch for ch in ph if ch not in _ZERO_WIDTH).strip()
        doc.preheader = ph or None
    doc.subject = w.subject
    for b in doc.blocks:
        for ln in b.links:
            if ln.href is not None:
                ln.templated_href = _overlaps(m.expressions, ln.start, ln.end) or "{{" in ln.href
    return doc


def _overlaps(spans, start, end) -> bool:
    for s, e in spans:
        if s < end and e > start:
            return True
    return False


def _parse_with_bs4(masked: str):
    """Markup libxml2 refused outright: let bs4's lenient tokenizer rebuild it, then parse that.

    Offsets are then only approximate; this path is rare (lxml recovers from almost anything).
    """
    try:
        from bs4 import BeautifulSoup  # lazy: costs ~250 ms of import
        soup = BeautifulSoup(masked, "html.parser")
        return _parse(str(soup))
    except Exception:
        return None
