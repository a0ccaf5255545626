"""Readers: bytes -> text -> Document, one module per input format, picked by extension.

Readers import their parser lazily, so a run over HTML files never imports markdown-it.
"""
from __future__ import annotations

import codecs
import os
import re

from .base import ReadError, add_meta_blocks  # noqa: F401 (the package's names)

HTML_EXT = {".html", ".htm", ".xhtml", ".mjml", ".hbs", ".handlebars", ".mustache", ".liquid",
            ".gohtml", ".ftlh"}
TEMPLATE_EXT = {".j2", ".jinja", ".jinja2", ".tmpl", ".tpl", ".twig", ".njk", ".liquid", ".hbs",
                ".handlebars", ".mustache", ".erb", ".eex", ".leex", ".heex", ".blade", ".gotmpl", ".ftl"}
MD_EXT = {".md", ".markdown", ".mdx", ".mkd", ".mdown"}
TEXT_EXT = {".txt", ".text", ".gotxt", ".gotext"}
EML_EXT = {".eml"}
TRANSCRIPT_EXT = {".vtt": "vtt", ".srt": "srt"}
ALL_EXT = HTML_EXT | TEMPLATE_EXT | MD_EXT | TEXT_EXT | EML_EXT | set(TRANSCRIPT_EXT)
# "deck": Markdown read as a slide deck (by its front matter, or the ``decks`` setting)
FORMATS = ("html", "markdown", "text", "eml", "deck", "vtt", "srt")


def template_ext(name: str) -> str:
    """A file name's extension as the readers know it: Blade views (``mail.blade.php``) are
    ``.blade``, whatever PHP file they are."""
    name = name.lower()
    if name.endswith(".blade.php"):
        return ".blade"
    return os.path.splitext(name)[1]


def format_for(path: str | None, text: str | None = None) -> str:
    """Pick the reader from the file name (``name.html.j2`` -> html), else sniff the text."""
    if path:
        name = os.path.basename(path).lower()
        if name.endswith(".blade.php"):
            name = name[:-4]
        root, ext = os.path.splitext(name)
        if ext == ".heex":
            return "html"
        if ext in TEMPLATE_EXT and ext not in HTML_EXT:
            inner = os.path.splitext(root)[1]
            if inner:
                ext = inner
            elif text is not None:
                return sniff(text)
            else:
                return "html"
        if ext in HTML_EXT:
            return "html"
        if ext in MD_EXT or ext in (".rst", ".rest"):
            # (reStructuredText, when given by name: its paragraphs, bullets and underlined
            # titles read as Markdown reads them; a folder run does not pick it up)
            return "markdown"
        if ext in EML_EXT:
            return "eml"
        if ext in TEXT_EXT:
            return "text"
        if ext in TRANSCRIPT_EXT:
            return TRANSCRIPT_EXT[ext]
    return sniff(text or "")


_SNIFF: tuple | None = None    # (eml, html, markdown) patterns, compiled on first use: a file
                               # whose extension names its format is never sniffed


def sniff(text: str) -> str:
    global _SNIFF
    if _SNIFF is None:
        _SNIFF = (
            re.compile(r"\A(?:[\w-]+:[^\n]*\n)*?(?:MIME-Version|Content-Type|Received|Message-ID):",
                       re.I),
            re.compile(r"<(?:!doctype|html|body|table|div|p|mjml|mj-|td|span|a\s|br|h[1-6])\b", re.I),
            re.compile(r"^(?:#{1,6}\s|\s*[-*]\s|\d+\.\s|>\s)|\[[^\]]+\]\([^)]+\)|\*\*[^*]+\*\*",
                       re.M))
    emlish, htmlish, mdish = _SNIFF
    head = text[:4096]
    if "mail::message" in head:
        return "markdown"   # a Laravel Markdown mail ("@component('mail::message')")
    if emlish.match(head) and "\n\n" in text:
        return "eml"
    if htmlish.search(head):
        return "html"
    if mdish.search(head):
        return "markdown"
    return "text"


_BINARY_MAGIC = (b"\x89PNG", b"GIF8", b"\xff\xd8\xff", b"%PDF", b"PK\x03\x04", b"\x7fELF",
                 b"\x1f\x8b", b"BM", b"RIFF", b"\x00\x00\x01\x00", b"OggS", b"ID3", b"wOFF", b"wOF2")


def decode(data: bytes) -> tuple[str, str | None]:
    """Bytes -> text. Returns (text, note): the note says when a fallback encoding was used."""
    if data.startswith(codecs.BOM_UTF8):
        return data[3:].decode("utf-8", errors="replace"), None
    for bom, enc in ((codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"),
                     (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")):
        if data.startswith(bom):
            try:
                return data[len(bom):].decode(enc), None
            except UnicodeDecodeError as e:
                raise ReadError(f"invalid {enc.upper()} text (byte {e.start})") from None
    if data.startswith(b"\x89PNG") or any(data.startswith(m) for m in _BINARY_MAGIC[1:7]):
        raise ReadError("binary file (looks like an image, PDF or archive), not copy")
    if b"\x00" in data[:8192]:
        raise ReadError("binary file (contains NUL bytes), not copy")
    try:
        return data.decode("utf-8"), None
    except UnicodeDecodeError as e:
        bad_at = e.start
    # (compiled here: only a file that is not UTF-8 gets this far)
    m = re.search(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)""", data[:4096], re.I)
    if m:
        enc = m.group(1).decode("ascii", "replace").lower()
        try:
            codecs.lookup(enc)
            return data.decode(enc, errors="replace"), f"decoded as {enc} (declared in <meta charset>)"
        except LookupError:
            pass
    # No declared charset: cp1252 (a superset of Latin-1 for text) is what non-UTF-8 marketing
    # copy almost always is. (A statistical guess, e.g. bs4's UnicodeDammit with chardet, picks
    # exotic code pages for a few stray bytes, and costs ~250 ms of imports.)
    return data.decode("cp1252", errors="replace"), f"not valid UTF-8 (byte {bad_at}); decoded as cp1252"


def read_parts(text: str, fmt: str):
    """Formats that are several documents in one file (.eml: the HTML part, the plain-text part,
    the Subject header) return a list of ``eml.Part``; every other format returns None."""
    if fmt == "eml":
        from . import eml
        return eml.read_parts(text)
    return None


_LONE_CR = re.compile(r"\r(?!\n)")


def lone_cr_to_lf(text: str) -> str:
    """Old Mac line endings: a lone CR ends a line. Same length, so offsets stay exact and
    line/column come out right (CRLF is already handled: only LF counts)."""
    return _LONE_CR.sub("\n", text) if "\r" in text else text


def read_text(text: str, fmt: str):
    text = lone_cr_to_lf(text)
    if fmt == "html":
        from . import html
        doc = html.read(text)
        add_meta_blocks(doc)
        return doc
    if fmt == "markdown" or fmt == "deck":
        if fmt == "deck" or text.startswith(("---", "\ufeff---")):   # (front matter)
            from . import deck
            if fmt == "deck" or deck.is_deck(text):
                return deck.read(text)
        from . import markdown
        return markdown.read(text)
    if fmt == "vtt" or fmt == "srt":
        from . import transcript
        return transcript.read_vtt(text) if fmt == "vtt" else transcript.read_srt(text)
    if fmt == "eml":
        from . import eml
        return eml.read(text)
    from . import text as plain
    return plain.read(text)
