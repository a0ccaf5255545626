"""``cta-lint scan``: lint an archive of messages on a Dask cluster (the ``scale`` extra).

Only that command imports this package's driver, and only the driver imports dask:
``check`` and the rest never do."""
from __future__ import annotations

INSTALL_HINT = ("cta-lint: error: 'cta-lint scan' needs the scale extra, which is not "
                "installed.\n"
                "Install it with:  python3 -m pip install \"cta-lint[scale]\"\n"
                "(it adds dask[distributed,dataframe] and pyarrow; for one machine's files, "
                "'cta-lint check --jobs N' needs nothing more).")


def missing_extra() -> str | None:
    """The name of the first module of the extra that cannot be imported, else None."""
    import importlib.util
    for mod in ("dask", "distributed", "pyarrow"):
        try:
            if importlib.util.find_spec(mod) is None:
                return mod
        except (ImportError, ValueError):
            return mod
    return None


def command(source: str, out: str, *, select=(), extend_select=(), ignore=(),
            per_file_ignores=None, max_file_size=None, config_file=None, isolated=False,
            id_column="id", body_column="body", format_column="format", exit_zero=False,
            partition_size=8 << 20, **kw) -> int:
    """``cta-lint scan`` (cli.py has its options): 0 no findings, 1 findings, 2 a usage or
    configuration error, or the extra missing."""
    import os
    import click
    if missing_extra():
        click.echo(INSTALL_HINT, err=True)
        return 2
    from ..config import ConfigError, Overrides, Resolver
    from ..registry import PSEUDO_RULES, RuleError
    from .driver import ScanError, scan
    from .inputs import Columns
    from .worker import ScanSpec

    def split(values):
        return [x.strip() for v in values or () for x in v.split(",") if x.strip()]

    spec = ScanSpec(select=split(select) or None, extend_select=split(extend_select),
                    ignore=split(ignore), per_file_ignores=per_file_ignores,
                    max_file_size=max_file_size,
                    config_file=os.path.abspath(config_file) if config_file else None,
                    isolated=isolated, cwd=os.getcwd(),
                    columns=Columns(id_column, body_column, format_column))
    try:
        ov = Overrides(select=spec.select, extend_select=spec.extend_select, ignore=spec.ignore,
                       per_file_ignores=spec.per_file_ignores, max_file_size=max_file_size)
        resolver = Resolver(ov, config_file=spec.config_file, isolated=isolated)
        rules = resolver.for_dir(os.getcwd()).registry.rules
        names = {c: r.name for c, r in rules.items()} | {c: v[0] for c, v in
                                                          PSEUDO_RULES.items()}
        summary = scan(source, out, spec=spec, resolver=resolver, names=names,
                       partition_bytes=partition_size, echo=click.echo, **kw)
    except (ScanError, ConfigError, RuleError) as e:
        click.echo(f"cta-lint: error: {e}", err=True)
        return 2
    return 1 if summary.by_rule and not exit_zero else 0
