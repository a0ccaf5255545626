"""``.eml`` messages: the stdlib email package; the HTML part is linted, else the plain part."""
from __future__ import annotations

from ..document import Document


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
    if part is html_part:
        from . import html
        doc = html.read(content)
    else:
        from . import text
        doc = text.read(content)
    doc.subject = str(msg.get("Subject", "")) or doc.subject
    doc.format = "eml"
    return doc
