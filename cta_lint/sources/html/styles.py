"""Visibility and styles: what an element's style attribute, its classes and the document's
<style> blocks say about it: hidden (display, visibility, collapsed, opacity, a <style> rule),
a font size of 0, laid out as a block, its font size, bold, styled as a button.

Each test has a fast path on lower-cased ASCII styles that answers exactly what the plain
IGNORECASE pattern answers (tests/test_html_fast_paths.py checks them against each other)."""
from __future__ import annotations

import re

# Styles that hide an element's text: each branch apart, as the fast tests below use them
_ZERO = r"(?:0+(?:\.0*)?|\.0+)"                 # 0, 0.0, .0 ...
_DECL_END = r"\s*(?:!important)?\s*(?:;|$)"     # the end of a declaration
_S_DISPLAY = r"display\s*:\s*none"
_S_VISIBILITY = r"visibility\s*:\s*(?:hidden|collapse)"
_S_COLLAPSED = (rf"(?:^|;|\s)(?:max-)?height\s*:\s*{_ZERO}(?:px)?{_DECL_END}[^\"]*overflow\s*:\s*hidden"
                rf"|overflow\s*:\s*hidden[^\"]*(?:^|;|\s)(?:max-)?height\s*:\s*{_ZERO}(?:px)?{_DECL_END}")
_S_OPACITY = rf"opacity\s*:\s*{_ZERO}%?{_DECL_END}"
_HIDDEN_STYLE = re.compile("|".join((_S_DISPLAY, _S_VISIBILITY, _S_COLLAPSED, _S_OPACITY)), re.I)
# font-size 0 hides an element's text too, but a descendant that sets a size shows its own
# again (the usual gap-free column layout: <td style="font-size:0"> around inline-block
# columns whose cells set font-size:14px): kept apart from the styles that hide for good
_S_FONT_ZERO = rf"font-size\s*:\s*{_ZERO}(?:px|pt|em|rem|%)?{_DECL_END}"
_FONT_ZERO = re.compile(_S_FONT_ZERO, re.I)
# An inline element laid out as a block or floated stands apart from the text around it
# ("<span style='display:block'>Big Sale</span><span style='display:block'>Shop today</span>")
_S_BREAKS = r"display\s*:\s*(?:block|flex|grid|table|list-item)|float\s*:\s*(?:left|right)"
_BREAKS = re.compile(_S_BREAKS, re.I)
_FONT_SIZE = re.compile(r"font-size\s*:\s*(\d+(?:\.\d+)?)\s*(px|pt|em|rem|%)?", re.I)
_BOLD = re.compile(r"font-weight\s*:\s*(?:bold|[6-9]00)", re.I)
_BUTTON_STYLE = re.compile(r"(?:background(?:-color)?\s*:\s*#?\w+).*(?:padding|display\s*:\s*(?:inline-)?block)|"
                           r"(?:padding[^;]*;).*background(?:-color)?\s*:", re.I | re.S)
_CSS_RULE = re.compile(r"([^{}@]+)\{([^{}]*)\}")
_DISPLAY_NONE = re.compile(r"display\s*:\s*none", re.I)
_LAST_CLASS = re.compile(r"\.([A-Za-z_][\w-]*)[^.\s>+~]*\s*$")
_STYLE_BLOCK = re.compile(r"<style\b[^>]*>(.*?)</style\s*>", re.I | re.S)
# _STYLE_BLOCK in three steps with literal-prefix scans (an IGNORECASE pattern gets none and
# its lazy body tries the closing tag at every character): where "<style" can start (under
# re.I "s" also matches LONG S, no other letter of "style" has another match), the opening tag
# there, the first closing tag after it
_STYLE_AT = re.compile("<[sS\u017f][tT][yY][lL][eE]")
_STYLE_OPEN = re.compile(r"<style\b[^>]*>", re.I)
_STYLE_CLOSE = re.compile("</[sS\u017f][tT][yY][lL][eE]\\s*>")
_BRACE = re.compile(r"[{}]")

# The same tests on a lower-cased ASCII style attribute, case-sensitive: IGNORECASE regexes get
# no literal-prefix scan (and _HIDDEN_STYLE's (?:^|;|\s) branch is tried at every position), so
# these are several times faster. Only for ASCII text: under re.I, "k", "s" and "i" also match
# KELVIN SIGN, LONG S and the dotted/dotless I, which lower() leaves alone or lengthens; other
# styles go through the IGNORECASE originals. Each _HIDDEN_STYLE branch is searched only when a
# word it cannot match without is present; together they answer exactly what it answers.
_H_DISPLAY = re.compile(_S_DISPLAY)
_H_VISIBILITY = re.compile(_S_VISIBILITY)
_H_COLLAPSED = re.compile(_S_COLLAPSED)
_H_FONT_ZERO = re.compile(_S_FONT_ZERO)
_H_OPACITY = re.compile(_S_OPACITY)
_H_BREAKS = re.compile(_S_BREAKS)
_FONT_SIZE_LC = re.compile(_FONT_SIZE.pattern)
_BOLD_LC = re.compile(_BOLD.pattern)
_BUTTON_STYLE_LC = re.compile(_BUTTON_STYLE.pattern, re.S)


def _style_hidden(style: str) -> bool:
    """``bool(_HIDDEN_STYLE.search(style))``, faster."""
    if not style.isascii():
        return _HIDDEN_STYLE.search(style) is not None
    s = style.lower()
    if "none" in s and _H_DISPLAY.search(s):
        return True
    if "visibility" in s and _H_VISIBILITY.search(s):
        return True
    if "hidden" in s and "height" in s and "overflow" in s and _H_COLLAPSED.search(s):
        return True
    return "opacity" in s and _H_OPACITY.search(s) is not None


def _style_breaks(style: str) -> bool:
    """``bool(_BREAKS.search(style))``, faster."""
    if not style.isascii():
        return _BREAKS.search(style) is not None
    s = style.lower()
    return ("display" in s or "float" in s) and _H_BREAKS.search(s) is not None


def _style_zero(style: str) -> bool:
    """``bool(_FONT_ZERO.search(style))``, faster."""
    if not style.isascii():
        return _FONT_ZERO.search(style) is not None
    s = style.lower()
    return "font-size" in s and _H_FONT_ZERO.search(s) is not None


def _style_px(style: str) -> float | None:
    """The font size a style attribute sets, in px, or None."""
    if style.isascii():
        m = _FONT_SIZE_LC.search(style.lower())
    else:
        m = _FONT_SIZE.search(style)
    return _px(m) if m else None


def _style_bold(style: str) -> bool:
    if style.isascii():
        return _BOLD_LC.search(style.lower()) is not None
    return _BOLD.search(style) is not None


def _style_button(style: str) -> bool:
    is_button = _BUTTONS.get(style)
    if is_button is None:
        if style.isascii():
            is_button = _BUTTON_STYLE_LC.search(style.lower()) is not None
        else:
            is_button = _BUTTON_STYLE.search(style) is not None
        if len(style) <= 1024:   # remembered like _STYLE_FACTS
            if len(_BUTTONS) >= 1024:
                _BUTTONS.clear()
            _BUTTONS[style] = is_button
    return is_button


_BUTTONS: dict[str, bool] = {}


def _style_blocks(masked: str) -> list[str]:
    """The contents of the <style> blocks: ``m.group(1) for m in _STYLE_BLOCK.finditer(masked)``."""
    out = []
    pos = 0
    while True:
        at = _STYLE_AT.search(masked, pos)
        if at is None:
            return out
        m = _STYLE_OPEN.match(masked, at.start())
        if m is not None:
            e = _STYLE_CLOSE.search(masked, m.end())
            if e is not None:
                out.append(masked[m.end():e.start()])
                pos = e.end()
                continue
        pos = at.start() + 1


def _class_styles(masked: str) -> tuple[_CssHiding | None, dict[str, float]]:
    """From <style> blocks, outside @media queries (they apply only on some screens): the
    selectors declared ``display:none`` (None if there are none), and the font size each class
    sets."""
    hidden = _CssHiding()
    fonts: dict[str, float] = {}
    for css in _style_blocks(masked):
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
            while depth:   # to the brace that closes the @media block, or the end
                b = _BRACE.search(css, k)
                if b is None:
                    k = len(css)
                    break
                depth += 1 if css[b.start()] == "{" else -1
                k = b.end()
            i = k
        for rm in _CSS_RULE.finditer("".join(buf)):
            body = rm.group(2)
            if body.isascii():  # as in _style_hidden / _style_px
                lb = body.lower()
                hide = "none" in lb and _H_DISPLAY.search(lb) is not None
                fm = _FONT_SIZE_LC.search(lb) if "font-size" in lb else None
            else:
                hide = bool(_DISPLAY_NONE.search(body))
                fm = _FONT_SIZE.search(body)
            size = _px(fm) if fm else 0.0
            if not hide and not size:
                continue
            for sel in rm.group(1).split(","):
                if hide:
                    hidden.add(sel)
                if size:
                    cm = _LAST_CLASS.search(sel)
                    if cm:
                        fonts[cm.group(1).lower()] = size   # later rules win, as in CSS
    return (hidden if hidden else None), fonts


class _CssHiding:
    """The elements a <style> block hides: selectors made of compounds ``tag.class#id`` (each
    part optional, ``*`` for any tag) joined by descendant or child combinators. Other selectors
    (attributes, pseudo-classes, sibling combinators) hide only in some state or some client
    (``[data-ogsc] .x`` in Outlook's dark mode, ``u + .body .x`` in Gmail): not applied.
    Classes and ids are compared lower-cased, as in quirks mode."""

    __slots__ = ("classes", "rules", "by_id")

    def __init__(self) -> None:
        self.classes: set[str] = set()    # ".x" alone: hidden wherever it stands
        # the other selectors, by a class (".x") or the id ("#x") of their last compound; each
        # a tuple of compounds, last first: (tag or None, classes, id or None, combinator to
        # the next one, " " or ">")
        self.rules: dict[str, list[tuple]] = {}
        self.by_id = False

    def __bool__(self) -> bool:
        return bool(self.classes or self.rules)

    def add(self, selector: str) -> None:
        compounds = _selector(selector)
        if not compounds:
            return
        tag, classes, ident, _ = compounds[0]
        if len(compounds) == 1 and tag is None and ident is None and len(classes) == 1:
            self.classes |= classes
        elif classes or ident:
            key = "." + min(classes) if classes else "#" + ident
            self.rules.setdefault(key, []).append(compounds)
            self.by_id = self.by_id or key[0] == "#"

    def hides(self, el) -> bool:
        names = _class_names(el)
        if not names and not self.by_id:
            return False
        simple = self.classes
        for c in names:
            if c in simple:
                return True
        rules = self.rules
        if rules:
            keys = ["." + c for c in names]
            if self.by_id:
                ident = el.get("id")
                if ident:
                    keys.append("#" + ident.lower())
            for k in keys:
                for compounds in rules.get(k, ()):
                    if _selector_matches(el, compounds, 0):
                        return True
        return False


_CSS_COMBINATOR = re.compile(r"\s*(>)\s*|\s+")
_CSS_COMPOUND = re.compile(r"(\*|[A-Za-z][\w-]*)?((?:[.#][A-Za-z_][\w-]*)*)")
_CSS_PART = re.compile(r"([.#])([A-Za-z_][\w-]*)")


def _class_names(el) -> list[str]:
    """An element's classes (with MJML's ``css-class``), lower-cased."""
    cls = el.get("class")
    mjml = el.get("css-class")
    if mjml:
        cls = cls + " " + mjml if cls else mjml
    return [c.lower() for c in cls.split()] if cls else []


def _selector(selector: str) -> tuple | None:
    """A selector as ``_CssHiding`` keeps it (compounds, last first), or None when it is not
    one it applies."""
    sel = selector.strip()
    if not sel or any(ch in sel for ch in "[:+~()"):
        return None
    parts = _CSS_COMBINATOR.split(sel)
    out = []
    # parts: compound, combinator (">" or None), compound, ...
    for i in range(len(parts) - 1, -1, -2):
        m = _CSS_COMPOUND.fullmatch(parts[i])
        if m is None or not parts[i]:
            return None
        tag = m.group(1)
        tag = None if tag is None or tag == "*" else tag.lower()
        classes, ident = set(), None
        for kind, name in _CSS_PART.findall(m.group(2)):
            if kind == ".":
                classes.add(name.lower())
            elif ident is None:
                ident = name.lower()
            else:
                return None   # two ids: matches nothing
        comb = ">" if i > 0 and parts[i - 1] == ">" else " "
        out.append((tag, frozenset(classes), ident, comb))
    return tuple(out)


def _compound_matches(el, compound) -> bool:
    tag, classes, ident, _ = compound
    if tag is not None and (not isinstance(el.tag, str) or el.tag.lower() != tag):
        return False
    if classes and not classes.issubset(_class_names(el)):
        return False
    if ident is not None:
        own = el.get("id")
        if own is None or own.lower() != ident:
            return False
    return True


def _selector_matches(el, compounds, i: int) -> bool:
    """Does ``el`` match compounds[i:] (its compound, then its ancestors' as the combinators
    say)?"""
    if not _compound_matches(el, compounds[i]):
        return False
    if i + 1 == len(compounds):
        return True
    parent = el.getparent()
    if compounds[i][3] == ">":
        return parent is not None and _selector_matches(parent, compounds, i + 1)
    while parent is not None:
        if _selector_matches(parent, compounds, i + 1):
            return True
        parent = parent.getparent()
    return False


_STYLE_FACTS: dict[str, tuple[bool, float | None, bool, bool]] = {}
_NO_FACTS = (False, None, False, False)


def _style_facts(style: str) -> tuple[bool, float | None, bool, bool]:
    """(hidden, font size in px or None, font size 0, laid out as a block) of a style
    attribute. Templates repeat the same inline styles on most cells (500 emails of the bench
    corpus use 205 distinct ones): remembered."""
    facts = (_style_hidden(style), _style_px(style), _style_zero(style), _style_breaks(style))
    if len(style) <= 1024:   # at most ~4 MB
        if len(_STYLE_FACTS) >= 4096:
            _STYLE_FACTS.clear()
        _STYLE_FACTS[style] = facts
    return facts


def _px(m) -> float:
    size = float(m.group(1))
    unit = (m.group(2) or "px").lower()
    if unit == "pt":
        size *= 1.333
    elif unit in ("em", "rem"):
        size *= 16
    elif unit == "%":
        size *= 0.16   # of the 16px default: "font-size: 100%" is body text, not a heading
    return size


def _attr_px(el, size: str | None, class_fonts: dict[str, float]) -> float:
    """The font size of an element whose style sets none: MJML's font-size (``size``), else its
    classes'."""
    if size:
        m = _FONT_SIZE.search("font-size:" + size)
        if m:
            return _px(m)
    if class_fonts:
        cls = el.get("class")
        if cls:
            return max((class_fonts.get(c.lower(), 0.0) for c in cls.split()), default=0.0)
    return 0.0


def _sets_size(el, tag: str, class_fonts: dict[str, float]) -> bool:
    """Does an element whose style sets no font size set one otherwise: a class of a <style>
    block, MJML's font-size, or <font size>? (Under a font size of 0, its text shows.)"""
    return bool(tag == "font" and el.get("size") or
                _attr_px(el, el.get("font-size"), class_fonts) > 0)
