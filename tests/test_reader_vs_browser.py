"""The HTML reader against a browser: on each small document of
fixtures/reader_vs_browser.toml, cta-lint must read the words Chromium shows
(``document.body.innerText``), in order.

One Chromium run reads every document: a page of sandboxed iframes (``srcdoc``, scripts off in
them, no network), whose own script collects each frame's innerText once the page has loaded,
and which ``--dump-dom`` prints. The comparison is of words: punctuation at their ends trimmed,
zero-width characters and soft hyphens removed (a browser draws "Sub&shy;scribe" as one word).
"""
from __future__ import annotations

import html
import json
import re
import tomllib
import unicodedata
from pathlib import Path

import pytest

from conftest import run_chromium
from cta_lint.document import PREHEADER, SUBJECT
from cta_lint.sources import html as H

CASES = tomllib.loads((Path(__file__).parent / "fixtures" / "reader_vs_browser.toml")
                      .read_text(encoding="utf-8"))
SAME = CASES["same"]
DIFFERS = CASES["differs"]
_ZERO_WIDTH = dict.fromkeys(map(ord, "\u00ad\u200b\u200c\u200d\u2060\ufeff"))
_OUT = re.compile(r'<pre id="cta-oracle">(.*?)</pre>', re.S)


def _words(text: str) -> list[str]:
    out = []
    for w in text.translate(_ZERO_WIDTH).split():
        i, j = 0, len(w)
        while i < j and unicodedata.category(w[i])[0] in "PSZC":
            i += 1
        while j > i and unicodedata.category(w[j - 1])[0] in "PSZC":
            j -= 1
        if i < j:
            out.append(w[i:j])
    return out


def _reader_words(src: str) -> list[str]:
    doc = H.read(src)
    return _words(" ".join(b.text for b in doc.blocks if b.kind not in (SUBJECT, PREHEADER)))


@pytest.fixture(scope="module")
def browser_text(tmp_path_factory) -> dict[str, str]:
    cases = SAME + DIFFERS
    frames = "\n".join(
        f'<iframe sandbox="allow-same-origin" style="width:900px;height:40px" '
        f'srcdoc="{html.escape(c["html"], quote=True)}"></iframe>' for c in cases)
    page = ('<!DOCTYPE html><html><head><meta charset="utf-8"></head><body>' + frames +
            '<pre id="cta-oracle"></pre><script>'
            'addEventListener("load", () => { document.getElementById("cta-oracle").textContent ='
            ' JSON.stringify(Array.from(document.querySelectorAll("iframe"), f =>'
            ' f.contentDocument && f.contentDocument.body ? f.contentDocument.body.innerText'
            ' : null)); });</script></body></html>')
    tmp = tmp_path_factory.mktemp("oracle")
    (tmp / "page.html").write_text(page, encoding="utf-8")
    r = run_chromium(tmp / "profile", "--virtual-time-budget=10000", "--dump-dom",
                     (tmp / "page.html").as_uri())
    m = _OUT.search(r.stdout)
    assert m and m.group(1), f"no innerText from chromium: {r.stderr[-2000:]}"
    texts = json.loads(html.unescape(m.group(1)))
    assert len(texts) == len(cases) and None not in texts
    return {c["name"]: t for c, t in zip(cases, texts)}


@pytest.mark.slow
@pytest.mark.parametrize("case", SAME, ids=[c["name"] for c in SAME])
def test_the_reader_reads_what_a_browser_shows(case, browser_text):
    assert _reader_words(case["html"]) == _words(browser_text[case["name"]])


@pytest.mark.slow
@pytest.mark.parametrize("case", [
    pytest.param(c, marks=pytest.mark.xfail(strict=True, reason=c["why"])) for c in DIFFERS],
    ids=[c["name"] for c in DIFFERS])
def test_known_reading_gaps_still_differ(case, browser_text):
    assert _reader_words(case["html"]) == _words(browser_text[case["name"]])


def test_the_cases_have_unique_names():
    names = [c["name"] for c in SAME + DIFFERS]
    assert len(names) == len(set(names))
    assert all(c["why"] for c in DIFFERS)
