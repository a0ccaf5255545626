"""Lint one document, one file, many files. The only place that ties readers, analysis, rules
and suppression together; reporters see only the Findings it returns."""
from __future__ import annotations

import os
import re
import stat

from ._record import Record
from .findings import Finding, Hit
from .registry import Registry, Rule, resolve_code
from . import sources

UNREADABLE = ("CTA000", "unreadable")
DEFAULT_MAX_SIZE = 20 * 1024 * 1024
_LINT = re.compile(r"-[lL][iI][nN][tT]")


class Settings(Record):
    """What to lint with."""
    __match_args__ = ("select", "ignore", "severity", "rule_options", "packs", "max_file_size")

    def __init__(self, select: set[str] | None = None, ignore: set[str] | None = None,
                 severity: dict[str, str] | None = None,
                 rule_options: dict[str, dict] | None = None, packs: list[str] | None = None,
                 max_file_size: int = DEFAULT_MAX_SIZE) -> None:
        self.select = select            # rule codes; None = all enabled by default
        self.ignore = set() if ignore is None else ignore
        self.severity = {} if severity is None else severity
        self.rule_options = {} if rule_options is None else rule_options
        self.packs = [] if packs is None else packs
        self.max_file_size = max_file_size
        self.decks = None               # gitignore-style matcher of Markdown files that are decks
        self.decks_root = "."           # (the folder its patterns are relative to)



class Linter:
    def __init__(self, settings: Settings | None = None, registry: Registry | None = None):
        self.settings = settings or Settings()
        self.registry = registry or Registry(self.settings.packs)
        self._active: list[Rule] | None = None
        self._detector = None   # one AskDetector for every document (it keeps nothing of one)
        # opt-in: ``doc_hook(path, doc, findings)`` runs after each document is linted so a
        # reporter can attach what it needs from the Document to the findings (Finding.context)
        # while the Document is still alive (it also runs in worker processes)
        self.doc_hook = None
        self.suppressed: list[Finding] = []     # findings hidden by inline directives
        # (path, message) reader notes: a fallback encoding, an unterminated template tag...
        # Not findings; the CLI prints them on stderr and clears the list after each file.
        self.notes: list[tuple[str, str]] = []

    def _note(self, path: str, note: str) -> None:
        """A reader note, once per file however often the reader met its cause (an
        unterminated tag on every line, the same note from two parts of an .eml)."""
        if (path, note) not in self.notes:
            self.notes.append((path, note))

    def active_rules(self) -> list[Rule]:
        if self._active is None:
            s = self.settings
            out = []
            for code, rule in sorted(self.registry.rules.items()):
                if s.select is not None and code not in s.select:
                    continue
                if code in s.ignore:
                    continue
                if code in s.rule_options:
                    rule.options = {**rule.options, **s.rule_options[code]}
                    rule._impl = None
                out.append(rule)
            self._active = out
        return self._active

    def enabled(self, code: str) -> bool:
        s = self.settings
        return (s.select is None or code in s.select) and code not in s.ignore

    # -- one document ---------------------------------------------------------------------
    def lint_text(self, text: str, fmt: str, path: str = "-", *, doc=None,
                  analyses: list | None = None) -> list[Finding]:
        from .analysis import Analysis
        if doc is None:
            parts = sources.read_parts(text, fmt)
            if parts is not None:
                return self._lint_parts(parts, text, path)
            doc = sources.read_text(text, fmt)
        for note in doc.notes:
            self._note(path, note)
        rules = self.active_rules()
        ending_words = 80
        for r in rules:
            if r.check == "ending-ask":
                ending_words = int(r.options.get("window-words", 80))
        lex = self.registry.lexicon
        if self._detector is None or self._detector.lex is not lex:
            from .analysis.asks import AskDetector
            self._detector = AskDetector(lex)
        an = Analysis(doc, lex, ending_words=ending_words, detector=self._detector)
        if analyses is not None:
            analyses.append(an)
        findings: list[Finding] = []
        for rule in rules:
            impl = rule.instance(self.registry.kind_loader)
            sev_default = self.settings.severity.get(rule.code, rule.severity)
            for hit in impl.check(doc, an):
                findings.append(self._finding(doc, path, rule.code, rule.name,
                                              hit.severity or sev_default, hit))
        findings.sort()
        findings = self._directives(text, path, findings)
        if self.doc_hook is not None:
            self.doc_hook(path, doc, findings)
        return findings

    def _directives(self, text: str, path: str, findings: list[Finding]) -> list[Finding]:
        """Inline ``cta-lint-disable`` directives (see suppress.py)."""
        # "cta-lint" in text.lower() needs "-lint" in any ASCII case in the text (no other
        # character lower-cases to one of those letters but 'İ', to "i" and a combining dot):
        # that search is cheaper than lower-casing the whole file, and rules out most files
        if _LINT.search(text) is None or "cta-lint" not in text.lower():
            return findings
        from .suppress import apply
        kept, hidden, bad = apply(text, findings, lambda i: resolve_code(self.registry, i), path)
        self.suppressed.extend(hidden)
        if bad and self.enabled("CTA090"):
            for f in bad:
                f.severity = self.settings.severity.get("CTA090", f.severity)
            kept = sorted(kept + bad)
        return kept

    def _lint_parts(self, parts, text: str, path: str) -> list[Finding]:
        """A file that is several documents (an .eml: HTML part, plain-text part, Subject):
        lint each, name the part in the message, map positions back into the file, then run
        the checks that compare parts (``check_parts``)."""
        from .document import Document
        whole = Document(source=sources.lone_cr_to_lf(text), format="eml")
        findings: list[Finding] = []
        analysed = []
        hook, self.doc_hook = self.doc_hook, None   # reports see the whole file, once, below
        try:
            for part in parts:
                ans: list = []
                fs = self.lint_text(part.text, part.fmt, path, doc=part.doc, analyses=ans)
                for f in fs:
                    self._relocate(whole, part, f)
                findings.extend(fs)
                if ans:
                    analysed.append((part, ans[0]))
        finally:
            self.doc_hook = hook
        for rule in self.active_rules():
            impl = rule.instance(self.registry.kind_loader)
            check_parts = getattr(impl, "check_parts", None)
            if check_parts is None:
                continue
            sev_default = self.settings.severity.get(rule.code, rule.severity)
            for part, hit in check_parts(analysed):
                f = self._finding(part.doc, path, rule.code, rule.name,
                                  hit.severity or sev_default, hit)
                self._relocate(whole, part, f)
                findings.append(f)
                # a cross-part finding may replace a generic one on that part (CTA007 replaces
                # the plain part's CTA001: same gap, more specific)
                kinds = set(getattr(impl, "replaces", ()))
                if kinds:
                    findings = [g for g in findings if not (
                        g.rule in self.registry.rules and self.registry.rules[g.rule].check in kinds
                        and g.message.startswith(f"[{part.label}] "))]
        findings.sort()
        if self.doc_hook is not None:
            self.doc_hook(path, whole, findings, parts=parts)
        return findings

    @staticmethod
    def _relocate(whole, part, f: Finding) -> None:
        s, e = part.to_raw(f.start), part.to_raw(f.end)
        f.start, f.end = s, max(e, s)
        f.line, f.column = whole.position(f.start)
        f.end_line, f.end_column = whole.position(f.end)
        if part.label:
            f.message = f"[{part.label}] {f.message}"

    @staticmethod
    def _finding(doc, path, code, name, severity, hit: Hit) -> Finding:
        line, col = doc.position(hit.start)
        end = max(hit.end, hit.start)
        eline, ecol = doc.position(end)
        return Finding(path=path, line=line, column=col, rule=code, name=name,
                       severity=severity, message=hit.message, end_line=eline, end_column=ecol,
                       suggestion=hit.suggestion, start=hit.start, end=end)

    def unreadable(self, path: str, message: str) -> list[Finding]:
        if not self.enabled(UNREADABLE[0]):
            return []
        return [Finding(path=path, line=1, column=1, rule=UNREADABLE[0], name=UNREADABLE[1],
                        severity="error", message=message, end_line=1, end_column=1)]

    def lint_bytes(self, data: bytes, path: str, fmt: str | None = None) -> list[Finding]:
        try:
            text, note = sources.decode(data)
        except sources.ReadError as e:
            return self.unreadable(path, f"cannot read {path}: {e}")
        if note:
            self._note(path, note)
        fmt = fmt or sources.format_for(path if path != "-" else None, text)
        if fmt == "markdown" and self.settings.decks is not None and path != "-":
            from .discover import matches
            if matches(self.settings.decks, path, self.settings.decks_root):
                fmt = "deck"
        try:
            return self.lint_text(text, fmt, path)
        except sources.ReadError as e:
            return self.unreadable(path, f"cannot parse {path}: {e}")
        except RecursionError:
            return self.unreadable(path, f"cannot parse {path}: nesting too deep")
        except MemoryError:
            return self.unreadable(path, f"cannot parse {path}: out of memory")
        except Exception as e:  # noqa: BLE001 - a bug must not stop the run over other files
            return self.unreadable(path, f"internal error while linting {path}: "
                                         f"{type(e).__name__}: {e} (please report this)")

    def lint_file(self, path: str, fmt: str | None = None) -> list[Finding]:
        try:
            st = os.stat(path)
            if os.path.isdir(path):
                return self.unreadable(path, f"cannot read {path}: is a directory")
            if not stat.S_ISREG(st.st_mode):  # a FIFO or device would block or never end
                return self.unreadable(path, f"cannot read {path}: not a regular file")
            if st.st_size > self.settings.max_file_size:
                return self.unreadable(path, f"skipped {path}: {st.st_size} bytes is over the "
                                             f"--max-file-size limit of {self.settings.max_file_size}")
            with open(path, "rb") as fh:
                data = fh.read(self.settings.max_file_size + 1)
        except FileNotFoundError:
            return self.unreadable(path, f"cannot read {path}: no such file")
        except PermissionError:
            return self.unreadable(path, f"cannot read {path}: permission denied")
        except OSError as e:
            return self.unreadable(path, f"cannot read {path}: {e.strerror or e}")
        return self.lint_bytes(data, path, fmt)


# -- many files, optionally in parallel -------------------------------------------------------
PARALLEL_MIN_FILES = 50      # below this, starting workers costs more than it saves
_TASK = None                 # the per-file function, inherited by forked workers


def default_jobs(nfiles: int) -> int:
    """All usable cores when there are enough files to pay for the worker start-up, else 1."""
    if nfiles < PARALLEL_MIN_FILES:
        return 1
    try:
        cores = len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        cores = os.cpu_count() or 1
    return max(1, cores)


def _run_task(path):
    return _TASK(path)


def map_files(task, paths, jobs: int | None = None, warm=None):
    """Run ``task(path)`` for every path and yield the results in input order, one at a time.

    ``jobs`` None or 0 picks :func:`default_jobs`; 1 runs here. With more, forked worker
    processes (they inherit ``task`` and everything it closes over: the resolved configuration,
    the compiled lexicons) take chunks of paths and results stream back in the original order,
    so the output is identical to a serial run and no Document outlives its file. Where fork is
    not available the files are linted here, one after the other. ``warm()`` runs once before
    forking (to compile what every worker would otherwise compile again).
    """
    global _TASK
    paths = list(paths)
    if jobs is None or jobs <= 0:
        jobs = default_jobs(len(paths))
    jobs = min(jobs, len(paths))
    if jobs <= 1:
        # one file, or a few: no workers, and no ``multiprocessing`` import (~5 ms)
        for p in paths:
            yield task(p)
        return
    import multiprocessing as mp
    if "fork" not in mp.get_all_start_methods():
        for p in paths:
            yield task(p)
        return
    if warm is not None:
        warm()
    _TASK = task
    chunk = max(1, min(64, len(paths) // (jobs * 8)))
    try:
        with mp.get_context("fork").Pool(jobs) as pool:
            yield from pool.imap(_run_task, paths, chunksize=chunk)
    finally:
        _TASK = None


def warm(linter: Linter) -> None:
    """Compile the lexicon once (before forking, so every worker inherits it)."""
    try:
        linter.lint_text("Thanks for reading.", "text")
    except Exception:  # noqa: BLE001 - warming is an optimisation only
        pass


def lint_many(linter: Linter, paths, jobs: int | None = None):
    """Lint files with one Linter; yield ``(path, findings)`` in input order."""
    def task(p):
        return p, linter.lint_file(p)
    return map_files(task, paths, jobs, warm=lambda: warm(linter))
