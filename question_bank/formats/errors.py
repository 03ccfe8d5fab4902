"""Problems found while reading or writing a file, and the error that carries them."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a file: where it is (1-based line, 0 when unknown) and why."""

    filename: str
    line: int
    reason: str

    def __str__(self) -> str:
        return f"{self.filename}:{self.line}: {self.reason}"


class FormatError(ValueError):
    """A file was refused whole; ``problems`` lists every reason, one per line of the message."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = list(problems)
        super().__init__("\n".join(str(problem) for problem in self.problems))


class ProblemLog:
    """Collects problems while a file is read, then refuses the file if there were any."""

    def __init__(self, filename: str) -> None:
        self.filename = filename
        self.problems: list[Problem] = []

    def add(self, line: int, reason: str) -> None:
        """Record one problem at ``line``."""
        self.problems.append(Problem(self.filename, line, reason))

    def raise_if_any(self) -> None:
        """Raise ``FormatError`` listing every recorded problem, if there is one."""
        if self.problems:
            raise FormatError(self.problems)
