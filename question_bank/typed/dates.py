"""Dates as people type them, read into comparable values.

Forms read (case, accents and full stops after month abbreviations do not matter):
``2020-11-10``; ``10 November 2020``, ``10th of Nov. 2020``; ``November 10, 2020``,
``Nov. 10 2020``; ``10/11/2020`` and ``10.11.2020`` (day first or month first: both readings are
kept, so ``11/10/2020`` matches 10 November and 11 October); ``2020/11/10``; and partial dates
``November 2020``, ``10 November``, ``November 10``. A date is a set of ISO strings
(``2020-11-10``, ``2020-11`` or ``--11-10``): two dates agree when their sets share one.
"""

from __future__ import annotations

import re
from datetime import date

from question_bank.reading.dates import MONTHS

_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>\d{4})"

#: (pattern, order of the numeric fields) tried in this order; the first match wins at a place.
_PATTERNS = [
    re.compile(rf"\b{_YEAR}-(?P<m>\d{{1,2}})-(?P<d>\d{{1,2}})\b"),
    re.compile(rf"\b{_YEAR}/(?P<m>\d{{1,2}})/(?P<d>\d{{1,2}})\b"),
    re.compile(r"\b(?P<a>\d{1,2})[/.](?P<b>\d{1,2})[/.]" + _YEAR + r"\b"),
    re.compile(rf"\b{_DAY}(?:\s+of)?\s+{_MONTH},?\s+{_YEAR}\b"),
    re.compile(rf"\b{_MONTH}\s+{_DAY},?\s+{_YEAR}\b"),
    re.compile(rf"\b{_MONTH},?\s+{_YEAR}\b"),
    re.compile(rf"\b{_DAY}(?:\s+of)?\s+{_MONTH}(?![a-z])"),
    re.compile(rf"\b{_MONTH}\s+{_DAY}\b"),
]


def _iso(year: int | None, month: int, day: int | None) -> str | None:
    try:
        date(year or 2000, month, day or 1)
    except ValueError:
        return None
    if year is None:
        return f"--{month:02d}-{day:02d}"
    return f"{year:04d}-{month:02d}" + (f"-{day:02d}" if day is not None else "")


def _readings(match: re.Match[str]) -> frozenset[str]:
    fields = match.groupdict()
    year = int(fields["year"]) if fields.get("year") else None
    if fields.get("a"):
        a, b = int(fields["a"]), int(fields["b"])
        found = {_iso(year, b, a), _iso(year, a, b)}
    elif fields.get("m"):
        found = {_iso(year, int(fields["m"]), int(fields["d"]))}
    else:
        day = int(fields["day"]) if fields.get("day") else None
        found = {_iso(year, MONTHS[fields["month"]], day)}
    return frozenset(iso for iso in found if iso)


def find_dates(text: str) -> list[tuple[int, int, frozenset[str]]]:
    """(start, end, readings) of every date in lower-cased ``text``, left to right, no overlaps."""
    taken: list[tuple[int, int, frozenset[str]]] = []
    for pattern in _PATTERNS:
        for match in pattern.finditer(text):
            start, end = match.span()
            if any(start < e and s < end for s, e, _ in taken):
                continue
            readings = _readings(match)
            if readings:
                taken.append((start, end, readings))
    return sorted(taken)
