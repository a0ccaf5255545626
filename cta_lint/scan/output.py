"""The findings file of ``cta-lint scan`` (JSON Lines or Parquet, by ``--out``'s extension) and
the summary.

Each partition's rows are written to their own part file as soon as the partition is done (the
driver holds one partition's findings at a time), then the parts are joined in partition order
into ``--out`` (written beside it and renamed into place, so a reader never sees half a file).
"""
from __future__ import annotations

import json
import os
import shutil
import tempfile

from .worker import FIELDS


def kind_of(out: str) -> str | None:
    low = out.lower()
    if low.endswith((".jsonl", ".ndjson")):
        return "jsonl"
    if low.endswith((".parquet", ".pq")):
        return "parquet"
    return None


def _schema():
    import pyarrow as pa
    return pa.schema([("id", pa.string()), ("rule", pa.string()), ("severity", pa.string()),
                      ("line", pa.int32()), ("column", pa.int32()), ("message", pa.string())])


class Writer:
    """Part files in a temporary folder beside ``out``; ``finish`` joins them into ``out``."""

    def __init__(self, out: str):
        self.out = out
        self.kind = kind_of(out)
        if self.kind is None:
            raise ValueError(f"--out {out}: use a .jsonl or .parquet file name")
        d = os.path.dirname(os.path.abspath(out))
        self.tmp = tempfile.mkdtemp(prefix=".cta-lint-scan-", dir=d)
        self.parts: dict[int, str] = {}
        self.records = 0

    def write(self, index: int, rows: list[tuple]) -> None:
        path = os.path.join(self.tmp, f"part-{index:06d}.{self.kind}")
        self.records += len(rows)
        if self.kind == "jsonl":
            with open(path, "w", encoding="utf-8") as fh:
                for r in rows:
                    fh.write(json.dumps(dict(zip(FIELDS, r)), ensure_ascii=False) + "\n")
        else:
            if not rows:
                return
            import pyarrow as pa
            import pyarrow.parquet as pq
            cols = list(zip(*rows))
            pq.write_table(pa.Table.from_arrays([pa.array(c) for c in cols], schema=_schema()),
                           path)
        self.parts[index] = path

    def finish(self) -> None:
        """Join the parts, in partition order, into ``out`` (one part in memory at a time)."""
        fd, final = tempfile.mkstemp(prefix=".cta-lint-", dir=self.tmp)
        os.close(fd)
        order = [self.parts[i] for i in sorted(self.parts)]
        if self.kind == "jsonl":
            with open(final, "wb") as dst:
                for p in order:
                    with open(p, "rb") as src:
                        shutil.copyfileobj(src, dst, 1 << 20)
        else:
            import pyarrow.parquet as pq
            with pq.ParquetWriter(final, _schema()) as w:
                for p in order:
                    w.write_table(pq.read_table(p, schema=_schema()))
        os.replace(final, self.out)
        self.close()

    def close(self) -> None:
        shutil.rmtree(self.tmp, ignore_errors=True)


class Summary:
    """Totals over the partitions' summaries (small: counts, and the unreadable messages)."""

    def __init__(self):
        self.read = self.with_findings = self.partitions = 0
        self.by_rule: dict[str, int] = {}
        self.unreadable: list[tuple[str, str]] = []
        self.workers_peak_mb: dict[str, float] = {}
        self.driver_peak_mb = 0.0
        self.seconds = 0.0

    def add(self, part: dict) -> None:
        self.partitions += 1
        self.read += part["read"]
        self.with_findings += part["with_findings"]
        for k, v in part["by_rule"].items():
            self.by_rule[k] = self.by_rule.get(k, 0) + v
        self.unreadable.extend(part["unreadable"])

    def as_dict(self) -> dict:
        return {"messages_read": self.read, "messages_with_findings": self.with_findings,
                "findings": sum(self.by_rule.values()),
                "by_rule": dict(sorted(self.by_rule.items())),
                "unreadable": [{"id": i, "reason": r} for i, r in self.unreadable],
                "partitions": self.partitions, "seconds": round(self.seconds, 3),
                "worker_peak_rss_mb": self.workers_peak_mb,
                "driver_peak_rss_mb": self.driver_peak_mb}

    def render(self, names: dict[str, str], source: str, out: str, workers: int) -> str:
        rate = self.read / self.seconds if self.seconds > 0 else 0.0
        lines = [f"Scanned {self.read} messages from {source} in {self.seconds:.1f} s "
                 f"({rate:.0f} messages/s, {self.partitions} partitions, {workers} workers).",
                 f"Messages with findings: {self.with_findings}.",
                 f"Findings: {sum(self.by_rule.values())}, written to {out}."]
        if self.by_rule:
            lines.append("Findings per rule:")
            for code, n in sorted(self.by_rule.items(), key=lambda kv: (-kv[1], kv[0])):
                lines.append(f"  {code:8} {names.get(code, ''):26} {n:>9}")
        if self.unreadable:
            lines.append(f"Unreadable messages: {len(self.unreadable)}")
            for mid, reason in self.unreadable:
                lines.append(f"  {mid}: {reason}")
        return "\n".join(lines) + "\n"
