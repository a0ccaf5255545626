"""The walk: lxml's tree in document order, with a cursor through the (template-masked)
source that moves only where an offset is reported, so every Block keeps exact spans."""
from __future__ import annotations

from ...document import DIVIDER, HEADING, ITEM, PARAGRAPH, QUOTE, Block, Link, TextBuilder
from .blocks import _TextRuns
from .links import _Links
from .markup import _ASCII_LOWER, _MARKUP_RUN, _TAG_END, _WS_BEFORE_END
from .styles import (_NO_FACTS, _STYLE_FACTS, _attr_px, _class_styles, _sets_size,
                     _style_bold, _style_facts)
from .tags import (_C_BUTTON, _C_DIVIDER, _C_HEADING, _C_ITEM, _C_LIST, _C_NONE, _C_PARA,
                   _C_QUOTE, _REPLACED, _ROOT, _TAGS, _Frame, _Tag, _breaking, _tag_info)


class _Walker(_TextRuns, _Links):
    """The walk over lxml's tree with a cursor through the (masked) source: the text runs
    and blocks are built by _TextRuns (blocks.py), links and buttons by _Links (links.py)."""

    # The cursor goes only where an offset is reported (text, links, images, inputs,
    # dividers); the tests set this to look for every tag, as the walk once did, and compare
    locate_all = False

    def __init__(self, source: str, masked: str, base: int = 0):
        self.src = masked
        # The cursor reads positions in both strings, so they must line up. lower() keeps every
        # position unless a character lengthens (U+0130 "İ" becomes two): then only ASCII
        # letters are lowered (tag names are ASCII, and libxml2 folds only those). Kelvin
        # sign, the one other character lower() makes ASCII, is folded only that way too.
        low = masked.lower()
        if len(low) != len(masked) or "\u212a" in masked:
            low = masked.translate(_ASCII_LOWER)
        self.low = low
        self.base = base          # offset of this fragment in the whole source (markdown html)
        self.cur = 0
        self.blocks: list[Block] = []
        self.hidden_text: list[str] = []
        self.tb = TextBuilder()
        self.tb_frame: _Frame | None = None
        self.css_hiding, self.class_fonts = (_class_styles(masked) if "<style" in self.low
                                             else (None, {}))
        self.group_seq = 0
        self.links_open: list[tuple[Link, list[str], int]] = []
        self.preheader: str | None = None
        self.subject: str | None = None
        self.form_action: str | None = None

    # -- cursor alignment -------------------------------------------------------------------
    def skip_markup(self) -> None:
        """Skip markup at the cursor that lxml did not keep (stray tags, debris)."""
        self.cur = _MARKUP_RUN.match(self.src, self.cur).end()

    def consume_end(self, tag: str, stack) -> None:
        """Consume this element's end tag at the cursor, and stray end tags lxml dropped before
        it; stop at one that closes an open ancestor (``stack``: the walk's open elements)."""
        low = self.low
        c = self.cur
        open_tags = None
        while True:
            # (whitespace text does not move the cursor: stepped over here)
            w = _WS_BEFORE_END.match(self.src, c)
            if w is None:
                return
            c = w.end()
            m = _TAG_END.match(self.src, c + 2)
            if m is None:
                return
            name = low[c + 2:m.end() - 1].strip().split(None, 1)[0] if m.end() - 1 > c + 2 else ""
            if name == tag:
                self.cur = m.end()
                return
            if open_tags is None:
                open_tags = {info.tag for info, _, _ in stack[1:] if info is not None}
            if name in open_tags:
                return  # closes an ancestor: this element's end was implied
            c = m.end()  # stray end tag lxml dropped
            self.cur = c

    # -- the walk -----------------------------------------------------------------------------
    def run(self, root) -> None:
        """Walk the tree in document order: an element's start, its text, its children, its
        end, then its tail (the root's tail is not the document's).

        This is the hot loop (a table-layout email has ~330 elements and ~650 text nodes, most
        of them indentation), so the common steps are written out here with locals: the cursor
        moves to each start tag, whitespace text that lines up with the source is stepped over,
        "</tag>" at the cursor is consumed. Everything else goes through the methods below.
        Each open element is (its _Tag, its _Frame, whether it opened a link); an element that
        changes nothing its parent's frame says shares that frame.
        """
        from lxml import etree
        Comment = etree.Comment
        src, low = self.src, self.low
        nsrc, nlow = len(src), len(low)
        tag_end = _TAG_END.match
        tags_get = _TAGS.get
        facts_get = _STYLE_FACTS.get
        add_text, add_space = self.add_text, self.add_space
        locate_all = self.locate_all
        css_hiding, class_fonts = self.css_hiding, self.class_fonts
        stack: list[tuple[_Tag | None, _Frame | None, bool]] = [(_ROOT, _Frame(PARAGRAPH), False)]
        push, pop = stack.append, stack.pop
        for event, el in etree.iterwalk(root, events=("start", "end", "comment", "pi")):
            if event == "start":
                name = el.tag
                info = tags_get(name)
                if info is None:
                    if not isinstance(name, str):
                        # an entity reference, if a parser ever makes one: skipped like a PI
                        self.skip_pi()
                        text = el.tail
                        if text and not text.isspace():
                            add_text(stack[-1][1], text)
                        push((None, None, False))
                        continue
                    info = _tag_info(name)
                parent = stack[-1][1]
                # move the cursor past "<tag ...>" (end -1: lxml implied the element), for the
                # tags whose offsets are reported; the others are stepped over by the next text
                cur0 = self.cur
                end = -1
                p = (low.find(info.needle, cur0) if info.located or self.links_open or locate_all
                     else -1)   # (inside a link, every tag: its end is where the cursor is)
                while p != -1:
                    q = p + info.nlen
                    if q < nlow and low[q] == ">":
                        # "<tr>", "<strong>": what tag_end matches there, the short way (src
                        # has ">" there too: lower() moved nothing)
                        end = q + 1
                        self.cur = end
                        break
                    if q >= nlow or low[q] in " \t\r\n/>":
                        m = tag_end(src, q)
                        if m is not None:
                            end = m.end()
                            self.cur = end
                        break
                    p = low.find(info.needle, q)
                # the element's frame: its parent's unless it changes something (a frame that
                # differs only in being skipped, or hidden and not skipped, is made in the
                # branch that knows which)
                frame = parent
                if parent.skip or info.skip:
                    style = None
                    if not parent.skip:
                        frame = _Frame(parent.kind, parent.level, parent.group, parent.ordered,
                                       parent.hidden, True, parent.link, parent.button,
                                       parent.zero)
                        if info.tag in _REPLACED:   # shows something between its neighbours
                            self.break_words()
                            info = _breaking(info)
                else:
                    style = el.get("style")
                    facts = (facts_get(style) or _style_facts(style)) if style else _NO_FACTS
                    if (facts[0] or el.get("hidden") is not None or parent.hidden and
                            not parent.zero or css_hiding is not None and
                            css_hiding.hides(el)):
                        hidden, zero = True, False      # hidden whatever its content says
                    elif facts[2]:
                        hidden = zero = True            # font-size 0
                    elif facts[1] is not None:
                        hidden = zero = False           # sets a size: shown, even under a 0
                    elif parent.zero and _sets_size(el, name, class_fonts):
                        hidden = zero = False           # sets one by a class or an attribute
                    else:
                        hidden = zero = parent.zero     # the size it inherits
                    if info.inline:
                        if facts[3]:   # laid out as a block: a word break at each end
                            self.break_words()
                            info = _breaking(info)
                    else:
                        if self.tb.length:
                            self.flush()
                        if self.links_open:
                            self.break_links()
                        cat = info.cat
                        if cat == _C_PARA:
                            kind = parent.kind
                            if kind in (HEADING, ITEM, QUOTE) and info.tag in ("p", "div"):
                                pass
                            else:
                                px = facts[1]
                                if px is None:  # no font size in the style attribute
                                    size = el.get("font-size")
                                    px = (_attr_px(el, size, class_fonts)
                                          if size or class_fonts else 0.0)
                                if px >= 20 or (px >= 17 and style and _style_bold(style)):
                                    if kind != HEADING or parent.level != 2:
                                        frame = _Frame(HEADING, 2, parent.group, parent.ordered,
                                                       hidden, False, parent.link, parent.button,
                                                       zero)
                                elif kind != PARAGRAPH or parent.level != 0:
                                    frame = _Frame(PARAGRAPH, 0, parent.group, parent.ordered,
                                                   hidden, False, parent.link, parent.button, zero)
                        elif cat != _C_NONE:
                            frame = self.block_frame(info, parent, hidden, end, zero)
                    if frame is parent and (hidden is not parent.hidden or zero is not parent.zero):
                        frame = _Frame(parent.kind, parent.level, parent.group, parent.ordered,
                                       hidden, False, parent.link, parent.button, zero)
                if info.special and (parent.link is not None or info.tag != "img"):
                    # (an image outside a link: enter_special would hand back frame, False)
                    frame, opened = self.enter_special(el, info, parent, frame, end, cur0, style)
                    push((info, frame, opened))
                else:
                    push((info, frame, False))
                text = el.text   # the element's own text, in its frame
            elif event == "end":
                info, frame, opened = pop()
                if info is None:
                    continue
                if not info.void and (info.located or self.links_open or locate_all):
                    # (a link's end is reported: inside one, every end tag is consumed, so
                    # that "</span>" is never taken for an open ancestor's)
                    c = self.cur
                    close = info.close
                    if close is not None and low.startswith(close, c):
                        self.cur = c + len(close)  # what consume_end finds, the short way
                    else:
                        self.consume_end(info.tag, stack)
                if opened or info.titled:
                    self.leave_special(el, info, frame, opened)
                if not info.inline and not frame.skip:
                    if self.tb.length:
                        self.flush()
                    if self.links_open:
                        self.break_links()
                elif info.breaks:
                    self.break_words()
                if el is root:   # (the root's tail is not the document's)
                    continue
                text = el.tail   # the tail, in the parent's frame
                frame = stack[-1][1]
            else:  # comment, processing instruction
                if el.tag is Comment:
                    # "<!-- ... -->", or a bogus comment the parser also makes one of: Outlook's
                    # downlevel-revealed "<![if !mso]>" / "<![endif]>", "<!x ...>"
                    p = src.find("<!", self.cur)
                    if p != -1:
                        long = src.startswith("<!--", p)
                        e = src.find("-->" if long else ">", p + (4 if long else 2))
                        self.cur = nsrc if e == -1 else e + (3 if long else 1)
                else:
                    self.skip_pi()
                text = el.tail
                frame = stack[-1][1]
            if text:
                if text.isspace():
                    # whitespace (most text nodes: the indentation between tags) adds at most
                    # the space between two inline elements' words, which has no position:
                    # the cursor stays, the next text steps over it
                    if self.tb.length and not frame.skip and (not frame.hidden or frame.zero):
                        add_space(frame)
                else:
                    add_text(frame, text)

    def block_frame(self, info: _Tag, parent: _Frame, hidden: bool, end: int,
                    zero: bool) -> _Frame:
        """The frame a heading, list, list item, quote, divider or button element starts."""
        kind, level, group, ordered = parent.kind, parent.level, parent.group, parent.ordered
        button = parent.button
        cat = info.cat
        if cat == _C_HEADING:
            kind, level = HEADING, info.level
        elif cat == _C_ITEM:
            kind = ITEM
        elif cat == _C_LIST:
            self.group_seq += 1
            group = self.group_seq
            ordered = info.tag == "ol"
            level = parent.level + 1 if parent.kind == ITEM else 1
            kind = parent.kind
        elif cat == _C_QUOTE:
            kind = QUOTE
        elif cat == _C_DIVIDER:
            if not hidden:
                self.blocks.append(Block(kind=DIVIDER, text="", anchors=[], srcs=[],
                                         end=self.base + max(end, 0)))
        elif cat == _C_BUTTON:
            button = True
        return _Frame(kind, level, group, ordered, hidden, False, parent.link, button, zero)

    def skip_pi(self) -> None:
        """Move the cursor past the next processing instruction ("<?...>"; comments are done
        in run)."""
        src = self.src
        p = src.find("<?", self.cur)
        if p != -1:
            e = src.find(">", p)
            self.cur = len(src) if e == -1 else e + 1
