"""What ``cta-lint scan`` reads: a SOURCE cut into partitions, and the messages of one partition.

The driver only *plans* (``plan``): it lists files, reads a Parquet file's metadata or the size
of a JSON Lines / mbox file, and describes each partition by a few numbers (a chunk of paths, a
byte range, row groups). A worker reads its partition itself (``Partition.messages``), one message
at a time, so no process ever holds the archive. Nothing here imports dask.

Kinds of SOURCE:

- a folder (walked as ``check`` walks it: include / exclude / .gitignore) or a glob, or one file
  of copy: each file is a message, its id is its path;
- ``.jsonl`` / ``.ndjson``: one JSON object a line, ``{"id", "body", "format"?}`` (the column
  names are options); byte ranges, each line to the range its first byte falls in;
- ``.parquet``: the same columns; row groups;
- ``.mbox``: messages split as the standard library's ``mailbox.mbox`` splits them (every line
  that starts with ``From `` starts a message; a blank line before it is not part of the previous
  one); byte ranges, each message to the range its ``From`` line starts in. A message's id is its
  ``Message-ID`` header, else ``FILE@OFFSET``.
"""
from __future__ import annotations

import glob as _glob
import json
import os

from .._record import Record

KINDS = ("files", "jsonl", "parquet", "mbox")
FORMAT_ALIASES = {"html": "html", "htm": "html", "mjml": "html", "markdown": "markdown",
                  "md": "markdown", "text": "text", "txt": "text", "plain": "text",
                  "eml": "eml", "email": "eml"}
FILES_PER_PARTITION = 200


class SourceError(ValueError):
    """A SOURCE that cannot be planned (missing, no such column...): exit 2."""


class Columns(Record):
    __match_args__ = ("id", "body", "format")

    def __init__(self, id: str = "id", body: str = "body", format: str = "format"):
        self.id, self.body, self.format = id, body, format


class Partition(Record):
    """One unit of work: ``kind`` and what to read (paths; or a file and a byte range or row
    groups). ``index`` orders the output."""
    __match_args__ = ("index", "kind", "path", "paths", "start", "end", "row_groups")

    def __init__(self, index: int, kind: str, path: str = "", paths: list[str] | None = None,
                 start: int = 0, end: int = 0, row_groups: list[int] | None = None):
        self.index, self.kind, self.path = index, kind, path
        self.paths = paths or []
        self.start, self.end = start, end
        self.row_groups = row_groups or []

    def messages(self, columns: Columns):
        """Yield ``(id, data, fmt, error)``: data is bytes (None with an error); fmt a reader
        name or None (pick by the id's extension, else sniff, as ``check`` does for a file)."""
        if self.kind == "jsonl":
            return _jsonl(self.path, self.start, self.end, columns)
        if self.kind == "parquet":
            return _parquet(self.path, self.row_groups, columns)
        if self.kind == "mbox":
            return _mbox(self.path, self.start, self.end)
        raise ValueError(f"no messages for partition kind {self.kind}")


def kind_of(source: str) -> str:
    low = source.lower()
    if os.path.isfile(source):
        if low.endswith((".jsonl", ".ndjson", ".jsonl.txt")):
            return "jsonl"
        if low.endswith((".parquet", ".pq")):
            return "parquet"
        if low.endswith((".mbox", ".mbx")) or os.path.basename(low) == "mbox":
            return "mbox"
    return "files"


def plan(source: str, *, resolver=None, force_exclude: bool = False, columns: Columns | None = None,
         partition_bytes: int = 8 << 20, files_per_partition: int = FILES_PER_PARTITION,
         min_partitions: int = 1) -> tuple[str, list[Partition]]:
    """(kind, partitions) for SOURCE: partitions of at most ``partition_bytes`` bytes or
    ``files_per_partition`` files, smaller when that makes fewer than ``min_partitions`` (so
    that a small archive still keeps every worker busy)."""
    columns = columns or Columns()
    kind = kind_of(source)
    if kind == "files":
        paths = _expand(source)
        from ..discover import collect
        files = collect(paths, resolver, force_exclude)
        n = max(1, min(files_per_partition, -(-len(files) // max(1, min_partitions))))
        return kind, [Partition(i, "files", paths=files[k:k + n])
                      for i, k in enumerate(range(0, len(files), n))]
    if kind == "parquet":
        return kind, _plan_parquet(source, columns)
    size = os.path.getsize(source)
    step = max(1, min(partition_bytes, -(-size // max(1, min_partitions))))
    return kind, [Partition(i, kind, path=source, start=a, end=min(a + step, size))
                  for i, a in enumerate(range(0, size, step))]


def _expand(source: str) -> list[str]:
    if os.path.exists(source):
        return [source]
    if any(c in source for c in "*?["):
        found = sorted(_glob.glob(source, recursive=True))
        if found:
            return found
        raise SourceError(f"{source}: the glob matches nothing")
    raise SourceError(f"{source}: no such file or folder")


def _lines_from(path: str, start: int):
    """``(offset, line)`` from the first line that starts at or after ``start``."""
    with open(path, "rb") as fh:
        if start > 0:
            fh.seek(start - 1)
            if fh.read(1) != b"\n":
                fh.readline()
        pos = fh.tell()
        for line in fh:
            yield pos, line
            pos += len(line)


# -- JSON Lines -----------------------------------------------------------------------------------
def _lines(path: str, start: int, end: int):
    """``(offset, line)`` for the lines whose first byte is in [start, end)."""
    for pos, line in _lines_from(path, start):
        if pos >= end:
            return
        yield pos, line


def _jsonl(path: str, start: int, end: int, columns: Columns):
    name = os.path.basename(path)
    for pos, line in _lines(path, start, end):
        if not line.strip():
            continue
        where = f"{name}@{pos}"
        try:
            rec = json.loads(line)
        except ValueError as e:
            yield where, None, None, f"line at byte {pos} is not JSON ({e})"
            continue
        if not isinstance(rec, dict):
            yield where, None, None, f"line at byte {pos} is not a JSON object"
            continue
        yield _record(rec.get(columns.id), rec.get(columns.body), rec.get(columns.format),
                      where, columns)


def _record(mid, body, fmt, where: str, columns: Columns):
    """One message from its columns: (id, data, fmt, error)."""
    mid = where if mid is None or mid == "" else str(mid)
    if isinstance(body, str):
        data = body.encode("utf-8", "surrogatepass")
    elif isinstance(body, (bytes, bytearray)):
        data = bytes(body)
    elif body is None:
        return mid, None, None, f"no '{columns.body}' (the message body)"
    else:
        return mid, None, None, f"'{columns.body}' is not a string"
    if fmt is None or fmt == "":
        return mid, data, None, None
    f = FORMAT_ALIASES.get(str(fmt).strip().lower())
    if f is None:
        return mid, None, None, (f"unknown {columns.format} {fmt!r} (html, markdown, text "
                                 "or eml)")
    return mid, data, f, None


# -- Parquet --------------------------------------------------------------------------------------
def _plan_parquet(path: str, columns: Columns) -> list[Partition]:
    import pyarrow.parquet as pq
    try:
        pf = pq.ParquetFile(path)
    except Exception as e:  # noqa: BLE001 - pyarrow raises several kinds
        raise SourceError(f"{path}: not a Parquet file ({e})") from None
    names = pf.schema_arrow.names
    for want, opt in ((columns.id, "--id-column"), (columns.body, "--body-column")):
        if want not in names:
            raise SourceError(f"{path}: no column '{want}' (columns: {', '.join(names)}); "
                              f"name it with {opt}")
    return [Partition(i, "parquet", path=path, row_groups=[i])
            for i in range(pf.metadata.num_row_groups)]


def _parquet(path: str, row_groups: list[int], columns: Columns):
    import pyarrow.parquet as pq
    pf = pq.ParquetFile(path)
    names = pf.schema_arrow.names
    cols = [columns.id, columns.body] + ([columns.format] if columns.format in names else [])
    name = os.path.basename(path)
    n = 0
    for rg in row_groups:
        for batch in pf.iter_batches(batch_size=256, row_groups=[rg], columns=cols):
            d = batch.to_pydict()
            fmts = d.get(columns.format) or [None] * batch.num_rows
            for mid, body, fmt in zip(d[columns.id], d[columns.body], fmts):
                yield _record(mid, body, fmt, f"{name}@rowgroup{rg}:{n}", columns)
                n += 1


# -- mbox -----------------------------------------------------------------------------------------
def _mbox(path: str, start: int, end: int):
    """The messages whose ``From`` line starts in [start, end), split as ``mailbox.mbox``
    splits them (``_generate_toc``, ``get_bytes``): the ``From`` line is not part of the
    message, nor one blank line before the next ``From`` line or the end of the file."""
    name = os.path.basename(path)
    at, buf, last_empty = -1, [], False
    for pos, line in _lines_from(path, start):
        if line.startswith(b"From "):
            if at >= 0:
                yield _mbox_message(name, at, buf, last_empty)
            if pos >= end:
                return
            at, buf, last_empty = pos, [], False
            continue
        if at >= 0:
            buf.append(line)
            last_empty = line == b"\n"
    if at >= 0:
        yield _mbox_message(name, at, buf, last_empty)


def _mbox_message(name: str, at: int, buf: list[bytes], drop_last: bool):
    if drop_last and buf:
        buf = buf[:-1]
    data = b"".join(buf)
    mid = _message_id(data)
    return (mid or f"{name}@{at}"), data, "eml", None


def _message_id(data: bytes) -> str | None:
    from email.parser import BytesHeaderParser
    try:
        v = BytesHeaderParser().parsebytes(data[:65536]).get("Message-ID")
    except Exception:  # noqa: BLE001 - a broken header block: the offset names it
        return None
    v = str(v).strip().strip("<>").strip() if v else ""
    return v or None
