"""The command line: ``cta-lint check``, ``rules``, ``config``, ``explain`` (click commands).

Exit codes: 0 no findings, 1 findings, 2 usage or configuration error. Nothing else in the
package imports this module.
"""
from __future__ import annotations

import sys

import click

from . import __version__

EXIT_CLEAN, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2
FORMAT_CHOICES = ["text", "concise", "json", "sarif", "github", "junit", "html"]


def _split(values) -> list[str]:
    out = []
    for v in values or ():
        out.extend(x.strip() for x in v.split(",") if x.strip())
    return out


def _echo_err(msg: str) -> None:
    click.echo(msg, err=True)


def _fail(msg: str):
    """A configuration error: one line on stderr, exit 2."""
    _echo_err(f"cta-lint: error: {msg}")
    sys.exit(EXIT_USAGE)


def _usage(msg: str):
    raise click.UsageError(msg)


def _resolver(config_file=None, isolated=False, overrides=None):
    from .config import ConfigError, Resolver
    from .registry import RuleError
    try:
        return Resolver(overrides, config_file=config_file, isolated=isolated)
    except (ConfigError, RuleError) as e:
        _fail(str(e))


def _per_file(per_file) -> dict[str, list[str]]:
    pfi: dict[str, list[str]] = {}
    for item in per_file:
        glob, sep, rules = item.rpartition(":")
        if not sep or not glob.strip() or not rules.strip():
            _usage(f"--per-file-ignores: expected GLOB:RULES, got '{item}'")
        pfi.setdefault(glob.strip(), []).extend(_split([rules]))
    return pfi


def _check(paths, select, extend_select, ignore, fmt, stdin_filename, config_file, isolated,
           force_exclude, per_file, show_suppressed, quiet, exit_zero, output_file, max_file_size,
           statistics, jobs):
    """``cta-lint check`` (its options: the click command ``check`` below)."""
    import os
    from .config import ConfigError, Overrides
    from .discover import collect
    from .engine import map_files, warm
    from .registry import RuleError

    pfi = _per_file(per_file)
    ov = Overrides(select=_split(select) or None, extend_select=_split(extend_select),
                   ignore=_split(ignore), per_file_ignores=pfi, max_file_size=max_file_size,
                   format=fmt)
    resolver = _resolver(config_file, isolated, ov)

    if not paths:
        paths = ("-",) if not sys.stdin.isatty() else ()
    if not paths:
        _usage("no paths given (use '-' to read standard input)")
    findings = []
    nfiles = 0
    unreadable = 0
    hidden = []
    try:
        fmt = fmt or resolver.for_dir(os.getcwd()).format or "text"
        files = collect(list(paths), resolver, force_exclude)
        from . import report, sources
        hook = None if statistics else report.doc_hook(fmt)
        # every file's name (one result per entry, in order), for reports that list clean files
        linted = [(stdin_filename or "-") if p == "-" else p for p in files]
        progress = _Progress(len(files))

        def lint_one(path):
            """One file, with the configuration in effect for it; runs in a worker process
            when --jobs > 1. Returns its findings, those inline directives hid, reader notes."""
            name = (stdin_filename or "-") if path == "-" else path
            res = resolver.for_path(name)
            linter = res.linter
            linter.doc_hook = hook
            if path == "-":
                data = sys.stdin.buffer.read()
                fmt_in = sources.format_for(stdin_filename) if stdin_filename else None
                out = linter.lint_bytes(data, name, fmt_in)
            else:
                out = linter.lint_file(path)
            drop = res.ignored_for(name)
            if drop:
                out = [f for f in out if f.rule not in drop]
            hid, linter.suppressed = linter.suppressed, []
            notes, linter.notes = linter.notes, []
            return out, hid, notes

        njobs = 1 if "-" in files else jobs
        for out, hid, notes in map_files(lint_one, files, njobs,
                                         warm=lambda: warm(resolver.for_dir(os.getcwd()).linter)):
            for npath, note in notes:
                _echo_err(f"cta-lint: note: {npath}: {note}")
            nfiles += 1
            if any(f.rule == "CTA000" for f in out):
                unreadable += 1
            findings.extend(out)
            hidden.extend(hid)
            progress.step()
        progress.done()
    except (ConfigError, RuleError) as e:
        _fail(str(e))
    hidden.sort()

    from . import report
    from .registry import PSEUDO_RULES
    extra = {}
    if hidden:
        extra["n_suppressed"] = len(hidden)
    if show_suppressed:
        extra["suppressed"] = hidden
    if statistics:
        out = report.statistics(findings, fmt)
    else:
        out = report.render(fmt, findings, files=nfiles, unreadable=unreadable, quiet=quiet,
                            color=output_file is None and sys.stdout.isatty(),
                            rules=resolver.for_dir(os.getcwd()).linter.registry.rules,
                            paths=linted, pseudo_rules=PSEUDO_RULES, **extra)
    if output_file:
        _write_atomic(output_file, out)
    else:
        sys.stdout.write(out)
    if findings and not exit_zero:
        sys.exit(EXIT_FINDINGS)
    sys.exit(EXIT_CLEAN)


class _Progress:
    """``linted/total`` on stderr for long runs in a terminal; nothing when stderr is piped or
    redirected or under CI (the ``CI`` variable), so logs and parsed output stay clean."""
    MIN_FILES = 20

    def __init__(self, total: int):
        import os
        self.total, self.n, self.last = total, 0, 0.0
        self.on = (total >= self.MIN_FILES and not os.environ.get("CI")
                   and os.environ.get("TERM") != "dumb" and sys.stderr.isatty())

    def step(self) -> None:
        self.n += 1
        if not self.on:
            return
        import time
        now = time.monotonic()
        if now - self.last >= 0.1 or self.n == self.total:
            self.last = now
            sys.stderr.write(f"\rcta-lint: {self.n}/{self.total} files")
            sys.stderr.flush()

    def done(self) -> None:
        if self.on:
            sys.stderr.write("\r\033[K")
            sys.stderr.flush()


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


# -- the commands ---------------------------------------------------------------------------------
@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="cta-lint")
def main() -> None:
    """Lint marketing copy for endings that never ask for the sale."""


@main.command()
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("--select", multiple=True,
              help="Only these rules (codes or names, comma-separated).")
@click.option("--extend-select", multiple=True, help="Add these rules to the selection.")
@click.option("--ignore", multiple=True, help="Skip these rules (codes or names).")
@click.option("--format", "fmt", type=click.Choice(FORMAT_CHOICES), default=None,
              help="Output format [default: text, or 'format' in the configuration].")
@click.option("--statistics", is_flag=True,
              help="Print the number of findings per rule instead of the findings.")
@click.option("--stdin-filename", help="Name (and so format) for text read from '-'.")
@click.option("--config", "config_file", type=click.Path(dir_okay=False),
              help="Use this configuration file for every file (no discovery).")
@click.option("--isolated", is_flag=True, help="Ignore all configuration files.")
@click.option("--force-exclude", is_flag=True,
              help="Apply the configuration's 'exclude' to files named on the command line "
                   "too.")
@click.option("--per-file-ignores", "per_file", multiple=True, metavar="GLOB:RULES",
              help="Do not report RULES (comma-separated) for files matching GLOB (relative "
                   "to the current folder); added to the configuration's.")
@click.option("--show-suppressed", is_flag=True,
              help="Also list findings hidden by inline cta-lint-disable directives.")
@click.option("--quiet", "-q", is_flag=True, help="Print findings only, no summary.")
@click.option("--exit-zero", is_flag=True, help="Exit 0 even when there are findings.")
@click.option("--output-file", "-o", type=click.Path(dir_okay=False),
              help="Write the report to this file instead of stdout.")
@click.option("--max-file-size", type=int, default=None,
              help="Skip (and report) files larger than this many bytes [default: 20 MB].")
@click.option("--jobs", "-j", type=click.IntRange(min=0), default=None,
              help="Worker processes [default: all cores when 50+ files, else 1; 0 = auto].")
def check(**kw):
    """Lint files, folders (recursively) or '-' (standard input)."""
    _check(**kw)


@main.command()
@click.argument("source")
@click.option("--out", "-o", required=True, type=click.Path(dir_okay=False),
              help="Findings file: .jsonl or .parquet (one record per finding).")
@click.option("--workers", "-w", type=click.IntRange(min=1), default=None,
              help="Worker processes of the local cluster [default: all cores].")
@click.option("--scheduler", metavar="ADDRESS",
              help="Use a running Dask cluster (tcp://host:8786) instead of a local one.")
@click.option("--id-column", default="id", show_default=True, help="Message id column/key.")
@click.option("--body-column", default="body", show_default=True, help="Message body column.")
@click.option("--format-column", default="format", show_default=True,
              help="Optional column: html, markdown, text or eml (else by the id's extension, "
                   "else sniffed).")
@click.option("--partition-size", type=click.IntRange(min=1), default=8 << 20,
              help="Bytes of a JSON Lines or mbox file per partition [default: 8 MiB].")
@click.option("--files-per-partition", type=click.IntRange(min=1), default=200,
              show_default=True, help="Files per partition for a folder or glob.")
@click.option("--select", multiple=True, help="Only these rules (codes or names).")
@click.option("--extend-select", multiple=True, help="Add these rules to the selection.")
@click.option("--ignore", multiple=True, help="Skip these rules (codes or names).")
@click.option("--config", "config_file", type=click.Path(dir_okay=False),
              help="Use this configuration file (no discovery).")
@click.option("--isolated", is_flag=True, help="Ignore all configuration files.")
@click.option("--force-exclude", is_flag=True, help="As for check.")
@click.option("--per-file-ignores", "per_file", multiple=True, metavar="GLOB:RULES",
              help="As for check; for an archive file, GLOB matches the archive's path.")
@click.option("--max-file-size", type=int, default=None,
              help="Skip (and report) messages larger than this many bytes [default: 20 MB].")
@click.option("--summary-json", type=click.Path(dir_okay=False),
              help="Also write the summary as JSON to this file.")
@click.option("--exit-zero", is_flag=True, help="Exit 0 even when there are findings.")
def scan(**kw):
    """Lint an archive on a Dask cluster (needs cta-lint[scale]): a folder, a glob, a JSON
    Lines, Parquet or mbox file of messages. Findings go to --out; a summary to stdout."""
    from .scan import command
    sys.exit(command(per_file_ignores=_per_file(kw.pop("per_file")), **kw))


@main.command("rules")
@click.option("--config", "config_file", type=click.Path(dir_okay=False),
              help="Use this configuration file instead of discovering one from here.")
@click.option("--isolated", is_flag=True, help="Ignore all configuration files.")
def rules_cmd(config_file, isolated):
    """List the rules: code, name, severity, enabled or not, origin."""
    import os
    from .registry import PSEUDO_RULES
    res = _resolver(config_file, isolated).for_dir(os.getcwd())
    reg, s = res.registry, res.settings
    rows = []
    for code, (name, sev, summary) in PSEUDO_RULES.items():
        rows.append((code, name, s.severity.get(code, sev), res.enabled(code), "built-in",
                     summary))
    for code, r in reg.rules.items():
        rows.append((code, r.name, s.severity.get(code, r.severity), res.enabled(code),
                     r.origin, r.summary))
    where = res.config.path or "defaults (no configuration file)"
    click.echo(f"# configuration: {where}")
    for code, name, sev, on, origin, summary in sorted(rows):
        click.echo(f"{code:8} {name:18} {sev:8} {'on' if on else 'off':4} {origin:9}  "
                   f"{summary}")


@main.command("config")
@click.argument("path", required=False, type=click.Path())
@click.option("--config", "config_file", type=click.Path(dir_okay=False),
              help="Use this configuration file instead of discovering one.")
@click.option("--isolated", is_flag=True, help="Ignore all configuration files.")
def config_cmd(path, config_file, isolated):
    """Print the configuration in effect for PATH (a file or folder; default: here) as JSON."""
    import json
    import os
    from .config import ConfigError
    from .registry import RuleError
    resolver = _resolver(config_file, isolated)
    try:
        if path is None:
            res = resolver.for_dir(os.getcwd())
        elif os.path.isdir(path):
            res = resolver.for_dir(path)
        else:
            res = resolver.for_path(path)
        d = res.describe()
        if path is not None and not os.path.isdir(path):
            d["path"] = path
            d["ignored-here"] = sorted(res.ignored_for(path))
            d["excluded"] = res.is_excluded(path)
    except (ConfigError, RuleError) as e:
        _fail(str(e))
    click.echo(json.dumps(d, indent=2, ensure_ascii=False))


@main.command()
@click.argument("rule")
@click.option("--config", "config_file", type=click.Path(dir_okay=False),
              help="Use this configuration file (for rules from its rule packs).")
@click.option("--isolated", is_flag=True, help="Ignore all configuration files.")
def explain(rule, config_file, isolated):
    """Explain a rule: what it checks, why, and a bad and a good example."""
    import os
    from .registry import PSEUDO_RULES
    reg = _resolver(config_file, isolated).for_dir(os.getcwd()).registry
    if rule.upper() == "CTA000" or rule.lower() == "unreadable":
        click.echo("CTA000 [unreadable] (error)\n\nA file could not be read or parsed (binary, "
                   "undecodable, too large, missing, not permitted). The run goes on with the "
                   "other files.")
        return
    if rule.upper() == "CTA090" or rule.lower() == PSEUDO_RULES["CTA090"][0]:
        click.echo("CTA090 [bad-directive] (warning)\n\nAn inline directive such as "
                   "<!-- cta-lint-disable CTA0X --> names a rule that does not exist, so it "
                   "suppresses nothing. Fix the code or name (see 'cta-lint rules').")
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


@main.command()
def server():
    """Run the language server (LSP) over stdio, for editors (needs cta-lint[lsp])."""
    from .lsp import run
    sys.exit(run())


def _indent(s: str) -> str:
    return "\n".join("    " + ln if ln.strip() else "" for ln in s.strip("\n").splitlines())


if __name__ == "__main__":  # pragma: no cover
    main()
