"""Configuration: discovery and precedence, CLI overrides, per-file ignores, include/exclude,
.gitignore, rule options, validation messages (exit 2, naming file and key)."""
from __future__ import annotations

import json
import textwrap

from conftest import run_cli

NO_ASK = "Our planner syncs with every calendar and works offline.\n\nThanks for reading!\n"
SELLER = ("Please sign up this week and help us hit our target.\n\n"
          "Start your free trial today: https://example.com/signup\n")


def write(root, rel, text):
    p = root / rel
    p.parent.mkdir(parents=True, exist_ok=True)
    p.write_text(textwrap.dedent(text), encoding="utf-8")
    return p


def repo(tmp_path):
    (tmp_path / ".git").mkdir()      # discovery stops here
    return tmp_path


# the rules these tests are about (other rules may fire on the same copy as rules are added)
KNOWN = {"CTA000", "CTA001", "CTA002", "CTA003", "CTA004", "CTA090"}


def codes(res):
    assert res.returncode in (0, 1), res.stderr
    data = json.loads(res.stdout)
    return sorted((f["path"].replace("\\", "/"), f["rule"]) for f in data["findings"]
                  if f["rule"] in KNOWN)


def test_pyproject_table_applies_to_files_below(tmp_path):
    r = repo(tmp_path)
    write(r, "pyproject.toml", '[project]\nname = "x"\n[tool.cta-lint]\nignore = ["CTA001"]\n')
    write(r, "emails/deep/a.md", NO_ASK)
    res = run_cli("check", "--format", "json", "emails", cwd=r)
    assert res.returncode == 0, res.stdout + res.stderr
    assert codes(res) == []


def test_pyproject_without_table_is_not_a_config(tmp_path):
    r = repo(tmp_path)
    write(r, "pyproject.toml", '[project]\nname = "x"\n')
    write(r, "a.md", NO_ASK)
    assert codes(run_cli("check", "--format", "json", "a.md", cwd=r)) == [("a.md", "CTA001")]


def test_dot_cta_lint_toml_beats_pyproject_in_same_folder(tmp_path):
    r = repo(tmp_path)
    write(r, "pyproject.toml", '[tool.cta-lint]\nignore = ["CTA001"]\n')
    write(r, ".cta-lint.toml", 'ignore = ["CTA003"]\n')
    write(r, "a.md", NO_ASK)
    res = run_cli("config", "a.md", cwd=r)
    assert json.loads(res.stdout)["config-file"].endswith(".cta-lint.toml")
    assert codes(run_cli("check", "--format", "json", "a.md", cwd=r)) == [("a.md", "CTA001")]


def test_cta_lint_toml_beats_pyproject_and_loses_to_dotfile(tmp_path):
    r = repo(tmp_path)
    write(r, "pyproject.toml", '[tool.cta-lint]\nignore = ["CTA001"]\n')
    write(r, "cta-lint.toml", 'ignore = ["CTA003"]\n')
    res = run_cli("config", cwd=r)
    assert json.loads(res.stdout)["config-file"].endswith("cta-lint.toml")
    write(r, ".cta-lint.toml", 'ignore = ["CTA004"]\n')
    res = run_cli("config", cwd=r)
    assert json.loads(res.stdout)["config-file"].endswith(".cta-lint.toml")
    assert json.loads(res.stdout)["ignore"] == ["CTA004"]


def test_nearest_config_wins_in_nested_folders(tmp_path):
    r = repo(tmp_path)
    write(r, ".cta-lint.toml", 'ignore = ["CTA001"]\n')
    write(r, "sub/.cta-lint.toml", 'ignore = ["CTA003"]\n')
    write(r, "top.md", NO_ASK)
    write(r, "sub/inner.md", NO_ASK)
    write(r, "sub/deeper/x.md", NO_ASK)
    res = run_cli("check", "--format", "json", ".", cwd=r)
    # the root file ignores CTA001; the nested file is used whole (no merging) for sub/
    assert codes(res) == [("./sub/deeper/x.md", "CTA001"), ("./sub/inner.md", "CTA001")]


def test_discovery_stops_at_repository_root(tmp_path):
    write(tmp_path, ".cta-lint.toml", 'ignore = ["CTA001"]\n')   # above the repository
    r = tmp_path / "project"
    (r / ".git").mkdir(parents=True)
    write(r, "a.md", NO_ASK)
    assert codes(run_cli("check", "--format", "json", "a.md", cwd=r)) == [("a.md", "CTA001")]
    assert json.loads(run_cli("config", "a.md", cwd=r).stdout)["config-file"] is None


def test_config_option_overrides_discovery(tmp_path):
    r = repo(tmp_path)
    write(r, ".cta-lint.toml", 'ignore = ["CTA001"]\n')
    write(r, "other.toml", 'ignore = ["CTA003"]\n')
    write(r, "a.md", NO_ASK)
    assert codes(run_cli("check", "--format", "json", "a.md", cwd=r)) == []
    res = run_cli("check", "--format", "json", "--config", "other.toml", "a.md", cwd=r)
    assert codes(res) == [("a.md", "CTA001")]


def test_isolated_ignores_every_config_file(tmp_path):
    r = repo(tmp_path)
    write(r, ".cta-lint.toml", 'ignore = ["CTA001"]\nformat = "json"\n')
    write(r, "a.md", NO_ASK)
    res = run_cli("check", "--isolated", "a.md", cwd=r)
    assert res.returncode == 1
    assert res.stdout.startswith("a.md:3:1: CTA001 [missing-ask]")


def test_config_format_and_cli_select_override(tmp_path):
    r = repo(tmp_path)
    write(r, ".cta-lint.toml", 'format = "json"\nignore = ["seller-centric", "missing-ask"]\n')
    write(r, "a.md", SELLER)
    assert codes(run_cli("check", "a.md", cwd=r)) == []
    # an explicit --select on the command line wins over the file's ignore
    res = run_cli("check", "--select", "CTA003", "a.md", cwd=r)
    assert codes(res) == [("a.md", "CTA003")]
    res = run_cli("check", "--extend-select", "seller-centric", "a.md", cwd=r)
    assert codes(res) == [("a.md", "CTA003")]


def test_select_and_extend_select_in_file(tmp_path):
    r = repo(tmp_path)
    write(r, ".cta-lint.toml", 'select = ["CTA001"]\nextend-select = ["seller-centric"]\n'
                               'format = "json"\n')
    write(r, "a.md", "Our planner is new. Help us hit our target.\n\nThanks for reading!\n")
    assert codes(run_cli("check", "a.md", cwd=r)) == [("a.md", "CTA001"), ("a.md", "CTA003")]


def test_per_file_ignores(tmp_path):
    r = repo(tmp_path)
    write(r, ".cta-lint.toml", """\
        format = "json"
        [per-file-ignores]
        "legacy/**" = ["missing-ask"]
        "*.txt" = ["CTA001"]
        """)
    write(r, "legacy/old/a.md", NO_ASK)
    write(r, "new/b.md", NO_ASK)
    write(r, "new/c.txt", NO_ASK)
    assert codes(run_cli("check", ".", cwd=r)) == [("./new/b.md", "CTA001")]


def test_severity_override(tmp_path):
    r = repo(tmp_path)
    write(r, ".cta-lint.toml", 'format = "json"\n[severity]\nmissing-ask = "warning"\n')
    write(r, "a.md", NO_ASK)
    data = json.loads(run_cli("check", "a.md", cwd=r).stdout)
    assert [(f["rule"], f["severity"]) for f in data["findings"]] == [("CTA001", "warning")]


def test_exclude_include_and_gitignore_when_walking(tmp_path):
    r = repo(tmp_path)
    write(r, ".cta-lint.toml", 'format = "json"\nexclude = ["drafts/", "*.tmp.md"]\n')
    write(r, ".gitignore", "build-out/\n*.gen.md\n!keep.gen.md\n")
    for name in ("a.md", "drafts/b.md", "x.tmp.md", "build-out/c.md", "d.gen.md", "keep.gen.md"):
        write(r, name, NO_ASK)
    got = codes(run_cli("check", ".", cwd=r))
    assert got == [("./a.md", "CTA001"), ("./keep.gen.md", "CTA001")]
    # files named explicitly are linted anyway, unless --force-exclude
    assert codes(run_cli("check", "drafts/b.md", cwd=r)) == [("drafts/b.md", "CTA001")]
    res = run_cli("check", "--force-exclude", "drafts/b.md", "a.md", cwd=r)
    assert codes(res) == [("a.md", "CTA001")]
    assert json.loads(res.stdout)["files"] == 1


def _walked(root, *args):
    """The files a walk of ``root`` lints, relative to it (in process: no CLI start)."""
    import os
    from cta_lint.config import Resolver
    from cta_lint.discover import collect
    return [os.path.relpath(p, root).replace(os.sep, "/")
            for p in collect([str(root)], Resolver(), *args)]


def test_gitignore_negation_after_a_folder_rule(tmp_path):
    r = repo(tmp_path)
    # git cannot re-include a file whose folder is ignored ("logs/"), but can when only the
    # folder's contents are ("out/*")
    write(r, ".gitignore", "logs/\n!logs/keep.md\nout/*\n!out/keep.md\n")
    for name in ("logs/a.md", "logs/keep.md", "out/a.md", "out/keep.md", "top.md"):
        write(r, name, NO_ASK)
    assert _walked(r) == ["out/keep.md", "top.md"]


def test_gitignore_trailing_slash_matches_folders_only(tmp_path):
    r = repo(tmp_path)
    write(r, ".gitignore", "old.md/\n")
    write(r, "a/old.md", NO_ASK)            # a file: linted
    write(r, "b/old.md/c.md", NO_ASK)       # inside a folder of that name: not
    assert _walked(r) == ["a/old.md"]


def test_gitignore_double_star_in_the_middle(tmp_path):
    r = repo(tmp_path)
    write(r, ".gitignore", "emails/**/draft-*.md\n")
    for name in ("emails/draft-1.md", "emails/x/y/draft-2.md", "emails/x/final.md",
                 "other/emails/draft-3.md", "other/draft-4.md"):
        write(r, name, NO_ASK)
    # anchored at the .gitignore's folder: "other/emails/" is another folder
    assert _walked(r) == ["emails/x/final.md", "other/draft-4.md", "other/emails/draft-3.md"]


def test_gitignore_escaped_hash_and_bang(tmp_path):
    r = repo(tmp_path)
    write(r, ".gitignore", "\\#hash.md\n\\!bang.md\n#comment.md\n  \n")
    for name in ("#hash.md", "!bang.md", "#comment.md", "hash.md", "bang.md"):
        write(r, name, NO_ASK)
    assert _walked(r) == ["#comment.md", "bang.md", "hash.md"]


def test_gitignore_deeper_file_wins_and_bad_lines_are_skipped(tmp_path):
    r = repo(tmp_path)
    write(r, ".gitignore", "*.gen.md\n!\n")           # "!" alone is no pattern: skipped
    write(r, "sub/.gitignore", "!keep.gen.md\n")
    for name in ("keep.gen.md", "sub/keep.gen.md", "sub/x.gen.md"):
        write(r, name, NO_ASK)
    assert _walked(r) == ["sub/keep.gen.md"]
    # from inside the repository, the root's .gitignore still applies
    assert _walked(r / "sub") == ["keep.gen.md"]


def test_exclude_takes_gitignore_patterns(tmp_path):
    r = repo(tmp_path)
    write(r, ".cta-lint.toml", 'exclude = ["drafts/*", "!drafts/ready.md", "/top-only.md"]\n')
    for name in ("drafts/a.md", "drafts/ready.md", "top-only.md", "sub/top-only.md"):
        write(r, name, NO_ASK)
    assert _walked(r) == ["drafts/ready.md", "sub/top-only.md"]
    write(r, ".cta-lint.toml", 'exclude = ["\\\\"]\n')
    res = run_cli("check", "a.md", cwd=r)
    assert res.returncode == 2
    assert "exclude: invalid pattern" in res.stderr


def test_include_replaces_the_extension_filter(tmp_path):
    r = repo(tmp_path)
    write(r, ".cta-lint.toml", 'format = "json"\ninclude = ["copy/*.copy"]\n')
    write(r, "copy/a.copy", NO_ASK)
    write(r, "copy/b.md", NO_ASK)
    assert [p for p, _ in codes(run_cli("check", ".", cwd=r))] == ["./copy/a.copy"]


PARA = " ".join(["Our planner keeps every calendar in sync across devices."] * 3) + " It is fast."


def test_rule_option_window_words_changes_behaviour(tmp_path):
    r = repo(tmp_path)
    # an ask, then two 30-word paragraphs without one
    write(r, "a.md", f"Buy the planner today at https://example.com/buy.\n\n{PARA}\n\n{PARA}\n")
    write(r, ".cta-lint.toml", "format = 'json'\n[rules.missing-ask]\nwindow-words = 20\n")
    assert codes(run_cli("check", "a.md", cwd=r)) == [("a.md", "CTA001")]
    write(r, ".cta-lint.toml", "format = 'json'\n[rules.missing-ask]\nwindow-words = 400\n")
    assert codes(run_cli("check", "a.md", cwd=r)) == []


def test_rule_option_extra_asks_and_never_asks(tmp_path):
    r = repo(tmp_path)
    write(r, "a.md", "Our planner syncs with every calendar.\n\nHop aboard the Flight Deck today.\n")
    write(r, "b.md", "Our planner syncs with every calendar.\n\nBook a demo of our chatbot.\n")
    assert codes(run_cli("check", "--format", "json", ".", cwd=r)) == [("./a.md", "CTA001")]
    write(r, "pyproject.toml", """\
        [tool.cta-lint]
        format = "json"
        [tool.cta-lint.rules.CTA001]
        extra-asks = ["hop aboard [the flight deck]"]
        never-asks = ["chatbot"]
        """)
    assert codes(run_cli("check", ".", cwd=r)) == [("./b.md", "CTA001")]


def test_config_command_shows_resolved_values(tmp_path):
    r = repo(tmp_path)
    write(r, ".cta-lint.toml", 'ignore = ["weak-ask"]\n[per-file-ignores]\n"*.txt" = ["CTA001"]\n'
                               '[rules.missing-ask]\nwindow-words = 60\n')
    write(r, "a.txt", NO_ASK)
    d = json.loads(run_cli("config", "a.txt", cwd=r).stdout)
    assert d["ignore"] == ["CTA004"]
    assert d["ignored-here"] == ["CTA001"]
    assert d["rules"]["CTA001"]["window-words"] == 60
    assert "CTA004" not in d["enabled"] and "CTA001" in d["enabled"]


def test_rules_command_shows_enabled_state(tmp_path):
    r = repo(tmp_path)
    write(r, ".cta-lint.toml", 'ignore = ["weak-ask"]\n')
    out = run_cli("rules", cwd=r).stdout
    line = [ln for ln in out.splitlines() if ln.startswith("CTA004")][0]
    assert line.split()[:5] == ["CTA004", "weak-ask", "warning", "off", "built-in"]
    line = [ln for ln in out.splitlines() if ln.startswith("CTA001")][0]
    assert line.split()[3] == "on"


# -- validation -------------------------------------------------------------------------------------
BAD = [
    (".cta-lint.toml", 'selectt = ["CTA001"]\n', "selectt: unknown key"),
    (".cta-lint.toml", 'select = "CTA001"\n', "select: must be a list of strings"),
    (".cta-lint.toml", 'ignore = ["CTA999"]\n', "ignore: unknown rule 'CTA999'"),
    (".cta-lint.toml", '[severity]\nCTA001 = "fatal"\n', "severity.CTA001: must be one of"),
    (".cta-lint.toml", '[rules.missing-ask]\nwindow-word = 3\n',
     "rules.missing-ask.window-word: unknown option"),
    (".cta-lint.toml", '[rules.missing-ask]\nwindow-words = "many"\n',
     "rules.missing-ask.window-words: must be a non-negative integer"),
    (".cta-lint.toml", '[rules.no-such-rule]\nx = 1\n', "rules.no-such-rule: unknown rule"),
    (".cta-lint.toml", '[per-file-ignores]\n"*.md" = "CTA001"\n',
     'per-file-ignores."*.md": must be a list of strings'),
    (".cta-lint.toml", 'format = "xml"\n', "format: unknown format 'xml'"),
    (".cta-lint.toml", 'rule-packs = ["nowhere"]\n', "rule-packs: 'nowhere' is not a folder"),
    (".cta-lint.toml", '[rules.missing-ask]\nextra-asks = ["(unbalanced"]\n',
     "rules.missing-ask.extra-asks: bad phrase"),
    (".cta-lint.toml", 'select = [\n', "invalid TOML"),
    ("pyproject.toml", '[tool.cta-lint]\nmax-file-size = "big"\n',
     "tool.cta-lint.max-file-size: must be a positive integer"),
    ("pyproject.toml", '[tool.cta-lint.lexicon]\nasks = ["go"]\n',
     "tool.cta-lint.lexicon.asks: unknown lexicon list"),
]


def test_bad_config_is_one_line_naming_file_and_key(tmp_path):
    for i, (name, body, expected) in enumerate(BAD):
        r = tmp_path / f"case{i}"
        (r / ".git").mkdir(parents=True)
        write(r, name, body)
        write(r, "a.md", NO_ASK)
        res = run_cli("check", "a.md", cwd=r)
        assert res.returncode == 2, (body, res.stdout, res.stderr)
        err = res.stderr.strip()
        assert "\n" not in err and "Traceback" not in err, err
        assert name in err and expected in err, (expected, err)


def test_bad_config_given_with_config_option(tmp_path):
    write(tmp_path, "c.toml", "ignore = 3\n")
    res = run_cli("check", "--config", str(tmp_path / "c.toml"), "-", input=NO_ASK)
    assert res.returncode == 2
    assert "c.toml: ignore: must be a list of strings" in res.stderr
    res = run_cli("check", "--config", str(tmp_path / "missing.toml"), "-", input=NO_ASK)
    assert res.returncode == 2 and "missing.toml: no such configuration file" in res.stderr


def test_isolated_skips_a_broken_config(tmp_path):
    r = repo(tmp_path)
    write(r, ".cta-lint.toml", "nonsense = 1\n")
    write(r, "a.md", NO_ASK)
    assert run_cli("check", "a.md", cwd=r).returncode == 2
    assert run_cli("check", "--isolated", "a.md", cwd=r).returncode == 1


def test_undecodable_config_is_a_config_error(tmp_path):
    (tmp_path / "c.toml").write_bytes(b"\xff\xfe\x00select")
    res = run_cli("check", "--config", "c.toml", "-", cwd=tmp_path, input=NO_ASK)
    assert res.returncode == 2 and "Traceback" not in res.stderr
    assert res.stderr.startswith("cta-lint: error: c.toml: invalid TOML")


def test_config_command_isolated_and_explicit(tmp_path):
    r = repo(tmp_path)
    write(r, ".cta-lint.toml", 'ignore = ["CTA001"]\n')
    write(r, "other.toml", '[tool.cta-lint]\nignore = ["CTA002"]\n')
    assert json.loads(run_cli("config", "--isolated", cwd=r).stdout)["config-file"] is None
    write(r, "pyproject.toml", '[tool.cta-lint]\nignore = ["CTA004"]\n')
    d = json.loads(run_cli("config", "--config", "pyproject.toml", cwd=r).stdout)
    assert d["config-file"].endswith("pyproject.toml") and d["ignore"] == ["CTA004"]


def test_python_api_honours_inline_directives():
    import cta_lint
    text = "<!-- cta-lint-disable-file missing-ask -->\nThanks for reading!\n"
    assert cta_lint.lint_text(text, format="markdown") == []
    assert [f.rule for f in cta_lint.lint_text(text.replace("missing-ask", "CTA003"),
                                               format="markdown")] == ["CTA001"]


def test_per_file_ignores_on_the_command_line(tmp_path):
    r = repo(tmp_path)
    write(r, "sub/.cta-lint.toml", '[per-file-ignores]\n"b.md" = ["CTA001"]\n')
    write(r, "sub/a.md", NO_ASK)
    write(r, "sub/b.md", NO_ASK)
    write(r, "c.md", NO_ASK)
    # command-line globs are relative to the current folder, and add to the file's
    res = run_cli("check", "--format", "json", "--per-file-ignores", "sub/a.md:missing-ask",
                  ".", cwd=r)
    assert codes(res) == [("./c.md", "CTA001")]
    res = run_cli("check", "--per-file-ignores", "nocolon", ".", cwd=r)
    assert res.returncode == 2 and "expected GLOB:RULES" in res.stderr
    res = run_cli("check", "--per-file-ignores", "*.md:CTA999", ".", cwd=r)
    assert res.returncode == 2 and "--per-file-ignores: unknown rule 'CTA999'" in res.stderr


def test_readme_names_every_lexicon_list():
    """A rule pack author finds every list a lexicon file can hold in the README."""
    from pathlib import Path
    from cta_lint.analysis.lexicon import LISTS
    readme = (Path(__file__).parent.parent / "README.md").read_text(encoding="utf-8")
    part = readme[readme.index("* **Lexicon files**"):readme.index("are used in one of two ways")]
    assert [name for name in LISTS if f"`{name}`" not in part] == []
