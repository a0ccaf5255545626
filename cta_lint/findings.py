"""Findings: what a rule reports, located in the source."""
from __future__ import annotations

from ._record import Record

SEVERITIES = ("error", "warning", "info")


class Hit(Record):
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


class Finding(Record):
    """A finding; findings compare and sort by (path, line, column, rule)."""
    __slots__ = ("path", "line", "column", "rule", "name", "severity", "message", "end_line",
                 "end_column", "suggestion", "start", "end", "context")
    __match_args__ = __slots__
    _unshown = ("context",)

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

    def _key(self):
        return self.path, self.line, self.column, self.rule

    def __eq__(self, other):
        return self._key() == other._key() if other.__class__ is self.__class__ else NotImplemented

    def __lt__(self, other):
        return self._key() < other._key() if other.__class__ is self.__class__ else NotImplemented

    def __le__(self, other):
        return self._key() <= other._key() if other.__class__ is self.__class__ else NotImplemented

    def __gt__(self, other):
        return self._key() > other._key() if other.__class__ is self.__class__ else NotImplemented

    def __ge__(self, other):
        return self._key() >= other._key() if other.__class__ is self.__class__ else NotImplemented

    __hash__ = None

    def as_dict(self) -> dict:
        d = {"path": self.path, "rule": self.rule, "name": self.name, "severity": self.severity,
             "line": self.line, "column": self.column, "end_line": self.end_line,
             "end_column": self.end_column, "message": self.message}
        if self.suggestion:
            d["suggestion"] = self.suggestion
        return d
