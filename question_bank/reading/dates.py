"""Reading calendar dates written in news style, and resolving relative ones against a reference.

Granularity is one of ``day``, ``month`` or ``year``; distractors keep the answer's granularity.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}
MONTH_NAMES = (
    "January February March April May June July August September October November December"
).split()
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")

_MONTH = r"(?P<month>[A-Za-z]{3,9})\.?"
_PATTERNS = (
    re.compile(r"^(?P<year>\d{4})-(?P<mnum>\d{1,2})-(?P<day>\d{1,2})$"),
    re.compile(
        rf"^(?:[A-Za-z]+,?\s+)?{_MONTH}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<year>\d{{4}})$"
    ),
    re.compile(
        rf"^(?:[A-Za-z]+,?\s+)?(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH},?\s+(?P<year>\d{{4}})$"
    ),
    re.compile(rf"^(?:on\s+)?{_MONTH}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?$"),
    re.compile(rf"^(?:on\s+)?(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}$"),
    re.compile(rf"^(?:in\s+)?{_MONTH}\s+(?P<year>\d{{4}})$"),
    re.compile(r"^(?:in\s+)?(?P<year>1[5-9]\d\d|20\d\d)$"),
)


@dataclass(frozen=True)
class ResolvedDate:
    """A calendar date with the granularity the text gives it."""

    value: date
    granularity: str  # "day", "month" or "year"

    @property
    def iso(self) -> str:
        """ISO text trimmed to the granularity (``2021-04-14``, ``2021-04``, ``2021``)."""
        return self.value.isoformat()[: {"day": 10, "month": 7, "year": 4}[self.granularity]]

    @property
    def display(self) -> str:
        """Readable text (``14 April 2021``, ``April 2021``, ``2021``)."""
        return format_date(self.value, self.granularity)


def format_date(value: date, granularity: str = "day") -> str:
    """Return a date as readable text at the given granularity."""
    month = MONTH_NAMES[value.month - 1]
    if granularity == "year":
        return str(value.year)
    if granularity == "month":
        return f"{month} {value.year}"
    return f"{value.day} {month} {value.year}"


def _build(groups: dict[str, str | None], reference: date | None) -> ResolvedDate | None:
    month_text = groups.get("month")
    month = int(groups["mnum"]) if groups.get("mnum") else MONTHS.get((month_text or "").lower())
    year_text = groups.get("year")
    if year_text is None and reference is None:
        return None
    year = int(year_text) if year_text else reference.year  # type: ignore[union-attr]
    day_text = groups.get("day")
    try:
        if month is None:
            return ResolvedDate(date(year, 1, 1), "year") if "month" not in groups else None
        if day_text is None:
            return ResolvedDate(date(year, month, 1), "month")
        return ResolvedDate(date(year, month, int(day_text)), "day")
    except ValueError:
        return None


def parse_date_text(text: str, reference: date | None = None) -> ResolvedDate | None:
    """Parse an absolute date such as ``Nov. 10, 2020`` or ``2021-04-14``; ``None`` if not one.

    A day and month without a year take the year of ``reference`` when one is given.
    """
    cleaned = " ".join(text.replace("’", "'").split()).strip(" ,.")
    for pattern in _PATTERNS:
        found = pattern.match(cleaned)
        if found:
            return _build(found.groupdict(), reference)
    return None


def _weekday_before(reference: date, weekday: int) -> date:
    return reference - timedelta(days=(reference.weekday() - weekday) % 7)


def resolve_relative(text: str, reference: date, anchor: date | None = None) -> ResolvedDate | None:
    """Resolve a relative date against the publication date (``reference``).

    Rules: a weekday is the latest such day on or before the publication date (news reports the
    past week); "today"/"yesterday" and "last/this/next year|month" count from the publication date;
    "the previous day"/"the day before" count back from ``anchor`` (the date the sentence already
    names) or else the publication date. Anything else stays unresolved.
    """
    words = " ".join(text.lower().split()).removeprefix("on ").removeprefix("the ")
    if words in WEEKDAYS:
        return ResolvedDate(_weekday_before(reference, WEEKDAYS.index(words)), "day")
    simple = {
        "today": (reference, "day"),
        "yesterday": (reference - timedelta(days=1), "day"),
        "last year": (date(reference.year - 1, 1, 1), "year"),
        "this year": (date(reference.year, 1, 1), "year"),
        "next year": (date(reference.year + 1, 1, 1), "year"),
    }
    if words in simple:
        value, granularity = simple[words]
        return ResolvedDate(value, granularity)
    if words in ("previous day", "day before", "day earlier"):
        return ResolvedDate((anchor or reference) - timedelta(days=1), "day")
    if words in ("following day", "next day", "day after"):
        return ResolvedDate((anchor or reference) + timedelta(days=1), "day")
    return None
