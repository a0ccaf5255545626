"""The click group and commands of ``cta-lint`` (see cli.py: they live here so that the
click-free ``check`` path compiles and imports none of this)."""
from __future__ import annotations

import click

from . import __version__
from . import cli


def build():
    """The ``cta-lint`` click group (cli.py builds it once; ``check`` runs ``cli._check``)."""
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
    @click.option("--format", "fmt", type=click.Choice(cli.FORMAT_CHOICES), default=None,
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
        cli._check(**kw)

    @main.command("rules")
    @click.option("--config", "config_file", type=click.Path(dir_okay=False),
                  help="Use this configuration file instead of discovering one from here.")
    @click.option("--isolated", is_flag=True, help="Ignore all configuration files.")
    def rules_cmd(config_file, isolated):
        """List the rules: code, name, severity, enabled or not, origin."""
        import os
        from .registry import PSEUDO_RULES
        res = cli._resolver(config_file, isolated).for_dir(os.getcwd())
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
        resolver = cli._resolver(config_file, isolated)
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
            cli._fail(str(e))
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
        reg = cli._resolver(config_file, isolated).for_dir(os.getcwd()).registry
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
            parts += ["What it checks:", cli._indent(r.description), ""]
        if r.rationale:
            parts += ["Why:", cli._indent(r.rationale), ""]
        if r.bad:
            parts += ["Bad:", cli._indent(r.bad), ""]
        if r.good:
            parts += ["Good:", cli._indent(r.good), ""]
        shown = {k: v for k, v in r.options.items() if k != "message"}
        if shown:
            parts += ["Options:"] + [f"    {k} = {v!r}" for k, v in shown.items()] + [""]
        click.echo("\n".join(parts).rstrip() + "\n")

    return main
