"""One partition, linted on a worker: the same configuration, engine and rules as ``check``.

``lint_partition`` runs on a Dask worker (or anywhere: it does not import dask). It builds the
configuration resolver once per worker process (``ScanSpec`` carries what the command line
said), reads its partition one message at a time, and returns its findings as output rows plus
a small summary. Nothing of a message outlives it.
"""
from __future__ import annotations

import os
from collections import Counter

from .._record import Record
from .inputs import Columns, Partition

FIELDS = ("id", "rule", "severity", "line", "column", "message")
UNREADABLE = "CTA000"


class ScanSpec(Record):
    """What the command line says, as plain picklable data sent to every worker."""
    __match_args__ = ("select", "extend_select", "ignore", "per_file_ignores", "max_file_size",
                      "config_file", "isolated", "cwd", "source", "columns")

    def __init__(self, select=None, extend_select=(), ignore=(), per_file_ignores=None,
                 max_file_size=None, config_file=None, isolated=False, cwd=".", source="",
                 columns: Columns | None = None):
        self.select = list(select) if select else None
        self.extend_select = list(extend_select)
        self.ignore = list(ignore)
        self.per_file_ignores = dict(per_file_ignores or {})
        self.max_file_size = max_file_size
        self.config_file = config_file
        self.isolated = isolated
        self.cwd = cwd
        self.source = source
        self.columns = columns or Columns()

    def key(self) -> str:
        return repr(self)


_RESOLVERS: dict[str, object] = {}     # one per spec in each worker process


def resolver(spec: ScanSpec):
    """The configuration resolver for ``spec`` (a ConfigError propagates: the driver has
    already built one from the same spec, so a worker meets it only if its files differ)."""
    r = _RESOLVERS.get(spec.key())
    if r is None:
        from ..config import Overrides, Resolver
        # relative paths (files, globs of --per-file-ignores, the default root) mean what they
        # meant where the command ran: a LocalCluster's workers start there already; a remote
        # worker moves there when that folder exists on its machine (a shared filesystem)
        if os.getcwd() != spec.cwd and os.path.isdir(spec.cwd):
            os.chdir(spec.cwd)
        ov = Overrides(select=spec.select, extend_select=spec.extend_select, ignore=spec.ignore,
                       per_file_ignores=spec.per_file_ignores, max_file_size=spec.max_file_size)
        r = _RESOLVERS[spec.key()] = Resolver(ov, config_file=spec.config_file,
                                              isolated=spec.isolated)
    return r


def lint_partition(part: Partition, spec: ScanSpec) -> dict:
    """Lint one partition. Returns ``{"index", "rows", "read", "with_findings", "by_rule",
    "unreadable", "pid"}``; rows are tuples in FIELDS order."""
    res = resolver(spec)
    rows: list[tuple] = []
    by_rule: Counter = Counter()
    unreadable: list[tuple[str, str]] = []
    read = flagged = 0

    def add(mid: str, findings) -> None:
        nonlocal flagged
        if findings:
            flagged += 1
        for f in findings:
            rows.append((mid, f.rule, f.severity, f.line, f.column, f.message))
            by_rule[f.rule] += 1
            if f.rule == UNREADABLE:
                unreadable.append((mid, f.message))

    if part.kind == "files":
        for path in part.paths:
            read += 1
            add(path, _lint_file(res, path))
    else:
        rr = res.for_path(spec.source)
        drop = rr.ignored_for(spec.source)
        linter = rr.linter
        for mid, data, fmt, error in part.messages(spec.columns):
            read += 1
            if error is not None:
                out = linter.unreadable(mid, f"cannot read {mid}: {error}")
                if not out:     # CTA000 not selected: still said in the summary
                    unreadable.append((mid, f"cannot read {mid}: {error}"))
            elif len(data) > linter.settings.max_file_size:
                out = linter.unreadable(mid, f"skipped {mid}: {len(data)} bytes is over the "
                                             f"--max-file-size limit of "
                                             f"{linter.settings.max_file_size}")
            else:
                out = linter.lint_bytes(data, mid, fmt)
            linter.suppressed.clear()
            linter.notes.clear()
            add(mid, [f for f in out if f.rule not in drop] if drop else out)
    return {"index": part.index, "rows": rows, "read": read, "with_findings": flagged,
            "by_rule": dict(by_rule), "unreadable": unreadable, "pid": os.getpid()}


def _lint_file(resolver_, path: str):
    """One file as ``check`` lints it (cli.py's ``lint_one``)."""
    res = resolver_.for_path(path)
    linter = res.linter
    out = linter.lint_file(path)
    drop = res.ignored_for(path)
    if drop:
        out = [f for f in out if f.rule not in drop]
    linter.suppressed.clear()
    linter.notes.clear()
    return out


def peak_rss_mb() -> float:
    """This process's peak resident set, in MB (run on each worker at the end of a scan)."""
    import resource
    import sys
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1 << 20) if sys.platform == "darwin" else peak / 1024
