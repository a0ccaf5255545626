"""Rule packs as data: a Spanish pack (lexicon merged into English, a substitution rule, a
subject-line phrase rule), a German pack (a whole lexicon), validation, and user patterns that
cannot hang the linter."""
from __future__ import annotations

import json

from conftest import EXAMPLES, run_cli

ES = EXAMPLES / "packs" / "es"
DE = EXAMPLES / "packs" / "de"


def setup(tmp_path, pack, files):
    (tmp_path / ".git").mkdir(exist_ok=True)
    (tmp_path / ".cta-lint.toml").write_text(f'rule-packs = ["{pack.as_posix()}"]\nformat = "json"\n',
                                             encoding="utf-8")
    for name, text in files.items():
        (tmp_path / name).write_text(text, encoding="utf-8")


def findings(tmp_path, *args):
    res = run_cli("check", *args, cwd=tmp_path)
    assert res.returncode in (0, 1), res.stderr
    # built-in rules other than CTA001-CTA004 may be added later; these tests are about packs
    return [f for f in json.loads(res.stdout)["findings"]
            if not f["rule"].startswith("CTA") or f["rule"] <= "CTA004"]


SPANISH = {
    "con_ask.md": "Nuestro planificador se sincroniza con todos tus calendarios.\n\n"
                  "Regístrate hoy en https://ejemplo.com/alta\n",
    "reserva.md": "Nuestro planificador se sincroniza con todos tus calendarios.\n\n"
                  "Reserva tu plaza hoy: https://ejemplo.com/plaza\n",
    "blando.md": "Nuestro planificador se sincroniza con todos tus calendarios.\n\n"
                 "Para más información, visita nuestra web.\n",
    "social.md": "Nuestro planificador se sincroniza con todos tus calendarios.\n\n"
                 "Síguenos en Instagram para más novedades.\n",
    "english.md": "Our planner syncs with every calendar.\n\nStart your free trial today: "
                  "https://example.com/signup\n",
}


def test_spanish_copy_with_and_without_an_ask(tmp_path):
    setup(tmp_path, ES, SPANISH)
    got = findings(tmp_path, ".")
    by = {(f["path"][2:], f["rule"]): f for f in got}
    assert sorted(by) == [("blando.md", "CTA001"), ("social.md", "CTA001")]
    assert "soft call 'visita nuestra web'" in by[("blando.md", "CTA001")]["message"]
    assert "engagement request 'Síguenos'" in by[("social.md", "CTA001")]["message"]


def test_without_the_pack_spanish_asks_do_not_count(tmp_path):
    setup(tmp_path, ES, SPANISH)
    res = run_cli("check", "--isolated", "--format", "json", "con_ask.md", "reserva.md",
                  cwd=tmp_path)
    assert [f["rule"] for f in json.loads(res.stdout)["findings"]] == ["CTA001", "CTA001"]


def test_substitution_rule_from_pack(tmp_path):
    setup(tmp_path, ES, {"a.md": "Puedes utilizar la app sin conexión.\n\n"
                                 "Regístrate hoy en https://ejemplo.com\n"})
    (f,) = findings(tmp_path, "a.md")
    assert (f["rule"], f["name"], f["severity"], f["line"], f["column"], f["end_column"]) == (
        "ES001", "muletillas", "info", 1, 8, 16)
    assert f["message"] == "Usa 'usar' en lugar de 'utilizar'."
    assert f["suggestion"] == "replace 'utilizar' with 'usar'"


def test_phrase_rule_scoped_to_subject(tmp_path):
    setup(tmp_path, ES, {"a.txt": "Subject: Urgente: tu plaza\n\nNada urgente.\n\nReserva tu "
                                  "plaza hoy en https://ejemplo.com\n"})
    got = [(f["rule"], f["line"], f["column"]) for f in findings(tmp_path, "a.txt")]
    assert got == [("ES002", 1, 10)]      # the body's "urgente" is out of scope


def test_pack_rules_listed_and_explained(tmp_path):
    setup(tmp_path, ES, {})
    out = run_cli("rules", cwd=tmp_path).stdout
    line = [ln for ln in out.splitlines() if ln.startswith("ES001")][0]
    assert line.split()[:5] == ["ES001", "muletillas", "info", "on", ES.as_posix()]
    res = run_cli("explain", "muletillas", cwd=tmp_path)
    assert res.returncode == 0
    assert res.stdout.startswith(f"ES001 [muletillas] (info, {ES.as_posix()})")
    assert "Bad:" in res.stdout and "utilizar" in res.stdout
    res = run_cli("check", "--select", "ES001", "--format", "json", "-", cwd=tmp_path,
                  input="Puedes utilizar la app.\n")
    assert [f["rule"] for f in json.loads(res.stdout)["findings"]] == ["ES001"]


def test_german_whole_lexicon_replaces_english(tmp_path):
    setup(tmp_path, DE, {
        "ja.md": "Unser Planer synchronisiert alle Kalender.\n\nMelden Sie sich heute an: "
                 "https://beispiel.de\n",
        "test.md": "Unser Planer synchronisiert alle Kalender.\n\nJetzt kostenlos testen: "
                   "https://beispiel.de/test\n",
        "nein.md": "Unser Planer synchronisiert alle Kalender.\n\nMehr erfahren auf unserer "
                   "Website.\n",
        "english.md": "Our planner syncs with every calendar.\n\nBuy now at "
                      "https://example.com/buy\n",
    })
    got = {(f["path"][2:], f["rule"]): f["message"] for f in findings(tmp_path, ".")}
    assert sorted(got) == [("english.md", "CTA001"), ("nein.md", "CTA001")]
    assert "soft call 'Mehr erfahren'" in got[("nein.md", "CTA001")]


def make_pack(tmp_path, files):
    pack = tmp_path / "pack"
    pack.mkdir()
    for name, text in files.items():
        (pack / name).parent.mkdir(parents=True, exist_ok=True)
        (pack / name).write_text(text, encoding="utf-8")
    return pack


RULE = 'code = "BR001"\nname = "brand"\nseverity = "warning"\ncheck = "{check}"\n{extra}'


def test_pack_errors_are_one_line_exit_2(tmp_path):
    cases = [
        ({"r.toml": RULE.format(check="nope", extra="")}, "r.toml: unknown check kind 'nope'"),
        ({"r.toml": RULE.format(check="phrase", extra="[options]\nphrase = ['x']\n")},
         "r.toml: options.phrase: unknown option"),
        ({"r.toml": RULE.format(check="phrase", extra="[options]\nphrases = ['(x']\n")},
         "r.toml: PhraseError"),
        ({"r.toml": RULE.format(check="phrase", extra="[options]\nscope = 'footer'\n")},
         "r.toml: options.scope: must be one of"),
        ({"r.toml": RULE.replace("BR001", "CTA001").format(check="phrase", extra="")},
         "clashes with CTA001"),
        ({"lexicons/x.toml": "asks = ['go']\n"}, "x.toml: unknown lexicon list 'asks'"),
    ]
    for i, (files, expected) in enumerate(cases):
        d = tmp_path / f"c{i}"
        d.mkdir()
        (d / ".git").mkdir()
        pack = make_pack(d, files)
        (d / ".cta-lint.toml").write_text(f'rule-packs = ["{pack.as_posix()}"]\n')
        res = run_cli("check", "-", cwd=d, input="Buy now.\n")
        err = res.stderr.strip()
        assert res.returncode == 2 and "\n" not in err, (expected, err)
        assert ".cta-lint.toml: rule-packs:" in err and expected in err, (expected, err)


def test_pathological_patterns_finish(tmp_path):
    """A pack's phrases compile to bounded regexes: a classic catastrophic pattern is taken
    literally, and wildcards cannot backtrack. (run_cli has a generous timeout.)"""
    pack = make_pack(tmp_path, {
        "r1.toml": RULE.format(check="phrase", extra="[options]\nscope = 'all'\n"
                                                     "phrases = ['(a+)+$', '* * * * zzz', "
                                                     "'... ... ... zzz', '[*] [*] [*] zzz']\n"),
        "r2.toml": RULE.replace("BR001", "BR002").replace('"brand"', '"brand2"').format(
            check="substitution", extra="[options]\nscope = 'all'\n[options.swap]\n"
                                        "'* * * * zzz' = 'x'\n'(a+)+$' = 'y'\n"),
    })
    (tmp_path / ".git").mkdir()
    (tmp_path / ".cta-lint.toml").write_text(f'rule-packs = ["{pack.as_posix()}"]\n'
                                             'select = ["BR001", "BR002"]\nformat = "json"\n')
    (tmp_path / "a.txt").write_text("a" * 50_000 + "\n")
    (tmp_path / "b.txt").write_text("a-" * 25_000 + "\n")
    (tmp_path / "c.txt").write_text("-" * 50_000 + "\n")
    (tmp_path / "d.txt").write_text("one two three four zzz\n")
    got = [(f["path"][2:], f["rule"]) for f in findings(tmp_path, ".")]
    assert got == [("d.txt", "BR001"), ("d.txt", "BR002")]


def test_too_many_wildcards_is_rejected(tmp_path):
    pack = make_pack(tmp_path, {"r.toml": RULE.format(
        check="phrase", extra="[options]\nphrases = ['* * * * * zzz']\n")})
    (tmp_path / ".git").mkdir()
    res = run_cli("check", "--config", "/dev/null", "-", cwd=tmp_path, input="x\n")
    assert res.returncode in (0, 1)
    (tmp_path / "c.toml").write_text(f'rule-packs = ["{pack.as_posix()}"]\n')
    res = run_cli("check", "--config", "c.toml", "-", cwd=tmp_path, input="x\n")
    assert res.returncode == 2 and "more than four wildcards" in res.stderr
