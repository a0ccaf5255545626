"""Code plugins through the ``cta_lint.rules`` entry-point group (a tiny package under
tests/plugin_pkg/, put on the path with its dist-info), and rule packs never being imported."""
from __future__ import annotations

import json
import os
import shutil

from conftest import ROOT, run_cli

PLUGIN = ROOT / "tests" / "plugin_pkg"
COPY = "Our planner is AMAZING and works OFFLINE.\n\nStart your free trial: https://x.com/s\n"


def env_with(site):
    return {"PYTHONPATH": f"{ROOT}{os.pathsep}{site}"}


def test_plugin_kind_and_rules_are_loaded(tmp_path):
    (tmp_path / ".git").mkdir()
    env = env_with(PLUGIN)
    res = run_cli("check", "--isolated", "--format", "json", "--stdin-filename", "a.md", "-",
                  input=COPY, env=env, cwd=tmp_path)
    got = [(f["rule"], f["name"], f["line"], f["column"], f["message"])
           for f in json.loads(res.stdout)["findings"]]
    assert got == [
        ("SH001", "shouting", 1, 16, "'AMAZING' is shouting: write it in sentence case."),
        ("SH002", "exclaim", 1, 16, "Hype word: 'AMAZING'."),
        ("SH001", "shouting", 1, 34, "'OFFLINE' is shouting: write it in sentence case."),
    ]
    out = run_cli("rules", "--isolated", env=env, cwd=tmp_path).stdout
    line = [ln for ln in out.splitlines() if ln.startswith("SH001")][0]
    assert line.split()[:6] == ["SH001", "shouting", "warning", "on", "plugin", "cta-lint-shout"]
    res = run_cli("explain", "SH001", env=env, cwd=tmp_path)
    assert res.stdout.startswith("SH001 [shouting] (warning, plugin cta-lint-shout)")
    # without the plugin on the path, the rules do not exist
    assert "SH001" not in run_cli("rules", "--isolated", cwd=tmp_path).stdout


def test_plugin_rule_options_and_select_from_config(tmp_path):
    (tmp_path / ".git").mkdir()
    (tmp_path / ".cta-lint.toml").write_text(
        'select = ["shouting"]\nformat = "json"\n[rules.SH001]\nmin-words = 3\n')
    (tmp_path / "a.md").write_text(COPY)
    env = env_with(PLUGIN)
    res = run_cli("check", "a.md", env=env, cwd=tmp_path)
    assert res.returncode == 0 and json.loads(res.stdout)["findings"] == []
    (tmp_path / ".cta-lint.toml").write_text('[rules.SH001]\nmin-words = "three"\n')
    res = run_cli("check", "a.md", env=env, cwd=tmp_path)
    assert res.returncode == 2
    assert "rules.SH001.min-words: must be a non-negative integer" in res.stderr


def test_broken_plugin_is_a_clean_error(tmp_path):
    site = tmp_path / "site"
    shutil.copytree(PLUGIN, site)
    (site / "cta_lint_shout-0.1.dist-info" / "entry_points.txt").write_text(
        "[cta_lint.rules]\nbroken = cta_lint_shout:does_not_exist\n")
    res = run_cli("check", "--isolated", "-", input=COPY, env=env_with(site), cwd=tmp_path)
    assert res.returncode == 2
    err = res.stderr.strip()
    assert "Traceback" not in err and "\n" not in err
    assert "plugin cta-lint-shout: cannot load entry point 'cta_lint_shout:does_not_exist'" in err


def test_rule_packs_and_linted_folders_are_never_imported(tmp_path):
    marker = tmp_path / "imported"
    code = f"open({str(marker)!r}, 'w').write('x')\n"
    pack = tmp_path / "pack"
    pack.mkdir()
    (pack / "__init__.py").write_text(code)
    (pack / "rules.py").write_text(code)
    (pack / "r.toml").write_text('code = "BR001"\nname = "brand"\nseverity = "info"\n'
                                 'check = "phrase"\n[options]\nphrases = ["synergy"]\n')
    repo = tmp_path / "repo"
    (repo / ".git").mkdir(parents=True)
    (repo / "conftest.py").write_text(code)
    (repo / "cta_lint_plugin.py").write_text(code)
    (repo / ".cta-lint.toml").write_text(f'rule-packs = ["{pack.as_posix()}"]\nformat = "json"\n')
    (repo / "a.md").write_text("Synergy for all.\n\nBuy now: https://x.com\n")
    res = run_cli("check", ".", cwd=repo)
    assert [f["rule"] for f in json.loads(res.stdout)["findings"]] == ["BR001"]
    assert not marker.exists()


def test_plugins_are_not_loaded_from_the_linted_folder(tmp_path):
    """``python -m cta_lint`` run inside a repository must not pick up a dist-info (and so
    an entry point) or a module lying in that repository."""
    marker = tmp_path / "imported"
    repo = tmp_path / "repo"
    (repo / ".git").mkdir(parents=True)
    shutil.copytree(PLUGIN, repo, dirs_exist_ok=True)
    (repo / "cta_lint_shout" / "__init__.py").write_text(
        f"open({str(marker)!r}, 'w').write('x')\n")
    (repo / "a.md").write_text(COPY)
    res = run_cli("check", "--format", "json", "a.md", cwd=repo)
    assert res.returncode in (0, 1), res.stderr
    assert not any(f["rule"].startswith("SH") for f in json.loads(res.stdout)["findings"])
    assert not marker.exists()
