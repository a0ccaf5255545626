"""What the language server knows about copy, without any LSP library: which configuration
applies to a file (with the unsaved text of open configuration files), linting in-memory text
exactly as ``cta-lint check FILE`` lints that file, the inline-disable quick fix (checked by
linting the edited text) and the explanation shown on hover.

Positions here are cta-lint's: 1-based lines, 1-based columns counting characters."""
from __future__ import annotations

import os
import re

from .. import config as _config
from .. import discover as _discover
from .. import sources
from ..config import Config, ConfigError, Overrides, Resolved
from ..discover import CONFIG_FILES
from ..findings import Finding
from ..registry import PSEUDO_RULES, RuleError

# languageId -> reader, for documents whose name says nothing (an untitled buffer)
LANGUAGE_FORMATS = {
    "html": "html", "mjml": "html", "handlebars": "html", "jinja": "html", "jinja-html": "html",
    "django-html": "html", "twig": "html", "nunjucks": "html", "liquid": "html",
    "markdown": "markdown", "mdx": "markdown", "plaintext": "text", "text": "text", "eml": "eml",
}


def is_config_name(path: str) -> bool:
    return os.path.basename(path) in CONFIG_FILES


def lintable(path: str | None, language_id: str = "") -> bool:
    """Copy cta-lint reads: a known extension (as when it walks a folder) or, for a buffer with
    no file name, a language it has a reader for."""
    if path:
        return sources.template_ext(path) in sources.ALL_EXT
    return language_id in LANGUAGE_FORMATS


class Configs:
    """The configuration for each folder, found as the CLI finds it (the nearest
    ``.cta-lint.toml`` / ``cta-lint.toml`` / ``pyproject.toml`` with ``[tool.cta-lint]``, from the
    file's folder up). The text of a configuration file open in the editor is used instead of
    the saved one. ``invalidate()`` after any configuration file changes."""

    def __init__(self):
        self.overlay: dict[str, str] = {}              # absolute path -> unsaved text
        self._by_file: dict[str, Resolved | Exception] = {}

    def invalidate(self) -> None:
        # discover.py memoises discovery per folder for the life of a CLI run; a server outlives
        # file creations and deletions, so forget it
        _discover._FOUND.clear()
        self._by_file.clear()

    def config_path(self, folder: str) -> str | None:
        found = _discover.find_config_dir(folder)
        return str(found) if found else None

    def resolve(self, folder: str) -> tuple[Resolved | None, str | None, Exception | None]:
        """(resolved, config file, error): the error is a ConfigError/RuleError (or anything
        else raised while reading it) and then resolved is None."""
        path = self.config_path(folder)
        key = path or ""
        got = self._by_file.get(key)
        if got is None:
            try:
                cfg = self._read(path) if path else Config(root=os.getcwd())
                got = Resolved(cfg, Overrides())
            except (ConfigError, RuleError) as e:
                got = e
            except Exception as e:  # noqa: BLE001 - a config must never take the server down
                got = ConfigError(f"{path}: cannot use configuration: {type(e).__name__}: {e}")
            self._by_file[key] = got
        if isinstance(got, Exception):
            return None, path, got
        return got, path, None

    def _read(self, path: str) -> Config:
        text = self.overlay.get(path)
        if text is None:
            return _config.read_config_file(path)
        return _config.config_from_text(path, text)


def error_line(message: str, text: str | None) -> tuple[int, int]:
    """Where in a configuration file an error message points: (0-based line, 0-based column).
    TOML errors say it; otherwise the line of the key the message names; else the top."""
    m = re.search(r"\(at line (\d+), column (\d+)\)", message)
    if m:
        return int(m.group(1)) - 1, int(m.group(2)) - 1
    if "(at end of document)" in message and text:
        lines = _lines(text)
        last = max((i for i, ln in enumerate(lines) if ln.strip()), default=0)
        return last, len(lines[last].rstrip("\r"))
    if not text:
        return 0, 0
    m = re.match(r".*?\.toml: (?:tool\.cta-lint\.)?([^:]+):", message)
    if not m:
        return 0, 0
    parts = [s.strip('"') for s in re.findall(r'"[^"]*"|[^.]+', m.group(1))]
    for seg in reversed(parts):
        rx = re.compile(r"^[ \t]*(?:\[[^\]]*)?[\"']?" + re.escape(seg) + r"[\"']?[ \t]*[=\].]",
                        re.M)
        hit = rx.search(text)
        if hit:
            line = text.count("\n", 0, hit.start())
            return line, 0
    return 0, 0


# -- linting -------------------------------------------------------------------------------------
def lint(resolved: Resolved, text: str, path: str | None, language_id: str = "") -> list[Finding]:
    """Findings for ``text`` as ``cta-lint check PATH`` reports them for a file holding it: the
    same bytes, reader, per-file ignores, size limit and CTA000 for what cannot be read."""
    linter = resolved.linter
    name = path or "-"
    try:
        data = text.encode("utf-8", "surrogatepass")
        fmt = None if path else LANGUAGE_FORMATS.get(language_id)
        limit = linter.settings.max_file_size
        if len(data) > limit:
            out = linter.unreadable(name, f"skipped {name}: {len(data)} bytes is over the "
                                          f"--max-file-size limit of {limit}")
        else:
            out = linter.lint_bytes(data, name, fmt)
    finally:
        linter.suppressed, linter.notes = [], []     # the CLI clears these after each file
    drop = resolved.ignored_for(path) if path else set()
    out = [f for f in out if f.rule not in drop]
    if text.startswith("\ufeff"):
        # the CLI drops a UTF-8 BOM before counting columns; this buffer shows it
        for f in out:
            if f.line == 1:
                f.column += 1
            if f.end_line == 1:
                f.end_column += 1
    return out


# -- quick fix: an inline disable comment -----------------------------------------------------------
_JINJA = {".j2", ".jinja", ".jinja2", ".njk", ".twig"}
_HANDLEBARS = {".hbs", ".handlebars", ".mustache"}


def directive_forms(path: str | None, fmt: str, code: str, label: str = "") -> list[tuple[str, str]]:
    """The inline directives suppress.py reads, for this file's format, best first: a list of
    (where, text) with where ``"eol"`` (appended to the finding's line) or ``"above"`` (a line
    of its own before it)."""
    ext = sources.template_ext(path or "")
    line_form = ("above", f"cta-lint: disable-next-line={code}")
    html = [("eol", f"<!-- cta-lint-disable-line {code} -->"),
            ("above", f"<!-- cta-lint-disable-next-line {code} -->")]
    if ext in _JINJA:
        return [("eol", f"{{# cta-lint-disable-line {code} #}}"),
                ("above", f"{{# cta-lint-disable-next-line {code} #}}")]
    if ext in _HANDLEBARS:
        return [("eol", f"{{{{!-- cta-lint-disable-line {code} --}}}}"),
                ("above", f"{{{{!-- cta-lint-disable-next-line {code} --}}}}")]
    if ext in (".erb", ".eex", ".leex", ".heex"):
        return [("eol", f"<%# cta-lint-disable-line {code} %>"),
                ("above", f"<%# cta-lint-disable-next-line {code} %>")]
    if ext in (".ftl", ".ftlh"):
        return [("eol", f"<#-- cta-lint-disable-line {code} -->"),
                ("above", f"<#-- cta-lint-disable-next-line {code} -->")]
    if ext == ".blade":
        return [("eol", f"{{{{-- cta-lint-disable-line {code} --}}}}"),
                ("above", f"{{{{-- cta-lint-disable-next-line {code} --}}}}")]
    if ext == ".liquid":
        return [("eol", f"{{% comment %}} cta-lint-disable-line {code} {{% endcomment %}}"),
                ("above", f"{{% comment %}} cta-lint-disable-next-line {code} "
                          f"{{% endcomment %}}")]
    if fmt == "text" or label.startswith("[text/plain"):
        return [line_form]
    if fmt == "eml":
        return html + [line_form]
    return html         # html, mjml, markdown (an HTML comment is invisible in both)


def _lines(text: str) -> list[str]:
    """Lines as cta-lint and LSP count them (LF, CRLF, lone CR), without their ends."""
    return sources.lone_cr_to_lf(text).split("\n")


def edit_for(text: str, line: int, where: str, directive: str) -> tuple[int, int, str]:
    """(0-based line, 0-based character column, text to insert) for a directive on 1-based
    ``line``; the column counts characters (the server converts it for the client)."""
    lines = _lines(text)
    body = lines[line - 1] if line - 1 < len(lines) else ""
    content = body[:-1] if body.endswith("\r") else body
    if where == "eol":
        sep = "" if not content or content[-1:].isspace() else " "
        return line - 1, len(content), sep + directive
    indent = re.match(r"[ \t]*", content).group(0)
    eol = "\r\n" if body.endswith("\r") else "\n"
    return line - 1, 0, indent + directive + eol


def apply_edit(text: str, line0: int, col: int, insert: str) -> str:
    src = sources.lone_cr_to_lf(text)       # same length: offsets agree with ``text``
    offset = 0
    for _ in range(line0):
        nl = src.find("\n", offset)
        if nl == -1:
            offset = len(src)
            break
        offset = nl + 1
    offset += col
    return text[:offset] + insert + text[offset:]


def disable_fix(resolved: Resolved, text: str, path: str | None, language_id: str,
                finding: Finding, before: list[Finding]):
    """The first directive that, inserted, hides exactly the findings of ``finding.rule`` on its
    line and changes nothing else (checked by linting the edited text); None if none does."""
    fmt = (sources.format_for(path, text) if path
           else LANGUAGE_FORMATS.get(language_id, "text"))
    label = finding.message if finding.message.startswith("[text/") else ""
    gone = {(f.rule, f.line) for f in before
            if f.rule == finding.rule and f.line == finding.line}
    for where, directive in directive_forms(path, fmt, finding.rule, label):
        line0, col, insert = edit_for(text, finding.line, where, directive)
        shift = 1 if where == "above" else 0
        want = sorted((f.rule, f.line + (shift if f.line >= finding.line else 0), f.column)
                      for f in before if (f.rule, f.line) not in gone)
        after = lint(resolved, apply_edit(text, line0, col, insert), path, language_id)
        if sorted((f.rule, f.line, f.column) for f in after) == want:
            return line0, col, insert
    return None


# -- hover ---------------------------------------------------------------------------------------
_PSEUDO_TEXT = {
    "CTA000": "A file could not be read or parsed (binary, undecodable, too large, missing, not "
              "permitted). The run goes on with the other files.",
    "CTA090": "An inline directive such as `<!-- cta-lint-disable CTA0X -->` names a rule that "
              "does not exist, so it suppresses nothing. Fix the code or name (see "
              "`cta-lint rules`).",
}


def explain_markdown(resolved: Resolved | None, code: str, severity: str = "") -> str:
    """What ``cta-lint explain CODE`` prints, as Markdown."""
    if code in PSEUDO_RULES:
        name, sev, _ = PSEUDO_RULES[code]
        return f"**{code}** `{name}` ({severity or sev})\n\n{_PSEUDO_TEXT[code]}"
    rule = resolved.registry.rules.get(code) if resolved else None
    if rule is None:
        return f"**{code}**"
    out = [f"**{rule.code}** `{rule.name}` ({severity or rule.severity}, {rule.origin})", "",
           rule.summary]
    if rule.description:
        out += ["", rule.description]
    if rule.rationale:
        out += ["", "**Why:** " + rule.rationale]
    for title, body in (("Bad", rule.bad), ("Good", rule.good)):
        if body:
            out += ["", f"**{title}:**", "", "```text", body.strip("\n"), "```"]
    return "\n".join(out).strip() + "\n"


def rule_doc_path(resolved: Resolved | None, code: str) -> str | None:
    """The TOML file that defines a built-in rule (its description, rationale and examples):
    what a diagnostic's ``codeDescription`` links to."""
    from ..registry import _builtin_dir
    rule = resolved.registry.rules.get(code) if resolved else None
    if rule is None or rule.origin != "built-in":
        return None
    p = os.path.join(_builtin_dir(), f"{rule.code}-{rule.name}.toml")
    return p if os.path.isfile(p) else None
