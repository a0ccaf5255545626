"""Links and buttons: an ``<a>``, MJML's buttons and linked images, form submit buttons; each
link's text (a linked image's alt text), destination and span in the source. A mixin of the
walker (walk.py), whose state it uses."""
from __future__ import annotations

from ...document import PARAGRAPH, Link, collapse
from .styles import _style_button
from .tags import LINKISH, _Frame, _Tag


class _Links:
    """The walker's links, buttons, images and form fields (see walk._Walker for the state)."""

    def enter_special(self, el, info: _Tag, parent: _Frame, base: _Frame,
                      end: int, cur0: int, style: str | None) -> tuple[_Frame, bool]:
        """Links, images, forms, inputs, the MJML preview: the element's own frame
        (``base`` is what the walk worked out so far) and whether it opened a link. ``style``:
        its style attribute, or None when it is skipped (not looked at then)."""
        tag = info.tag
        skip, hidden = base.skip, base.hidden
        if tag == "img":  # (the usual one) adds its alt text inside a link
            if parent.link is not None and not skip:
                alt = el.get("alt") or ""
                if alt.strip():
                    parent.link.image = True
                    self.add_alt(base, alt, self.tag_start(info, cur0, end))
            return base, False
        if tag == "mj-preview":
            skip = True
            text = "".join(el.itertext()).strip()
            if text:
                self.preheader = " ".join(text.split())
        frame = _Frame(base.kind, base.level, base.group, base.ordered, hidden, skip, base.link,
                       base.button, base.zero)
        opened = False
        if not skip and tag in LINKISH:
            href = el.get("href")
            if tag == "a" or href is not None or tag == "mj-button":
                off = self.tag_start(info, cur0, end)
                link = Link("", href, self.base + off, self.base + off)
                if tag == "mj-button" or (tag == "a" and _style_button(style or "")):
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
                    opened = True
        if tag == "form" and not skip:
            self.form_action = el.get("action")
        if tag in ("input", "button") and not skip and not hidden:
            typ = (el.get("type") or ("submit" if tag == "button" else "text")).lower()
            if typ in ("submit", "image", "button") and tag == "input":
                label = el.get("value") or el.get("alt") or el.get("title") or ""
                if label.strip():
                    off = self.tag_start(info, cur0, end)
                    self.flush()
                    link = Link(text=" ".join(label.split()), href=self.form_action,
                                start=self.base + off, end=self.base + max(end, off))
                    bframe = _Frame(PARAGRAPH, button=True)
                    self.attach(link, bframe)
                    self.add_alt(bframe, label, off)
                    self.flush()
        return frame, opened

    def tag_start(self, info: _Tag, cur0: int, end: int) -> int:
        """Where the element's "<tag" starts (the last one between the cursor before it and its
        end), or the cursor for an implied element."""
        p = self.low.rfind(info.needle, cur0, end) if end != -1 else -1
        return p if p != -1 else self.cur

    def attach(self, link: Link, frame: _Frame) -> None:
        if self.tb.empty:
            self.tb_frame = frame
        self.tb.links.append(link)

    def leave_special(self, el, info: _Tag, frame: _Frame, opened: bool) -> None:
        """The end of a link (its text and where it ends) or of a title."""
        if opened and self.links_open and self.links_open[-1][0] is frame.link:
            link, parts, nblocks = self.links_open.pop()
            link.text = collapse("".join(parts))
            link.end = self.base + self.cur
            if link.text or link.image:
                if not frame.hidden:
                    # attach to the block being built, or the last one built inside the link
                    if not self.tb.empty or len(self.blocks) == nblocks:
                        self.attach(link, frame)
                    else:
                        self.blocks[-1].links.append(link)
        if info.titled and self.subject is None:
            t = " ".join("".join(el.itertext()).split())
            self.subject = t or None
