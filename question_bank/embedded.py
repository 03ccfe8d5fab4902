"""Moodle's embedded answers ("Cloze", ``multianswer``): read into gaps, written from them.

The syntax (docs.moodle.org, "Embedded Answers (Cloze) question type") is
``{weight:TYPE:answer~answer...}``. ``weight`` (default 1) is the gap's share of the mark. Each
answer starts with ``=`` (full marks) or ``%n%`` (n percent, a decimal point or comma allowed),
else it earns nothing, and may end with ``#feedback``; ``\\}``, ``\\#``, ``\\~`` and ``\\\\``
escape. Types, with their short names:

* ``SHORTANSWER`` (``SA``, ``MW``); ``SHORTANSWER_C`` (``SAC``, ``MWC``): case must match;
* ``NUMERICAL`` (``NM``): answers ``value`` or ``value:tolerance``;
* ``MULTICHOICE`` (``MC``) a drop-down menu, ``_V`` (``MCV``) vertical and ``_H`` (``MCH``)
  horizontal buttons; with ``S`` (``MCS``, ``MCVS``, ``MCHS``, ``MULTICHOICE_S`` ...) the
  options are shuffled;
* ``MULTIRESPONSE`` (``MR``) vertical and ``_H`` (``MRH``) horizontal check boxes, ``_S``
  (``MRS``) and ``_HS`` (``MRHS``) shuffled. As in Moodle, the positive fractions are scaled to
  add up to 100%, and when no answer has a percentage each wrong one takes back one right one.

Gaps are numbered in the order they appear; the text keeps ``{{1}}``, ``{{2}}`` ... in their
place.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

from question_bank.model import Answer, Gap

_START = re.compile(r"\{([0-9]*):([A-Z_]+):")
_FRACTION = re.compile(r"^(=|%(-?[0-9]+(?:[.,][0-9]*)?)%)")
_NUMERIC = re.compile(
    r"^\s*(-?(?:[0-9]+[.,]?[0-9]*|[.,][0-9]+)(?:[eE][-+]?[0-9]+)?)\s*"
    r"(?::\s*(-?(?:[0-9]+[.,]?[0-9]*|[.,][0-9]+)(?:[eE][-+]?[0-9]+)?))?\s*$"
)
_ESCAPABLE = '}#~\\/"'


@dataclass(frozen=True)
class GapType:
    """What one embedded answer type means."""

    kind: str
    case_sensitive: bool = False
    layout: str = "dropdown"
    shuffle: bool = False


def _types() -> dict[str, GapType]:
    found = {}
    for names, gap_type in (
        (("SHORTANSWER", "SA", "MW"), GapType("shortanswer")),
        (("SHORTANSWER_C", "SAC", "MWC"), GapType("shortanswer", case_sensitive=True)),
        (("NUMERICAL", "NM"), GapType("numerical")),
        (("MULTICHOICE", "MC"), GapType("multichoice")),
        (("MULTICHOICE_S", "MCS"), GapType("multichoice", shuffle=True)),
        (("MULTICHOICE_V", "MCV"), GapType("multichoice", layout="vertical")),
        (("MULTICHOICE_VS", "MCVS"), GapType("multichoice", layout="vertical", shuffle=True)),
        (("MULTICHOICE_H", "MCH"), GapType("multichoice", layout="horizontal")),
        (("MULTICHOICE_HS", "MCHS"), GapType("multichoice", layout="horizontal", shuffle=True)),
        (("MULTIRESPONSE", "MR"), GapType("multiresponse", layout="vertical")),
        (("MULTIRESPONSE_H", "MRH"), GapType("multiresponse", layout="horizontal")),
        (("MULTIRESPONSE_S", "MRS"), GapType("multiresponse", layout="vertical", shuffle=True)),
        (
            ("MULTIRESPONSE_HS", "MRHS"),
            GapType("multiresponse", layout="horizontal", shuffle=True),
        ),
    ):
        found.update(dict.fromkeys(names, gap_type))
    return found


#: Embedded answer type name -> what it means.
GAP_TYPES: dict[str, GapType] = _types()


@dataclass(frozen=True)
class EmbeddedGap:
    """One embedded answer found in a text: where it is, its type name, weight and body."""

    start: int
    end: int
    type_name: str
    weight: str
    body: str


class EmbeddedError(ValueError):
    """An embedded answer cannot be read."""


def _closing_brace(text: str, position: int) -> int:
    """The index of the unescaped ``}`` closing a gap whose body starts at ``position``."""
    while position < len(text):
        char = text[position]
        if char == "\\":
            position += 2
            continue
        if char == "}":
            return position
        position += 1
    return -1


def find_embedded(text: str) -> tuple[list[EmbeddedGap], list[int]]:
    """Every embedded answer of ``text`` in order, and where unclosed ones start."""
    found, unclosed, position = [], [], 0
    while (match := _START.search(text, position)) is not None:
        end = _closing_brace(text, match.end())
        if end < 0:
            unclosed.append(match.start())
            position = match.end()
            continue
        found.append(
            EmbeddedGap(
                match.start(), end + 1, match.group(2), match.group(1), text[match.end() : end]
            )
        )
        position = end + 1
    return found, unclosed


def _split_unescaped(text: str, separator: str, limit: int = -1) -> list[str]:
    parts, current, index = [], [], 0
    while index < len(text):
        char = text[index]
        if char == "\\" and index + 1 < len(text):
            current.append(text[index : index + 2])
            index += 2
            continue
        if (
            char == separator
            and (limit < 0 or len(parts) < limit)
            and not _entity_hash(text, index)
        ):
            parts.append("".join(current))
            current = []
        else:
            current.append(char)
        index += 1
    parts.append("".join(current))
    return parts


def _entity_hash(text: str, index: int) -> bool:
    """A ``#`` that belongs to an HTML entity such as ``&#35;`` is no feedback separator."""
    return text[index] == "#" and (text[:index].endswith("&") or text[:index].endswith("&amp;"))


def unescape(text: str) -> str:
    """An answer or feedback text as written: entities decoded, escapes removed."""
    text = html.unescape(text)
    return re.sub(r"\\([" + re.escape(_ESCAPABLE) + r"])", r"\1", text).strip()


def escape(text: str) -> str:
    """Escape the characters that end an answer inside an embedded answer."""
    return re.sub(r"([}#~\\])", r"\\\1", text)


def read_alternatives(body: str) -> tuple[list[tuple[float, str, str]], bool]:
    """(fraction, answer, feedback) of every answer of a gap's body, and whether any answer
    carried a percentage."""
    alternatives, specific = [], False
    for item in _split_unescaped(body, "~"):
        marker = _FRACTION.match(item)
        fraction = 0.0
        if marker:
            if marker.group(1) == "=":
                fraction = 1.0
            else:
                fraction = float(marker.group(2).replace(",", ".")) / 100
                specific = True
            item = item[marker.end() :]
        answer, feedback = (_split_unescaped(item, "#", limit=1) + [""])[:2]
        alternatives.append((fraction, unescape(answer), unescape(feedback)))
    return alternatives, specific


def _numeric_answer(text: str) -> tuple[str, float | None] | None:
    if text.strip() == "*":
        return "*", None
    match = _NUMERIC.match(text)
    if not match:
        return None
    tolerance = float(match.group(2).replace(",", ".")) if match.group(2) else 0.0
    return match.group(1).replace(",", "."), abs(tolerance)


def _multiresponse_fractions(answers: list[Answer], specific: bool) -> list[Answer]:
    total = sum(a.fraction for a in answers if a.fraction > 0)
    if not total:
        return answers
    scaled = []
    for answer in answers:
        if answer.fraction > 0:
            fraction = answer.fraction / total
        elif not specific:
            fraction = -1.0 / total
        else:
            fraction = answer.fraction
        scaled.append(Answer(answer.text, round(fraction, 9), answer.feedback, answer.tolerance))
    return scaled


def read_gap(found: EmbeddedGap) -> Gap:
    """The gap one embedded answer describes; EmbeddedError when it cannot be read."""
    gap_type = GAP_TYPES.get(found.type_name)
    if gap_type is None:
        raise EmbeddedError(f"unknown embedded answer type {found.type_name!r}")
    alternatives, specific = read_alternatives(found.body)
    answers = []
    for fraction, text, feedback in alternatives:
        tolerance = None
        if gap_type.kind == "numerical":
            numeric = _numeric_answer(text)
            if numeric is None:
                raise EmbeddedError(f"numerical gap answer {text!r} must be a number or '*'")
            text, tolerance = numeric
        answers.append(Answer(text, fraction, feedback, tolerance))
    if gap_type.kind == "multiresponse":
        answers = _multiresponse_fractions(answers, specific)
    weight = float(found.weight) if found.weight else 1.0
    return Gap(
        kind=gap_type.kind,
        answers=tuple(answers),
        weight=weight,
        case_sensitive=gap_type.case_sensitive,
        layout=gap_type.layout,
        shuffle=gap_type.shuffle,
    )


def read_embedded(text: str) -> tuple[str, tuple[Gap, ...]]:
    """The text with ``{{n}}`` in place of its embedded answers, and their gaps, in order."""
    found, _ = find_embedded(text)
    gaps, pieces, position = [], [], 0
    for number, embedded in enumerate(found, start=1):
        gaps.append(read_gap(embedded))
        pieces += [text[position : embedded.start], f"{{{{{number}}}}}"]
        position = embedded.end
    pieces.append(text[position:])
    return "".join(pieces), tuple(gaps)


def type_name(gap: Gap) -> str:
    """The embedded answer type that writes ``gap``."""
    if gap.kind == "shortanswer":
        return "SHORTANSWER_C" if gap.case_sensitive else "SHORTANSWER"
    if gap.kind == "numerical":
        return "NUMERICAL"
    base = "MULTICHOICE" if gap.kind == "multichoice" else "MULTIRESPONSE"
    layout = {"vertical": "V", "horizontal": "H"}.get(gap.layout, "")
    if gap.kind == "multiresponse" and layout == "V":
        layout = ""
    suffix = layout + ("S" if gap.shuffle else "")
    return f"{base}_{suffix}" if suffix else base


def _marker(fraction: float, several: bool) -> str:
    if fraction == 0:
        return ""
    if fraction == 1 and not several:
        return "="
    return f"%{round(fraction * 100, 7):.7f}".rstrip("0").rstrip(".") + "%"


def write_gap(gap: Gap) -> str:
    """One gap in the embedded answer syntax; several-option gaps write every percentage, so
    Moodle reads the fractions back unchanged. Weights are whole numbers in this syntax."""
    parts = []
    for answer in gap.answers:
        text = escape(answer.text)
        if gap.kind == "numerical" and answer.text != "*" and answer.tolerance:
            text = f"{answer.text}:{answer.tolerance:g}"
        feedback = f"#{escape(answer.feedback)}" if answer.feedback else ""
        parts.append(_marker(answer.fraction, gap.kind == "multiresponse") + text + feedback)
    return f"{{{max(0, round(gap.weight))}:{type_name(gap)}:{'~'.join(parts)}}}"


def write_embedded(prompt: str, gaps: tuple[Gap, ...], numbers: list[int]) -> str:
    """The prompt with each ``{{n}}`` marker replaced by its gap in the embedded syntax."""
    by_number = dict(zip(numbers, gaps, strict=False))

    def replace(match: re.Match[str]) -> str:
        gap = by_number.get(int(match.group(1)))
        return write_gap(gap) if gap is not None else match.group(0)

    return re.sub(r"\{\{([0-9]{1,6})\}\}", replace, prompt)
