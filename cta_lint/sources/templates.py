"""Mask template tags (Jinja, Liquid, Handlebars, Mustache, ERB/EEx, Blade) without moving any
offset.

Every tag is replaced by a string of exactly the same length, newlines kept, so a line:column
found in the masked text is the line:column in the original file:

- output tags ``{{ first_name }}`` / ``{{{ body }}}`` become a placeholder word (the variable's
  name, right-aligned in spaces), so "Hi {{ first_name }}," reads "Hi first_name,";
- control tags (``{% if %}``, ``{{#if}}``, ``{{/each}}``, ``{{else}}``) and comments
  (``{# #}``, ``{{!-- --}}``, ``{% comment %}...{% endcomment %}``) become spaces, so both
  branches of a conditional stay in the copy;
- ERB and EEx (``<%= @user.name %>``, ``<% if %>``, ``<%# comment %>``) and Blade
  (``{!! $url !!}``, ``{{-- comment --}}``, ``@if(...)``, ``@endcomponent``) likewise;
- a link helper or a button component with literal text (ERB ``<%= link_to "Upgrade now",
  upgrade_url %>``, Blade ``@component('mail::button', ['url' => $url]) Subscribe
  @endcomponent``) becomes a link around its text, in the syntax of the format (HTML
  ``<a href=...>``, Markdown ``[...](...)``), its destination templated;
- an unterminated tag is masked to the end of its line and reported as a note.

What a format can hold besides template tags is not taken for one: in Markdown, an attribute
list ``{#id}`` / ``{#id .class key=value}`` (kramdown, Pandoc, Hugo: ``# Title {#intro}``)
opens like a Jinja comment but is not one; it is blanked (no reader shows it) and is neither a
comment nor a note.

Template comments are returned too: inline ``cta-lint`` directives may live in them.
The template is never rendered or evaluated: this is text substitution only.
"""
from __future__ import annotations

import re

from .._record import Record
from .placeholders import blank, placeholder

# Blade's directives (a file is read as Blade when one of its block directives or a raw echo is
# in it): "@if($x)", "@endif", "@component('mail::message')"
_BLADE_NAMES = (r"if|elseif|else|endif|unless|endunless|isset|endisset|empty|endempty|auth|endauth|"
                r"guest|endguest|foreach|endforeach|forelse|endforelse|for|endfor|while|endwhile|"
                r"switch|case|break|default|endswitch|component|endcomponent|slot|endslot|section|"
                r"endsection|show|yield|extends|include|includeIf|includeWhen|each|push|endpush|"
                r"stack|once|endonce|php|endphp|verbatim|endverbatim|props|csrf|method|lang|"
                r"markdown|endmarkdown|env|endenv|production|endproduction|continue|json")
# What opens a tag, by the languages a text holds: each opener is looked for only in a text that
# has one ("<" starts every HTML tag, "@" every email address)
_OPENER_PARTS = {
    "jinja": r"\{\{|\{%|\{#",
    "erb": r"<%",
    "blade": r"\{!!|(?<![\w@.])@(?:" + _BLADE_NAMES + r")\b",
    # FreeMarker (Java mail templates): "${user.name}", "<#if trial>", "</#if>", "<@layout>"
    "ftl": r"\$\{|</?[#@](?=[A-Za-z_-])",
}
_OPENERS_BY: dict[tuple, re.Pattern] = {}
_JINJA_ONLY = _OPENERS_BY[(False, False, False)] = re.compile(_OPENER_PARTS["jinja"])


def _openers(text: str) -> re.Pattern:
    blade = "@" in text and _blade(text)
    key = ("<%" in text or blade, blade,
           "${" in text or "<#" in text or "<@" in text or "</@" in text)
    rx = _OPENERS_BY.get(key)
    if rx is None:
        parts = [_OPENER_PARTS["jinja"]] + [_OPENER_PARTS[k] for k, on in
                                            zip(("erb", "blade", "ftl"), key) if on]
        rx = _OPENERS_BY[key] = re.compile("|".join(parts))
    return rx


_BLADE_SIGN = re.compile(r"@(?:end(?:if|foreach|for|component|section|slot|unless|isset|auth|php)|"
                         r"extends|component|yield|lang)\b")   # (a literal "@" first: fast)


def _blade(text: str) -> bool:
    """Is the text a Blade view: a raw echo, or a block directive not inside a word or an email
    address ("jane@endif.io")?"""
    if "{!!" in text:
        return True
    for m in _BLADE_SIGN.finditer(text):
        before = text[m.start() - 1:m.start()]
        if not (before.isalnum() or before in "_@."):
            return True
    return False
# control words of an output-tag-shaped action: "{{else}}" (Handlebars, Mustache), Go's
# "{{ if .Paid }}", "{{ range .Items }}", "{{ end }}", "{{ template "footer" . }}"
_CONTROL_WORDS = frozenset("else if end range with define template block break continue".split())
_RAW_END = re.compile(r"\{%-?\s*endraw\s*-?%\}")
_COMMENT_END = re.compile(r"\{%-?\s*endcomment\s*-?%\}")
# A Markdown attribute list that starts "{#": an id, then classes, more ids and key=value pairs,
# closed by "}" on the same line. A Jinja comment cannot match: its "#}" is no attribute.
_MD_ATTRIBUTES = re.compile(
    r"""\{\#[A-Za-z][\w:.-]*(?:[ \t]+(?:[.#][A-Za-z_][\w-]*|[A-Za-z_][\w-]*="""
    r"""(?:"[^"\n]*"|'[^'\n]*'|[^\s"'}]+)))*[ \t]*\}""")
# Per format, what opens like "{#" and is not a template comment
_NOT_COMMENTS = {"markdown": _MD_ATTRIBUTES}


class Masked(Record):
    """The masked text and the spans of expressions and comments."""
    __slots__ = ("text", "expressions", "comments", "notes")
    __match_args__ = __slots__

    def __init__(self, text: str, expressions: list[tuple[int, int]] | None = None,
                 comments: list[tuple[int, int, str]] | None = None,
                 notes: list[tuple[int, str]] | None = None) -> None:
        self.text = text
        self.expressions = [] if expressions is None else expressions  # output tag spans
        self.comments = [] if comments is None else comments  # (start, end, body)
        self.notes = [] if notes is None else notes           # (offset, message)



# an output tag whose value is a literal string passed to a translation function (Jinja/Django
# gettext "_", Rails/i18n "t"), or piped to a translation filter ({{ "Buy now" | t }})
_I18N = re.compile(r"\{\{-?\s*(?:(?:_|gettext|ugettext|gettext_lazy|pgettext|t|i18n|__|trans)\s*\(\s*"
                   r"(['\"])(.*?)(?<!\\)\1|(['\"])(.*?)(?<!\\)\3\s*\|\s*(?:t|translate|i18n)\b)", re.S)


def has_template(text: str) -> bool:
    return ("{{" in text or "{%" in text or "{#" in text or "<%" in text or "${" in text or
            "<#" in text or "<@" in text or ("@" in text and _blade(text)))


def _unterminated(text: str, start: int, out: list[str], result: Masked, what: str) -> int:
    """Mask an unterminated tag to the end of its line; return where scanning goes on."""
    eol = text.find("\n", start)
    eol = len(text) if eol == -1 else eol
    out.append(blank(text[start:eol]))
    result.notes.append((start, f"unterminated template {what}"))
    return eol


def mask(text: str, fmt: str = "html") -> Masked:
    """Return the masked text and the spans of expressions and comments. ``fmt`` (html,
    markdown, text) says what else the text can hold (see the module's docstring)."""
    if not has_template(text):
        return Masked(text)
    not_comment = _NOT_COMMENTS.get(fmt)
    openers = _openers(text)
    if openers is not _JINJA_ONLY:
        from . import servertags   # (only a text with ERB, Blade or FreeMarker in it)
    components: list[str] = []   # Blade components open: "button" for a mail button
    out: list[str] = []
    result = Masked("")
    pos = 0
    n = len(text)
    missing: dict[str, int] = {}   # closer -> an offset after which it never occurs

    def search(rx, at: int):
        if at >= missing.get(rx.pattern, n + 1):
            return None
        m = rx.search(text, at)
        if m is None:
            missing[rx.pattern] = at
        return m

    def find(close: str, at: int) -> int:
        # once a closer is known to be absent after some offset, do not scan again: many
        # unterminated tags would otherwise make this quadratic
        if at >= missing.get(close, n + 1):
            return -1
        i = text.find(close, at)
        if i == -1:
            missing[close] = at
        return i

    while True:
        m = openers.search(text, pos)
        if not m:
            break
        start = m.start()
        kind = m.group(0)
        if kind == "{{" and text.startswith("{{--", start):   # a Blade comment
            end = find("--}}", start + 4)
            stop = n if end == -1 else end + 4
            result.comments.append((start, stop, text[start + 4:end].strip() if end != -1 else ""))
            out.append(text[pos:start])
            out.append(blank(text[start:stop]))
            pos = stop
        elif kind in ("<%", "{!!"):
            close = "%>" if kind == "<%" else "!!}"
            end = find(close, start + len(kind))
            out.append(text[pos:start])
            if end == -1:
                pos = _unterminated(text, start, out, result, f"tag '{kind}'")
                continue
            pos = end + len(close)
            servertags.server_tag(text, start, pos, kind, fmt, out, result, components)
        elif kind == "${" or kind[:2] in ("<#", "</", "<@"):
            out.append(text[pos:start])
            pos = servertags.freemarker(text, start, kind, out, result, _unterminated)
        elif kind[0] == "@":
            out.append(text[pos:start])
            pos = servertags.directive(text, start, m.end(), kind[1:], fmt, out, result,
                                       components, search)
        elif kind == "{{":
            triple = text.startswith("{{{", start)
            close = "}}}" if triple else "}}"
            end = find(close, start + (3 if triple else 2))
            if text.startswith("{{!--", start):
                end2 = find("--}}", start + 5)
                end = end2 + 2 if end2 != -1 else -1
                close = "}}"
            if end == -1:
                out.append(text[pos:start])
                pos = _unterminated(text, start, out, result, "tag '{{'")
                continue
            stop = end + len(close)
            tag = text[start:stop]
            inner = tag[3:-3] if triple else tag[2:-2]
            out.append(text[pos:start])
            body = inner.strip(" ~-")
            if body.startswith("!"):
                result.comments.append((start, stop, body.lstrip("!").strip(" -")))
                out.append(blank(tag))
            elif body[:1] in ("#", "/", "^", ">", "*") or body.partition(" ")[0] in _CONTROL_WORDS:
                out.append(blank(tag))
            else:
                if body.startswith("&"):
                    body = body[1:]
                result.expressions.append((start, stop))
                lit = _I18N.match(tag)
                if lit:
                    # a translated string ({{ _("Welcome aboard!") }}) is the copy itself: its
                    # words stay where they stand, the call around them is blanked
                    a, b = lit.span(2) if lit.group(2) is not None else lit.span(4)
                    out.append(blank(tag[:a]) + tag[a:b] + blank(tag[b:]))
                else:
                    out.append(placeholder(tag, body, text[start - 1:start]))
            pos = stop
        elif kind == "{#":
            attrs = not_comment.match(text, start) if not_comment is not None else None
            if attrs is not None:
                out.append(text[pos:start])
                out.append(blank(attrs.group()))
                pos = attrs.end()
                continue
            end = find("#}", start + 2)
            if end == -1:
                out.append(text[pos:start])
                pos = _unterminated(text, start, out, result, "comment '{#'")
                continue
            stop = end + 2
            result.comments.append((start, stop, text[start + 2:end].strip(" -")))
            out.append(text[pos:start])
            out.append(blank(text[start:stop]))
            pos = stop
        else:  # {%
            end = find("%}", start + 2)
            if end == -1:
                out.append(text[pos:start])
                pos = _unterminated(text, start, out, result, "tag '{%'")
                continue
            stop = end + 2
            inner = text[start + 2:end].strip(" -")
            out.append(text[pos:start])
            words = inner.split(None, 1)   # "{%\n%}": inner is only whitespace
            word = words[0] if words else ""
            if word == "comment":
                m2 = search(_COMMENT_END, stop)
                cstop = m2.end() if m2 else stop
                result.comments.append((start, cstop, text[stop:m2.start()].strip() if m2 else ""))
                out.append(blank(text[start:cstop]))
                pos = cstop
                continue
            if word == "raw":
                m2 = search(_RAW_END, stop)
                out.append(blank(text[start:stop]))
                if m2:
                    out.append(text[stop:m2.start()])
                    out.append(blank(text[m2.start():m2.end()]))
                    pos = m2.end()
                else:
                    pos = stop
                continue
            out.append(blank(text[start:stop]))
            pos = stop
    out.append(text[pos:])
    result.text = "".join(out)
    if fmt == "markdown":
        result.text = _unindent(text, result.text)
    return result


_INDENTED = re.compile(r"^( {4,})(?=\S)", re.M)


def _unindent(text: str, masked: str) -> str:
    """A line of Markdown that starts with a tag ("{{ _('Welcome') }}", "{% if %}Hi") is
    masked to four spaces or more before its words: an indented code block, which the reader
    drops. The first blank the masking made becomes a no-break space, so the line stays a
    paragraph (same length; a line with no words left stays blank)."""
    out = None
    for m in _INDENTED.finditer(masked):
        a = m.start()
        lead = len(text[a:]) - len(text[a:].lstrip(" \t"))
        if lead >= 4 or text[a + lead] == "\n":
            continue   # indented in the source too: the writer's own code block
        if out is None:
            out = list(masked)
        out[a + lead] = "\u00a0"
    return masked if out is None else "".join(out)
