"""Gold lists: the facts a teacher would ask about, one JSON file per article.

A gold file names its article by file name only and says which collection holds it:
``shared`` is the read-only development set in ``shared/data/articles`` beside the repository,
``bundled`` is ``question_bank/articles`` inside it. Source and licence live in that folder's
``SOURCES.md``; the gold file repeats the licence and points there.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]
GOLD_DIR = REPO_ROOT / "benchmarks" / "gold"

#: Collection name -> folder holding its article files.
COLLECTIONS = {
    "shared": REPO_ROOT.parent / "shared" / "data" / "articles",
    "bundled": REPO_ROOT / "question_bank" / "articles",
}

#: Formats of the date lines found under the headline of an article file.
DATE_LINE_FORMATS = ("%A, %B %d, %Y", "%B %d, %Y", "%d %B %Y", "%Y-%m-%d")

#: A "date 2021-04-14" marker, as in the bundled article's first line.
ISO_DATE_MARKER = re.compile(r"\bdate (\d{4}-\d{2}-\d{2})\b")


@dataclass(frozen=True)
class GoldFact:
    """One fact of a gold list: the teacher's question, its answer and the sentence behind it.

    ``context`` is an optional earlier sentence naming whom a pronoun in the evidence refers to
    (a quote closed by "he said" gets the sentence that names the speaker).
    """

    type: str
    question: str
    answer: str
    evidence: str
    aliases: tuple[str, ...] = ()
    context: str = ""

    @property
    def answers(self) -> tuple[str, ...]:
        """The answer followed by its aliases."""
        return (self.answer, *self.aliases)


@dataclass(frozen=True)
class GoldArticle:
    """A gold file: which article it covers, its publication date and its facts."""

    name: str
    article: str
    collection: str
    topic: str
    licence: str
    published: str | None
    facts: tuple[GoldFact, ...]

    @property
    def article_path(self) -> Path:
        """Where the article file lives."""
        return COLLECTIONS[self.collection] / self.article

    def read_text(self) -> str:
        """Return the article file's text."""
        return self.article_path.read_text(encoding="utf-8")


def load_gold(path: Path) -> GoldArticle:
    """Read one gold file."""
    data = json.loads(path.read_text(encoding="utf-8"))
    facts = tuple(
        GoldFact(
            type=entry["type"],
            question=entry["question"],
            answer=entry["answer"],
            evidence=entry["evidence"],
            aliases=tuple(entry.get("aliases", ())),
            context=entry.get("context", ""),
        )
        for entry in data["facts"]
    )
    return GoldArticle(
        name=path.stem,
        article=data["article"],
        collection=data["collection"],
        topic=data["topic"],
        licence=data["licence"],
        published=data.get("published"),
        facts=facts,
    )


def gold_files(gold_dir: Path = GOLD_DIR) -> list[Path]:
    """Return every gold file, sorted by name."""
    return sorted(gold_dir.glob("*.json"))


def load_all_gold(gold_dir: Path = GOLD_DIR) -> list[GoldArticle]:
    """Read every gold file."""
    return [load_gold(path) for path in gold_files(gold_dir)]


def parse_date_line(line: str) -> date | None:
    """Parse a date line: "Friday, September 9, 2016", "July 17, 2026", "date 2021-04-14"."""
    cleaned = line.strip()
    marker = ISO_DATE_MARKER.search(cleaned)
    if marker:
        cleaned = marker.group(1)
    for pattern in DATE_LINE_FORMATS:
        try:
            return datetime.strptime(cleaned, pattern).date()
        except ValueError:
            continue
    return None


def find_date_line(text: str, head_lines: int = 4) -> date | None:
    """Return the first parseable date line among the first non-empty lines of an article."""
    lines = [line for line in text.splitlines() if line.strip()][:head_lines]
    for line in lines:
        parsed = parse_date_line(line)
        if parsed is not None:
            return parsed
    return None
