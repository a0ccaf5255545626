"""Findings: what a rule reports, located in the source."""
from __future__ import annotations

from dataclasses import dataclass, field

SEVERITIES = ("error", "warning", "info")


@dataclass(slots=True)
class Hit:
    """What a check yields: a source span and a message (the engine adds rule and position)."""
    start: int
    end: int
    message: str
    severity: str | None = None       # overrides the rule's severity (e.g. quoted speech)
    suggestion: str | None = None


@dataclass(slots=True, order=True)
class Finding:
    path: str
    line: int
    column: int
    rule: str
    name: str = field(compare=False)
    severity: str = field(compare=False)
    message: str = field(compare=False)
    end_line: int = field(default=0, compare=False)
    end_column: int = field(default=0, compare=False)
    suggestion: str | None = field(default=None, compare=False)
    start: int = field(default=0, compare=False)     # source offsets (for reports)
    end: int = field(default=0, compare=False)
    # reporter data attached by ``Linter.doc_hook`` (source excerpt, the copy as shown); picklable
    context: object = field(default=None, compare=False, repr=False)

    def as_dict(self) -> dict:
        d = {"path": self.path, "rule": self.rule, "name": self.name, "severity": self.severity,
             "line": self.line, "column": self.column, "end_line": self.end_line,
             "end_column": self.end_column, "message": self.message}
        if self.suggestion:
            d["suggestion"] = self.suggestion
        return d
