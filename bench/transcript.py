"""Reading a 90-minute transcript costs no more than a Markdown file of the same length.

Builds a WebVTT transcript of ``--cues`` cues (default 1,500: about 90 minutes of speech at
3.6 s a cue, two speakers, a pitch, a Q&A), the same transcript as SubRip, and a Markdown file
of the same words (one paragraph per speaker turn, as a write-up of the talk would be), then
times ``Linter.lint_text`` (read + analysis + every rule) and the bare read on each, in process,
median of ``--repeat`` runs:

    python3 bench/transcript.py                 # --cues 1500 --repeat 15
"""
from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))

from cta_lint import sources  # noqa: E402
from cta_lint.engine import Linter  # noqa: E402

WORDS = ("you your team week plan calendar sync offline share meeting project deadline "
         "we our launch feature view drag update board client invoice report time").split()


def talk(cues: int, seed: int = 1):
    """[(speaker, text)], one per cue."""
    rnd = random.Random(seed)
    out = []
    qa = int(cues * 0.8)
    for i in range(cues):
        if i == qa - 2:
            text = "Start your free trial at planly.example/start today."
        elif i == qa - 1:
            text = "Now, let's open it up for questions."
        else:
            n = rnd.randint(6, 12)
            text = " ".join(rnd.choice(WORDS) for _ in range(n)).capitalize() + "."
        speaker = "Dana Ortiz" if i < qa or i % 3 else "Sam Lee"
        out.append((speaker, text))
    return out


def stamp(t: float, sep: str) -> str:
    h, rest = divmod(t, 3600)
    m, s = divmod(rest, 60)
    return f"{int(h):02d}:{int(m):02d}:{s:06.3f}".replace(".", sep)


def build(cues: int):
    lines = talk(cues)
    vtt, srt, md = ["WEBVTT", ""], [], []
    prev = None
    for i, (who, text) in enumerate(lines):
        a, b = i * 3.6, i * 3.6 + 3.4
        vtt += [str(i + 1), f"{stamp(a, '.')} --> {stamp(b, '.')}", f"<v {who}>{text}", ""]
        srt += [str(i + 1), f"{stamp(a, ',')} --> {stamp(b, ',')}", f"{who.upper()}: {text}", ""]
        if who != prev:
            md.append("")
            md.append(f"**{who}:** {text}")
        else:
            md[-1] += " " + text
        prev = who
    return "\n".join(vtt), "\n".join(srt), "\n".join(md).strip() + "\n"


def median_ms(fn, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t) * 1000)
    return statistics.median(times)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--cues", type=int, default=1500)
    ap.add_argument("--repeat", type=int, default=15)
    args = ap.parse_args()
    vtt, srt, md = build(args.cues)
    linter = Linter()
    linter.lint_text("Thanks for reading.", "text")       # compile the lexicon first
    print(f"{args.cues} cues; sizes: vtt {len(vtt)} B, srt {len(srt)} B, markdown {len(md)} B "
          f"({len(md.split())} words)")
    for name, text, fmt in (("markdown", md, "markdown"), ("vtt", vtt, "vtt"), ("srt", srt, "srt")):
        read = median_ms(lambda: sources.read_text(text, fmt), args.repeat)
        lint = median_ms(lambda: linter.lint_text(text, fmt, "x"), args.repeat)
        print(f"{name:9s} read {read:7.1f} ms   lint (read + rules) {lint:7.1f} ms")


if __name__ == "__main__":
    main()
