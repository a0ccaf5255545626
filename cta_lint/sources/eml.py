"""``.eml`` messages, read with the standard library's email package.

A message is linted as several documents (``read_parts``): the text/html part and the text/plain
part (the alternative some clients and screen readers show), each read by its own reader, plus a
small document for the Subject header. Every part maps its offsets back into the .eml file:

- 7bit/8bit/binary parts: exact (the decoded body is the raw body; CRLF line ends are allowed);
- quoted-printable parts: exact, by decoding the raw body here with a position map;
- base64 (and anything that does not line up): approximate, every position is the part's first
  body line.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..document import SUBJECT, Document, TextBuilder

_HEADER_END = re.compile(r"\r?\n\r?\n|\r\r")
_SUBJECT_HDR = re.compile(r"^subject[ \t]*:[ \t]*", re.I | re.M)
_QP_HEX = re.compile(r"=([0-9A-Fa-f]{2})")


@dataclass
class Part:
    """One document of a multi-document file: ``label`` names it in messages (None: no label)."""
    label: str | None
    text: str                 # the part's decoded text (its Document's source)
    doc: Document
    fmt: str                  # html / text
    raw_start: int = 0        # where the part's body starts in the file
    exact: bool = True        # False: positions are the part's first body line
    _map: list[int] | None = field(default=None, repr=False)   # text offset -> file offset
    file: str = field(default="", repr=False)                  # the whole file's text

    def file_line(self, offset: int) -> int:
        """1-based line in the file of an offset in the part's text."""
        return self.file.count("\n", 0, self.to_raw(offset)) + 1

    def to_raw(self, offset: int) -> int:
        if self._map is None:
            return self.raw_start + offset if self.exact else self.raw_start
        if not self._map:
            return self.raw_start
        offset = max(0, min(offset, len(self._map) - 1))
        return self._map[offset]


def _content(part) -> str:
    try:
        return part.get_content()
    except (LookupError, ValueError, AssertionError, KeyError):
        payload = part.get_payload(decode=True) or b""
        return payload.decode("utf-8", "replace") if isinstance(payload, bytes) else str(payload)


def _body_offset(source: str, part, from_: int) -> int:
    """Offset of the part's body in the file: after its headers, searching from ``from_``."""
    payload = part.get_payload()
    if isinstance(payload, str) and payload.strip():
        probe = payload.lstrip()[:80]
        lead = len(payload) - len(payload.lstrip())
        p = source.find(probe, from_)
        while p != -1:
            at = max(from_, p - lead)   # back up to the start of the payload
            # a body starts right after the blank line that ends a header block
            if source.endswith(("\n\n", "\r\n\r\n", "\r\r"), 0, at):
                return at
            p = source.find(probe, p + 1)
    m = _HEADER_END.search(source, from_)
    return m.end() if m else from_


def _align(content: str, raw: str, raw_start: int, rawpos: list[int] | None = None) -> list[int] | None:
    """Map each character of ``content`` to a file offset by walking ``raw`` beside it (raw may
    have extra CRs). ``rawpos`` gives the file offset of each raw character when raw is itself a
    decoding of the file (quoted-printable). Returns None when the two do not line up."""
    out: list[int] = []
    j = 0
    n = len(raw)
    for ch in content:
        while j < n and raw[j] != ch and raw[j] == "\r":
            j += 1
        if j >= n or raw[j] != ch:
            return None
        out.append(rawpos[j] if rawpos is not None else raw_start + j)
        j += 1
    if rawpos is None:
        out.append(raw_start + j)
    else:
        out.append(rawpos[j] if j < n else (rawpos[-1] + 1 if rawpos else raw_start))
    return out


def _qp_decode(raw: str, raw_start: int, charset: str) -> tuple[str, list[int]] | None:
    """Decode a quoted-printable body, keeping the file offset of every decoded character."""
    import codecs
    data = bytearray()
    pos: list[int] = []
    i, n = 0, len(raw)
    while i < n:
        c = raw[i]
        if c == "=":
            m = _QP_HEX.match(raw, i)
            if m:
                data.append(int(m.group(1), 16))
                pos.append(raw_start + i)
                i = m.end()
                continue
            # soft line break: '=' then optional spaces then a line end
            k = i + 1
            while k < n and raw[k] in " \t":
                k += 1
            if k < n and raw[k] in "\r\n":
                if raw.startswith("\r\n", k):
                    k += 2
                else:
                    k += 1
                i = k
                continue
        b = c.encode("utf-8", "replace") if ord(c) > 127 else bytes((ord(c),))
        for x in b:
            data.append(x)
            pos.append(raw_start + i)
        i += 1
    try:
        dec = codecs.getincrementaldecoder(charset or "utf-8")("replace")
    except LookupError:
        dec = codecs.getincrementaldecoder("utf-8")("replace")
    chars: list[str] = []
    cpos: list[int] = []
    first = None
    for k, x in enumerate(data):
        if first is None:
            first = k
        s = dec.decode(bytes((x,)))
        if s:
            for ch in s:
                chars.append(ch)
                cpos.append(pos[first])
            first = None
    s = dec.decode(b"", final=True)
    for ch in s:
        chars.append(ch)
        cpos.append(pos[first] if first is not None else (pos[-1] if pos else raw_start))
    return "".join(chars), cpos


def _locate(part, source: str, body_at: int, content: str) -> tuple[int, bool, list[int] | None]:
    """(body start, exact?, map) for a part whose body starts at ``body_at`` in the file."""
    cte = str(part.get("Content-Transfer-Encoding", "7bit")).strip().lower()
    boundary_end = _part_end(source, body_at)
    raw = source[body_at:boundary_end]
    if cte in ("7bit", "8bit", "binary", ""):
        m = _align(content, raw, body_at)
        if m is not None:
            return body_at, True, m
    elif cte == "quoted-printable":
        dec = _qp_decode(raw, body_at, part.get_content_charset() or "utf-8")
        if dec is not None:
            text, cpos = dec
            m = _align(content, text, body_at, cpos)
            if m is not None:
                return body_at, True, m
    return body_at, False, None


def _part_end(source: str, body_at: int) -> int:
    p = source.find("\n--", body_at)
    return len(source) if p == -1 else p + 1


def _subject_doc(source: str, subject: str, header_end: int) -> Document | None:
    m = _SUBJECT_HDR.search(source, 0, header_end)
    if not m or not subject.strip():
        return None
    tb = TextBuilder()
    value_end = source.find("\n", m.end())
    raw_value = source[m.end(): value_end if value_end != -1 else len(source)].rstrip("\r")
    if " ".join(raw_value.split()) == " ".join(subject.split()):
        tb.add(raw_value, m.end())          # plain header on one line: exact
    else:
        tb.add_mapped(subject, m.end())      # folded or encoded-word: the header's value
    blk = tb.build(SUBJECT)
    if blk is None:
        return None
    doc = Document(source=source, format="eml", subject=subject)
    doc.blocks = [blk]
    return doc


def read_parts(source: str) -> list[Part]:
    import email
    from email import policy
    try:
        msg = email.message_from_string(source, policy=policy.default)
    except Exception:  # noqa: BLE001 - the email parser is lenient; never crash on input
        return [Part(None, source, Document(source=source, format="eml"), "text")]
    hm = _HEADER_END.search(source)
    header_end = hm.end() if hm else len(source)
    try:
        subject = str(msg.get("Subject", "") or "")
    except Exception:  # noqa: BLE001 - malformed encoded words
        subject = ""
    parts: list[Part] = []
    try:
        html_part = msg.get_body(preferencelist=("html",))
        plain_part = msg.get_body(preferencelist=("plain",))
    except Exception:  # noqa: BLE001
        html_part = plain_part = None
    if html_part is not None and html_part.get_content_type() != "text/html":
        html_part = None
    if plain_part is not None and plain_part.get_content_type() != "text/plain":
        plain_part = None
    search_from = header_end if (html_part is not None or plain_part is not None) else 0
    located = []
    for p in (html_part, plain_part):
        if p is None:
            continue
        if p is msg:
            at = header_end
        else:
            at = _body_offset(source, p, search_from)
        located.append((at, p))
    for at, p in located:
        content = _content(p)
        is_html = p.get_content_type() == "text/html"
        if is_html:
            from . import html
            from .base import add_meta_blocks
            doc = html.read(content)
            add_meta_blocks(doc, subject=False)
        else:
            from . import text as plain
            doc = plain.read(content)
        start, exact, m = _locate(p, source, at, content)
        label = "text/html part" if is_html else "text/plain part"
        parts.append(Part(label, content, doc, "html" if is_html else "text", start, exact, m))
        if not exact:
            doc.notes.append(f"{label}: positions are approximate (encoded part)")
    # preheader: the HTML part's (hidden text / mj-preview); the subject: the header
    sdoc = _subject_doc(source, subject, header_end)
    if sdoc is not None:
        sdoc.preheader = next((pt.doc.preheader for pt in parts if pt.doc.preheader), None)
        parts.insert(0, Part(None, source, sdoc, "eml", 0, True, None))
    for pt in parts:
        pt.file = source
        pt.doc.subject = subject or pt.doc.subject
    if not parts:
        parts.append(Part(None, source, Document(source=source, format="eml", subject=subject or None),
                          "eml", 0, True, None))
    return parts


def read(source: str) -> Document:
    """One Document for the message (the HTML part, else the plain part): for callers that want
    a single document; the linter uses ``read_parts``."""
    parts = [p for p in read_parts(source) if p.label]
    if not parts:
        return Document(source=source, format="eml")
    doc = parts[0].doc
    doc.format = "eml"
    return doc
