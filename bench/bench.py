#!/usr/bin/env python3
"""Benchmark cta-lint against the parse floors, in one run.

    python3 bench/bench.py                       # generate the shared corpus (seed 1, n=500)
    python3 bench/bench.py --corpus DIR          # or use a folder with html/ and md/ (or any files)
    python3 bench/bench.py --rounds 25 --rss-files 10000

Measures, for HTML and Markdown separately:
  * end-to-end wall time of ``cta-lint check DIR`` serially (-j 1) and with --jobs N: ms/file,
    MB/s, peak RSS (largest single process, from getrusage of a fresh wrapper process);
  * in-process ms/file of ``Linter.lint_file`` (no start-up) and the floors over the same
    files: bare ``lxml.html`` parse + ``text_content()`` and ``markdown-it-py`` parse;
  * one-file latency: ``cta-lint check one.html`` / ``one.md`` as a whole process, many
    rounds in shuffled order with ``python -c pass`` as the baseline; medians.
Prints ratios to the floors. Runs the CLI from this checkout, never an install: by default from
a temporary copy of cta_lint/ and rules/ compiled to bytecode, as pip installs it (the checkout
itself may have no .pyc, e.g. under PYTHONDONTWRITEBYTECODE, and compiling ~6,000 lines of source
on every start would count against the one-file latency); ``--source`` runs the checkout as is.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MAKE_CORPUS = ROOT.parent / "shared" / "bench" / "make_corpus.py"
ENV = dict(os.environ, PYTHONPATH=str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""))
CLI = [sys.executable, "-m", "cta_lint", "check", "--quiet", "--format", "json", "--exit-zero"]

_RSS_WRAPPER = (
    "import resource, subprocess, sys, time, json\n"
    "t = time.perf_counter()\n"
    "r = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL)\n"
    "w = time.perf_counter() - t\n"
    "print(json.dumps({'rc': r.returncode, 'wall': w,\n"
    "  'rss_kb': resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss}))\n"
)


def use_compiled_copy(dest: Path) -> None:
    """Run the CLI from a copy of this checkout's package compiled to .pyc (as installed)."""
    shutil.copytree(ROOT / "cta_lint", dest / "cta_lint",
                    ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(ROOT / "rules", dest / "cta_lint" / "rules")   # as the wheel ships it
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(dest / "cta_lint")], check=True)
    ENV["PYTHONPATH"] = str(dest) + os.pathsep + os.environ.get("PYTHONPATH", "")
    RUN_DIR[0] = str(dest)   # `python -m` puts the working folder first on sys.path


RUN_DIR = [str(ROOT)]        # where the CLI runs (a checkout there would shadow PYTHONPATH)


def measured(cmd: list[str]) -> dict:
    """Run cmd under a fresh wrapper: wall seconds and peak RSS (KB) of its largest process."""
    out = subprocess.run([sys.executable, "-c", _RSS_WRAPPER, *cmd], env=ENV, cwd=RUN_DIR[0],
                         capture_output=True, text=True, check=True)
    return json.loads(out.stdout)


def wall(cmd: list[str]) -> float:
    t = time.perf_counter()
    subprocess.run(cmd, env=ENV, cwd=RUN_DIR[0], stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL)
    return time.perf_counter() - t


def files_in(d: Path, exts: tuple[str, ...]) -> list[Path]:
    return sorted(p for p in d.rglob("*") if p.is_file() and p.suffix.lower() in exts)


def floor_html(paths: list[Path]) -> float:
    import lxml.html
    t = time.perf_counter()
    for p in paths:
        doc = lxml.html.document_fromstring(p.read_bytes().decode("utf-8", "replace"))
        doc.text_content()
    return time.perf_counter() - t


def floor_md(paths: list[Path]) -> float:
    from markdown_it import MarkdownIt
    md = MarkdownIt("commonmark")
    t = time.perf_counter()
    for p in paths:
        md.parse(p.read_text(encoding="utf-8", errors="replace"))
    return time.perf_counter() - t


def inproc(paths: list[Path]) -> float:
    sys.path.insert(0, str(ROOT))
    from cta_lint.engine import Linter
    lin = Linter()
    lin.lint_file(str(paths[0]))      # compile the lexicon outside the timing
    t = time.perf_counter()
    for p in paths:
        lin.lint_file(str(p))
    return time.perf_counter() - t


def one_file(html: Path | None, md: Path | None, rounds: int) -> dict[str, float]:
    cmds = {"python -c pass": [sys.executable, "-c", "pass"]}
    if html:
        cmds["check one.html"] = CLI[:-3] + [str(html)]
    if md:
        cmds["check one.md"] = CLI[:-3] + [str(md)]
    times: dict[str, list[float]] = {k: [] for k in cmds}
    for k, c in cmds.items():       # warm the page cache
        wall(c)
    rnd = random.Random(0)
    for _ in range(rounds):
        order = list(cmds)
        rnd.shuffle(order)
        for k in order:
            times[k].append(wall(cmds[k]))
    return {k: statistics.median(v) * 1000 for k, v in times.items()}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, help="folder with html/ and md/ (default: generate)")
    ap.add_argument("--n", type=int, default=500, help="files per format when generating")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 2)
    ap.add_argument("--rounds", type=int, default=15, help="one-file latency rounds")
    ap.add_argument("--repeat", type=int, default=3, help="runs per whole-folder measurement")
    ap.add_argument("--rss-files", type=int, default=0,
                    help="also lint this many files (the corpus repeated) with --jobs, for peak RSS")
    ap.add_argument("--json", type=Path, help="write the figures here too")
    ap.add_argument("--source", action="store_true",
                    help="run the checkout's source as is (no compiled copy)")
    a = ap.parse_args()
    code_dir = None
    if not a.source:
        code_dir = tempfile.TemporaryDirectory(prefix="cta-bench-code-")
        use_compiled_copy(Path(code_dir.name))

    tmp = None
    corpus = a.corpus.resolve() if a.corpus else None
    if corpus is None:
        tmp = tempfile.TemporaryDirectory(prefix="cta-bench-")
        corpus = Path(tmp.name)
        if not MAKE_CORPUS.exists():
            sys.exit(f"no corpus given and {MAKE_CORPUS} not found")
        subprocess.run([sys.executable, str(MAKE_CORPUS), "--out", str(corpus), "--n", str(a.n),
                        "--seed", str(a.seed)], check=True, stdout=subprocess.DEVNULL)

    groups = {"html": files_in(corpus, (".html", ".htm", ".mjml")),
              "md": files_in(corpus, (".md", ".markdown"))}
    res: dict = {"corpus": str(corpus), "cores": os.cpu_count(), "jobs": a.jobs}
    res["code"] = "checkout source" if a.source else "compiled copy of the checkout"
    print(f"corpus {corpus}: {len(groups['html'])} HTML, {len(groups['md'])} Markdown files; "
          f"{os.cpu_count()} cores; medians of {a.repeat} runs; running the {res['code']}")
    for kind, paths in groups.items():
        if not paths:
            continue
        n = len(paths)
        mb = sum(p.stat().st_size for p in paths) / 1e6
        args = [str(p) for p in paths]
        r = {"files": n, "mb": round(mb, 2)}
        for label, j in (("serial", 1), ("jobs", a.jobs)):
            runs = [measured(CLI + ["-j", str(j)] + args) for _ in range(a.repeat)]
            w = statistics.median(x["wall"] for x in runs)
            r[label] = {"wall_s": round(w, 3), "ms_per_file": round(w * 1000 / n, 2),
                        "mb_per_s": round(mb / w, 2), "peak_rss_mb": round(max(x["rss_kb"] for x in runs) / 1024, 1)}
        r["speedup"] = round(r["serial"]["wall_s"] / r["jobs"]["wall_s"], 2)
        ip = statistics.median(inproc(paths) for _ in range(a.repeat))
        fl = statistics.median((floor_html if kind == "html" else floor_md)(paths) for _ in range(a.repeat))
        r["inprocess_ms_per_file"] = round(ip * 1000 / n, 2)
        r["floor_ms_per_file"] = round(fl * 1000 / n, 2)
        r["ratio_to_floor"] = round(ip / fl, 1)
        r["e2e_serial_ratio_to_floor"] = round(r["serial"]["wall_s"] / fl, 1)
        res[kind] = r
        floor = "lxml parse+text" if kind == "html" else "markdown-it parse"
        print(f"\n[{kind}] {n} files, {mb:.1f} MB")
        print(f"  serial   : {r['serial']['ms_per_file']:7.2f} ms/file  {r['serial']['mb_per_s']:6.2f} MB/s"
              f"  peak RSS {r['serial']['peak_rss_mb']} MB")
        print(f"  --jobs {a.jobs} : {r['jobs']['ms_per_file']:7.2f} ms/file  {r['jobs']['mb_per_s']:6.2f} MB/s"
              f"  peak RSS {r['jobs']['peak_rss_mb']} MB  speed-up {r['speedup']}x")
        print(f"  in-process lint_file {r['inprocess_ms_per_file']} ms/file; floor ({floor}) "
              f"{r['floor_ms_per_file']} ms/file; ratio {r['ratio_to_floor']}x "
              f"(end to end serial: {r['e2e_serial_ratio_to_floor']}x)")

    lat = one_file(groups["html"][0] if groups["html"] else None,
                   groups["md"][0] if groups["md"] else None, a.rounds)
    res["one_file_ms"] = {k: round(v, 1) for k, v in lat.items()}
    print(f"\none-file latency, median of {a.rounds} rounds: " +
          ", ".join(f"{k} {v:.0f} ms" for k, v in lat.items()))

    if a.rss_files:
        allp = [str(p) for g in groups.values() for p in g]
        many = (allp * (a.rss_files // len(allp) + 1))[: a.rss_files]
        m = measured(CLI + ["-j", str(a.jobs)] + many)
        res["rss_run"] = {"files": len(many), "wall_s": round(m["wall"], 2),
                          "peak_rss_mb": round(m["rss_kb"] / 1024, 1)}
        print(f"\n{len(many)} files with --jobs {a.jobs}: {m['wall']:.1f} s, "
              f"peak RSS {m['rss_kb'] / 1024:.0f} MB (largest process)")
    if a.json:
        a.json.write_text(json.dumps(res, indent=2) + "\n")
    if tmp:
        tmp.cleanup()
    if code_dir:
        code_dir.cleanup()


if __name__ == "__main__":
    main()
