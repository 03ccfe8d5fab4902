"""Shared helpers for text formats: decoding uploads, numbers and ``extra`` pairs."""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping

from question_bank.formats.errors import FormatError, Problem
from question_bank.typed.numbers import format_number as format_number

_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")


def decode_text(data: bytes, filename: str) -> str:
    """Decode UTF-8 (with or without BOM, or UTF-16 with BOM) and turn CRLF/CR into LF."""
    if data.startswith(_UTF16_BOMS):
        text = data.decode("utf-16")
    else:
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            line = data.count(b"\n", 0, error.start) + 1
            reason = f"not UTF-8 text (byte 0x{data[error.start]:02x}); save the file as UTF-8"
            raise FormatError([Problem(filename, line, reason)]) from None
    return normalise_newlines(text)


def normalise_newlines(text: str) -> str:
    """Return ``text`` with CRLF and lone CR line ends turned into LF."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def parse_number(text: str) -> float | None:
    """Return ``text`` as a finite float, or None when it is not a number."""
    try:
        value = float(text.strip())
    except ValueError:
        return None
    return value if math.isfinite(value) else None


def percent_to_fraction(text: str) -> float | None:
    """Turn a percentage such as ``"33.33333"`` into a fraction (0.3333333)."""
    value = parse_number(text)
    return None if value is None else round(value / 100, 9)


def fraction_to_percent(fraction: float) -> str:
    """Turn a fraction into the percentage text Moodle writes (7 decimals at most)."""
    return format_number(round(fraction * 100, 7))


def make_extra(pairs: Mapping[str, str] | Iterable[tuple[str, str]]) -> tuple[tuple[str, str], ...]:
    """Return ``extra`` as the sorted tuple of string pairs the model expects."""
    items = pairs.items() if isinstance(pairs, Mapping) else pairs
    return tuple(sorted((str(key), str(value)) for key, value in items))
