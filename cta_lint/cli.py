"""The command line: ``cta-lint check``, ``cta-lint rules``, ``cta-lint explain``.

Exit codes: 0 no findings, 1 findings, 2 usage or configuration error.
"""
from __future__ import annotations

import sys

import click

from . import __version__

EXIT_CLEAN, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2


def _split(values) -> list[str]:
    out = []
    for v in values or ():
        out.extend(x.strip() for x in v.split(",") if x.strip())
    return out


def _codes(registry, idents, what) -> set[str]:
    codes = set()
    for ident in idents:
        if ident.upper() in ("ALL",):
            codes |= set(registry.rules) | {"CTA000"}
            continue
        if ident.upper() == "CTA000" or ident.lower() == "unreadable":
            codes.add("CTA000")
            continue
        # prefixes like CTA00 select a family, as in ruff
        r = registry.resolve(ident)
        if r is None:
            pref = [c for c in registry.rules if c.startswith(ident.upper())]
            if not pref:
                raise click.UsageError(f"{what}: unknown rule '{ident}' "
                                       f"(see 'cta-lint rules')")
            codes |= set(pref)
        else:
            codes.add(r.code)
    return codes


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="cta-lint")
def main() -> None:
    """Lint marketing copy for endings that never ask for the sale."""


@main.command()
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("--select", multiple=True, help="Only these rules (codes or names, comma-separated).")
@click.option("--ignore", multiple=True, help="Skip these rules (codes or names).")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text",
              show_default=True, help="Output format.")
@click.option("--stdin-filename", help="Name (and so format) for text read from '-'.")
@click.option("--isolated", is_flag=True, help="Ignore all configuration files.")
@click.option("--quiet", "-q", is_flag=True, help="Print findings only, no summary.")
@click.option("--exit-zero", is_flag=True, help="Exit 0 even when there are findings.")
@click.option("--output-file", "-o", type=click.Path(dir_okay=False),
              help="Write the report to this file instead of stdout.")
@click.option("--max-file-size", type=int, default=None,
              help="Skip (and report) files larger than this many bytes [default: 20 MB].")
@click.option("--jobs", "-j", type=click.IntRange(min=0), default=None,
              help="Worker processes [default: all cores when 50+ files, else 1; 0 = auto].")
def check(paths, select, ignore, fmt, stdin_filename, isolated, quiet, exit_zero, output_file,
          max_file_size, jobs):
    """Lint files, folders (recursively) or '-' (standard input)."""
    from .engine import Linter, Settings, expand, lint_many
    from .registry import Registry, RuleError

    try:
        registry = Registry()
    except RuleError as e:
        raise click.ClickException(str(e)) from None
    settings = Settings()
    sel = _split(select)
    ign = _split(ignore)
    if sel:
        settings.select = _codes(registry, sel, "--select") | {"CTA000"}
    if ign:
        settings.ignore = _codes(registry, ign, "--ignore")
    if max_file_size is not None:
        settings.max_file_size = max_file_size
    linter = Linter(settings, registry)

    if not paths:
        paths = ("-",) if not sys.stdin.isatty() else ()
    if not paths:
        raise click.UsageError("no paths given (use '-' to read standard input)")
    files = expand(list(paths))
    findings = []
    nfiles = 0
    unreadable = 0
    def _results():
        if "-" not in files:
            yield from lint_many(linter, files, jobs)
            return
        for path in files:
            if path == "-":
                data = sys.stdin.buffer.read()
                name = stdin_filename or "-"
                from . import sources
                fmt_in = sources.format_for(stdin_filename) if stdin_filename else None
                yield name, linter.lint_bytes(data, name, fmt_in)
            else:
                yield path, linter.lint_file(path)

    for _path, res in _results():
        for npath, note in linter.notes:
            click.echo(f"cta-lint: note: {npath}: {note}", err=True)
        linter.notes.clear()
        nfiles += 1
        if any(f.rule == "CTA000" for f in res):
            unreadable += 1
        findings.extend(res)

    from .report import render
    out = render(fmt, findings, files=nfiles, unreadable=unreadable, quiet=quiet,
                 color=output_file is None and sys.stdout.isatty())
    if output_file:
        _write_atomic(output_file, out)
    else:
        sys.stdout.write(out)
    if findings and not exit_zero:
        sys.exit(EXIT_FINDINGS)
    sys.exit(EXIT_CLEAN)


def _write_atomic(path: str, text: str) -> None:
    import os
    import tempfile
    d = os.path.dirname(os.path.abspath(path))
    fd, tmp = tempfile.mkstemp(prefix=".cta-lint-", dir=d)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


@main.command("rules")
def rules_cmd():
    """List the rules: code, name, default severity, origin."""
    from .registry import Registry
    reg = Registry()
    click.echo(f"{'CTA000':8} {'unreadable':16} {'error':8} built-in  A file that cannot be read or parsed")
    for code, r in sorted(reg.rules.items()):
        click.echo(f"{code:8} {r.name:16} {r.severity:8} {r.origin:9} {r.summary}")


@main.command()
@click.argument("rule")
def explain(rule):
    """Explain a rule: what it checks, why, and a bad and a good example."""
    from .registry import Registry
    reg = Registry()
    if rule.upper() == "CTA000" or rule.lower() == "unreadable":
        click.echo("CTA000 [unreadable] (error)\n\nA file could not be read or parsed (binary, "
                   "undecodable, too large, missing, not permitted). The run goes on with the "
                   "other files.")
        return
    r = reg.resolve(rule)
    if r is None:
        raise click.UsageError(f"unknown rule '{rule}' (see 'cta-lint rules')")
    parts = [f"{r.code} [{r.name}] ({r.severity}, {r.origin})", "", r.summary, ""]
    if r.description:
        parts += ["What it checks:", _indent(r.description), ""]
    if r.rationale:
        parts += ["Why:", _indent(r.rationale), ""]
    if r.bad:
        parts += ["Bad:", _indent(r.bad), ""]
    if r.good:
        parts += ["Good:", _indent(r.good), ""]
    shown = {k: v for k, v in r.options.items() if k != "message"}
    if shown:
        parts += ["Options:"] + [f"    {k} = {v!r}" for k, v in shown.items()] + [""]
    click.echo("\n".join(parts).rstrip() + "\n")


def _indent(s: str) -> str:
    return "\n".join("    " + ln if ln.strip() else "" for ln in s.strip("\n").splitlines())


if __name__ == "__main__":  # pragma: no cover
    main()
