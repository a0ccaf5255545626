"""``cta-lint scan`` (the ``scale`` extra): the same findings as ``check`` on the same messages,
from a folder, JSON Lines, Parquet and mbox, on a LocalCluster of 2 workers; partitions that cut
a file anywhere lose and duplicate nothing; without the extra, a hint and exit 2; ``check`` never
imports dask.

The cluster tests skip when dask.distributed or pyarrow is not installed (the ``test`` extra
does not install them: see the README's Development section)."""
from __future__ import annotations

import json
import mailbox
import os
import re
import subprocess
import sys

import pytest

from conftest import EXAMPLES, ROOT, run_cli

KINDS = {".html": "html", ".mjml": "html", ".md": "markdown", ".txt": "text", ".eml": "eml"}
HEDGE = "\n\nIf you're interested, feel free to book a call.\n"


def _needs_scale():
    for mod in ("distributed", "dask.bag", "pyarrow.parquet"):
        pytest.importorskip(mod, reason="needs the scale extra: pip install 'cta-lint[scale]'")


def messages(n: int = 48) -> list[tuple[str, str, str]]:
    """(id, format, body): the examples in every format, varied, plus a binary one."""
    files = sorted(p for p in EXAMPLES.rglob("*") if p.suffix in KINDS)
    out = []
    for i in range(n):
        p = files[i % len(files)]
        body = p.read_text(encoding="utf-8")
        if i % 3 == 1 and p.suffix in (".txt", ".md"):
            body += HEDGE
        if i % 5 == 2 and p.suffix == ".html":
            body = body.replace("</body>", "<p>We need 50 more sign-ups this week.</p></body>")
        out.append((f"m{i:03d}{p.suffix}", KINDS[p.suffix], body))
    out.append(("m999.txt", "text", "\x00\x01 not copy"))
    return out


def write_folder(d, msgs):
    d.mkdir()
    for mid, _, body in msgs:
        (d / mid).write_bytes(body.encode("utf-8"))
    return d


def check_findings(folder, suffix: str = "") -> set[tuple]:
    """``check``'s findings on the files of a folder, each under its message id: the file's
    name less ``suffix`` (also in a CTA000 message, which names the file)."""
    r = run_cli("check", "--isolated", "--format", "json", "--jobs", "1", folder)
    assert r.returncode == 1, r.stderr
    out = set()
    for f in json.loads(r.stdout)["findings"]:
        mid = os.path.basename(f["path"])[: len(os.path.basename(f["path"])) - len(suffix)]
        out.add((mid, f["rule"], f["severity"], f["line"], f["column"],
                 f["message"].replace(f["path"], mid)))
    return out


def scan(source, out, *args):
    r = run_cli("scan", "--isolated", "--workers", "2", source, "--out", out, *args,
                "--summary-json", str(out) + ".summary.json")
    assert r.returncode == 1, r.stdout + r.stderr
    summary = json.loads(open(str(out) + ".summary.json").read())
    return r, summary


def read_out(out) -> list[tuple]:
    if str(out).endswith(".parquet"):
        import pyarrow.parquet as pq
        t = pq.read_table(out).to_pylist()
    else:
        t = [json.loads(ln) for ln in open(out, encoding="utf-8")]
    return [(os.path.basename(r["id"]), r["rule"], r["severity"], r["line"], r["column"],
             r["message"]) for r in t]


def test_folder_jsonl_parquet_same_as_check(tmp_path):
    _needs_scale()
    import pyarrow as pa
    import pyarrow.parquet as pq
    msgs = messages()
    folder = write_folder(tmp_path / "msgs", msgs)
    want = check_findings(folder)
    assert {f[1] for f in want} >= {"CTA000", "CTA001", "CTA003", "CTA004"}

    out = tmp_path / "folder.jsonl"
    r, summary = scan(folder, out, "--files-per-partition", "5")
    got = [g[:5] + (g[5].replace(str(folder / g[0]), g[0]),) for g in read_out(out)]
    assert len(got) == len(set(got)) and set(got) == want
    assert summary["messages_read"] == len(msgs) and summary["partitions"] == 10
    assert summary["messages_with_findings"] == len({f[0] for f in want})
    assert summary["by_rule"] == {c: sum(1 for f in want if f[1] == c) for c in
                                  {f[1] for f in want}}
    assert [u["id"] for u in summary["unreadable"]] == [str(folder / "m999.txt")]
    assert "Messages with findings:" in r.stdout and "Unreadable messages: 1" in r.stdout

    # JSON Lines, every other record without its format (then the id's extension decides),
    # cut into many small partitions; renamed columns
    src = tmp_path / "msgs.jsonl"
    with open(src, "w", encoding="utf-8") as fh:
        for i, (mid, fmt, body) in enumerate(msgs):
            rec = {"key": mid, "text": body}
            if i % 2:
                rec["kind"] = fmt
            fh.write(json.dumps(rec) + "\n")
        fh.write("{not json\n")
    out = tmp_path / "jsonl.parquet"
    r, summary = scan(src, out, "--partition-size", "3000", "--id-column", "key",
                      "--body-column", "text", "--format-column", "kind")
    got = read_out(out)
    bad = [g for g in got if g[0].startswith("msgs.jsonl@")]
    assert len(bad) == 1 and bad[0][1] == "CTA000" and "not JSON" in bad[0][5]
    assert sorted(set(got) - set(bad)) == sorted(want) and len(got) == len(want) + 1
    assert summary["messages_read"] == len(msgs) + 1 and summary["partitions"] > 10
    assert len(summary["unreadable"]) == 2

    # Parquet, 7 messages a row group
    src = tmp_path / "msgs.parquet"
    pq.write_table(pa.table({"id": [m[0] for m in msgs], "body": [m[2] for m in msgs],
                             "format": [m[1] for m in msgs]}), src, row_group_size=7)
    out = tmp_path / "parquet.jsonl"
    r, summary = scan(src, out)
    assert sorted(read_out(out)) == sorted(want)
    assert summary["partitions"] == 7 and summary["messages_read"] == len(msgs)


@pytest.mark.slow
def test_mbox_same_as_check_on_its_messages(tmp_path):
    _needs_scale()
    box = tmp_path / "archive.mbox"
    mb = mailbox.mbox(str(box))
    emls = sorted(EXAMPLES.rglob("*.eml"))
    for i in range(24):
        raw = re.sub(rb"(?im)^message-id:.*\n", b"", emls[i % len(emls)].read_bytes(), count=1)
        if i % 4:       # every 4th message has no Message-ID: its id is FILE@OFFSET
            raw = raw.replace(b"Subject:", b"Message-ID: <m%d@acme.test>\nSubject:" % i, 1)
        if i % 3 == 1:
            raw = raw.replace(b"\n\n", b"\n\nFrom the desk of our CEO: we need more sign-ups.\n",
                              1)
        mb.add(raw)
    mb.flush()
    mb.close()
    # the messages as the standard library splits them, each as an .eml file for check
    folder = tmp_path / "emls"
    folder.mkdir()
    ids = []
    mb = mailbox.mbox(str(box))
    mb.lock = mb.unlock = lambda: None
    for key in mb.keys():
        start = mb._toc[key][0]     # noqa: SLF001 - where its From line is: the id without one
        data = mb.get_bytes(key)
        mid = mb.get_message(key).get("Message-ID")
        mid = mid.strip("<>") if mid else f"archive.mbox@{start}"
        ids.append(mid)
        (folder / (mid + ".eml")).write_bytes(data)
    want = check_findings(folder, ".eml")
    out = tmp_path / "mbox.jsonl"
    r, summary = scan(box, out, "--partition-size", "4000")
    got = read_out(out)
    assert sorted(got) == sorted(want)
    assert summary["messages_read"] == 24 and summary["partitions"] > 5
    assert {"m3@acme.test", "m7@acme.test"} <= set(ids)


def test_partitions_cut_anywhere_lose_nothing(tmp_path):
    """Every message in exactly one partition, whatever the byte size of a partition."""
    from cta_lint.scan.inputs import Columns, plan
    src = tmp_path / "m.jsonl"
    lines = [json.dumps({"id": f"x{i}", "body": "Buy now. " * (i % 9)}) for i in range(40)]
    src.write_text("\n".join(lines) + "\n\n")
    box = tmp_path / "m.mbox"
    box.write_bytes(b"".join(b"From a@b Sat Jan  1 00:00:00 2000\nSubject: s%d\n\nbody %d\n"
                             b"%s\n" % (i, i, b"line\n" * (i % 5)) for i in range(30)))
    whole = {}
    for source in (src, box):
        for size in (1, 2, 13, 64, 500, 10**7):
            _, parts = plan(str(source), partition_bytes=size)
            got = [m[:2] for p in parts for m in p.messages(Columns())]
            whole.setdefault(source, got)
            assert got == whole[source], (source, size)
    assert [m[0] for m in whole[src]] == [f"x{i}" for i in range(40)]
    expected = [mailbox.mbox(str(box)).get_bytes(k) for k in range(30)]
    assert [m[1] for m in whole[box]] == expected


def test_without_the_extra_it_says_how_to_install(tmp_path):
    code = ("import sys\n"
            "for m in ('dask', 'distributed', 'pyarrow'): sys.modules[m] = None\n"
            "from cta_lint.cli import main\n"
            "main(['scan', 'x.jsonl', '--out', 'y.jsonl'], prog_name='cta-lint')\n")
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=tmp_path,
                       env={**os.environ, "PYTHONPATH": str(ROOT)}, timeout=60)
    assert r.returncode == 2
    assert 'pip install "cta-lint[scale]"' in r.stderr and "Traceback" not in r.stderr


def test_check_and_the_core_never_import_dask(tmp_path):
    code = ("import sys\n"
            "import cta_lint\n"
            "cta_lint.lint_text('Buy now.', 'text')\n"
            "from cta_lint.cli import main\n"
            "try:\n"
            "    main(['check', sys.argv[1]], prog_name='cta-lint')\n"
            "except SystemExit:\n"
            "    pass\n"
            "print(sorted(m for m in sys.modules if m.split('.')[0] in "
            "('dask', 'distributed', 'pyarrow', 'pandas', 'cta_lint') and 'scan' in m or "
            "m.split('.')[0] in ('dask', 'distributed', 'pyarrow', 'pandas')))\n")
    r = subprocess.run([sys.executable, "-c", code, str(EXAMPLES / "text" / "bad-cold-email.txt")],
                       capture_output=True, text=True, cwd=tmp_path,
                       env={**os.environ, "PYTHONPATH": str(ROOT)}, timeout=60)
    assert r.stdout.strip().splitlines()[-1] == "[]", r.stdout + r.stderr


def test_usage_errors_exit_2(tmp_path):
    _needs_scale()
    r = run_cli("scan", tmp_path / "missing.jsonl", "--out", tmp_path / "o.jsonl")
    assert r.returncode == 2 and "no such file" in r.stderr
    r = run_cli("scan", EXAMPLES, "--out", tmp_path / "o.csv")
    assert r.returncode == 2 and ".jsonl or .parquet" in r.stderr
    pq_src = tmp_path / "m.parquet"
    import pyarrow as pa
    import pyarrow.parquet as pq
    pq.write_table(pa.table({"key": ["a"], "body": ["Buy now."]}), pq_src)
    r = run_cli("scan", pq_src, "--out", tmp_path / "o.jsonl")
    assert r.returncode == 2 and "no column 'id'" in r.stderr and "--id-column" in r.stderr


@pytest.mark.slow
def test_scheduler_of_a_running_cluster(tmp_path):
    """--scheduler: the cluster is someone else's (started here), scan neither starts nor stops
    one, and finds what check finds."""
    _needs_scale()
    from distributed import LocalCluster
    msgs = messages(12)
    folder = write_folder(tmp_path / "msgs", msgs)
    want = check_findings(folder)
    src = tmp_path / "m.jsonl"
    src.write_text("".join(json.dumps({"id": m, "body": b}) + "\n" for m, _, b in msgs))
    with LocalCluster(n_workers=2, threads_per_worker=1, dashboard_address=":0") as cluster:
        r = run_cli("scan", "--isolated", src, "--out", tmp_path / "o.jsonl", "--scheduler",
                    cluster.scheduler_address)
        assert r.returncode == 1, r.stderr
        assert len(cluster.scheduler.workers) == 2       # still running
    assert sorted(read_out(tmp_path / "o.jsonl")) == sorted(want)


@pytest.mark.slow
def test_progress_and_dashboard_on_a_terminal_only(tmp_path):
    """In a terminal: the dashboard's address and Dask's bar on stderr; piped or under CI:
    neither."""
    _needs_scale()
    import pty
    e = {k: v for k, v in os.environ.items() if k != "CI"}
    e["PYTHONPATH"] = str(ROOT)
    e["TERM"] = "xterm"
    master, slave = pty.openpty()
    r = subprocess.run([sys.executable, "-m", "cta_lint", "scan", "--isolated", "--workers", "2",
                        EXAMPLES, "--out", tmp_path / "o.jsonl"], stderr=slave,
                       stdout=subprocess.PIPE, text=True, cwd=ROOT, env=e, timeout=300)
    os.close(slave)
    err = b""
    while True:
        try:
            chunk = os.read(master, 65536)
        except OSError:
            break
        if not chunk:
            break
        err += chunk
    os.close(master)
    err = err.decode("utf-8", "replace")
    # as many messages as `check` lints files in the examples (json "files")
    n = json.loads(subprocess.run([sys.executable, "-m", "cta_lint", "check", "--isolated",
                                   "--format", "json", "--exit-zero", EXAMPLES],
                                  capture_output=True, text=True, cwd=ROOT).stdout)["files"]
    assert r.returncode == 1 and f"Scanned {n} messages" in r.stdout
    assert "dashboard: http" in err and "% Completed" in err and "Traceback" not in err
    r = run_cli("scan", "--isolated", "--workers", "2", EXAMPLES, "--out", tmp_path / "p.jsonl",
                env={"CI": ""})
    assert r.returncode == 1 and "Completed" not in r.stderr and "dashboard" not in r.stderr
