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
    """Lint copy given as a string; ``format`` is html, markdown, text or eml."""
    from .engine import Linter
    linter = Linter(_settings(select, ignore))
    if format not in ("html", "markdown", "text", "eml"):
        raise ValueError(f"unknown format {format!r}: use html, markdown, text or eml")
    return linter.lint_text(text, format, path)


def lint_paths(paths, *, select=None, ignore=None):
    """Lint files and folders; returns a list of Findings (CTA000 for unreadable files)."""
    from .engine import Linter, expand
    linter = Linter(_settings(select, ignore))
    out = []
    for p in expand([str(p) for p in paths]):
        out.extend(linter.lint_file(p))
    return out


def _settings(select, ignore):
    from .engine import Settings
    from .registry import Registry
    reg = Registry()
    s = Settings()
    if select:
        s.select = {reg.resolve(x).code for x in select if reg.resolve(x)} | {"CTA000"}
    if ignore:
        s.ignore = {reg.resolve(x).code for x in ignore if reg.resolve(x)}
    return s
