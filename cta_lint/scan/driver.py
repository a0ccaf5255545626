"""``cta-lint scan``: plan the partitions, run them on a Dask cluster, stream the findings out.

A ``dask.bag`` holds one partition description per bag partition; ``map_partitions`` lints each
on a worker (``worker.lint_partition``). The driver computes the bag's partitions as futures and
takes them as they complete: each result (that partition's findings and counts) is written to a
part file and dropped, so the driver holds one partition at a time and each worker one partition
of messages at a time, whatever the size of the archive.
"""
from __future__ import annotations

import json
import os
import sys
import time

from .inputs import Columns, SourceError, plan
from .output import Summary, Writer, kind_of
from .worker import ScanSpec, lint_partition, peak_rss_mb


class ScanError(Exception):
    """A usage or configuration problem: one line, exit 2."""


def _lint_bag_partition(parts, spec):
    return [lint_partition(p, spec) for p in parts]


def _show_progress() -> bool:
    return (sys.stderr.isatty() and not os.environ.get("CI")
            and os.environ.get("TERM") != "dumb")


def _client(scheduler: str | None, workers: int | None):
    """A Client on the cluster at ``scheduler``, or on a new LocalCluster of ``workers``
    single-threaded processes (the linter holds the GIL: threads would not run in parallel)."""
    import logging
    from distributed import Client, LocalCluster
    if scheduler:
        return Client(scheduler, timeout="30s"), None
    n = workers or _cores()
    # the workers are spawned with this process's sys.path: put the folder this cta_lint comes
    # from first (``python -m cta_lint`` drops the current folder, which may be that folder),
    # so that they import this copy, not another one installed elsewhere
    import cta_lint
    root = os.path.dirname(os.path.dirname(os.path.abspath(cta_lint.__file__)))
    sys.path.insert(0, root)
    # no statistical profiler on our workers: it samples every 10 ms and keeps one profile a
    # second for an hour, so a worker's memory grew with the scan's duration (+16 MB over 5
    # minutes), not with anything it had to hold
    import dask
    try:
        with dask.config.set({"distributed.worker.profile.enabled": False}):
            cluster = LocalCluster(n_workers=n, threads_per_worker=1, processes=True,
                                   dashboard_address=":0", silence_logs=logging.ERROR)
    finally:
        sys.path.remove(root)
    return Client(cluster), cluster


def _cores() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return os.cpu_count() or 1


def _progress(keys, client) -> None:
    """Dask's text progress bar, on stderr, in a thread (the main one writes results). It
    follows the tasks' keys, not their futures: holding a future would keep its result."""
    import threading
    from distributed.diagnostics.progressbar import TextProgressBar
    from dask.utils import format_time

    class Bar(TextProgressBar):
        def _draw_bar(self, remaining, all, **kwargs):
            frac = (1 - remaining / all) if all else 1.0
            sys.stderr.write(f"\r[{'#' * int(self.width * frac):<{self.width}}] | "
                             f"{int(100 * frac)}% Completed | {format_time(self.elapsed)}")
            sys.stderr.flush()

        def _draw_stop(self, **kwargs):
            sys.stderr.write("\33[2K\r")
            sys.stderr.flush()

    def run():
        try:
            Bar(keys, scheduler=client.scheduler.address)
        except Exception:  # noqa: BLE001 - a progress bar must never fail the scan
            pass
    t = threading.Thread(target=run, daemon=True)
    t.start()
    return t


def scan(source: str, out: str, *, spec: ScanSpec, resolver, workers: int | None = None,
         scheduler: str | None = None, partition_bytes: int = 8 << 20,
         files_per_partition: int = 200, force_exclude: bool = False,
         summary_json: str | None = None, names: dict[str, str] | None = None,
         echo=print) -> Summary:
    """Run the scan; returns its Summary (ScanError for a usage problem)."""
    if kind_of(out) is None:
        raise ScanError(f"--out {out}: use a .jsonl or .parquet file name")
    if not os.path.isdir(os.path.dirname(os.path.abspath(out))):
        raise ScanError(f"--out {out}: no such folder")
    try:
        kind, parts = plan(source, resolver=resolver, force_exclude=force_exclude,
                           columns=spec.columns, partition_bytes=partition_bytes,
                           files_per_partition=files_per_partition,
                           min_partitions=4 * (workers or (16 if scheduler else _cores())))
    except (SourceError, OSError) as e:
        raise ScanError(str(e)) from None
    if kind != "files":
        spec.source = os.path.abspath(source)
    writer = Writer(out)
    summary = Summary()
    t0 = time.perf_counter()
    client = cluster = None
    try:
        if parts:
            import dask.bag as db
            from distributed import as_completed
            client, cluster = _client(scheduler, workers)
            try:        # the workers must be able to import this cta-lint
                client.submit(peak_rss_mb, pure=False).result(timeout=120)
            except Exception as e:  # noqa: BLE001
                raise ScanError(f"the cluster's workers cannot run cta-lint ({type(e).__name__}: "
                                f"{e}); install cta-lint[scale] where they run") from None
            if _show_progress():
                echo(f"cta-lint: scan: {len(parts)} partitions of {source}; dashboard: "
                     f"{client.dashboard_link}", err=True)
            bag = db.from_sequence(parts, npartitions=len(parts))
            bag = bag.map_partitions(_lint_bag_partition, spec)
            futures = client.compute(bag.to_delayed())
            where = {f.key: p for f, p in zip(futures, parts)}
            bar = _progress([f.key for f in futures], client) if _show_progress() else None
            done = as_completed(futures)
            del futures                 # as_completed holds each until it is done: then the
            for fut in done:            # result is written and the future (and its data) let go
                part = where.pop(fut.key)
                try:
                    results = fut.result()
                except Exception as e:  # noqa: BLE001 - a lost partition never fails the scan
                    summary.partitions += 1
                    summary.unreadable.append((_describe(part), f"partition failed: "
                                                                f"{type(e).__name__}: {e}"))
                    continue
                finally:
                    fut.release()
                for r in results:
                    writer.write(r["index"], r["rows"])
                    summary.add(r)
            if bar is not None:     # let the bar and the scheduler's feed to it end before
                bar.join(5)         # the cluster closes (else the scheduler logs the cancel)
                time.sleep(0.3)
            try:
                summary.workers_peak_mb = {k: round(v, 1) for k, v in
                                           client.run(peak_rss_mb).items()}
            except Exception:  # noqa: BLE001 - a figure, not a result
                pass
        writer.finish()
        summary.driver_peak_mb = round(peak_rss_mb(), 1)
    finally:
        writer.close()
        if client is not None:
            client.close()
        if cluster is not None:
            cluster.close()
    summary.seconds = time.perf_counter() - t0
    echo(summary.render(names or {}, source, out, len(summary.workers_peak_mb) or
                        (workers or _cores())), nl=False)
    if summary_json:
        with open(summary_json, "w", encoding="utf-8") as fh:
            json.dump(summary.as_dict(), fh, indent=1, ensure_ascii=False)
    return summary


def _describe(part) -> str:
    if part.kind == "files":
        first = part.paths[0] if part.paths else "?"
        return f"{len(part.paths)} files from {first}"
    if part.kind == "parquet":
        return f"{part.path} row groups {part.row_groups}"
    return f"{part.path} bytes {part.start}-{part.end}"


__all__ = ["scan", "ScanError", "ScanSpec", "Columns"]
