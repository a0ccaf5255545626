"""cta-lint: a linter for marketing copy that fails to ask for the sale.

Python API::

    import cta_lint
    findings = cta_lint.lint_text(copy, format="markdown")
    for path, findings in cta_lint.lint_paths(["emails/"]): ...
"""
from __future__ import annotations

__version__ = "0.1.0"

__all__ = ["__version__", "lint_text", "lint_paths", "Finding"]


def __getattr__(name):
    if name == "Finding":
        from .findings import Finding
        return Finding
    raise AttributeError(name)


def lint_text(text: str, format: str = "html", *, select=None, ignore=None, path: str = "-"):
    """Lint copy given as a string; ``format`` is html, markdown, text or eml, or deck (Markdown
    read as a slide deck), vtt or srt (transcripts: a malformed one raises ValueError)."""
    from .engine import Linter
    linter = Linter(_settings(select, ignore))
    if format not in ("html", "markdown", "text", "eml", "deck", "vtt", "srt"):
        raise ValueError(f"unknown format {format!r}: use html, markdown, text, eml, deck, "
                         f"vtt or srt")
    return linter.lint_text(text, format, path)


def lint_paths(paths, *, select=None, ignore=None, config=None, isolated=False):
    """Lint files and folders as ``cta-lint check`` would: each file with the configuration in
    effect for it (discovered from its folder up: ``.cta-lint.toml``, ``cta-lint.toml``,
    ``[tool.cta-lint]`` in ``pyproject.toml``; or the file ``config``; none when ``isolated``),
    folders walked honouring ``include``/``exclude`` and ``.gitignore``. ``select``/``ignore``
    apply on top, as on the command line. Returns a list of Findings (CTA000 for unreadable
    files); a bad configuration raises ValueError with the one-line message the CLI prints."""
    from .config import Overrides, Resolver
    from .discover import collect
    ov = Overrides(select=list(select) if select else None, ignore=list(ignore or ()))
    resolver = Resolver(ov, config_file=str(config) if config else None, isolated=isolated)
    out = []
    for p in collect([str(p) for p in paths], resolver):
        res = resolver.for_path(p)
        drop = res.ignored_for(p)
        out.extend(f for f in res.linter.lint_file(p) if f.rule not in drop)
    return out


def _settings(select, ignore):
    """The engine's settings for ``select``/``ignore`` given as codes, names, ``ALL`` or code
    prefixes (``CTA00``), resolved as the command line resolves them; an unknown one raises
    ValueError."""
    from .engine import Settings
    from .registry import Registry, resolve_code
    reg = Registry()
    s = Settings()

    def codes(idents):
        out = set()
        for ident in [idents] if isinstance(idents, str) else idents:
            c = resolve_code(reg, ident)
            if c is None:
                raise ValueError(f"unknown rule {ident!r} (see 'cta-lint rules')")
            out |= c
        return out

    if select:
        s.select = codes(select) | {"CTA000"}
    if ignore:
        s.ignore = codes(ignore)
    return s
