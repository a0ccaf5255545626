"""``.eml`` messages: the stdlib email package; the HTML part is linted, else the plain part.

Positions point into the .eml file: a part stored as is (7bit/8bit) is read in place (the rest of
the file blanked, same length); a base64 or quoted-printable part is decoded and read, and its
findings are placed from where that part starts in the file (approximate, with a note).
"""
from __future__ import annotations

from ..document import Document


def _blank(s: str) -> str:
    return "".join(c if c in "\r\n" else " " for c in s)


def read(source: str) -> Document:
    import email
    from email import policy
    msg = email.message_from_string(source, policy=policy.default)
    html_part = msg.get_body(preferencelist=("html",))
    plain_part = msg.get_body(preferencelist=("plain",))
    part = html_part or plain_part
    if part is None:
        doc = Document(source=source, format="eml")
        return doc
    try:
        content = part.get_content()
    except (LookupError, ValueError):
        content = part.get_payload(decode=True).decode("utf-8", "replace")
    from . import html, text
    reader = html.read if part is html_part else text.read
    raw = part.get_payload()
    at = source.find(raw) if isinstance(raw, str) and raw else -1
    if at != -1 and raw == content:
        # in place: same offsets as the file
        doc = reader(_blank(source[:at]) + raw + _blank(source[at + len(raw):]))
        doc.source = source
    else:
        doc = reader(content)
        if at == -1:
            end = source.find("\n\n")
            at = end + 2 if end != -1 else 0
        for b in doc.blocks:
            b.srcs = [at + s for s in b.srcs]
            b.end = at + b.end
            for ln in b.links:
                ln.start, ln.end = at + ln.start, at + ln.end
        doc.source = source
        doc._lines = None
        if content:
            doc.notes.append("positions in an encoded (base64/quoted-printable) part are "
                             "approximate")
    doc.subject = str(msg.get("Subject", "")) or doc.subject
    doc.format = "eml"
    return doc
