"""The tuning and validation split of the shared articles, read from ``SPLIT.md`` beside them."""

from __future__ import annotations

import re
from pathlib import Path

from .gold import COLLECTIONS

SPLIT_FILE = COLLECTIONS["shared"] / "SPLIT.md"
_VALIDATION_LINE = re.compile(r"\*\*Validation[^*]*\*\*\s*([\d,\s]+)")


def validation_numbers(split_file: Path = SPLIT_FILE) -> frozenset[str]:
    """The two-digit numbers of the validation articles."""
    found = _VALIDATION_LINE.search(split_file.read_text(encoding="utf-8"))
    if not found:
        raise ValueError(f"{split_file}: no validation line")
    return frozenset(f"{int(n):02d}" for n in re.findall(r"\d+", found.group(1)))


def split_of(article: str, split_file: Path = SPLIT_FILE) -> str:
    """``validation`` or ``tuning`` for a shared article file name, ``bundled`` otherwise."""
    number = article[:2]
    if not number.isdigit() or not (COLLECTIONS["shared"] / article).exists():
        return "bundled"
    return "validation" if number in validation_numbers(split_file) else "tuning"


def articles_of(split: str) -> list[Path]:
    """The article files of a split (``tuning``, ``validation`` or ``bundled``), sorted."""
    if split == "bundled":
        return sorted(COLLECTIONS["bundled"].glob("*.txt"))
    return [
        path
        for path in sorted(COLLECTIONS["shared"].glob("[0-9][0-9]-*.txt"))
        if split_of(path.name) == split
    ]
