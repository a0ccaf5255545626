"""The command line: ``cta-lint check``, ``cta-lint rules``, ``cta-lint explain``.

Exit codes: 0 no findings, 1 findings, 2 usage or configuration error.

The commands are click commands, but importing click costs ~10 ms, a large share of a one-file
run (a pre-commit hook on one changed file). So ``main`` builds the click group on first use,
and a plain ``cta-lint check [simple options] PATHS`` (:func:`_fast_args` accepts only what it
parses exactly as click would) runs the same ``check`` code without importing click. Anything
else (help, other commands, short options bundled, a value click would reject...) goes through
click, so errors and help read as they always did.
"""
from __future__ import annotations

import sys

EXIT_CLEAN, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2
FORMAT_CHOICES = ["text", "concise", "json", "sarif", "github", "junit", "html"]


def _split(values) -> list[str]:
    out = []
    for v in values or ():
        out.extend(x.strip() for x in v.split(",") if x.strip())
    return out


def _echo_err(msg: str) -> None:
    import click
    click.echo(msg, err=True)


def _fail(msg: str):
    """A configuration error: one line on stderr, exit 2."""
    _echo_err(f"cta-lint: error: {msg}")
    sys.exit(EXIT_USAGE)


class _Fallback(Exception):
    """Raised on the click-free path where only click can say what to say (a usage error)."""


def _usage(msg: str):
    import click
    if click.get_current_context(silent=True) is None:
        raise _Fallback(msg)
    raise click.UsageError(msg)


def _resolver(config_file=None, isolated=False, overrides=None):
    from .config import ConfigError, Resolver
    from .registry import RuleError
    try:
        return Resolver(overrides, config_file=config_file, isolated=isolated)
    except (ConfigError, RuleError) as e:
        _fail(str(e))


def _check(paths, select, extend_select, ignore, fmt, stdin_filename, config_file, isolated,
           force_exclude, per_file, show_suppressed, quiet, exit_zero, output_file, max_file_size,
           statistics, jobs):
    """``cta-lint check`` (its options: the click command in cta_lint/_click_cli.py)."""
    import os
    from .config import ConfigError, Overrides
    from .discover import collect
    from .engine import map_files, warm
    from .registry import RuleError

    pfi: dict[str, list[str]] = {}
    for item in per_file:
        glob, sep, rules = item.rpartition(":")
        if not sep or not glob.strip() or not rules.strip():
            _usage(f"--per-file-ignores: expected GLOB:RULES, got '{item}'")
        pfi.setdefault(glob.strip(), []).extend(_split([rules]))
    ov = Overrides(select=_split(select) or None, extend_select=_split(extend_select),
                   ignore=_split(ignore), per_file_ignores=pfi, max_file_size=max_file_size,
                   format=fmt)
    resolver = _resolver(config_file, isolated, ov)

    if not paths:
        paths = ("-",) if not sys.stdin.isatty() else ()
    if not paths:
        _usage("no paths given (use '-' to read standard input)")
    findings = []
    nfiles = 0
    unreadable = 0
    hidden = []
    try:
        fmt = fmt or resolver.for_dir(os.getcwd()).format or "text"
        files = collect(list(paths), resolver, force_exclude)
        from . import report, sources
        hook = None if statistics else report.doc_hook(fmt)
        # every file's name (one result per entry, in order), for reports that list clean files
        linted = [(stdin_filename or "-") if p == "-" else p for p in files]
        progress = _Progress(len(files))

        def lint_one(path):
            """One file, with the configuration in effect for it; runs in a worker process
            when --jobs > 1. Returns its findings, those inline directives hid, reader notes."""
            name = (stdin_filename or "-") if path == "-" else path
            res = resolver.for_path(name)
            linter = res.linter
            linter.doc_hook = hook
            if path == "-":
                data = sys.stdin.buffer.read()
                fmt_in = sources.format_for(stdin_filename) if stdin_filename else None
                out = linter.lint_bytes(data, name, fmt_in)
            else:
                out = linter.lint_file(path)
            drop = res.ignored_for(name)
            if drop:
                out = [f for f in out if f.rule not in drop]
            hid, linter.suppressed = linter.suppressed, []
            notes, linter.notes = linter.notes, []
            return out, hid, notes

        njobs = 1 if "-" in files else jobs
        for out, hid, notes in map_files(lint_one, files, njobs,
                                         warm=lambda: warm(resolver.for_dir(os.getcwd()).linter)):
            for npath, note in notes:
                _echo_err(f"cta-lint: note: {npath}: {note}")
            nfiles += 1
            if any(f.rule == "CTA000" for f in out):
                unreadable += 1
            findings.extend(out)
            hidden.extend(hid)
            progress.step()
        progress.done()
    except (ConfigError, RuleError) as e:
        _fail(str(e))
    hidden.sort()

    from . import report
    from .registry import PSEUDO_RULES
    extra = {}
    if hidden:
        extra["n_suppressed"] = len(hidden)
    if show_suppressed:
        extra["suppressed"] = hidden
    if statistics:
        out = report.statistics(findings, fmt)
    else:
        out = report.render(fmt, findings, files=nfiles, unreadable=unreadable, quiet=quiet,
                            color=output_file is None and sys.stdout.isatty(),
                            rules=resolver.for_dir(os.getcwd()).linter.registry.rules,
                            paths=linted, pseudo_rules=PSEUDO_RULES, **extra)
    if output_file:
        _write_atomic(output_file, out)
    else:
        sys.stdout.write(out)
    if findings and not exit_zero:
        sys.exit(EXIT_FINDINGS)
    sys.exit(EXIT_CLEAN)


class _Progress:
    """``linted/total`` on stderr for long runs in a terminal; nothing when stderr is piped or
    redirected or under CI (the ``CI`` variable), so logs and parsed output stay clean."""
    MIN_FILES = 20

    def __init__(self, total: int):
        import os
        self.total, self.n, self.last = total, 0, 0.0
        self.on = (total >= self.MIN_FILES and not os.environ.get("CI")
                   and os.environ.get("TERM") != "dumb" and sys.stderr.isatty())

    def step(self) -> None:
        self.n += 1
        if not self.on:
            return
        import time
        now = time.monotonic()
        if now - self.last >= 0.1 or self.n == self.total:
            self.last = now
            sys.stderr.write(f"\rcta-lint: {self.n}/{self.total} files")
            sys.stderr.flush()

    def done(self) -> None:
        if self.on:
            sys.stderr.write("\r\033[K")
            sys.stderr.flush()


def _write_atomic(path: str, text: str) -> None:
    import os
    import tempfile
    d = os.path.dirname(os.path.abspath(path))
    fd, tmp = tempfile.mkstemp(prefix=".cta-lint-", dir=d)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


_GROUP = None


def _build():
    """The click group and its commands (cta_lint/_click_cli.py), built once, on first use."""
    global _GROUP
    if _GROUP is None:
        from ._click_cli import build
        _GROUP = build()
    return _GROUP


# -- ``check`` without click ---------------------------------------------------------------------
# What _fast_args accepts, and the keyword it fills. Anything else (help, --version, ``--``, a
# bundled or attached short option such as ``-qj2``, an unknown option, a value that starts with
# "-" or that click would reject) returns None and click parses the command line instead.
_FLAGS = {"--statistics": "statistics", "--isolated": "isolated",
          "--force-exclude": "force_exclude", "--show-suppressed": "show_suppressed",
          "--quiet": "quiet", "-q": "quiet", "--exit-zero": "exit_zero"}
_MULTI = {"--select": "select", "--extend-select": "extend_select", "--ignore": "ignore",
          "--per-file-ignores": "per_file"}
_SINGLE = {"--format": "fmt", "--stdin-filename": "stdin_filename", "--config": "config_file",
           "--output-file": "output_file", "-o": "output_file", "--max-file-size": "max_file_size",
           "--jobs": "jobs", "-j": "jobs"}


def _path_ok(value: str, dir_okay: bool = True) -> bool:
    """Would ``click.Path(dir_okay=...)`` (readable, need not exist) accept ``value``?"""
    import os
    import stat
    try:
        st = os.stat(value)
    except OSError:
        return True             # it need not exist
    except ValueError:
        return False            # an embedded NUL: whatever click does with it
    if not dir_okay and stat.S_ISDIR(st.st_mode):
        return False
    return os.access(value, os.R_OK)


def _fast_args(argv: list[str]) -> dict | None:
    """The keyword arguments click would pass to ``check`` for ``argv``, or None when the
    command line is not a plain ``check`` that this parses exactly as click does."""
    import os
    if not argv or argv[0] != "check":
        return None
    if any(k.startswith("_") and k.endswith("_COMPLETE") for k in os.environ):
        return None     # shell completion: click's business
    kw: dict = {"paths": [], "select": [], "extend_select": [], "ignore": [], "per_file": [],
                "fmt": None, "stdin_filename": None, "config_file": None, "output_file": None,
                "max_file_size": None, "jobs": None, "statistics": False, "isolated": False,
                "force_exclude": False, "show_suppressed": False, "quiet": False,
                "exit_zero": False}
    i, n = 1, len(argv)
    while i < n:
        arg = argv[i]
        i += 1
        if arg == "-" or not arg.startswith("-"):
            kw["paths"].append(arg)
            continue
        if arg in _FLAGS:
            kw[_FLAGS[arg]] = True
            continue
        name, eq, value = arg.partition("=")
        if eq:
            if not name.startswith("--") or not (name in _MULTI or name in _SINGLE):
                return None     # "--flag=x", "-o=x": click's business
        elif arg in _MULTI or arg in _SINGLE:
            if i >= n:
                return None
            value = argv[i]
            i += 1
        else:
            return None
        if value.startswith("-"):
            return None
        if name in _MULTI:
            kw[_MULTI[name]].append(value)
            continue
        key = _SINGLE[name]
        if key == "fmt" and value not in FORMAT_CHOICES:
            return None
        if key in ("config_file", "output_file") and not _path_ok(value, dir_okay=False):
            return None
        if key in ("max_file_size", "jobs"):
            try:
                value = int(value)
            except ValueError:
                return None
            if key == "jobs" and value < 0:
                return None
        kw[key] = value         # the last one wins, as in click
    if not all(_path_ok(p) for p in kw["paths"]):
        return None
    for item in kw["per_file"]:
        glob, sep, rules = item.rpartition(":")
        if not sep or not glob.strip() or not rules.strip():
            return None         # click prints the usage error
    if not kw["paths"]:
        try:
            if sys.stdin.isatty():
                return None     # "no paths given": a usage error, click prints it
        except (AttributeError, ValueError, OSError):
            return None
    for k in ("paths", "select", "extend_select", "ignore", "per_file"):
        kw[k] = tuple(kw[k])
    return kw


def _run_fast(kw: dict) -> None:
    """Run ``check`` without click and exit, handling interrupts and a closed pipe as click's
    ``main`` does. Returns (having printed nothing) only if click must run it after all."""
    import errno
    try:
        _check(**kw)
    except _Fallback:
        return
    except (EOFError, KeyboardInterrupt):
        import click
        from gettext import gettext as _
        click.echo(file=sys.stderr)
        click.echo(_("Aborted!"), file=sys.stderr)
        sys.exit(1)
    except OSError as e:
        if e.errno != errno.EPIPE:
            raise
        from click.utils import PacifyFlushWrapper
        sys.stdout = PacifyFlushWrapper(sys.stdout)
        sys.stderr = PacifyFlushWrapper(sys.stderr)
        sys.exit(1)
    sys.exit(EXIT_CLEAN)


class _Main:
    """``cta-lint``, the entry point (``cta_lint.cli:main``): calling it runs the command line;
    any other use (``main.main(args)``, ``CliRunner().invoke(main, ...)``, ``main.commands``)
    goes to the click group."""

    def __call__(self, *args, **kwargs):
        if not args and set(kwargs) <= {"prog_name"}:
            kw = _fast_args(sys.argv[1:])
            if kw is not None:
                _run_fast(kw)   # exits, unless click has to say something
        return _build()(*args, **kwargs)

    def __getattr__(self, name):
        if name.startswith("__"):
            raise AttributeError(name)
        return getattr(_build(), name)


main = _Main()


def _indent(s: str) -> str:
    return "\n".join("    " + ln if ln.strip() else "" for ln in s.strip("\n").splitlines())


if __name__ == "__main__":  # pragma: no cover
    main()
