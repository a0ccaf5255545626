"""Text runs into Blocks: the walk hands over each text node with the frame it stands in; the
raw run at the cursor is decoded reference by reference into the block being built (and the
text of the links open around it), and a block is flushed when a block-level element starts or
ends. A mixin of the walker (walk.py), whose state it uses."""
from __future__ import annotations

from ...document import BUTTON, INVISIBLE, PARAGRAPH, Block, TextBuilder
from .markup import (_BREAKING_END, _ENTITIES, _MARKUP, _REF, _SKIP_MARKUP, _entity,
                     _unescape)
from .tags import _Frame


class _TextRuns:
    """The walker's text and blocks (see walk._Walker for the state)."""

    # -- text --------------------------------------------------------------------------------
    def add_text(self, frame: _Frame, lxml_text: str) -> None:
        """Add the raw run at the cursor (after markup lxml dropped, up to the next markup) that
        stands for lxml's text node ``lxml_text`` (not whitespace only: that has no position,
        see run), decoding entities one by one."""
        src = self.src
        # the tags since the last text (the cursor lags behind all but the located ones), and
        # markup lxml dropped: stepped over, with the whitespace between them
        start = _SKIP_MARKUP.match(src, self.cur).end()
        end = self.run_end(start)
        raw = src[start:end]
        while end < len(src) and "&" in raw and _unescape(raw).isspace():
            # a whitespace run written with references ("&nbsp;" between two tags): a text
            # node of its own the cursor stayed behind, not this one
            start = _SKIP_MARKUP.match(src, end).end()
            end = self.run_end(start)
            raw = src[start:end]
        if not raw or raw.isspace():   # (not raw.strip(), without the copy)
            # misaligned (lxml's text is never whitespace only here): find the first word of
            # lxml's text from here
            start = src.find(lxml_text.split()[0], start)
            if start == -1:
                self.cur = end
                return
            end = self.run_end(start)
            raw = src[start:end]
        self.cur = end
        if end < len(src) and (len(lxml_text) > len(raw) or "&" in raw):
            got = _unescape(raw) if "&" in raw else raw
            if len(got) < len(lxml_text) and lxml_text.startswith(got):
                # lxml's text goes on past the markup here: a stray end tag it dropped
                # ("Limited offer</span> ends Friday"), whose two sides are one text node
                self.add_continued(frame, lxml_text, got, raw, start)
                return
        if frame.skip:
            return
        self.add_run(frame, raw, start)

    def run_end(self, start: int) -> int:
        """Where the raw text run at ``start`` ends: at the next markup, or the end."""
        m = _MARKUP.search(self.src, start)
        return m.start() if m else len(self.src)

    def add_continued(self, frame: _Frame, lxml_text: str, got: str, raw: str,
                      start: int) -> None:
        """Add a text node that the source splits with markup lxml dropped: the run at
        ``start`` (decoded: ``got``), then, past each piece of dropped markup, the next run,
        while lxml's text ``lxml_text`` goes on with what it decodes to."""
        src = self.src
        runs = [(raw, start, False)]
        while len(got) < len(lxml_text):
            end = self.cur
            self.skip_markup()
            nxt = self.cur
            stop = self.run_end(nxt)
            piece = src[nxt:stop]
            more = _unescape(piece) if "&" in piece else piece
            if nxt == end or not piece or not lxml_text.startswith(more, len(got)):
                self.cur = end   # not dropped markup after all: leave it to the walk
                break
            got += more
            # a browser reads a stray "</br>" as <br> and a stray "</p>" as an empty paragraph:
            # the text after it starts a new block (libxml2 drops both)
            runs.append((piece, nxt, _BREAKING_END.search(src, end, nxt) is not None))
            self.cur = stop
        if not frame.skip:
            for raw, start, breaks in runs:
                if breaks:
                    if self.tb.length:
                        self.flush()
                    if self.links_open:
                        self.break_links()
                self.add_run(frame, raw, start)

    def add_run(self, frame: _Frame, raw: str, start: int) -> None:
        """Add the source run ``raw`` at ``start`` to the block being built (or to the hidden
        text), decoding entities one by one and leaving zero-width characters out."""
        if frame.hidden:
            self.hidden_text.append(_unescape(raw))
            return
        tb = self.tb
        if not tb.length:
            self.tb_frame = frame
        base = self.base + start
        links_open = self.links_open
        if "&" not in raw and (raw.isascii() or INVISIBLE.search(raw) is None):
            tb.add(raw, base)
            for _, lp, _ in links_open:
                lp.append(raw)
            return
        pos = 0
        link_parts = [lp for _, lp, _ in links_open] if links_open else ()
        for m in _REF.finditer(raw):
            at, after = m.span()
            if at > pos:
                piece = raw[pos:at]
                tb.add(piece, base + pos)
                for lp in link_parts:
                    lp.append(piece)
            ref = m.group()
            dec, visible = _ENTITIES.get(ref) or _entity(ref)
            if visible:
                if dec.isspace():
                    tb.add(" ", base + at)
                else:
                    tb.add_mapped(dec, base + at)
                for lp in link_parts:
                    lp.append(dec)
            pos = after
        if pos < len(raw):
            piece = raw[pos:]
            tb.add(piece, base + pos)
            for lp in link_parts:
                lp.append(piece)

    def add_space(self, frame: _Frame) -> None:
        """A whitespace-only run inside the block being built: the words on either side are
        separate words, in the block and in the links open around it (also where the font size
        is 0: the space between two columns of a gap-free layout still separates their words)."""
        if frame.skip or frame.hidden and not frame.zero:
            return
        self.tb.space = True
        self.break_links()

    def break_words(self) -> None:
        """Words on the two sides of here are separate words (an inline element laid out as a
        block starts or ends), in the block being built and in the open links."""
        if self.tb.length:
            self.tb.space = True
        if self.links_open:
            self.break_links()

    def break_links(self) -> None:
        """A block-level element starts or ends inside the open links ("<a>Book<br>a demo</a>",
        "<a><p>Get</p><p>started</p></a>"): their text has a word break there too."""
        for _, lp, _ in self.links_open:
            lp.append(" ")

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
        if not tb.length:
            return
        f = self.tb_frame
        self.tb = TextBuilder()
        self.tb_frame = None
        # tb.build(kind, level=..., group=..., ordered=...) written out (~60 blocks per email):
        # the same Block, its arguments passed by position
        text = "".join(tb.parts)
        if not text or text.isspace():
            return
        end = tb.last_end if tb.last_end >= 0 else (tb.srcs[-1] + 1 if tb.srcs else 0)
        if f is None:
            block = Block(PARAGRAPH, text, tb.anchors, tb.srcs, end, 0, -1, False, tb.links)
        else:
            block = Block(BUTTON if f.button else f.kind, text, tb.anchors, tb.srcs, end, f.level,
                          f.group, f.ordered, tb.links)
        self.blocks.append(block)
