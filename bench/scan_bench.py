"""``cta-lint scan`` against ``cta-lint check --jobs N``, and the memory of scan's workers as the
archive grows (needs the scale extra).

    python3 ../shared/bench/make_corpus.py --out /tmp/c20k --n 10000 --seed 1   # 20,000 files
    python3 bench/scan_bench.py --corpus /tmp/c20k --workers 2 --repeat 3 --sizes 20000,100000

1. Throughput on the corpus (its html/ and md/ files, 20,000 with --n 10000): ``check --jobs N
   --isolated --format json -o FILE`` on the folder, ``scan FOLDER --workers N`` and ``scan
   ARCHIVE.jsonl --workers N`` (the same messages as JSON Lines), each a whole process timed from
   outside (start-up, the LocalCluster's start and stop included), in turn, median of --repeat.
2. Memory: ``scan`` over JSON Lines archives of each of --sizes messages (the corpus repeated
   under new ids: r1/html/email_0000.html...), each worker's peak RSS (``getrusage`` on the
   worker, through ``Client.run``) and the driver's, from ``--summary-json``.

Figures go to stdout (and ``--json FILE``). The machine should be otherwise idle.
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def cli(*args) -> list[str]:
    return [sys.executable, "-m", "cta_lint", *map(str, args)]


def env() -> dict:
    e = dict(os.environ)
    e["PYTHONPATH"] = str(ROOT) + os.pathsep + e.get("PYTHONPATH", "")
    e["CI"] = "1"       # no progress bar
    return e


def files(corpus: Path) -> list[Path]:
    return sorted(p for p in corpus.rglob("*") if p.suffix in (".html", ".md"))


def write_jsonl(corpus: Path, n: int, out: Path) -> Path:
    """n messages: the corpus's files, repeated under new ids when n is larger."""
    if out.exists() and out.stat().st_size > 0:
        return out
    src = files(corpus)
    tmp = out.with_suffix(".tmp")
    with open(tmp, "w", encoding="utf-8") as fh:
        for i in range(n):
            p = src[i % len(src)]
            rep = i // len(src)
            mid = str(p.relative_to(corpus)) if rep == 0 else f"r{rep}/{p.relative_to(corpus)}"
            fh.write(json.dumps({"id": mid, "body": p.read_text(encoding="utf-8")}) + "\n")
    tmp.rename(out)
    return out


def timed(cmd: list[str], work: Path) -> float:
    t = time.perf_counter()
    r = subprocess.run(cmd, env=env(), cwd=work, stdout=subprocess.DEVNULL,
                       stderr=subprocess.PIPE, text=True)
    dt = time.perf_counter() - t
    if r.returncode not in (0, 1):
        sys.exit(f"failed ({r.returncode}): {' '.join(cmd)}\n{r.stderr[-2000:]}")
    return dt


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", type=Path, required=True, help="make_corpus.py --out folder")
    ap.add_argument("--work", type=Path, default=Path("/tmp/cta-scan-bench"))
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--sizes", default="20000,100000", help="archive sizes for the memory test")
    ap.add_argument("--skip-throughput", action="store_true")
    ap.add_argument("--json", type=Path)
    a = ap.parse_args()
    a.work.mkdir(parents=True, exist_ok=True)
    corpus = a.corpus.resolve()
    n = len(files(corpus))
    fig: dict = {"messages": n, "workers": a.workers}
    if not a.skip_throughput:
        arch = write_jsonl(corpus, n, a.work / f"archive-{n}.jsonl")
        runs = {
            "check --jobs": cli("check", "--isolated", "--jobs", a.workers, "--format", "json",
                                "--exit-zero", "-o", a.work / "check.json", corpus),
            "scan folder": cli("scan", "--isolated", "--workers", a.workers, corpus,
                               "-o", a.work / "scan-folder.jsonl"),
            "scan jsonl": cli("scan", "--isolated", "--workers", a.workers, arch,
                              "-o", a.work / "scan-jsonl.jsonl"),
        }
        times: dict[str, list[float]] = {k: [] for k in runs}
        for i in range(a.repeat):
            for k, cmd in runs.items():
                times[k].append(timed(cmd, a.work))
                print(f"  run {i + 1} {k}: {times[k][-1]:.1f} s", flush=True)
        base = statistics.median(times["check --jobs"])
        for k, ts in times.items():
            med = statistics.median(ts)
            fig[k] = {"seconds": ts, "median": round(med, 2), "msgs_per_s": round(n / med, 1),
                      "vs_check": round(med / base, 3)}
            print(f"{k:14} median {med:7.1f} s  {n / med:7.1f} messages/s  "
                  f"{med / base:.2f}x check --jobs {a.workers}", flush=True)
    fig["memory"] = {}
    for size in (int(s) for s in a.sizes.split(",") if s):
        arch = write_jsonl(corpus, size, a.work / f"archive-{size}.jsonl")
        sj = a.work / f"summary-{size}.json"
        dt = timed(cli("scan", "--isolated", "--workers", a.workers, arch, "-o",
                       a.work / f"scan-{size}.parquet", "--summary-json", sj), a.work)
        s = json.loads(sj.read_text())
        peaks = sorted(s["worker_peak_rss_mb"].values())
        fig["memory"][size] = {"seconds": round(dt, 1), "worker_peak_rss_mb": peaks,
                               "driver_peak_rss_mb": s["driver_peak_rss_mb"],
                               "messages_read": s["messages_read"],
                               "partitions": s["partitions"],
                               "archive_mb": round(arch.stat().st_size / 2**20)}
        print(f"{size:>7} messages ({fig['memory'][size]['archive_mb']} MB, {s['partitions']} "
              f"partitions): {dt:.0f} s; worker peak RSS {peaks} MB; driver "
              f"{s['driver_peak_rss_mb']} MB", flush=True)
    if a.json:
        a.json.write_text(json.dumps(fig, indent=1))


if __name__ == "__main__":
    main()
