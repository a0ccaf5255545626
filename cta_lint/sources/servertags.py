"""ERB / EEx (Rails, Phoenix) and Blade (Laravel) tags for templates.mask(): what each becomes,
at the same length, in the masked text.

- ``<%= expr %>`` and Blade's ``{!! expr !!}``: a placeholder word, or a translated literal's
  copy (``<%= gettext("Welcome") %>``), or a link around the text of a link helper (``<%=
  link_to "Upgrade now", upgrade_url %>``; the block form ``<%= link_to url do %>...<% end %>``);
- ``<% code %>`` and Blade directives (``@if(...)``, ``@endforeach``): blank; ``<%# %>``: a
  comment (directives may live in it); ``@lang('...')``: its copy; ``@php ... @endphp``: blank;
- Blade's mail button, ``@component('mail::button', ['url' => ...]) Text @endcomponent``: a
  link around its text, its destination the route's name as far as it fits.

Imported by templates.mask() only for a text that holds one of these languages.
"""
from __future__ import annotations

import re

from .placeholders import blank, one_line as _one_line, placeholder

_BLADE_BLOCK_END = {"php": re.compile(r"@endphp\b"), "verbatim": re.compile(r"@endverbatim\b")}

# ERB / EEx link helpers with literal text: link_to "Text", url / link "Text", to: url
_ERB_LINK = re.compile(r"<%=\s*(?:link_to|link)\s*\(?\s*([\"'])((?:(?!\1).){1,200})\1\s*,", re.S)
# an ERB / EEx tag that opens a block closed by "<% end %>"
_ERB_BLOCK = re.compile(r"\bdo\s*(?:\|[^|]*\|)?$|->$")
_ERB_BLOCK_STARTS = ("if ", "unless ", "case ", "while ", "until ", "for ", "begin")
_ERB_LINK_BLOCK = re.compile(r"(?:link_to|link)\b")

# a Blade mail button component: @component('mail::button', ['url' => ...]) ... @endcomponent
_BLADE_BUTTON = re.compile(r"@component\s*\(\s*[\"']mail::button[\"']")


def _link_open(fmt: str, length: int) -> str:
    """What a link helper's opening part becomes: the start of a link in the format's syntax."""
    if fmt == "html" and length >= 10:
        return "<a href=x" + " " * (length - 10) + ">"
    if fmt == "markdown" and length >= 1:
        return "[" + " " * (length - 1)
    return " " * length


def _link_close(fmt: str, length: int, dest: str) -> str:
    """... and its closing part: the end of the link, the destination (markdown) named after the
    helper's URL expression ("upgrade_url") where it fits."""
    if fmt == "html" and length >= 4:
        return "</a>" + " " * (length - 4)
    if fmt == "markdown" and length >= 4:
        name = (re.sub(r"[^\w/.-]+", "_", dest).strip("_") or "x")[: length - 3]
        return ("](" + name + ")").ljust(length)
    return " " * length


_I18N_CALL = re.compile(r"\s*(_|gettext|dgettext|ngettext|pgettext|__|trans|lang|t)\s*\(\s*"
                        r"(?:[\"'][\w.-]*[\"']\s*,\s*)?([\"'])((?:(?!\2).)*)\2", re.S)


def _literal(tag: str, inner_at: int):
    """The copy of a translated literal in an output tag (``<%= gettext("Welcome") %>``,
    ``{!! __('Subscribe') !!}``, ``@lang('Thanks')``) as (start, end) in the tag, or None. A
    Rails ``t('.key')`` names a key, not copy: a literal with no space in it is not read."""
    m = _I18N_CALL.match(tag, inner_at)
    if m is None or (m.group(1) == "t" and " " not in m.group(3)):
        return None
    return m.span(3)


def _closing(text: str, at: int, opener: str, closer: str, one_line: bool) -> int:
    """The offset past the bracket that closes the one at ``at`` (quotes respected), or -1:
    none, or (``one_line``) not before the line ends."""
    depth, quote, i, n = 0, "", at, len(text)
    while i < n:
        c = text[i]
        if quote:
            if c == "\\":
                i += 1
            elif c == quote:
                quote = ""
        elif c in "'\"":
            quote = c
        elif c == opener:
            depth += 1
        elif c == closer:
            depth -= 1
            if depth == 0:
                return i + 1
        elif one_line and c in "\r\n":
            return -1
        i += 1
    return -1


def _parens(text: str, at: int) -> int:
    """The offset past the parenthesis that closes the one at ``at`` (quotes respected), or
    the end of the line when it never closes."""
    stop = _closing(text, at, "(", ")", False)
    if stop != -1:
        return stop
    eol = text.find("\n", at)
    return len(text) if eol == -1 else eol


def server_tag(text, start, stop, kind, fmt, out, result, blocks) -> None:
    """An ERB/EEx tag (``<%= %>``, ``<% %>``, ``<%# %>``) or a Blade raw echo (``{!! !!}``);
    ``blocks`` is the stack of open ERB blocks ("link" for ``<%= link_to url do %>``)."""
    tag = text[start:stop]
    body = tag[len(kind):-2 if kind == "<%" else -3]
    lead = body.lstrip("-=").strip().rstrip("-").strip()
    if kind == "<%" and lead.startswith("#"):
        result.comments.append((start, stop, lead[1:].strip(" -")))
        out.append(blank(tag))
        return
    if kind == "<%":
        if lead == "end" or lead.startswith(("end ", "end)")):
            if blocks and blocks.pop() == "link" and _one_line(tag):
                result.expressions.append((start, stop))
                out.append(_link_close(fmt, len(tag), "x"))
                return
        elif _ERB_BLOCK.search(lead) or lead.startswith(_ERB_BLOCK_STARTS):
            # (a tag over several lines keeps its line ends: it is blanked, no link made)
            link = body.startswith("=") and _ERB_LINK_BLOCK.match(lead) and _one_line(tag)
            blocks.append("link" if link else "")
            if link:   # "<%= link_to pricing_url do %> See plans <% end %>"
                result.expressions.append((start, stop))
                out.append(_link_open(fmt, len(tag)))
                return
    if kind == "<%" and not body.startswith("="):
        out.append(blank(tag))   # code: "<% if @trial %>", "<% end %>"
        return
    result.expressions.append((start, stop))
    link = _ERB_LINK.match(tag)
    if link and _one_line(tag):
        a, b = link.span(2)
        dest = tag[link.end():].strip(" %>-").split(",")[0].strip()
        out.append(_link_open(fmt, a) + tag[a:b] + _link_close(fmt, len(tag) - b, dest))
        return
    inner_at = len(kind) + (len(body) - len(body.lstrip("-= ")))
    lit = _literal(tag, inner_at)
    if lit:
        a, b = lit
        out.append(blank(tag[:a]) + tag[a:b] + blank(tag[b:]))
    else:
        out.append(placeholder(tag, lead.lstrip("@$"), text[start - 1:start]))


def directive(text, start, at, name, fmt, out, result, components, search) -> int:
    """A Blade directive at ``start`` (its name ends at ``at``): blanked, with its arguments;
    ``@lang('...')`` keeps its copy, a mail button component becomes a link; returns where
    scanning goes on."""
    stop = at
    j = at
    while j < len(text) and text[j] in " \t":
        j += 1
    if j < len(text) and text[j] == "(":
        stop = _parens(text, j)
    tag = text[start:stop]
    if name in _BLADE_BLOCK_END:   # @php ... @endphp: code, not copy
        m = search(_BLADE_BLOCK_END[name], stop)
        stop = m.end() if m else stop
        if name == "verbatim" and m:
            out.append(blank(tag) + text[start + len(tag):m.start()] + blank(m.group()))
            return stop
        out.append(blank(text[start:stop]))
        return stop
    if name == "lang":
        lit = _literal(tag, 1)
        if lit:
            a, b = lit
            out.append(blank(tag[:a]) + tag[a:b] + blank(tag[b:]))
            return stop
    if name == "component":
        button = _BLADE_BUTTON.match(tag) is not None and _one_line(tag)
        components.append("button" if button else "")
        if button:
            result.expressions.append((start, stop))
            out.append(_link_open(fmt, len(tag)))
            return stop
    elif name == "endcomponent" and components and components.pop() == "button" and \
            _one_line(tag):
        url = _BLADE_URL.search(text, max(0, start - 2000), start)
        result.expressions.append((start, stop))
        out.append(_link_close(fmt, len(tag), (url.group(1) or url.group(2)) if url else "x"))
        return stop
    out.append(blank(tag))
    return stop


# the destination of a Blade mail button: ['url' => route('billing-portal')], ['url' => $url]


# the destination of a Blade mail button: ['url' => route('billing-portal')], ['url' => $url]
_BLADE_URL = re.compile(r"['\"]url['\"]\s*=>\s*(?:(?:route|url|action)\s*\(\s*['\"]([^'\"]+)|"
                        r"\$?([\w.:-]+))")


def freemarker(text, start, kind, out, result, unterminated) -> int:
    """A FreeMarker tag at ``start``: ``${expr}`` a placeholder (``$${price}`` an amount),
    ``<#-- ... -->`` a comment, ``<#if ...>`` / ``</#list>`` / ``<@macro ...>`` blank. Returns
    where scanning goes on."""
    if kind == "${":
        stop = _closing(text, start + 1, "{", "}", True)
        if stop == -1:
            return unterminated(text, start, out, result, "interpolation '${'")
        tag = text[start:stop]
        result.expressions.append((start, stop))
        out.append(placeholder(tag, tag[2:-1].lstrip("!"), text[start - 1:start]))
        return stop
    if text.startswith("<#--", start):
        end = text.find("-->", start + 4)
        stop = len(text) if end == -1 else end + 3
        result.comments.append((start, stop, text[start + 4:end].strip(" -") if end != -1 else ""))
        out.append(blank(text[start:stop]))
        return stop
    end = text.find(">", start)
    if end == -1:
        return unterminated(text, start, out, result, f"tag '{kind}'")
    out.append(blank(text[start:end + 1]))
    return end + 1
