"""Findings: what a rule reports, located in the source.

Plain classes with ``__slots__`` rather than dataclasses: creating a slotted dataclass costs
about a millisecond at import (code generation and ``exec``), on every run. They behave as the
dataclasses did: the same constructor (positional or keyword), ``repr``, equality and, for
Finding, ordering by (path, line, column, rule); neither is hashable.
"""
from __future__ import annotations

SEVERITIES = ("error", "warning", "info")


def _repr(obj, names) -> str:
    return f"{type(obj).__qualname__}(" + ", ".join(
        f"{n}={getattr(obj, n)!r}" for n in names) + ")"


class Hit:
    """What a check yields: a source span and a message (the engine adds rule and position)."""
    __slots__ = ("start", "end", "message", "severity", "suggestion")
    __match_args__ = __slots__

    def __init__(self, start: int, end: int, message: str, severity: str | None = None,
                 suggestion: str | None = None) -> None:
        self.start = start
        self.end = end
        self.message = message
        self.severity = severity          # overrides the rule's severity (e.g. quoted speech)
        self.suggestion = suggestion

    def __repr__(self) -> str:
        return _repr(self, self.__slots__)

    def __eq__(self, other):
        if other.__class__ is self.__class__:
            return ((self.start, self.end, self.message, self.severity, self.suggestion) ==
                    (other.start, other.end, other.message, other.severity, other.suggestion))
        return NotImplemented

    __hash__ = None


class Finding:
    __slots__ = ("path", "line", "column", "rule", "name", "severity", "message", "end_line",
                 "end_column", "suggestion", "start", "end", "context")
    __match_args__ = __slots__
    _REPR = __slots__[:-1]      # context is not shown

    def __init__(self, path: str, line: int, column: int, rule: str, name: str, severity: str,
                 message: str, end_line: int = 0, end_column: int = 0,
                 suggestion: str | None = None, start: int = 0, end: int = 0,
                 context: object = None) -> None:
        self.path = path
        self.line = line
        self.column = column
        self.rule = rule
        self.name = name
        self.severity = severity
        self.message = message
        self.end_line = end_line
        self.end_column = end_column
        self.suggestion = suggestion
        self.start = start          # source offsets (for reports)
        self.end = end
        # reporter data attached by ``Linter.doc_hook`` (source excerpt, the copy as shown);
        # picklable
        self.context = context

    def __repr__(self) -> str:
        return _repr(self, self._REPR)

    # equality and order: (path, line, column, rule) only
    def __eq__(self, other):
        if other.__class__ is self.__class__:
            return ((self.path, self.line, self.column, self.rule) ==
                    (other.path, other.line, other.column, other.rule))
        return NotImplemented

    def __lt__(self, other):
        if other.__class__ is self.__class__:
            return ((self.path, self.line, self.column, self.rule) <
                    (other.path, other.line, other.column, other.rule))
        return NotImplemented

    def __le__(self, other):
        if other.__class__ is self.__class__:
            return ((self.path, self.line, self.column, self.rule) <=
                    (other.path, other.line, other.column, other.rule))
        return NotImplemented

    def __gt__(self, other):
        if other.__class__ is self.__class__:
            return ((self.path, self.line, self.column, self.rule) >
                    (other.path, other.line, other.column, other.rule))
        return NotImplemented

    def __ge__(self, other):
        if other.__class__ is self.__class__:
            return ((self.path, self.line, self.column, self.rule) >=
                    (other.path, other.line, other.column, other.rule))
        return NotImplemented

    __hash__ = None

    def as_dict(self) -> dict:
        d = {"path": self.path, "rule": self.rule, "name": self.name, "severity": self.severity,
             "line": self.line, "column": self.column, "end_line": self.end_line,
             "end_column": self.end_column, "message": self.message}
        if self.suggestion:
            d["suggestion"] = self.suggestion
        return d
