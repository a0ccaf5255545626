"""``cta-lint server``: the real server as a subprocess, driven over stdio by a real LSP client
(pytest-lsp, on pygls), and by hand-written JSON-RPC frames for the malformed requests."""
from __future__ import annotations

import asyncio
import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import ROOT, SHARED, run_cli

try:
    import pytest_lsp
    from lsprotocol import types as T
    from pygls.protocol import default_converter
    from pytest_lsp import ClientServerConfig, LanguageClient, client_capabilities
    from pytest_lsp.client import DEFAULT_CLIENT_FEATURES, register_lsp_features
    HAVE_LSP = True
except ImportError:     # the last two tests still run: the extra must stay an extra
    HAVE_LSP = False
needs_lsp = pytest.mark.skipif(not HAVE_LSP, reason="the lsp extra (pygls) or pytest-lsp is not "
                                                    "installed: pip install '.[test]'")

SERVER = [sys.executable, "-m", "cta_lint", "server"]
ENV = dict(os.environ, PYTHONPATH=str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""))

EMAIL = """\
<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>Our spring update</title></head>
<body>
  <table role="presentation" width="600" cellpadding="0" cellspacing="0">
    <tr><td style="font-family:Arial,sans-serif;font-size:16px;line-height:24px;">
      <h1>\U0001f337 Spring at Brightdesk</h1>
      <p>Hi {{ first_name }},</p>
      <p>\U0001f33c We really need 50 more sign-ups this month to hit our goal.</p>
      <p>Here is what is new:</p>
      <ul>
        <li>Shared inboxes for the whole team</li>
        <li>Canned replies with variables</li>
        <li>Reports you can schedule by email</li>
      </ul>
      <p>Thanks for reading, and see you next month!</p>
    </td></tr>
  </table>
</body>
</html>
"""
# (code, severity, start line, start character, end line, end character): 0-based, UTF-16
# (the flower on line 9 is two UTF-16 units: cta-lint's column 12 is character 12, not 11)
EXPECTED = [
    ("CTA003", 2, 8, 12, 8, 43),       # severity 2: Warning
    ("CTA002", 2, 11, 12, 13, 45),
    ("CTA001", 1, 15, 9, 15, 52),      # 1: Error
]
ASK = '      <p><a href="https://brightdesk.example/trial">Start your free trial</a></p>\n'


def shape(diags):
    return [(d.code, d.severity, d.range.start.line, d.range.start.character,
             d.range.end.line, d.range.end.character) for d in diags]


def cli_shape(path: Path):
    """What ``cta-lint check --format json`` says, in LSP's units (UTF-16, 0-based)."""
    out = json.loads(run_cli("check", "--format", "json", path, cwd=path.parent).stdout)
    lines = path.read_text(encoding="utf-8").replace("\r\n", "\n").split("\n")

    def u16(line, col):
        return len(lines[line - 1][:col - 1].encode("utf-16-le")) // 2

    sev = {"error": 1, "warning": 2, "info": 3}
    return [(f["rule"], sev[f["severity"]], f["line"] - 1, u16(f["line"], f["column"]),
             f["end_line"] - 1, u16(f["end_line"], f["end_column"])) for f in out["findings"]]


async def published(client, uri, timeout=15.0):
    """The diagnostics published for ``uri`` since the last call (the newest, if several)."""
    end = time.monotonic() + timeout
    seen = client.seen.get(uri, 0)
    while len(client.published.get(uri, ())) <= seen:
        if time.monotonic() > end:
            raise AssertionError(f"no diagnostics for {uri} in {timeout} s")
        await asyncio.sleep(0.002)
    client.seen[uri] = len(client.published[uri])
    return list(client.published[uri][-1])


def open_doc(client, path: Path, text: str | None = None, language="html"):
    uri = path.as_uri()
    client.text_document_did_open(T.DidOpenTextDocumentParams(T.TextDocumentItem(
        uri=uri, language_id=language, version=1,
        text=path.read_text(encoding="utf-8") if text is None else text)))
    return uri


def change(client, uri, version, text):
    client.text_document_did_change(T.DidChangeTextDocumentParams(
        T.VersionedTextDocumentIdentifier(uri=uri, version=version),
        [T.TextDocumentContentChangeWholeDocument(text=text)]))


def apply(text: str, edits) -> str:
    lines = text.split("\n")
    for e in sorted(edits, key=lambda e: (e.range.start.line, e.range.start.character),
                    reverse=True):
        ln = lines[e.range.start.line]
        # the test documents are ASCII where edits land, so characters = code units
        lines[e.range.start.line] = (ln[:e.range.start.character] + e.new_text
                                     + ln[e.range.end.character:])
    return "\n".join(lines)


@pytest.fixture
def folder(tmp_path):
    (tmp_path / ".git").mkdir()         # config discovery stops here
    return tmp_path


def make_client() -> LanguageClient:
    """pytest-lsp's client, which also keeps every publication of diagnostics (not only the
    last) and accepts the server's dynamic registrations (the configuration file watchers) as
    an editor does."""
    def publish(client: LanguageClient, params: T.PublishDiagnosticsParams):
        client.diagnostics[params.uri] = params.diagnostics
        client.published.setdefault(params.uri, []).append(params.diagnostics)

    def register(client: LanguageClient, params: T.RegistrationParams):
        client.registrations.extend(params.registrations)

    c = LanguageClient(converter_factory=default_converter)
    c.published, c.seen, c.registrations = {}, {}, []
    register_lsp_features(c, {**DEFAULT_CLIENT_FEATURES,
                              T.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS: publish,
                              T.CLIENT_REGISTER_CAPABILITY: register})
    return c


if HAVE_LSP:
    @pytest_lsp.fixture(config=ClientServerConfig(server_command=SERVER, server_env=ENV,
                                                  client_factory=make_client))
    async def client(lsp_client: LanguageClient):
        await lsp_client.initialize_session(T.InitializeParams(
            capabilities=client_capabilities("visual-studio-code")))
        yield
        await lsp_client.shutdown_session()
        assert lsp_client._server.returncode == 0       # shutdown, then exit: a clean exit


@needs_lsp
@pytest.mark.asyncio
async def test_open_change_fix_hover(client: LanguageClient, folder: Path):
    path = folder / "spring.html"
    path.write_text(EMAIL, encoding="utf-8")
    uri = open_doc(client, path)
    diags = await published(client, uri)
    assert shape(diags) == EXPECTED
    assert shape(diags) == cli_shape(path)          # identical to `cta-lint check`
    d3 = diags[0]
    assert d3.source == "cta-lint" and d3.message.startswith("Seller-centric phrasing")
    assert d3.code_description.href.endswith("CTA003-seller-centric.toml")
    assert "\nhelp: close with one explicit next step" in diags[2].message

    # a change: an ask at the end -> CTA001 and CTA002 go, CTA003 stays
    text = EMAIL.replace("      <p>Thanks for reading", ASK + "      <p>Thanks for reading")
    change(client, uri, 2, text)
    diags = await published(client, uri)
    assert [d.code for d in diags] == ["CTA003"]

    # the quick fix, applied, hides CTA003 on its line and nothing else
    actions = await client.text_document_code_action_async(T.CodeActionParams(
        text_document=T.TextDocumentIdentifier(uri), range=diags[0].range,
        context=T.CodeActionContext(diagnostics=diags)))
    assert [a.title for a in actions] == ["Disable CTA003 on this line"]
    assert actions[0].kind == T.CodeActionKind.QuickFix
    (edit,) = actions[0].edit.changes[uri]
    assert edit.new_text == " <!-- cta-lint-disable-line CTA003 -->"
    fixed = apply(text, [edit])
    assert "goal.</p> <!-- cta-lint-disable-line CTA003 -->\n" in fixed
    change(client, uri, 3, fixed)
    diags = await published(client, uri)
    assert list(diags) == []

    # hover on a finding: the rule's explanation with its bad and good example
    change(client, uri, 4, EMAIL)
    diags = await published(client, uri)
    h = await client.text_document_hover_async(T.HoverParams(
        T.TextDocumentIdentifier(uri), T.Position(line=15, character=20)))
    assert h.contents.kind == T.MarkupKind.Markdown
    value = h.contents.value
    assert value.startswith("**CTA001** `missing-ask` (error, built-in)")
    assert "**Bad:**" in value and "**Good:**" in value
    outside = await client.text_document_hover_async(T.HoverParams(
        T.TextDocumentIdentifier(uri), T.Position(line=2, character=3)))
    assert outside is None

    # saved: linted again, at once
    client.text_document_did_save(T.DidSaveTextDocumentParams(T.TextDocumentIdentifier(uri)))
    assert shape(await published(client, uri)) == EXPECTED



@needs_lsp
@pytest.mark.asyncio
async def test_a_burst_of_changes_is_gathered_and_the_last_text_wins(client: LanguageClient,
                                                                    folder: Path):
    path = folder / "spring.html"
    path.write_text(EMAIL, encoding="utf-8")
    uri = open_doc(client, path)
    assert shape(await published(client, uri)) == EXPECTED
    asked = EMAIL.replace("      <p>Thanks for reading", ASK + "      <p>Thanks for reading")
    for v in range(2, 22):          # typing: 20 changes, 15 ms apart
        change(client, uri, v, asked if v % 2 else EMAIL)
        await asyncio.sleep(0.015)
    await asyncio.sleep(1.0)        # the gathered lints have run
    pubs = client.published[uri][client.seen[uri]:]
    assert 1 <= len(pubs) < 10      # gathered: not one lint per change
    assert [d.code for d in pubs[-1]] == ["CTA003"]     # version 21: the text with the ask
    client.seen[uri] = len(client.published[uri])

    # a change that comes while a (long) lint runs is linted after it
    filler = ("<p>Our shared inboxes keep every conversation with a customer in one place for "
              "the team.</p>\n") * 6000         # ~560 KB: a lint of a few hundred ms
    big = EMAIL.replace("<p>Here is what is new:</p>", filler + "<p>Here is what is new:</p>")
    big_asked = big.replace("      <p>Thanks for reading", ASK + "      <p>Thanks for reading")
    calm = big_asked.replace("We really need 50 more sign-ups this month to hit our goal.",
                             "Spring is here.")
    await asyncio.sleep(0.5)
    change(client, uri, 30, big_asked)          # linted at once (a pause before it)...
    await asyncio.sleep(0.05)
    change(client, uri, 31, calm)               # ...and this arrives while that lint runs
    end = time.monotonic() + 20
    while time.monotonic() < end:
        last = client.published[uri][-1]
        if len(client.published[uri]) > client.seen[uri] and "CTA003" not in [
                d.code for d in last]:
            break
        await asyncio.sleep(0.05)
    assert "CTA003" not in [d.code for d in client.published[uri][-1]]


EXAMPLES = ["html/bad-product-update.html", "html/dead-button.html", "markdown/bad-newsletter.md",
            "markdown/webinar-script.md", "mjml/bad-new-collection.mjml",
            "templates/trial-ending.html.j2", "text/bad-cold-email.txt", "eml/bad.eml",
            "html/good-spring-sale.html"]


@needs_lsp
@pytest.mark.asyncio
async def test_every_format_same_as_check(client: LanguageClient, folder: Path):
    for name in EXAMPLES:
        src = ROOT / "examples" / name
        path = folder / src.name
        path.write_bytes(src.read_bytes())
        uri = open_doc(client, path, language="plaintext")
        diags = await published(client, uri)
        assert shape(diags) == cli_shape(path), name
    # a buffer with no file name is read by its language
    uri = "untitled:Untitled-1"
    client.text_document_did_open(T.DidOpenTextDocumentParams(T.TextDocumentItem(
        uri=uri, language_id="markdown", version=1,
        text="# Spring\n\nWe need 50 more sign-ups this week.\n\nThanks for reading!\n")))
    assert [(d.code, d.range.start.line) for d in await published(client, uri)] == [
        ("CTA003", 2), ("CTA001", 4)]


@needs_lsp
@pytest.mark.asyncio
@pytest.mark.parametrize("name, text, code, line, want", [
    ("offer.html.j2", "<p>Hi {{ name }},</p>\n<p>We need 50 more sign-ups this week.</p>\n"
     "<p>Reply to grab your seat.</p>\n", "CTA003", 1, " {# cta-lint-disable-line CTA003 #}"),
    ("offer.hbs", "<p>Hi {{name}},</p>\n<p>We need 50 more sign-ups this week.</p>\n"
     "<p>Reply to grab your seat.</p>\n", "CTA003", 1,
     " {{!-- cta-lint-disable-line CTA003 --}}"),
    ("offer.md", "# Spring\n\nWe need 50 more sign-ups this week.\n\nThanks for reading!\n",
     "CTA001", 4, " <!-- cta-lint-disable-line CTA001 -->"),
    ("offer.txt", "Hi Sam,\n\nWe need 50 more sign-ups this week.\n\nBook a call: "
     "https://acme.example/book\n", "CTA003", 2, "cta-lint: disable-next-line=CTA003\n"),
])
async def test_quick_fix_in_each_syntax(client: LanguageClient, folder: Path, name, text, code,
                                        line, want):
    path = folder / name
    path.write_text(text, encoding="utf-8")
    uri = open_doc(client, path)
    diags = await published(client, uri)
    target = [d for d in diags if d.code == code]
    assert target and target[0].range.start.line == line, shape(diags)
    actions = await client.text_document_code_action_async(T.CodeActionParams(
        text_document=T.TextDocumentIdentifier(uri), range=target[0].range,
        context=T.CodeActionContext(diagnostics=target)))
    fix = [a for a in actions if a.title == f"Disable {code} on this line"]
    assert fix, [a.title for a in actions]
    (edit,) = fix[0].edit.changes[uri]
    assert edit.new_text == want
    fixed = apply(text, [edit])
    change(client, uri, 2, fixed)
    after = await published(client, uri)
    assert code not in [d.code for d in after]
    path.write_text(fixed, encoding="utf-8")        # and `cta-lint check` agrees
    assert shape(after) == cli_shape(path)


@needs_lsp
@pytest.mark.asyncio
async def test_config_changes_relint_and_errors_show_on_the_config(client: LanguageClient,
                                                                   folder: Path):
    cfg = folder / ".cta-lint.toml"
    cfg.write_text('ignore = ["feature-dump"]\n', encoding="utf-8")
    path = folder / "spring.html"
    path.write_text(EMAIL, encoding="utf-8")
    uri = open_doc(client, path)
    diags = await published(client, uri)
    assert [d.code for d in diags] == ["CTA003", "CTA001"]
    assert any(r.method == T.WORKSPACE_DID_CHANGE_WATCHED_FILES for r in client.registrations)

    # the configuration open in the editor: its unsaved text applies as it is typed
    cfg_uri = open_doc(client, cfg, language="toml")
    diags = await published(client, uri)
    change(client, cfg_uri, 2, 'ignore = ["feature-dump", "seller-centric"]\n')
    diags = await published(client, uri)
    assert [d.code for d in diags] == ["CTA001"]

    # a broken configuration: a diagnostic on its key, the copy says it was not linted
    change(client, cfg_uri, 3, 'ignore = ["feature-dump"]\n\n[rules.missing-ask]\nwindow-word = 3\n')
    cfg_diags = await published(client, cfg_uri)
    diags = await published(client, uri)
    (bad,) = cfg_diags
    assert bad.severity == T.DiagnosticSeverity.Error and bad.range.start.line == 3
    assert "rules.missing-ask.window-word: unknown option" in bad.message
    assert [(d.code, d.range.start.line) for d in diags] == [("config", 0)]
    assert diags[0].message.startswith("not linted: ")

    # invalid TOML: where the TOML parser says
    change(client, cfg_uri, 4, 'select = ["CTA001"]\nignore = [\n')
    cfg_diags = await published(client, cfg_uri)
    assert "invalid TOML" in cfg_diags[0].message and cfg_diags[0].range.start.line == 1

    # fixed: the config's diagnostic is cleared and the copy linted again
    change(client, cfg_uri, 5, 'select = ["CTA001"]\n')
    cfg_diags = await published(client, cfg_uri)
    assert list(cfg_diags) == []
    diags = await published(client, uri)
    assert [d.code for d in diags] == ["CTA001"]

    # closed unsaved: the saved file applies again
    client.text_document_did_close(T.DidCloseTextDocumentParams(T.TextDocumentIdentifier(cfg_uri)))
    diags = await published(client, uri)
    assert [d.code for d in diags] == ["CTA003", "CTA001"]

    # changed on disk, as the editor's file watcher reports it
    cfg.write_text('ignore = ["missing-ask"]\n', encoding="utf-8")
    client.workspace_did_change_watched_files(T.DidChangeWatchedFilesParams(
        [T.FileEvent(uri=cfg_uri, type=T.FileChangeType.Changed)]))
    diags = await published(client, uri)
    assert [d.code for d in diags] == ["CTA003", "CTA002"]
    assert shape(diags) == cli_shape(path)

    # a new configuration file nearer the copy, created on disk
    sub = folder / "sub"
    sub.mkdir()
    (sub / "pyproject.toml").write_text('[tool.cta-lint]\nselect = ["CTA003"]\n',
                                        encoding="utf-8")
    path2 = sub / "spring.html"
    path2.write_text(EMAIL, encoding="utf-8")
    uri2 = open_doc(client, path2)
    diags2 = await published(client, uri2)
    assert [d.code for d in diags2] == ["CTA003"] and shape(diags2) == cli_shape(path2)


# -- malformed input, by hand-written frames ------------------------------------------------------
class RawClient:
    """The server as a subprocess and JSON-RPC frames written by hand, so that they can be
    wrong in ways a real client library would not let us write."""

    def __init__(self, cwd):
        import queue
        import threading
        self.p = subprocess.Popen(SERVER, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                  stderr=subprocess.PIPE, env=ENV, cwd=cwd)
        self.q = queue.Queue()
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self):
        out = self.p.stdout
        while True:
            headers = {}
            while True:
                line = out.readline()
                if not line:
                    return
                if line in (b"\r\n", b"\n"):
                    break
                k, _, v = line.decode("ascii").partition(":")
                headers[k.strip().lower()] = v.strip()
            self.q.put(json.loads(out.read(int(headers["content-length"]))))

    def frame(self, body: bytes):
        self.p.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.p.stdin.flush()

    def send(self, method, params=None, id=None):
        msg = {"jsonrpc": "2.0", "method": method}
        if params is not None:
            msg["params"] = params
        if id is not None:
            msg["id"] = id
        self.frame(json.dumps(msg).encode("utf-8"))

    def expect(self, pred, timeout=15.0):
        import queue
        end = time.monotonic() + timeout
        while True:
            try:
                msg = self.q.get(timeout=max(0.01, end - time.monotonic()))
            except queue.Empty:
                raise AssertionError("no such message from the server") from None
            if pred(msg):
                return msg

    def reply(self, id):
        return self.expect(lambda m: m.get("id") == id and "method" not in m)


@needs_lsp
def test_malformed_requests_leave_the_server_answering(folder: Path):
    c = RawClient(folder)
    try:
        c.send("initialize", {"processId": None, "rootUri": folder.as_uri(), "capabilities": {}},
               id=1)
        caps = c.reply(1)["result"]["capabilities"]
        assert caps["hoverProvider"] and caps["codeActionProvider"]
        c.send("initialized", {})

        c.send("cta/noSuchMethod", {}, id=2)
        assert c.reply(2)["error"]["code"] == -32601
        c.send("textDocument/hover", {"bogus": 1}, id=3)
        assert c.reply(3)["error"]["code"] == -32602
        c.frame(b"{this is not json")
        c.send("textDocument/codeAction", {"textDocument": {"uri": "file:///nowhere.html"},
                                           "range": {"start": {"line": 0, "character": 0},
                                                     "end": {"line": 0, "character": 0}},
                                           "context": {"diagnostics": []}}, id=4)
        assert c.reply(4).get("result") in (None, [])
        c.send("textDocument/didChange", {"textDocument": {"uri": "file:///nowhere.html",
                                                           "version": 2},
                                          "contentChanges": [{"text": "x"}]})

        # a document that cannot be read as copy: CTA000, as `cta-lint check` says
        uri = (folder / "logo.html").as_uri()
        c.send("textDocument/didOpen", {"textDocument": {
            "uri": uri, "languageId": "html", "version": 1,
            "text": "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"}})
        pub = c.expect(lambda m: m.get("method") == "textDocument/publishDiagnostics"
                       and m["params"]["uri"] == uri)
        (d,) = pub["params"]["diagnostics"]
        assert d["code"] == "CTA000" and "binary file" in d["message"]

        c.send("textDocument/hover", {"textDocument": {"uri": uri},
                                      "position": {"line": 0, "character": 0}}, id=5)
        assert "CTA000" in c.reply(5)["result"]["contents"]["value"]
        c.send("shutdown", None, id=6)
        assert c.reply(6).get("result") is None
        c.send("exit")
        assert c.p.wait(timeout=10) == 0
        err = c.p.stderr.read().decode("utf-8", "replace")
        assert "cta_lint" not in err, err          # pygls logs the bad frames; we raised nothing
    finally:
        if c.p.poll() is None:
            c.p.kill()


# -- the extra stays an extra ---------------------------------------------------------------------
def test_server_without_the_extra_says_how_to_install_it():
    code = ("import sys; sys.modules['pygls'] = None; sys.modules['lsprotocol'] = None\n"
            "sys.argv = ['cta-lint', 'server']\n"
            "from cta_lint.cli import main; main()")
    p = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=ENV,
                       timeout=60, stdin=subprocess.DEVNULL)
    assert p.returncode == 2
    assert 'pip install "cta-lint[lsp]"' in p.stderr and p.stdout == ""


def test_check_and_other_commands_never_import_pygls(tmp_path):
    f = tmp_path / "a.html"
    f.write_text(EMAIL, encoding="utf-8")
    code = ("import sys, atexit\n"
            "atexit.register(lambda: sys.__stderr__.write('LOADED=%s\\n' % sorted(\n"
            "    m for m in sys.modules if m.split('.')[0] in ('pygls', 'lsprotocol',\n"
            "    'cattrs') or m.startswith('cta_lint.lsp'))))\n"
            "sys.argv = ['cta-lint'] + sys.argv[1:]\n"
            "from cta_lint.cli import main; main()")
    for args in (["check", str(f)], ["rules"], ["explain", "CTA001"], ["--help"]):
        p = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True,
                           env=ENV, timeout=60, stdin=subprocess.DEVNULL)
        assert "LOADED=[]" in p.stderr, (args, p.stderr)


# -- latency --------------------------------------------------------------------------------------
def _email_30k() -> str:
    """A 30 KB HTML email from the shared benchmark generator (email_0033 of --seed 1)."""
    import importlib.util
    import random
    gen = SHARED / "bench" / "make_corpus.py"
    if not gen.is_file():
        pytest.skip("../shared/bench/make_corpus.py is not here")
    spec = importlib.util.spec_from_file_location("make_corpus", gen)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod.make_html(random.Random("1-html-33"), 33)


@needs_lsp
@pytest.mark.slow
@pytest.mark.asyncio
async def test_a_change_is_linted_faster_than_a_cli_run(client: LanguageClient, folder: Path):
    import statistics
    text = _email_30k()
    assert 20_000 < len(text.encode("utf-8")) < 40_000
    path = folder / "email.html"
    path.write_text(text, encoding="utf-8")
    uri = open_doc(client, path)
    diags = await published(client, uri)
    assert shape(diags) == cli_shape(path)
    seller = text.replace("</body>", "<p>We really need 50 more sign-ups this month to hit our "
                                     "goal.</p></body>")
    lsp = []
    for i in range(7):
        await asyncio.sleep(0.4)            # a change after a pause, not one in a burst
        t0 = time.perf_counter()
        change(client, uri, i + 2, seller if i % 2 == 0 else text)
        diags = await published(client, uri)
        lsp.append(time.perf_counter() - t0)
        assert [d.code for d in diags] == (["CTA001", "CTA003"] if i % 2 == 0 else [])
    path.write_text(seller, encoding="utf-8")
    change(client, uri, 20, seller)
    assert shape(await published(client, uri)) == cli_shape(path)
    cli = []
    for _ in range(5):
        t0 = time.perf_counter()
        run_cli("check", path, cwd=folder)
        cli.append(time.perf_counter() - t0)
    assert statistics.median(lsp) < statistics.median(cli), (lsp, cli)
