"""Transcripts and captions: WebVTT (.vtt) and SubRip (.srt).

A reader of our own rather than a parser from the registry: webvtt-py and srt return each cue's
text without its place in the file, and every finding here must point at the cue's own line and
column; what they would save (a timing regex, splitting on blank lines) is a few lines. It reads
in one pass over the lines, with no third-party import.

Cue numbers, identifiers, timings, cue settings, NOTE / STYLE / REGION blocks and styling tags
(``<c.x>``, ``<i>``, ``<b>``, ``<u>``, ``<ruby>``, ``{\\an8}``, ``<font>``, inline timestamps) are
dropped. A speaker label (``<v Name>``, or ``NAME:`` / ``Jane Doe:`` at the start of a cue) is
kept as the block's ``speaker``, not as copy; a cue without one continues the speaker before
it. Consecutive cues of one speaker are joined into paragraphs: a new one starts when the
speaker changes, or at a cue that starts a sentence once the paragraph has ~60 words or after a
pause of 2 seconds or more (so the ending window and a finding's position are a few cues, not
a whole monologue). Every character keeps its offset in the file. A missing header, a bad timing line or a cue without one raises
``ReadError`` naming the line: the file is reported as CTA000 and the run goes on.
"""
from __future__ import annotations

import re

from ..document import PARAGRAPH, TRANSCRIPT, Document, TextBuilder
from .base import ReadError

_TS = r"(?:(\d{1,3}):)?([0-5]\d):([0-5]\d)[.,](\d{1,3})"
_VTT_TIMING = re.compile(rf"^\s*{_TS}\s+-->\s+{_TS}(?:\s+.*)?$")
_SRT_TIMING = re.compile(rf"^\s*{_TS}\s*-->\s*{_TS}(?:\s+.*)?$")
_TAG = re.compile(r"<[^>\n]*>|\{\\[^}\n]*\}")
_VOICE = re.compile(r"<v(?:\.[\w.-]+)?\s+([^>\n]+)>")
# "JOHN:", "Jane Doe:", "Dr. Lee:", ">> HOST:" at the start of a cue: a name of 1-4 capitalised
# words (or one all-capitals word), then a colon and a space
_LABEL = re.compile(r"^(?:>>\s*)?((?:Speaker|Participant|Guest|Attendee|Panelist|Presenter|Host)"
                    r"\s+\d+|[A-Z][\w.'\u2019-]*(?:\s+[A-Z][\w.'\u2019-]*){0,3}):\s+")
# words that open a sentence with a colon ("Note: the price goes up Friday"), not names
_NOT_NAMES = {"note", "notes", "step", "tip", "remember", "bonus", "hint", "warning", "example",
              "update", "reminder", "important", "ps", "p.s", "p.s.", "fact", "so", "now", "well",
              "okay", "ok", "yes", "no", "here", "today", "result", "results", "answer",
              "question", "why", "how", "what", "spoiler", "pro"}
_ENTITIES = {"&amp;": "&", "&lt;": "<", "&gt;": ">", "&nbsp;": " ", "&lrm;": "", "&rlm;": "",
             "&quot;": '"', "&apos;": "'", "&#39;": "'"}
_ENTITY = re.compile(r"&(?:amp|lt|gt|nbsp|lrm|rlm|quot|apos|#39);")
_SKIP_BLOCKS = ("NOTE", "STYLE", "REGION")


def _seconds(m) -> tuple[float, float]:
    g = m.groups()
    start = int(g[0] or 0) * 3600 + int(g[1]) * 60 + int(g[2]) + int(g[3]) / 1000
    end = int(g[4] or 0) * 3600 + int(g[5]) * 60 + int(g[6]) + int(g[7]) / 1000
    return start, end


def _lines(source: str):
    """(offset, line) for every line, line endings stripped."""
    pos = 0
    for line in source.split("\n"):
        yield pos, line.rstrip("\r")
        pos += len(line) + 1


def _blocks(source: str):
    """Runs of non-blank lines: lists of (line number, offset, text)."""
    run = []
    for n, (off, line) in enumerate(_lines(source), 1):
        if line.strip():
            run.append((n, off, line))
        elif run:
            yield run
            run = []
    if run:
        yield run


class _Joiner:
    """Joins cue payloads into paragraphs, one per run of cues of one speaker."""

    def __init__(self, doc: Document):
        self.doc = doc
        self.tb = TextBuilder()
        self.speaker = ""
        self.blocks = []
        self.words = 0           # words in the paragraph so far
        self.closed = False      # its text ends a sentence
        self.last_end = None     # when the cue before ended (seconds)
        self.pieces: list[str] = []   # the current cue's text

    def flush(self) -> None:
        blk = self.tb.build(PARAGRAPH)
        if blk is not None:
            blk.speaker = self.speaker
            self.blocks.append(blk)
        self.tb = TextBuilder()
        self.words = 0
        self.closed = False

    def cue(self, payload: list[tuple[int, str]], start: float = 0.0, end: float = 0.0) -> None:
        """A cue's text lines as (offset, line), and its times."""
        pause = self.last_end is not None and start - self.last_end >= 2.0
        self.last_end = end
        if (self.closed and (self.words >= 60 or pause)) or self.words >= 150:
            self.flush()   # (150: captions with no punctuation at all)
        self.pieces = []
        for i, (off, line) in enumerate(payload):
            voice = _VOICE.search(line)
            text_from = 0
            if voice:
                self._speaker(voice.group(1).strip())
            else:
                m = _LABEL.match(_TAG.sub(lambda t: " " * len(t.group(0)), line))
                # all capitals ("HOST:"), several words ("Jane Doe:"), or one word opening
                # the cue ("Maria: thanks, everyone")
                name = m.group(1) if m else ""
                if m and m.end() < len(line) and name.lower() not in _NOT_NAMES and (
                        name.isupper() or " " in name or i == 0):
                    self._speaker(m.group(1))
                    text_from = m.end()
            self._text(line, off, text_from)
            self.tb.soft_space()
        text = " ".join(self.pieces).rstrip()
        if text:
            self.words += len(text.split())
            self.closed = text.endswith((".", "!", "?", "\u2026", '."', '?"', '!"'))

    def _speaker(self, name: str) -> None:
        name = " ".join(name.split())
        if name.casefold() != self.speaker.casefold():
            self.flush()
            self.speaker = name

    def _text(self, line: str, off: int, pos: int) -> None:
        if line.startswith(">>", pos):
            pos += 2
        for m in _TAG.finditer(line, pos):
            self._plain(line[pos:m.start()], off + pos)
            pos = m.end()
        self._plain(line[pos:], off + pos)

    def _plain(self, s: str, off: int) -> None:
        self.pieces.append(s)
        if "&" not in s:
            self.tb.add(s, off)
            return
        pos = 0
        for m in _ENTITY.finditer(s):
            self.tb.add(s[pos:m.start()], off + pos)
            self.tb.add_mapped(_ENTITIES[m.group(0)], off + m.start())
            pos = m.end()
        self.tb.add(s[pos:], off + pos)


def _timing_error(n: int, line: str, what: str) -> ReadError:
    shown = line.strip()
    if len(shown) > 60:
        shown = shown[:59] + "\u2026"
    return ReadError(f"line {n}: {what}: '{shown}'")


def _check_times(m, n: int, line: str) -> tuple[float, float]:
    start, end = _seconds(m)
    if end < start:
        raise _timing_error(n, line, "a cue that ends before it starts")
    return start, end


def read_vtt(source: str) -> Document:
    doc = Document(source=source, format="vtt")
    doc.webinar = TRANSCRIPT
    first = source.lstrip("\ufeff").split("\n", 1)[0].rstrip("\r")
    if not (first == "WEBVTT" or first.startswith(("WEBVTT ", "WEBVTT\t"))):
        raise ReadError("not a WebVTT file: the first line is not 'WEBVTT'")
    join = _Joiner(doc)
    cues = 0
    for i, run in enumerate(_blocks(source)):
        if i == 0:
            continue   # the header block (WEBVTT and its metadata lines)
        head = run[0][2].lstrip()
        if head.startswith(_SKIP_BLOCKS) and (len(head) == len(head.split()[0]) or
                                               head[len(head.split()[0])] in " \t"):
            continue
        k = 0
        if "-->" not in run[0][2] and len(run) > 1:
            k = 1   # a cue identifier
        n, off, line = run[k]
        m = _VTT_TIMING.match(line)
        if m is None:
            if "-->" in line:
                raise _timing_error(n, line, "bad timing line")
            raise _timing_error(n, line, "a cue without a timing line")
        start, end = _check_times(m, n, line)
        for n2, _, other in run[k + 1:]:
            if "-->" in other:
                raise _timing_error(n2, other, "a timing line inside a cue's text (missing "
                                               "blank line?)")
        cues += 1
        join.cue([(o, t) for _, o, t in run[k + 1:]], start, end)
    join.flush()
    doc.blocks = join.blocks
    return doc


def read_srt(source: str) -> Document:
    doc = Document(source=source, format="srt")
    doc.webinar = TRANSCRIPT
    join = _Joiner(doc)
    cues = 0
    for run in _blocks(source.replace("\ufeff", " ", 1) if source.startswith("\ufeff") else source):
        n, off, line = run[0]
        k = 1 if line.strip().isdigit() else 0
        if k == 0 and "-->" not in line:
            raise _timing_error(n, line, "a cue without a number or timing line")
        if k >= len(run):
            raise _timing_error(n, line, "a cue number with no timing line after it")
        n, off, line = run[k]
        m = _SRT_TIMING.match(line)
        if m is None:
            raise _timing_error(n, line, "bad timing line" if "-->" in line
                                else "a cue without a timing line")
        start, end = _check_times(m, n, line)
        payload = []
        for n2, o, t in run[k + 1:]:
            if "-->" in t and _SRT_TIMING.match(t):
                raise _timing_error(n2, t, "a timing line inside a cue's text (missing "
                                           "blank line?)")
            payload.append((o, t))
        cues += 1
        join.cue(payload, start, end)
    if not cues:
        raise ReadError("not a SubRip file: no cues")
    join.flush()
    doc.blocks = join.blocks
    return doc
