"""Problems found in the data, reported as `path:line:col: error|warning: message`, all at once."""
from __future__ import annotations

from dataclasses import dataclass, field

ERROR = "error"
WARNING = "warning"


@dataclass(frozen=True, order=True, slots=True)  # one per located model object: slots keep it small
class Pos:
    """A place in a data file; line and col are 1-based as editors show them."""

    file: str
    line: int = 1
    col: int = 1

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.col}"


@dataclass(frozen=True, order=True)
class Problem:
    pos: Pos
    severity: str
    message: str

    def __str__(self) -> str:
        return f"{self.pos}: {self.severity}: {self.message}"


@dataclass
class Report:
    """Collects every problem of one run; never raises on bad data."""

    problems: list[Problem] = field(default_factory=list)

    def error(self, pos: Pos, message: str) -> None:
        self.problems.append(Problem(pos, ERROR, message))

    def warning(self, pos: Pos, message: str) -> None:
        self.problems.append(Problem(pos, WARNING, message))

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == ERROR]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == WARNING]

    def sorted(self) -> list[Problem]:
        return sorted(set(self.problems))

    def lines(self) -> list[str]:
        return [str(p) for p in self.sorted()]

    def failed(self, strict: bool = False) -> bool:
        return bool(self.errors) or (strict and bool(self.warnings))
