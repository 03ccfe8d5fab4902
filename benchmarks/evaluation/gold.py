"""Gold lists: the facts a teacher would ask about, one JSON file per article.

A gold file names its article by file name only and says which collection holds it:
``shared`` is the read-only development set in ``shared/data/articles`` beside the repository,
``bundled`` is ``question_bank/articles`` inside it. Source and licence live in that folder's
``SOURCES.md``; the gold file repeats the licence and points there.

A fact's ``evidence`` (and optional ``context``) is either the sentence itself, as a string, or a
locator ``{"start": 1234, "end": 1302}``: character offsets into the article file's text as read
with UTF-8, so that a gold file need not copy a third-party article's sentences. The shared
development set uses locators; the bundled article's gold file quotes its sentences. Locators are
resolved when the gold file is loaded, so every ``GoldFact`` carries the sentence text.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, replace
from datetime import date, datetime
from pathlib import Path
from typing import Any

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


class GoldArticleMissing(FileNotFoundError):
    """A gold file locates its evidence in an article file that is not there to read."""


def is_locator(value: object) -> bool:
    """Tell whether a gold ``evidence``/``context`` value is a ``{"start", "end"}`` locator."""
    return isinstance(value, dict)


def resolve_span(value: str | dict[str, Any], text: str, where: str = "gold fact") -> str:
    """Return the sentence a gold ``evidence``/``context`` value stands for.

    A string is the sentence itself; a locator ``{"start": s, "end": e}`` is ``text[s:e]``,
    offsets counted in characters of the article text. A malformed or out-of-range locator raises
    ``ValueError`` naming ``where``.
    """
    if isinstance(value, str):
        return value
    if not is_locator(value) or set(value) != {"start", "end"}:
        raise ValueError(f"{where}: expected a string or {{'start', 'end'}}, got {value!r}")
    start, end = value["start"], value["end"]
    integers = all(type(offset) is int for offset in (start, end))
    if not integers or not 0 <= start < end <= len(text):
        raise ValueError(f"{where}: locator {value!r} is outside the article ({len(text)} chars)")
    return text[start:end]


def _gold_fact(entry: dict[str, Any], text: str, where: str) -> GoldFact:
    """Build one fact from its JSON entry, resolving locators against the article text."""
    return GoldFact(
        type=entry["type"],
        question=entry["question"],
        answer=entry["answer"],
        evidence=resolve_span(entry["evidence"], text, f"{where} evidence"),
        aliases=tuple(entry.get("aliases", ())),
        context=resolve_span(entry.get("context", ""), text, f"{where} context"),
    )


def load_gold(path: Path) -> GoldArticle:
    """Read one gold file, resolving evidence and context locators against its article.

    The article is read only when some fact uses a locator; if it is then missing,
    ``GoldArticleMissing`` is raised.
    """
    data = json.loads(path.read_text(encoding="utf-8"))
    gold = GoldArticle(
        name=path.stem,
        article=data["article"],
        collection=data["collection"],
        topic=data["topic"],
        licence=data["licence"],
        published=data.get("published"),
        facts=(),
    )
    entries = data["facts"]
    text = ""
    if any(is_locator(entry.get(key)) for entry in entries for key in ("evidence", "context")):
        try:
            text = gold.read_text()
        except FileNotFoundError as error:
            raise GoldArticleMissing(
                f"{path.name} locates its evidence in {gold.article_path}, which is not there"
            ) from error
    facts = tuple(
        _gold_fact(entry, text, f"{path.name} fact {index}") for index, entry in enumerate(entries)
    )
    return replace(gold, facts=facts)


def gold_files(gold_dir: Path = GOLD_DIR) -> list[Path]:
    """Return every gold file, sorted by name."""
    return sorted(gold_dir.glob("*.json"))


def load_all_gold(gold_dir: Path = GOLD_DIR, available_only: bool = False) -> list[GoldArticle]:
    """Read every gold file.

    With ``available_only``, gold files whose article file is absent are left out (they could
    not be evaluated, and their locators could not be resolved); otherwise such a file raises
    ``GoldArticleMissing`` if it uses locators.
    """
    golds = []
    for path in gold_files(gold_dir):
        try:
            gold = load_gold(path)
        except GoldArticleMissing:
            if available_only:
                continue
            raise
        if available_only and not gold.article_path.exists():
            continue
        golds.append(gold)
    return golds


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
