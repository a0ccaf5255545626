"""The LSP side of ``cta-lint server`` (pygls + lsprotocol): documents in, diagnostics, quick
fixes and hovers out. What is linted and how is cta_lint/lsp/core.py.

Linting runs on one worker thread, one document at a time (a Linter is not shared between
threads), so the event loop keeps answering requests while a long document is linted."""
from __future__ import annotations

import asyncio
import logging
import os
import time
from concurrent.futures import ThreadPoolExecutor

from lsprotocol import types as T
from pygls.exceptions import JsonRpcException
from pygls.lsp.server import LanguageServer
from pygls.protocol import LanguageServerProtocol
from pygls.uris import from_fs_path, to_fs_path

from .. import __version__
from ..discover import CONFIG_FILES
from . import core

DELAY = 0.3     # at most one lint per document per DELAY seconds while it is being typed in
SEVERITY = {"error": T.DiagnosticSeverity.Error, "warning": T.DiagnosticSeverity.Warning,
            "info": T.DiagnosticSeverity.Information}
log = logging.getLogger("cta-lint.server")


class Doc:
    __slots__ = ("uri", "path", "text", "version", "language_id", "findings", "resolved",
                 "linted_version", "last_start", "pending", "fixes")

    def __init__(self, uri, path, text, version, language_id):
        self.uri, self.path, self.text = uri, path, text
        self.version, self.language_id = version, language_id
        self.findings, self.resolved, self.linted_version = [], None, None
        self.last_start, self.pending = 0.0, None
        self.fixes = {}     # (version, rule, line) -> edit or None


_ANSWERED = object()


class Protocol(LanguageServerProtocol):
    """pygls 2.1 drops a request whose params do not fit its method's type without answering
    it, and a client would wait for that answer forever: answer it with the JSON-RPC error."""

    def structure_message(self, data):
        try:
            return super().structure_message(data)
        except JsonRpcException as e:
            if "method" in data and data.get("id") is not None:
                self._send_response(data["id"], error=e.to_response_error())
                return _ANSWERED
            raise

    def handle_message(self, message):
        if message is not _ANSWERED:
            super().handle_message(message)


class CtaLintServer(LanguageServer):
    def __init__(self):
        super().__init__("cta-lint", __version__, protocol_cls=Protocol,
                         text_document_sync_kind=T.TextDocumentSyncKind.Full)
        self.docs: dict[str, Doc] = {}                # open copy documents
        self.config_docs: dict[str, str] = {}         # open configuration files: uri -> path
        self.configs = core.Configs()
        self.config_errors: dict[str, str] = {}       # config URI -> the error published
        self.worker = ThreadPoolExecutor(1, thread_name_prefix="cta-lint")

    # -- running work on the lint thread ---------------------------------------------------------
    async def on_worker(self, fn, *args):
        return await asyncio.get_running_loop().run_in_executor(self.worker, fn, *args)

    def folder_of(self, doc: Doc) -> str:
        if doc.path:
            return os.path.dirname(os.path.abspath(doc.path))
        try:
            root = self.workspace.root_path
        except Exception:  # noqa: BLE001 - not initialised
            root = None
        return root or os.getcwd()

    # -- linting -------------------------------------------------------------------------------
    def schedule(self, doc: Doc, now: bool = False) -> None:
        """Lint ``doc``: at once if ``now`` or if it has not been linted for DELAY seconds;
        else once, DELAY after the last lint started (changes in between are gathered)."""
        if doc.pending is not None and not doc.pending.done():
            if not now:
                return          # the pending lint will read the newest text
            doc.pending.cancel()
        wait = 0.0 if now else max(0.0, doc.last_start + DELAY - time.monotonic())
        doc.pending = asyncio.ensure_future(self._lint_later(doc, wait))

    async def _lint_later(self, doc: Doc, wait: float) -> None:
        if wait:
            await asyncio.sleep(wait)
        doc.last_start = time.monotonic()
        text, version = doc.text, doc.version
        try:
            resolved, cfg_path, err = await self.on_worker(self.configs.resolve,
                                                           self.folder_of(doc))
            if err is not None:
                findings = []
                self.publish_config_error(cfg_path, err)
            else:
                findings = await self.on_worker(core.lint, resolved, text, doc.path,
                                                doc.language_id)
        except Exception as e:  # noqa: BLE001 - never let one document stop the server
            log.exception("linting %s failed", doc.uri)
            resolved, err = None, e
            findings = []
        if self.docs.get(doc.uri) is not doc:
            return              # closed meanwhile
        if version != doc.version:
            # changed while this lint ran (that change found this lint pending and left it
            # to it): lint the newest text, DELAY after this one started
            doc.pending = asyncio.ensure_future(self._lint_later(
                doc, max(0.0, doc.last_start + DELAY - time.monotonic())))
            return
        doc.findings, doc.resolved, doc.linted_version = findings, resolved, version
        doc.fixes = {}
        diags = [self.diagnostic(doc, f) for f in findings]
        if err is not None:
            diags.insert(0, T.Diagnostic(
                range=T.Range(T.Position(0, 0), T.Position(0, 0)),
                severity=T.DiagnosticSeverity.Error, source="cta-lint", code="config",
                message=f"not linted: {err}"))
        self.text_document_publish_diagnostics(
            T.PublishDiagnosticsParams(uri=doc.uri, diagnostics=diags, version=version))

    def units(self, line: str, col0: int) -> int:
        """A character column on ``line`` in the client's position encoding (UTF-16 unless
        the client chose another)."""
        return self.workspace.position_codec.client_num_units(line[:max(col0, 0)])

    def position(self, lines: list[str], line: int, col: int) -> T.Position:
        """cta-lint's 1-based line/column -> LSP's 0-based position."""
        line0 = max(line - 1, 0)
        if line0 >= len(lines):
            return T.Position(line0, 0)
        return T.Position(line0, self.units(lines[line0], col - 1))

    def diagnostic(self, doc: Doc, f, lines=None) -> T.Diagnostic:
        lines = lines if lines is not None else core._lines(doc.text)
        start = self.position(lines, f.line, f.column)
        end = self.position(lines, f.end_line or f.line, f.end_column or f.column)
        if (end.line, end.character) < (start.line, start.character):
            end = start
        message = f.message + (f"\nhelp: {f.suggestion}" if f.suggestion else "")
        d = T.Diagnostic(range=T.Range(start, end), message=message,
                         severity=SEVERITY.get(f.severity, T.DiagnosticSeverity.Warning),
                         code=f.rule, source="cta-lint", data={"name": f.name})
        href = core.rule_doc_path(doc.resolved, f.rule)
        if href:
            d.code_description = T.CodeDescription(href=from_fs_path(href))
        return d

    # -- configuration ---------------------------------------------------------------------------
    def publish_config_error(self, path: str | None, err: Exception) -> None:
        if not path:
            self.window_log_message(T.LogMessageParams(T.MessageType.Error, str(err)))
            return
        uri = from_fs_path(path)
        if self.config_errors.get(uri) == str(err):
            return              # already shown (every document under it meets it again)
        text = self.configs.overlay.get(path)
        if text is None:
            try:
                with open(path, encoding="utf-8", errors="replace") as fh:
                    text = fh.read()
            except OSError:
                text = ""
        line, col = core.error_line(str(err), text)
        lines = core._lines(text)
        end = len(lines[line]) if line < len(lines) else 0
        rng = T.Range(self.position(lines, line + 1, col + 1), self.position(lines, line + 1,
                                                                             end + 1))
        self.config_errors[uri] = str(err)
        self.text_document_publish_diagnostics(T.PublishDiagnosticsParams(uri=uri, diagnostics=[
            T.Diagnostic(range=rng, message=str(err), severity=T.DiagnosticSeverity.Error,
                         source="cta-lint", code="config")]))

    async def config_changed(self) -> None:
        """A configuration file (or a rule pack) changed: forget what was resolved, show the
        errors of the open configuration files (or clear them), re-lint every open document."""
        await self.on_worker(self.configs.invalidate)   # after any resolving in flight
        checked = set()
        for uri, path in list(self.config_docs.items()):
            res, cfg_path, err = await self.on_worker(self.configs.resolve,
                                                      os.path.dirname(path))
            if err is not None and cfg_path:
                self.publish_config_error(cfg_path, err)
                checked.add(from_fs_path(cfg_path))
        for uri in list(set(self.config_errors) - checked):
            path = to_fs_path(uri)
            res, cfg_path, err = await self.on_worker(self.configs.resolve,
                                                      os.path.dirname(path or "."))
            if err is None or cfg_path != path:
                self.config_errors.pop(uri, None)
                self.text_document_publish_diagnostics(
                    T.PublishDiagnosticsParams(uri=uri, diagnostics=[]))
        for doc in list(self.docs.values()):
            self.schedule(doc)


server = CtaLintServer()


def _path(uri: str) -> str | None:
    try:
        return to_fs_path(uri) if uri.startswith("file:") else None
    except Exception:  # noqa: BLE001
        return None


# -- documents ----------------------------------------------------------------------------------
@server.feature(T.TEXT_DOCUMENT_DID_OPEN)
async def did_open(ls: CtaLintServer, params: T.DidOpenTextDocumentParams):
    td = params.text_document
    path = _path(td.uri)
    if path and core.is_config_name(path):
        ls.config_docs[td.uri] = path
        ls.configs.overlay[path] = td.text
        await ls.config_changed()
        return
    if not core.lintable(path, td.language_id):
        return
    doc = ls.docs[td.uri] = Doc(td.uri, path, td.text, td.version, td.language_id)
    ls.schedule(doc, now=True)


@server.feature(T.TEXT_DOCUMENT_DID_CHANGE)
async def did_change(ls: CtaLintServer, params: T.DidChangeTextDocumentParams):
    uri = params.text_document.uri
    text = ls.workspace.get_text_document(uri).source      # pygls applied the changes
    if uri in ls.config_docs:
        path = ls.config_docs[uri]
        before = ls.configs.overlay.get(path, "")
        ls.configs.overlay[path] = text
        if path.endswith("pyproject.toml") and "cta-lint" not in text + before:
            return      # a Python project's own settings: nothing of ours changed
        await ls.config_changed()
        return
    doc = ls.docs.get(uri)
    if doc is None:
        return
    doc.text, doc.version = text, params.text_document.version
    ls.schedule(doc)


@server.feature(T.TEXT_DOCUMENT_DID_SAVE, T.SaveOptions(include_text=False))
async def did_save(ls: CtaLintServer, params: T.DidSaveTextDocumentParams):
    uri = params.text_document.uri
    if uri in ls.config_docs:
        await ls.config_changed()
        return
    path = _path(uri)
    if path and core.is_config_name(path):      # saved without being opened as ours
        await ls.config_changed()
        return
    doc = ls.docs.get(uri)
    if doc is not None:
        ls.schedule(doc, now=True)


@server.feature(T.TEXT_DOCUMENT_DID_CLOSE)
async def did_close(ls: CtaLintServer, params: T.DidCloseTextDocumentParams):
    uri = params.text_document.uri
    if uri in ls.config_docs:
        ls.configs.overlay.pop(ls.config_docs.pop(uri), None)   # the saved file rules again
        await ls.config_changed()
        return
    doc = ls.docs.pop(uri, None)
    if doc is not None:
        if doc.pending is not None:
            doc.pending.cancel()
        ls.text_document_publish_diagnostics(T.PublishDiagnosticsParams(uri=uri, diagnostics=[]))


@server.feature(T.WORKSPACE_DID_CHANGE_WATCHED_FILES)
async def watched_files(ls: CtaLintServer, params: T.DidChangeWatchedFilesParams):
    if any((_path(c.uri) or "").endswith(".toml") for c in params.changes):
        await ls.config_changed()


@server.feature(T.INITIALIZED)
async def initialized(ls: CtaLintServer, params: T.InitializedParams):
    """Ask the client to tell us about configuration files and rule packs changing on disk
    (edited outside the editor, created, deleted, switched branch)."""
    ws = ls.client_capabilities.workspace
    dcw = ws.did_change_watched_files if ws else None
    if not (dcw and dcw.dynamic_registration):
        return
    watchers = [T.FileSystemWatcher(glob_pattern=f"**/{n}") for n in CONFIG_FILES]
    watchers.append(T.FileSystemWatcher(glob_pattern="**/*.toml"))    # rule packs
    try:
        await ls.client_register_capability_async(T.RegistrationParams(registrations=[
            T.Registration(id="cta-lint-config-watch",
                           method=T.WORKSPACE_DID_CHANGE_WATCHED_FILES,
                           register_options=T.DidChangeWatchedFilesRegistrationOptions(
                               watchers=watchers))]))
    except Exception:  # noqa: BLE001 - watching is a convenience
        log.warning("the client did not register the configuration file watchers")


# -- quick fix and hover ----------------------------------------------------------------------
def _covers(rng: T.Range, pos: T.Position) -> bool:
    s, e, p = (rng.start.line, rng.start.character), (rng.end.line, rng.end.character), \
        (pos.line, pos.character)
    if s == e:
        return pos.line == rng.start.line
    return s <= p <= e


def _overlaps(a: T.Range, b: T.Range) -> bool:
    return not ((a.end.line, a.end.character) < (b.start.line, b.start.character)
                or (b.end.line, b.end.character) < (a.start.line, a.start.character))


@server.feature(T.TEXT_DOCUMENT_CODE_ACTION,
                T.CodeActionOptions(code_action_kinds=[T.CodeActionKind.QuickFix]))
async def code_action(ls: CtaLintServer, params: T.CodeActionParams):
    doc = ls.docs.get(params.text_document.uri)
    if doc is None or doc.resolved is None or doc.linted_version != doc.version:
        return None     # not linted yet, or the text changed since: no stale edits
    lines = core._lines(doc.text)
    out, seen = [], set()
    for f in doc.findings:
        if f.rule == "CTA000" or (f.rule, f.line) in seen:
            continue
        diag = ls.diagnostic(doc, f, lines)
        if not _overlaps(diag.range, params.range):
            continue
        seen.add((f.rule, f.line))
        key = (doc.version, f.rule, f.line)
        if key not in doc.fixes:
            doc.fixes[key] = await ls.on_worker(core.disable_fix, doc.resolved, doc.text,
                                                doc.path, doc.language_id, f, doc.findings)
        fix = doc.fixes[key]
        if fix is None or doc.linted_version != doc.version:
            continue
        line0, col, insert = fix
        at = T.Position(line0, ls.units(lines[line0] if line0 < len(lines) else "", col))
        out.append(T.CodeAction(
            title=f"Disable {f.rule} on this line", kind=T.CodeActionKind.QuickFix,
            diagnostics=[diag],
            edit=T.WorkspaceEdit(changes={doc.uri: [T.TextEdit(T.Range(at, at), insert)]})))
    return out


@server.feature(T.TEXT_DOCUMENT_HOVER)
async def hover(ls: CtaLintServer, params: T.HoverParams):
    doc = ls.docs.get(params.text_document.uri)
    if doc is None or doc.linted_version != doc.version:
        return None
    lines = core._lines(doc.text)
    parts, seen = [], set()
    for f in doc.findings:
        d = ls.diagnostic(doc, f, lines)
        if f.rule in seen or not _covers(d.range, params.position):
            continue
        seen.add(f.rule)
        parts.append(core.explain_markdown(doc.resolved, f.rule, f.severity))
    if not parts:
        return None
    return T.Hover(contents=T.MarkupContent(kind=T.MarkupKind.Markdown,
                                            value="\n---\n\n".join(parts)))


def serve() -> None:
    logging.basicConfig(level=logging.WARNING, format="cta-lint server: %(message)s")
    server.start_io()
