"""Nothing lost, nothing executed, nothing fetched, hostile configuration fails cleanly."""
from __future__ import annotations

import hashlib
import json
import os
import re
import socket
import sys
import time
from pathlib import Path

import pytest

from conftest import EXAMPLES, ROOT, SHARED, run_cli

# real copy: the whole corpus in ../shared when it is there, else the few documents the tests carry
CORPUS_DOCS = SHARED / "corpus" / "docs"
REAL_DOCS = CORPUS_DOCS if CORPUS_DOCS.is_dir() else ROOT / "tests" / "fixtures" / "corpus" / "docs"


def tree_hashes(*roots: Path) -> dict[str, str]:
    out = {}
    for root in roots:
        for p in sorted(root.rglob("*")):
            if p.is_file() and not p.is_symlink():
                out[str(p)] = hashlib.sha256(p.read_bytes()).hexdigest()
            elif p.is_dir():
                out[str(p)] = "dir"
    return out


# -- nothing lost ---------------------------------------------------------------------------------

@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_full_run_changes_no_file(tmp_path, jobs):
    roots = [r for r in (EXAMPLES, REAL_DOCS) if r.is_dir()]
    if not roots:
        pytest.skip("no examples/ and no corpus documents here")
    before = tree_hashes(*roots)
    assert before
    for fmt in ("text", "json"):
        r = run_cli("check", "--exit-zero", "--format", fmt, "--jobs", jobs, *roots)
        assert r.returncode == 0, r.stderr
        assert "Traceback" not in r.stderr
    assert tree_hashes(*roots) == before


def test_output_file_is_written_atomically(tmp_path):
    src = tmp_path / "a.md"
    src.write_text("Our planner syncs.\n\nThanks for reading!\n")
    out = tmp_path / "report.json"
    out.write_text("previous report\n")
    r = run_cli("check", "--format", "json", "--output-file", out, src)
    assert r.returncode == 1 and r.stdout == ""
    assert json.loads(out.read_text())["files"] == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.md", "report.json"]  # no temp left


def test_output_file_failed_write_keeps_the_old_report(tmp_path, monkeypatch):
    from cta_lint import cli
    out = tmp_path / "report.txt"
    out.write_text("previous report\n")

    def boom(*a, **kw):
        raise OSError(28, "No space left on device")
    monkeypatch.setattr(os, "replace", boom)
    with pytest.raises(OSError):
        cli._write_atomic(str(out), "new report\n")
    assert out.read_text() == "previous report\n"
    assert [p.name for p in tmp_path.iterdir()] == ["report.txt"]


# -- nothing executed -----------------------------------------------------------------------------

def test_template_code_is_linted_as_text_never_run(tmp_path):
    p = tmp_path / "evil.html.j2"
    p.write_text("<p>{{ ''.__class__.__mro__[1].__subclasses__() }}</p>\n"
                 "<p>{% include '/etc/passwd' %}Thanks for reading!</p>\n")
    code = ("import sys, cta_lint\n"
            f"f = cta_lint.lint_paths([{str(p)!r}], select=['CTA001'])\n"
            "print([(x.rule, x.line, x.column) for x in f])\n"
            "print(sorted(m for m in ('jinja2', 'bs4', 'markdown_it') if m in sys.modules))\n")
    r = run_cli_python(code)
    assert r.stdout.splitlines() == ["[('CTA001', 2, 31)]", "[]"]
    from cta_lint import sources
    doc = sources.read_text(p.read_text(), "html")
    assert [b.text for b in doc.blocks] == ["__class__.__mro__", "Thanks for reading!"]
    assert "root:" not in doc.source


def run_cli_python(code: str, cwd=None):
    import subprocess
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          env=env, cwd=cwd or ROOT, timeout=120)


def test_no_python_is_imported_from_the_linted_tree(tmp_path):
    tree = tmp_path / "repo"
    tree.mkdir()
    marker = tmp_path / "PWNED"
    trap = f"open({str(marker)!r}, 'w').write(__name__)\n"
    for name in ("click.py", "lxml.py", "markdown_it.py", "bs4.py", "jinja2.py", "tomllib.py",
                 "sitecustomize.py", "usercustomize.py", "cta_lint_plugin.py", "conftest.py"):
        (tree / name).write_text(trap)
    # (a cta_lint/ package right in the current directory would shadow the real one under
    # ``python -m``, before any of our code runs; the ``cta-lint`` command is not affected)
    (tree / "lib" / "cta_lint").mkdir(parents=True)
    (tree / "lib" / "cta_lint" / "__init__.py").write_text(trap)
    (tree / "lib" / "__init__.py").write_text(trap)
    (tree / "email.md").write_text("# {{ x }}\n\nOur planner syncs.\n\nThanks for reading!\n")
    (tree / "page.html").write_text("<p>Hi</p><script src='evil.py'></script><p>Bye</p>")
    # the linted tree is both an argument and the current directory (python -m puts the
    # current directory first on sys.path: __main__ drops it)
    import subprocess
    env = dict(os.environ, PYTHONPATH=str(ROOT))  # no empty entry: that would add the cwd
    r = subprocess.run([sys.executable, "-m", "cta_lint", "check", "--exit-zero", str(tree)],
                       capture_output=True, text=True, cwd=tree, env=env, timeout=120)
    assert r.returncode == 0, r.stderr
    assert "Traceback" not in r.stderr
    assert "2 files" in r.stdout
    assert not marker.exists(), marker.read_text()


# -- nothing fetched ------------------------------------------------------------------------------

XXE = """<?xml version="1.0"?>
<!DOCTYPE html [<!ENTITY xxe SYSTEM "file:///etc/passwd"><!ENTITY web SYSTEM "http://169.254.169.254/">]>
<html><body><p>&xxe; &web;</p><p>Thanks for reading!</p></body></html>
"""


def test_no_network_and_no_external_entities(tmp_path, monkeypatch):
    calls = []

    def refuse(*a, **kw):
        calls.append(a)
        raise OSError("network access attempted during a lint run")
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    (tmp_path / "xxe.html").write_text(XXE)
    (tmp_path / "xxe.xhtml").write_text(XXE)
    (tmp_path / "remote.html").write_text(
        "<link rel=stylesheet href='http://example.com/a.css'><img src='https://example.com/p.gif'>"
        "<iframe src='http://example.com'></iframe><p>Thanks for reading!</p>")
    (tmp_path / "remote.md").write_text("![x](http://example.com/x.png)\n\n[Buy](https://x.io)\n")
    (tmp_path / "msg.eml").write_text("Content-Type: text/html\n\n" + XXE)
    import cta_lint
    findings = cta_lint.lint_paths([tmp_path])
    assert calls == []
    assert all(f.rule != "CTA000" for f in findings), findings
    from cta_lint import sources
    for name in ("xxe.html", "xxe.xhtml"):
        doc = sources.read_text((tmp_path / name).read_text(), "html")
        text = " ".join(b.text for b in doc.blocks)
        assert "root:" not in text and "Thanks for reading!" in text


# -- hostile configuration ------------------------------------------------------------------------

HOSTILE = ["(a|a a|a a a) (a|a a|a a a) (a|a a|a a a) (a|a a|a a a) b",
           "[a] [a] [a] [a] [a] [a] [a] [a] b", "... ... ... b", "* * * * * * * * b",
           "a+ a* (a+)+$ b", "((((((((a))))))))"]


@pytest.mark.parametrize("phrase", HOSTILE)
def test_hostile_phrase_syntax_runs_in_linear_time(phrase):
    """A phrase compiles to a regex whose cost per position is bounded: four times the text
    costs about four times as much (generous bound; two sizes, no absolute timing)."""
    from cta_lint.phrases import PhraseError, compile_list
    try:
        rx = compile_list([phrase])
    except PhraseError:
        return   # refused outright (too many wildcards): nothing runs at all

    def cost(n: int) -> float:
        best = float("inf")
        for _ in range(3):
            t = time.perf_counter()
            for s in ("a " * n, "a-" * n, "-" * (2 * n), "aa" * n):
                rx.search(s)
            best = min(best, time.perf_counter() - t)
        return best
    small, big = cost(500), cost(2000)
    assert big < 16 * small + 0.05


@pytest.mark.parametrize("phrase,why", [
    ("[a] [a] [a] [a] [a] [a] [a] [a] [a] b", "more than 256 ways"),
    ("... ... ... ... b", "more than 256 ways"),
    ("((((((((((a))))))))))", "nests too deeply"),
    ("(a", "unbalanced '('"),
    ("x" * 501, "longer than 500"),
])
def test_hostile_phrase_is_refused(phrase, why):
    from cta_lint.phrases import PhraseError, compile_phrase
    with pytest.raises(PhraseError, match=re.escape(why)):
        compile_phrase(phrase)


@pytest.mark.parametrize("body,why", [
    ("a = " + "[" * 100_000 + "]" * 100_000 + "\n", "cannot read rule"),
    ("x = {" + "a = {" * 50_000 + "}" * 50_001 + "\n", "cannot read rule"),
    ("code = 'CTA9'\n" + "".join(f"k{i} = {i}\n" for i in range(200_000)), "unknown key"),
    ("\x00\x01 not toml", "cannot read rule"),
])
def test_enormous_or_deeply_nested_toml_fails_cleanly(tmp_path, body, why):
    from cta_lint.registry import RuleError, load_rule_file
    p = tmp_path / "CTA900-hostile.toml"
    p.write_text(body)
    with pytest.raises(RuleError, match=why):
        load_rule_file(p, "pack")
