"""dead-cta (CTA006): a button or link whose text is an ask but whose destination goes nowhere.

Dead: no href (``<a>`` without one, ``<mj-button>`` without one), an empty href, ``#``,
``javascript:...``, or a placeholder domain left from a template (example.com/.org/.net,
yourdomain.com, domain.com, yoursite.com, ...). Template expressions (``{{ cta_url }}``,
``{% url %}``, ``*|URL|*``, ``%%=...=%%``) are filled in at send time and are fine. Plain text
has no buttons (a URL is its own link text) and is not checked.
"""
from __future__ import annotations

import re

from ..analysis.asks import EXPLICIT
from ..document import BUTTON, PREHEADER, SUBJECT
from ..findings import Hit
from . import Check

_HREF_ATTR = re.compile(r"""\bhref\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", re.I)
_TEMPLATE = re.compile(r"\{\{|\{%|\$\{|\*\|[^|]*\|\*|%%|\[\[|\{\$|<%|\{[A-Za-z_][\w.]*\}")
_PLACEHOLDERS = ["example.com", "example.org", "example.net", "example.edu", "yourdomain.com",
                 "your-domain.com", "domain.com", "yoursite.com", "your-site.com",
                 "yourwebsite.com", "website.com", "yourcompany.com", "company.com",
                 "mysite.com", "mydomain.com", "url.com", "link.com", "test.com"]


def _host(href: str) -> str:
    h = href.strip().lower()
    h = re.sub(r"^[a-z][a-z0-9+.-]*:(//)?", "", h) if re.match(r"^[a-z][a-z0-9+.-]*:", h) else (
        h[2:] if h.startswith("//") else h)
    h = re.split(r"[/?#:]", h, maxsplit=1)[0]
    return h.rsplit("@", 1)[-1]


class DeadCta(Check):
    kind = "dead-cta"
    options = {"placeholder-domains": _PLACEHOLDERS}

    def __init__(self, rule, options=None):
        super().__init__(rule, options)
        self._domains = {d.lower().lstrip(".") for d in self.opts.get("placeholder-domains") or ()}

    def dead(self, href: str | None) -> str | None:
        """Why a destination is dead (None: it is fine)."""
        if href is None:
            return "has no href"
        h = href.strip()
        if not h:
            return "has an empty href"
        if _TEMPLATE.search(h):
            return None
        if h == "#" or re.fullmatch(r"#+", h):
            return "points to '#'"
        low = h.lower().replace(" ", "")
        if low.startswith("javascript:") or low in ("about:blank", "#!", "#/"):
            return f"points to '{h[:40]}'"
        if re.fullmatch(r"(?:https?:)?//?(?:www\.?)?", low) or low in ("http:", "https:", "www."):
            return f"points to an empty address '{h[:40]}'"
        host = _host(h)
        if host.startswith("www."):
            host = host[4:]
        if host and any(host == d or host.endswith("." + d) for d in self._domains):
            return f"points to the placeholder address '{h[:60]}'"
        return None

    def check(self, doc, an):
        if doc.format == "text":
            return
        for b in doc.blocks:
            if b.kind in (SUBJECT, PREHEADER) or b.zone in (SUBJECT, PREHEADER):
                continue
            for link in b.links:
                templated = self._raw_templated(doc, link)
                if templated is None:
                    templated = link.templated_href
                if templated:
                    continue
                why = self.dead(link.href)
                if why is None:
                    continue
                c = an.detector.classify_link(link)
                if c is None or c.kind != EXPLICIT:
                    continue
                if link.image:
                    what = "linked image"
                elif b.kind == BUTTON and len(b.links) == 1:
                    what = "button"
                else:
                    what = "link"
                text = " ".join(link.text.split())
                if len(text) > 50:
                    text = text[:49].rstrip() + "\u2026"
                yield Hit(link.start, max(link.end, link.start + 1),
                          f"The {what} '{text}' asks the reader to act but {why}: "
                          f"the click goes nowhere.",
                          suggestion="point it at the page where the reader completes the step "
                                     "(checkout, sign-up, booking), or a template variable "
                                     "filled at send time")

    @staticmethod
    def _raw_templated(doc, link) -> bool | None:
        """Does the original source of the link's destination hold a template expression?
        (Readers see template-masked text, so the href they report is not the raw one.)
        None when the source at the link is not an HTML tag or a Markdown inline link."""
        raw = doc.source[link.start:min(link.end, link.start + 4000)]
        if not raw:
            return None
        if raw.startswith("<"):
            tag_end = raw.find(">")
            m = _HREF_ATTR.search(raw, 0, tag_end + 1 if tag_end != -1 else len(raw))
            if m is None:
                return False
            val = next(g for g in m.groups() if g is not None)
            return bool(_TEMPLATE.search(val))
        if raw.startswith("["):
            p = raw.rfind("](")
            if p != -1:
                return bool(_TEMPLATE.search(raw[p + 2:]))
        return None
