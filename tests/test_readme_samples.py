"""Every sample output in README.md is what the tool prints today.

A sample is a fenced block (plain ``` or ```console) whose first line is `$ cta-lint ARGS`;
the rest of the block is the standard output of that command, run from the project root with
NO_COLOR=1 (sample inputs live in examples/). Nothing here knows the rules' messages, so when
they change only the README needs regenerating:

    python tests/test_readme_samples.py --update
"""
from __future__ import annotations

import re
import shlex
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
from conftest import ROOT, run_cli  # noqa: E402

README = ROOT / "README.md"
_FENCE_OPEN = re.compile(r"^```(\S*)\s*$")
_SAMPLE_LANGS = ("", "console", "shell-session")
_FENCE_CLOSE = re.compile(r"^```\s*$")


@dataclass
class Sample:
    heading: str      # the README heading the sample sits under
    start: int        # index of the `$ cta-lint` line in the README's lines
    end: int          # index of the closing fence
    command: str      # without the "$ "
    expected: str     # the lines after the command, with a final newline

    @property
    def id(self) -> str:
        return f"{self.heading}: {self.command}"


def samples(text: str) -> list[Sample]:
    lines = text.split("\n")
    out, heading, i = [], "", 0
    while i < len(lines):
        line = lines[i]
        if line.startswith("#"):
            heading = line.lstrip("#").strip()
        elif m := _FENCE_OPEN.match(line):
            j = i + 1
            while j < len(lines) and not _FENCE_CLOSE.match(lines[j]):
                j += 1
            if m.group(1) in _SAMPLE_LANGS and i + 1 < j and lines[i + 1].startswith("$ cta-lint "):
                body = lines[i + 2:j]
                out.append(Sample(heading, i + 1, j, lines[i + 1][2:],
                                  "\n".join(body) + "\n" if body else ""))
            i = j   # a block's lines are not headings (`# comment` in YAML)
        i += 1
    return out


def live_output(command: str) -> str:
    args = shlex.split(command)
    assert args[0] == "cta-lint", command
    r = run_cli(*args[1:], env={"NO_COLOR": "1"})
    assert "Traceback" not in r.stderr, r.stderr
    assert r.returncode in (0, 1), (command, r.returncode, r.stderr)
    return r.stdout


SAMPLES = samples(README.read_text(encoding="utf-8")) if README.is_file() else []


def test_the_readme_shows_sample_outputs():
    """The parsing finds the samples (a test of nothing would pass): the one in the
    introduction and the default output under "Output formats"."""
    assert len(SAMPLES) >= 2, [s.id for s in SAMPLES]
    assert any(s.heading == "Output formats" for s in SAMPLES), [s.id for s in SAMPLES]


@pytest.mark.parametrize("sample", SAMPLES, ids=[s.id for s in SAMPLES])
def test_sample_output_is_the_real_output(sample):
    assert live_output(sample.command) == sample.expected, (
        f"README.md's sample for `{sample.command}` is stale; regenerate it with "
        "`python tests/test_readme_samples.py --update`")


def update(path: Path = README) -> int:
    """Rewrite every sample block of the README with the live output; returns how many changed."""
    lines = path.read_text(encoding="utf-8").split("\n")
    changed = 0
    for s in reversed(samples("\n".join(lines))):   # from the end: earlier indexes stay valid
        got = live_output(s.command)
        if got != s.expected:
            lines[s.start + 1:s.end] = got.rstrip("\n").split("\n") if got else []
            changed += 1
    path.write_text("\n".join(lines), encoding="utf-8")
    return changed


if __name__ == "__main__":
    if sys.argv[1:] != ["--update"]:
        sys.exit(f"usage: python {sys.argv[0]} --update   (rewrites README.md's sample outputs)")
    print(f"{update()} sample(s) of README.md regenerated")
