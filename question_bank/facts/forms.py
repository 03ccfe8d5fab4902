"""Written forms of dates and numbers: read a value and its style, write another in the same style.

A date keeps its pattern ("July 14" / "Nov. 10, 2020" / "14 April 2021" / "2021-04-14"), a number
its digits or words, thousands separators, hedge ("nearly"), currency sign and scale word
("$50 million"), so that every option of a question looks alike.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

from question_bank.reading.dates import MONTH_NAMES, MONTHS

SMALL_NUMBERS = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen twenty"
).split()
TENS = {
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
SCALES = {
    "hundred": 100,
    "thousand": 1_000,
    "million": 1_000_000,
    "billion": 1_000_000_000,
    "trillion": 10**12,
}

_NUMBER_OPENERS = frozenset("0123456789$€£¥")
_NUMBER_WORDS = frozenset(SMALL_NUMBERS) | frozenset(TENS)
#: Words a number may follow inside its phrase ("more than", "nearly"), at most.
MAX_LEAD_WORDS = 3
#: A number after its lead words: sign, digits or a number word, scale word, then the rest.
_NUMBER_BODY = re.compile(
    r"^(?P<sign>[$€£¥])?\s?(?P<num>\d[\d,]*(?:\.\d+)?|[A-Za-z]+(?:-[A-Za-z]+)?)"
    r"(?P<scale>\s+(?:hundred|thousand|million|billion|trillion))?(?P<rest>\s*(?:%|[A-Za-z -]*))$"
)
#: Capitals joined to the digits ("1950DA", "3D"): a name or designation, not a count of anything.
_DESIGNATION = re.compile(r"^[A-Z]")
_DATE_PATTERNS = (
    ("iso", re.compile(r"^(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})$")),
    ("mdy", re.compile(r"^(?P<mon>[A-Za-z]{3,9})(?P<dot>\.?) (?P<d>\d{1,2}), (?P<y>\d{4})$")),
    ("dmy", re.compile(r"^(?P<d>\d{1,2}) (?P<mon>[A-Za-z]{3,9})(?P<dot>\.?),? (?P<y>\d{4})$")),
    ("md", re.compile(r"^(?P<mon>[A-Za-z]{3,9})(?P<dot>\.?) (?P<d>\d{1,2})$")),
    ("dm", re.compile(r"^(?P<d>\d{1,2}) (?P<mon>[A-Za-z]{3,9})(?P<dot>\.?)$")),
    ("my", re.compile(r"^(?P<mon>[A-Za-z]{3,9})(?P<dot>\.?),? (?P<y>\d{4})$")),
    ("y", re.compile(r"^(?P<y>1[5-9]\d\d|20\d\d)$")),
)


@dataclass(frozen=True)
class DateForm:
    """A written date: its value, pattern and month style."""

    value: date
    pattern: str
    month_style: str  # "full", "abbr", "abbr." or ""

    def write(self, value: date) -> str:
        """Write another date the same way."""
        month = MONTH_NAMES[value.month - 1]
        if self.month_style.startswith("abbr"):
            month = month[:3] + ("." if self.month_style == "abbr." and len(month) > 3 else "")
            if month == "Sep.":
                month = "Sept."
        writers = {
            "iso": lambda: value.isoformat(),
            "mdy": lambda: f"{month} {value.day}, {value.year}",
            "dmy": lambda: f"{value.day} {month} {value.year}",
            "md": lambda: f"{month} {value.day}",
            "dm": lambda: f"{value.day} {month}",
            "my": lambda: f"{month} {value.year}",
            "y": lambda: str(value.year),
        }
        return writers[self.pattern]()

    @property
    def granularity(self) -> str:
        """day, month or year."""
        return {"my": "month", "y": "year"}.get(self.pattern, "day")


def read_date(text: str) -> DateForm | None:
    """Read a written date and how it is written, or None."""
    cleaned = " ".join(text.split())
    for name, pattern in _DATE_PATTERNS:
        found = pattern.match(cleaned)
        if not found:
            continue
        groups = found.groupdict()
        style = ""
        month = int(groups["m"]) if groups.get("m") else None
        if groups.get("mon"):
            word = groups["mon"].lower()
            month = MONTHS.get(word)
            if month is None:
                return None
            full = MONTH_NAMES[month - 1].lower()
            style = "full" if word == full else ("abbr." if groups.get("dot") else "abbr")
        year = int(groups.get("y") or 2000)
        try:
            value = date(year, month or 1, int(groups.get("d") or 1))
        except ValueError:
            return None
        return DateForm(value, name, style)
    return None


def nearby_dates(form: DateForm, count: int) -> list[date]:
    """Dates near a date, at its granularity, nearest first (never the date itself)."""
    value = form.value
    if form.granularity == "year":
        step = 10 if value.year % 10 == 0 else 5 if value.year % 5 == 0 else 1
        offsets = [step * o for o in (1, -1, 2, -2, 3, -3, 5, -5)]
        return [date(value.year + o, 1, 1) for o in offsets][: count * 2]
    if form.granularity == "month":
        out = []
        for o in (1, -1, 2, -2, 3, -3, 6, -6):
            month = value.month - 1 + o
            out.append(date(value.year + month // 12, month % 12 + 1, 1))
        return out[: count * 2]
    days = [3, -4, 7, -9, 12, -13, 17, -20]
    return [value + timedelta(days=d) for d in days][: count * 2]


@dataclass(frozen=True)
class NumberForm:
    """A written number: its value and the words and signs around it."""

    value: float
    lead: str
    sign: str
    words: bool  # written as words ("six")
    separators: bool  # "1,200"
    decimals: int
    scale: str
    rest: str

    def write(self, value: float) -> str:
        """Write another value the same way."""
        if self.words and value == int(value) and 0 <= value <= 20:
            number = SMALL_NUMBERS[int(value)]
        elif self.decimals:
            number = (
                f"{value:,.{self.decimals}f}" if self.separators else f"{value:.{self.decimals}f}"
            )
        else:
            number = (
                f"{int(round(value)):,}"
                if self.separators or value >= 10_000
                else str(int(round(value)))
            )
        return f"{self.lead}{self.sign}{number}{self.scale}{self.rest}".strip()


def _word_value(word: str) -> float | None:
    lower = word.lower()
    if lower in SMALL_NUMBERS:
        return float(SMALL_NUMBERS.index(lower))
    if lower in TENS:
        return float(TENS[lower])
    if "-" in lower:
        tens, _, unit = lower.partition("-")
        if tens in TENS and unit in SMALL_NUMBERS[:10]:
            return float(TENS[tens] + SMALL_NUMBERS.index(unit))
    return None


@lru_cache(maxsize=65536)
def read_number(text: str) -> NumberForm | None:
    """Read a written number ("nearly 300", "$50 million", "six", "1,200 km", "more than two
    billion") or None (read once per text: checks and options ask of the same answers)."""
    words = " ".join(text.split())
    for found in _number_readings(words):
        if _DESIGNATION.match(found["rest"] or ""):
            return None
        raw = found["num"]
        if raw[0].isdigit():
            value = float(raw.replace(",", ""))
            in_words = False
            decimals = len(raw.split(".")[1]) if "." in raw else 0
        else:
            converted = _word_value(raw)
            if converted is None:
                continue  # "More than two": the number is a later word
            value, in_words, decimals = converted, True, 0
        return NumberForm(
            value=value,
            lead=found["lead"],
            sign=found["sign"] or "",
            words=in_words,
            separators="," in raw,
            decimals=decimals,
            scale=found["scale"] or "",
            rest=found["rest"] or "",
        )
    return None


def _number_readings(words: str) -> Iterator[dict[str, str]]:
    """The ways the text reads as a number after a lead of none to three words."""
    parts = words.split(" ")
    for size in range(min(MAX_LEAD_WORDS, len(parts) - 1) + 1):
        if size and not parts[size - 1].isalpha():
            return
        if not _may_start_number(parts[size]):
            continue
        found = _NUMBER_BODY.match(" ".join(parts[size:]))
        if found:
            yield {"lead": "".join(f"{part} " for part in parts[:size]), **found.groupdict()}


def _may_start_number(word: str) -> bool:
    """A digit, a currency sign or a number word opens the word."""
    return word[:1] in _NUMBER_OPENERS or word.split("-")[0].lower() in _NUMBER_WORDS


def number_value(text: str) -> float | None:
    """The value of a written number, scale words applied ("$2 billion" -> 2e9), or None."""
    form = read_number(text)
    if form is None:
        return None
    return form.value * SCALES.get(form.scale.strip().lower(), 1)


def nearby_numbers(form: NumberForm, count: int) -> list[float]:
    """Plausible other values: the same order of magnitude, never the value itself."""
    value = form.value
    if value == 0:
        return [1.0, 2.0, 3.0][:count]
    if form.words or (value == int(value) and value <= 20):
        base = int(value)
        unit = 10 if base % 10 == 0 else 5 if base % 5 == 0 and base > 5 else 1  # 20: 10, 30
        steps = [base + unit, base - unit, base + 2 * unit, base - 2 * unit, base * 2]
        steps += [base + 3 * unit, base - 3 * unit]
        least = 2 if base > 1 else 1  # "one missions": a count above one is read with a plural
        out = [float(s) for s in steps if s >= least and s != base]
        return list(dict.fromkeys(out))[: count * 2]
    factors = (1.2, 0.8, 1.4, 0.6, 1.6, 0.5, 2.0)
    out = []
    percent = "%" in form.rest or "percent" in form.rest.lower()
    for factor in factors:
        candidate = _round_like(value * factor, value, form.decimals)
        if candidate != value and candidate > 0 and not (percent and candidate > 100):
            out.append(candidate)
    return list(dict.fromkeys(out))[: count * 2]


def _round_like(candidate: float, original: float, decimals: int) -> float:
    """Round ``candidate`` to as many significant digits as ``original`` shows."""
    if decimals:
        return round(candidate, decimals)
    text = str(int(original)).rstrip("0") or "0"
    significant = max(len(text), 1)
    magnitude = len(str(int(abs(candidate)))) - significant
    if magnitude <= 0:
        return float(round(candidate))
    return float(round(candidate, -magnitude))
