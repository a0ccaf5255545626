"""Runs every case in tests/fixtures/rules/*.toml: exact rule code, line and column."""
from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

import cta_lint

FIXTURES = Path(__file__).parent / "fixtures" / "rules"


def _cases():
    for path in sorted(FIXTURES.glob("*.toml")):
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        for case in data["case"]:
            yield pytest.param(data["rule"], case, id=f"{path.stem}: {case['name']}")


@pytest.mark.parametrize("rule,case", list(_cases()))
def test_rule_case(rule, case):
    findings = cta_lint.lint_text(case["text"], format=case["format"], select=[rule])
    # expectations may name the severity too: "CTA003 3:5 info"
    with_sev = any(len(e.split()) == 3 for e in case["expect"])
    got = sorted(f"{f.rule} {f.line}:{f.column}" + (f" {f.severity}" if with_sev else "")
                 for f in findings if f.rule == rule)
    assert got == sorted(case["expect"]), [f"{f.rule} {f.line}:{f.column} {f.severity} {f.message}"
                                           for f in findings]
