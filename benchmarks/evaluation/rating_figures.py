"""Figures from stored blind ratings: acceptable, acceptable and useful, wrong keys, adequate
distractors, and the count of each failure reason, per stored sample."""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from .ratings import CRITERIA, RATINGS_DIR


@dataclass(frozen=True)
class RatingFigures:
    """What one stored sample of ratings says."""

    name: str
    split: str
    sample: str
    date: str
    commit: str
    seed: int
    rubric_version: int
    rated: int
    acceptable: int
    acceptable_and_useful: int
    wrong_keys: int
    choice_items: int
    adequate_distractors: int
    failures: dict[str, int] = field(default_factory=dict)

    def lines(self) -> list[str]:
        """The figures as report lines."""
        share = (lambda n: f"{n}/{self.rated} ({n / self.rated:.0%})") if self.rated else str
        lines = [
            f"{self.name}: {self.split}, {self.sample}, rated {self.date}, commit "
            f"{self.commit[:10]}, seed {self.seed}, rubric v{self.rubric_version}",
            f"  acceptable {share(self.acceptable)}; acceptable and useful "
            f"{share(self.acceptable_and_useful)}; wrong keys {self.wrong_keys}",
        ]
        if self.choice_items:
            lines.append(
                f"  multiple choice with adequate distractors {self.adequate_distractors}/"
                f"{self.choice_items} ({self.adequate_distractors / self.choice_items:.0%})"
            )
        if self.failures:
            parts = ", ".join(f"{k} {v}" for k, v in sorted(self.failures.items()))
            lines.append(f"  failed criteria: {parts}")
        return lines


def summarise(name: str, rows: Iterable[dict]) -> RatingFigures:
    """Figures of one sample's rows."""
    rows = list(rows)
    first = rows[0] if rows else {}
    choice = [r for r in rows if r["kind"] == "multichoice"]
    failures: Counter[str] = Counter()
    for row in rows:
        for criterion in CRITERIA:
            if row.get(criterion) is False:
                failures[criterion] += 1
    return RatingFigures(
        name=name,
        split=first.get("split", ""),
        sample=sample_of(first),
        date=first.get("date", ""),
        commit=first.get("commit", ""),
        seed=first.get("seed", 0),
        rubric_version=first.get("rubric_version", 0),
        rated=len(rows),
        acceptable=sum(1 for r in rows if r["acceptable"]),
        acceptable_and_useful=sum(1 for r in rows if r["acceptable"] and r["useful"]),
        wrong_keys=sum(1 for r in rows if r["wrong_key"]),
        choice_items=len(choice),
        adequate_distractors=sum(1 for r in choice if r.get("distractors") is True),
        failures=dict(failures),
    )


def sample_of(row: dict) -> str:
    """The row's sample, with the threshold it was published at when not the ranker's."""
    sample = row.get("sample", "")
    return f"{sample} at {row['min_score']}" if row.get("min_score") is not None else sample


def stored_figures(folder: Path = RATINGS_DIR) -> list[RatingFigures]:
    """One ``RatingFigures`` per stored file and sample, files in date and number order."""
    out = []
    for path in sorted(folder.glob("*.jsonl"), key=_in_order):
        rows = load_rows_of(path)
        by_sample: dict[tuple[str, str], list[dict]] = {}
        for row in rows:
            by_sample.setdefault((row.get("split", ""), sample_of(row)), []).append(row)
        for (_, sample), group in sorted(by_sample.items()):
            out.append(summarise(f"{path.stem} [{sample}]", group))
    return out


def _in_order(path: Path) -> list:
    """A file's place among the stored ones: by date, then by its number ("-9" before "-10")."""
    return [int(part) if part.isdigit() else part for part in re.split(r"(\d+)", path.stem)]


def load_rows_of(path: Path) -> list[dict]:
    """The rows of one stored file."""
    return [
        json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()
    ]
