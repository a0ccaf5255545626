"""Webinars as delivered: slide decks (Marp, Slidev, reveal.js), transcripts (.vtt, .srt), the
Q&A scoping of CTA001/CTA005 and CTA008. Exact codes, lines and columns."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

import cta_lint
from cta_lint import sources
from cta_lint.analysis import Analysis
from cta_lint.registry import Registry
from conftest import EXAMPLES, run_cli

FIX = Path(__file__).parent / "fixtures" / "webinar"


def found(text, fmt, **kw):
    return [f"{f.rule} {f.line}:{f.column}" for f in cta_lint.lint_text(text, format=fmt, **kw)]


def blocks(text, fmt):
    doc = sources.read_text(text, fmt)
    an = Analysis(doc, Registry().lexicon)
    return doc, an, [(b.kind, b.zone, b.speaker, b.text, doc.position(b.start))
                     for b in doc.blocks if b.text]


# -- decks --------------------------------------------------------------------------------------
MARP = """---
marp: true
theme: default
---

<!-- _class: lead -->

# Plan your week

---

## What you get

- One week view
- Offline mode

<!--
Drag a meeting live: you show that every calendar updates.
-->

```yaml
---
not: a separator
---
```

---

## Try it

Start your free trial at planly.example/start

---

# Thank you!
"""


def test_marp_deck_slides_notes_directives_and_positions():
    doc, an, got = blocks(MARP, "markdown")   # recognised by `marp: true`
    assert doc.webinar == "deck"
    assert got == [
        ("heading", "body", "", "Plan your week", (8, 3)),
        ("heading", "body", "", "What you get", (12, 4)),
        ("item", "body", "", "One week view", (14, 3)),
        ("item", "body", "", "Offline mode", (15, 3)),
        # the speaker note is copy of its slide, at its own line
        ("paragraph", "body", "", "Drag a meeting live: you show that every calendar updates.",
         (18, 1)),
        ("heading", "body", "", "Try it", (29, 4)),
        ("paragraph", "body", "", "Start your free trial at planly.example/start", (31, 1)),
        ("heading", "body", "", "Thank you!", (35, 3)),
    ]
    # 3 separators (the --- inside fenced code is code); the directive comment is not copy
    assert sum(b.kind == "divider" for b in doc.blocks) == 3
    # the 'Thank you!' slide after the pitch slide does not hide the ask
    assert found(MARP, "markdown") == []


def test_deck_thank_you_slide_after_a_slide_without_ask():
    text = MARP.replace("Start your free trial at planly.example/start", "Our roadmap for 2025")
    assert found(text, "markdown", select=["CTA001"]) == ["CTA001 31:1"]


def test_reveal_notes_and_vertical_slides():
    text = ("---\ntitle: Launch\nrevealOptions:\n  transition: fade\n---\n\n# Planly 3.0\n\n"
            "Note:\nStart your free trial at planly.example/start today.\n\n--\n\n"
            "## Questions?\n")
    doc, an, got = blocks(text, "markdown")
    assert got == [
        ("heading", "body", "", "Planly 3.0", (7, 3)),
        ("paragraph", "body", "", "Start your free trial at planly.example/start today.", (10, 1)),
        ("heading", "qa", "", "Questions?", (14, 4)),
    ]
    assert found(text, "markdown") == []


def test_slidev_per_slide_front_matter_and_last_comment_as_note():
    text = ("---\ntheme: seriph\n---\n\n# Welcome\n\n---\nlayout: center\nclass: text-center\n"
            "---\n\n# Pricing\n\n<!-- an author's comment -->\n\nPlans from $9.\n\n"
            "<!--\nSay: book your onboarding call today.\n-->\n")
    doc, an, got = blocks(text, "markdown")
    assert [(k, t, p) for k, _, _, t, p in got] == [
        ("heading", "Welcome", (5, 3)),
        ("heading", "Pricing", (12, 3)),
        ("paragraph", "Plans from $9.", (16, 1)),
        ("paragraph", "Say: book your onboarding call today.", (19, 1)),
    ]


def test_front_matter_that_is_not_a_deck():
    post = "---\nlayout: post\ntitle: Hello\n---\n\n# Hello\n\nSome text.\n\n---\n\nMore.\n"
    assert sources.read_text(post, "markdown").webinar is None
    from cta_lint.sources.deck import is_deck
    assert not is_deck(post)
    assert is_deck("---\nlayout: cover\n---\n\n# Hi\n\n---\n\n# Two\n")
    assert not is_deck("---\nlayout: cover\n---\n\n# Hi, one page only\n")
    assert is_deck("---\nmarp: true\n---\n\n# One slide\n")


def test_decks_setting_reads_markdown_as_a_deck(tmp_path):
    deck = tmp_path / "talks" / "PITCHME.md"
    deck.parent.mkdir()
    deck.write_bytes((FIX / "marp-cli-example-PITCHME.md").read_bytes())
    # a deck whose ask is in the speaker notes: hidden HTML comment in Markdown, copy in a deck
    (tmp_path / "talks" / "pitch.md").write_text(
        "# Planly\n\nOne week view.\n\n---\n\n# Pricing\n\n<!--\nStart your free trial at "
        "planly.example/start today.\n-->\n")
    (tmp_path / ".git").mkdir()

    def run():
        r = run_cli("check", "--format", "json", "talks", cwd=tmp_path)
        return sorted((f["path"].split("/")[-1], f["rule"], f["line"], f["column"])
                      for f in json.loads(r.stdout)["findings"])
    assert run() == [("PITCHME.md", "CTA001", 26, 16), ("pitch.md", "CTA001", 7, 3)]
    (tmp_path / ".cta-lint.toml").write_text('decks = ["talks/**/*.md"]\n')
    assert run() == [("PITCHME.md", "CTA001", 26, 16)]
    (tmp_path / ".cta-lint.toml").write_text('decks = "talks"\n')
    r = run_cli("check", "talks", cwd=tmp_path)
    assert r.returncode == 2 and "decks" in r.stderr


# -- transcripts --------------------------------------------------------------------------------
VTT = """WEBVTT
Kind: captions

NOTE edited captions

intro
00:00:01.000 --> 00:00:04.000 align:start
<v Dana Ortiz>Welcome, everyone, to <i>today's</i> demo.

00:00:04.000 --> 00:00:08.000
<v Dana Ortiz>You get every calendar &amp; your plan offline.

00:00:08.500 --> 00:00:10.000
SAM: Looks great.

00:10.000 --> 00:12.000
SAM: Can I try it?
"""


def test_vtt_speakers_joined_cues_and_positions():
    doc, an, got = blocks(VTT, "vtt")
    assert doc.webinar == "transcript"
    assert got == [
        ("paragraph", "body", "Dana Ortiz",
         "Welcome, everyone, to today's demo. You get every calendar & your plan offline.",
         (8, 15)),
        ("paragraph", "body", "SAM", "Looks great. Can I try it?", (14, 6)),
    ]
    b = doc.blocks[0]
    # 'You get' is the second cue's text, mapped to its own line and column
    assert doc.position(b.src(b.text.index("You get"))) == (11, 15)
    assert doc.position(b.src(b.text.index("plan"))) == (11, 49)


SRT = """1
00:00:01,000 --> 00:00:04,000
HOST: Welcome. We built this planner for our customers.

2
00:00:04,000 --> 00:00:08,000
<i>We are proud of it, and we think we did well.</i>

3
00:00:09,000 --> 00:00:12,000
{\\an8}Thanks for coming!
"""


def test_srt_tags_dropped_speaker_carried_and_positions():
    doc, an, got = blocks(SRT, "srt")
    assert got == [("paragraph", "body", "HOST",
                     "Welcome. We built this planner for our customers. We are proud of it, and "
                     "we think we did well. Thanks for coming!", (3, 7))]
    assert found(SRT, "srt") == ["CTA001 3:7"]


@pytest.mark.parametrize("name,data,reason", [
    ("no-header.vtt", "00:00:01.000 --> 00:00:02.000\nBuy now.\n",
     "not a WebVTT file: the first line is not 'WEBVTT'"),
    ("bad-time.vtt", "WEBVTT\n\n00:00:01.000 --> 00:0x:02.000\nBuy now.\n",
     "line 3: bad timing line: '00:00:01.000 --> 00:0x:02.000'"),
    ("backwards.vtt", "WEBVTT\n\n00:00:05.000 --> 00:00:02.000\nBuy now.\n",
     "line 3: a cue that ends before it starts"),
    ("no-timing.vtt", "WEBVTT\n\n1\nBuy now.\n", "line 4: a cue without a timing line: 'Buy now.'"),
    ("bad-time.srt", "1\n00:00:01,000 -> 00:00:02,000\nBuy now.\n",
     "line 2: a cue without a timing line"),
    ("glued.srt", "1\n00:00:01,000 --> 00:00:02,000\nBuy now.\n2\n00:00:03,000 --> 00:00:04,000\n"
     "Today.\n", "line 5: a timing line inside a cue's text (missing blank line?)"),
    ("empty.srt", "\n\n", "not a SubRip file: no cues"),
    ("binary.vtt", b"WEBVTT\n\x00\x01\x02\x00", "binary file (contains NUL bytes), not copy"),
])
def test_malformed_transcripts_are_cta000_and_the_run_goes_on(tmp_path, name, data, reason):
    bad = tmp_path / name
    bad.write_bytes(data if isinstance(data, bytes) else data.encode())
    good = tmp_path / "z-good.vtt"
    good.write_text("WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nThanks for watching!\n")
    r = run_cli("check", "--isolated", "--format", "json", tmp_path)
    assert "Traceback" not in r.stderr
    fs = json.loads(r.stdout)["findings"]
    assert [(f["path"].split("/")[-1], f["rule"], f["line"]) for f in fs] == [
        (name, "CTA000", 1), ("z-good.vtt", "CTA001", 4)]
    assert reason in fs[0]["message"]


def test_transcript_q_and_a_scoping_for_cta001_and_cta005():
    text = ("WEBVTT\n\n"
            "00:00:01.000 --> 00:00:05.000\n<v Dana>You get one week view for all your calendars, "
            "and you can plan your whole team's week in five minutes, wherever you are.\n\n"
            "00:00:05.000 --> 00:00:09.000\n<v Dana>Start your free trial at planly.example/start "
            "today, and you keep your plans when it ends.\n\n"
            "00:00:09.000 --> 00:00:12.000\n<v Dana>Now, let's open it up for questions.\n\n"
            "00:00:12.000 --> 00:00:20.000\n<v Sam>We use Outlook at our company and our IT team "
            "says we can't install anything, so we wonder if our admins need to approve it and "
            "whether our data stays in our region, because we are in Europe and we care.\n\n"
            "00:00:20.000 --> 00:00:23.000\n<v Dana>Good question, thanks for asking!\n")
    doc, an, got = blocks(text, "vtt")
    assert [z for _, z, _, _, _ in got] == ["body", "qa", "qa"]
    # the ask before the Q&A is the ending's; Sam's 'we' are not the presenter's words
    assert found(text, "vtt") == []


# -- real public decks and transcripts (tests/fixtures/webinar/README.md) ----------------------
@pytest.mark.parametrize("name,fmt,expect", [
    # Slidev's starter deck: a feature list no ask follows, and it closes on links to the docs
    ("slidev-starter-slides.md", None, ["CTA002 44:3", "CTA001 326:2"]),
    # marp-cli's example deck (its front matter does not say marp: the decks setting would)
    ("marp-cli-example-PITCHME.md", "deck", ["CTA001 26:16"]),
    # reveal-md's demo deck, with a vertical slide
    ("reveal-md-demo-a.md", "deck", ["CTA001 13:1"]),
    # the English subtitles of Sintel: a film, no ask; the ending is its last cues
    ("sintel_en.srt", None, ["CTA001 107:1"]),
])
def test_real_public_decks_and_transcripts(name, fmt, expect):
    text = (FIX / name).read_text(encoding="utf-8")
    fmt = fmt or sources.format_for(name, text)
    assert sorted(found(text, fmt)) == sorted(expect)


def test_real_slidev_deck_reads_notes_not_code_or_front_matter():
    doc, an, got = blocks((FIX / "slidev-starter-slides.md").read_text(encoding="utf-8"),
                          "markdown")
    texts = [t for _, _, _, t, _ in got]
    assert "Welcome to Slidev" in texts and "theme: default" not in " ".join(texts)
    assert any(t.startswith("The last comment block of each slide") for t in texts)
    assert not any("seriph" in t or "interface User" in t for t in texts)
    assert sum(b.kind == "divider" for b in doc.blocks) == 9


# -- examples -----------------------------------------------------------------------------------
def test_webinar_examples():
    r = run_cli("check", "--format", "json", EXAMPLES / "webinar")
    got = {}
    for f in json.loads(r.stdout)["findings"]:
        got.setdefault(f["path"].split("/")[-1], []).append(f"{f['rule']} {f['line']}:{f['column']}")
    assert got == {
        "bad-deck.md": ["CTA005 7:3", "CTA002 15:3", "CTA001 27:1", "CTA008 31:4"],
        "bad-webinar.srt": ["CTA005 3:7", "CTA003 17:11", "CTA004 22:1"],
    }
    # the good ones do have a Q&A part, and ask before it
    for name, at in (("good-deck.md", (50, 4)), ("good-webinar.vtt", (34, 44))):
        path = EXAMPLES / "webinar" / name
        text = path.read_text(encoding="utf-8")
        doc, an, _ = blocks(text, sources.format_for(str(path), text))
        block, offset = an.qa
        assert doc.position(block.src(offset)) == at


def test_cta008_explain_examples():
    import tomllib
    rule = tomllib.loads((Path(__file__).parent.parent / "rules" /
                          "CTA008-ask-before-questions.toml").read_text(encoding="utf-8"))
    assert found(rule["bad"], "deck", select=["CTA008"]) == ["CTA008 9:4"]
    assert found(rule["good"], "deck", select=["CTA008"]) == []


def test_linter_directives_in_a_deck_are_not_notes_and_still_work():
    text = ("---\nmarp: true\n---\n\n# Plan your week\n\n---\n\n## Questions?\n\n"
            "<!-- cta-lint-disable-file CTA008 -->\n<!-- markdownlint-disable MD025 -->\n")
    doc, an, got = blocks(text, "markdown")
    assert [t for _, _, _, t, _ in got] == ["Plan your week", "Questions?"]
    assert found(text, "markdown") == ["CTA001 5:3"]
    assert found(text.replace("<!-- cta-lint-disable-file CTA008 -->\n", ""), "markdown") == [
        "CTA001 5:3", "CTA008 9:4"]


def test_speaker_labels_and_colons_that_are_not_names():
    text = ("WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nStep 1: sign up at x.example/signup today.\n\n"
            "00:00:02.000 --> 00:00:03.000\nNote: the price goes up Friday.\n\n"
            "00:00:03.000 --> 00:00:04.000\nSpeaker 2: Great.\n\n"
            "00:00:04.000 --> 00:00:05.000\n>> Maria: Can I pay yearly?\n")
    doc, an, got = blocks(text, "vtt")
    assert [(s, t, p) for _, _, s, t, p in got] == [
        ("", "Step 1: sign up at x.example/signup today. Note: the price goes up Friday.", (4, 1)),
        ("Speaker 2", "Great.", (10, 12)),
        ("Maria", "Can I pay yearly?", (13, 11)),
    ]
