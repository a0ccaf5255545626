"""``--format html``: one self-contained page (inline CSS, no scripts, no external assets) that
shows each file's copy as the reader sees it, every finding highlighted where it occurs and
explained beside it, with a summary per rule and per file at the top.

The copy is untrusted: the page is rendered by Jinja2 with autoescaping on and nothing is marked
safe, and a Content-Security-Policy forbids scripts anyway. :func:`doc_hook` keeps, per file with
findings, only the Document's block texts and the text ranges each finding covers.
"""
from __future__ import annotations

import os
from bisect import bisect_right

from .. import __version__
from . import relpath

SEV_ORDER = {"error": 0, "warning": 1, "info": 2}


# -- capture (engine side) -------------------------------------------------------------------
class FileView:
    """The copy of one file as shown in the report; shared by all of that file's findings."""
    __slots__ = ("blocks", "subject", "format")

    def __init__(self, blocks, subject, fmt):
        self.blocks = blocks          # [(kind, zone, level, text, [(a, b, k), ...])]
        self.subject = subject
        self.format = fmt


def _ranges(block, start: int, end: int) -> list[tuple[int, int]]:
    """Text ranges of ``block`` whose source offsets fall in [start, end)."""
    out: list[tuple[int, int]] = []
    n = len(block.text)
    anchors, srcs = block.anchors, block.srcs
    for i, a in enumerate(anchors):
        nxt = anchors[i + 1] if i + 1 < len(anchors) else n
        if nxt <= a:
            continue
        s = srcs[i]
        lo = max(a, start - s + a)
        hi = min(nxt, end - s + a)
        if hi > lo:
            if out and out[-1][1] >= lo:
                out[-1] = (out[-1][0], max(out[-1][1], hi))
            else:
                out.append((lo, hi))
    # close the gaps left by collapsed whitespace between two covered pieces
    merged: list[tuple[int, int]] = []
    for lo, hi in out:
        if merged and not block.text[merged[-1][1]:lo].strip():
            merged[-1] = (merged[-1][0], hi)
        else:
            merged.append((lo, hi))
    return merged


def _marker(blocks, start: int) -> tuple[int, int] | None:
    """(block index, text position) where a finding that covers no visible text belongs."""
    best = None
    for bi, b in enumerate(blocks):
        if not b.srcs:
            continue
        if b.start <= start < b.end:
            i = bisect_right(b.srcs, start)   # srcs are mostly increasing within a block
            pos = b.anchors[i - 1] if i > 0 else 0
            return bi, min(pos, len(b.text))
        if b.start >= start and best is None:
            best = (bi, 0)
    if best is None and blocks:
        best = (len(blocks) - 1, len(blocks[-1].text))
    return best


class _Mapped:
    """A part's block seen through the part's text -> file offset map (one anchor per
    character, so decoded parts such as quoted-printable still land on the right characters)."""
    __slots__ = ("kind", "zone", "level", "text", "anchors", "srcs", "start", "end")

    def __init__(self, b, to_raw):
        self.kind, self.zone, self.level, self.text = b.kind, b.zone, b.level, b.text
        self.anchors = list(range(len(b.text)))
        self.srcs = [to_raw(b.src(p)) for p in self.anchors]
        self.start = self.srcs[0] if self.srcs else to_raw(b.end)
        self.end = (self.srcs[-1] + 1) if self.srcs else self.start


def doc_hook(path, doc, findings, parts=None) -> None:
    """Attach the file's view to its findings. ``parts``: for a file made of several documents
    (an .eml's HTML and plain-text parts), objects with ``label``, ``doc`` and ``to_raw(offset)``
    mapping part offsets to the file offsets the findings carry."""
    if not findings:
        return
    if parts:
        blocks = []
        for part in parts:
            pblocks = [_Mapped(b, part.to_raw) for b in part.doc.blocks]
            if part.label and pblocks:
                blocks.append(_Label(part.label))
            blocks.extend(pblocks)
    else:
        blocks = doc.blocks
    per_block: list[list] = [[] for _ in blocks]
    spans = [((min(b.srcs), max(max(b.srcs) + 1, b.end)) if b.srcs else (b.end, b.end))
             for b in blocks]
    for k, f in enumerate(findings):
        if f.rule == "CTA000":
            continue
        hit = False
        for bi, b in enumerate(blocks):
            lo, hi = spans[bi]
            if hi <= f.start or lo >= max(f.end, f.start + 1):
                continue
            for lo, hi in _ranges(b, f.start, max(f.end, f.start)):
                per_block[bi].append((lo, hi, k))
                hit = True
        if not hit:
            m = _marker(blocks, f.start)
            if m is not None:
                per_block[m[0]].append((m[1], m[1], k))
    view = FileView([(b.kind, b.zone, b.level, b.text, per_block[i])
                     for i, b in enumerate(blocks)], doc.subject, doc.format)
    for k, f in enumerate(findings):
        if f.rule != "CTA000":
            f.context = (view, k)


class _Label:
    """A part's name shown above its blocks ("text/plain part"); never carries a finding."""
    __slots__ = ("text",)
    kind, zone, level, anchors, srcs, start, end = "part", "body", 0, (), (), -1, -1

    def __init__(self, label):
        self.text = label


# -- render ----------------------------------------------------------------------------------
def _pieces(text: str, ranges, nums: dict[int, int], sev: dict[int, str], seen: set[int],
            tips: dict[int, str]):
    """Split a block's text at every finding boundary: ('text', s) / ('mark', s, sev, [n...]) /
    ('badge', first?, sev, [n]) items for the template (a finding spanning several blocks gets a
    badge in each; only the first carries the anchor id)."""
    ranges = [(a, b, nums[k]) for a, b, k in ranges if k in nums]
    if not ranges:
        return [("text", text, "", [], "")]
    cuts = sorted({0, len(text)} | {a for a, _, _ in ranges} | {b for _, b, _ in ranges})
    out = []
    starts: dict[int, list[int]] = {}
    for a, _, n in ranges:
        starts.setdefault(a, []).append(n)
    for i, lo in enumerate(cuts):
        for n in sorted(set(starts.get(lo, ()))):
            out.append(("badge", n not in seen, sev[n], [n], tips[n]))
            seen.add(n)
        if i + 1 >= len(cuts):
            break
        hi = cuts[i + 1]
        if hi <= lo:
            continue
        seg = text[lo:hi]
        spans = {}
        for a, b, n in ranges:
            if a <= lo and hi <= b:
                spans[n] = min(spans.get(n, b - a), b - a)
        cover = sorted(spans)
        if cover:
            # the innermost finding (shortest span: a phrase inside a flagged paragraph) gives
            # the colour; "under-<severity>" draws the enclosing findings' line below it
            inner = min(cover, key=lambda n: (spans[n], SEV_ORDER.get(sev[n], 3)))
            outer = sorted({sev[n] for n in cover if n != inner}, key=lambda s: SEV_ORDER.get(s, 3))
            cls = sev[inner] + (f" under-{outer[0]}" if outer else "")
            out.append(("mark", seg, cls, cover, "\n".join(tips[n] for n in cover)))
        else:
            out.append(("text", seg, "", [], ""))
    return out


def render(findings, *, rules=None, paths=None, files: int = 0, unreadable: int = 0,
           **_kw) -> str:
    from jinja2 import Environment, FileSystemLoader, StrictUndefined

    rules = rules or {}
    order: list[str] = []
    by_file: dict[str, list] = {}
    for p in paths or ():
        if p not in by_file:
            by_file[p] = []
            order.append(p)
    for f in findings:
        if f.path not in by_file:
            by_file[f.path] = []
            order.append(f.path)
        by_file[f.path].append(f)

    n = 0
    file_rows, sections = [], []
    rule_counts: dict[str, dict] = {}
    for fi, path in enumerate(order):
        fs = by_file[path]
        counts = {"error": 0, "warning": 0, "info": 0}
        items = []
        view, nums, sev, tips = None, {}, {}, {}
        for f in fs:
            n += 1
            counts[f.severity] = counts.get(f.severity, 0) + 1
            rc = rule_counts.setdefault(f.rule, {"code": f.rule, "name": f.name,
                                                 "severity": f.severity, "count": 0})
            rc["count"] += 1
            placed = False
            ctx = f.context
            if isinstance(ctx, tuple) and len(ctx) == 2 and isinstance(ctx[0], FileView):
                view = ctx[0]
                nums[ctx[1]] = n
                sev[n] = f.severity
                tips[n] = f"#{n} {f.rule} [{f.name}]: {f.message}"
                placed = any(k == ctx[1] for blk in view.blocks for _, _, k in blk[4])
            items.append({"n": n, "rule": f.rule, "name": f.name, "severity": f.severity,
                          "line": f.line, "column": f.column, "message": f.message,
                          "suggestion": f.suggestion or "", "placed": placed})
        blocks = []
        if view is not None:
            seen: set[int] = set()
            for kind, zone, level, text, ranges in view.blocks:
                blocks.append({"kind": kind, "zone": zone, "level": level,
                               "pieces": _pieces(text, ranges, nums, sev, seen, tips)})
        name = relpath(path)
        file_rows.append({"id": f"file-{fi + 1}", "path": name, "counts": counts,
                          "total": len(fs)})
        sections.append({"id": f"file-{fi + 1}", "path": name, "notes": items,
                         "blocks": blocks, "subject": view.subject if view else None,
                         "counts": counts})
    rule_rows = []
    for code, rc in sorted(rule_counts.items(), key=lambda kv: (-kv[1]["count"], kv[0])):
        r = rules.get(code)
        rule_rows.append(dict(rc, summary=r.summary if r else (
            "A file that cannot be read or parsed" if code == "CTA000" else "")))
    totals = {"error": 0, "warning": 0, "info": 0}
    for f in findings:
        totals[f.severity] = totals.get(f.severity, 0) + 1

    env = Environment(loader=FileSystemLoader(os.path.join(os.path.dirname(__file__),
                                                           "templates")),
                      autoescape=True, undefined=StrictUndefined, trim_blocks=True,
                      lstrip_blocks=True)
    tpl = env.get_template("report.html.j2")
    return tpl.render(version=__version__, files=files or len(order), unreadable=unreadable,
                      total=len(findings), totals=totals, rule_rows=rule_rows,
                      file_rows=file_rows, sections=sections)
