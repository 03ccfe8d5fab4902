"""Article metadata (headline, date line, byline, dateline) and the body text to parse.

The body keeps every character offset of the input: header lines, the dateline prefix
("ANKARA (AA) – "), section headings and "Begin Text:" markers are blanked with spaces, so fact
offsets point into the text the caller passed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from question_bank.model import ArticleMeta
from question_bank.reading.dates import parse_date_text

_DATE_LINE = re.compile(
    r"^\s*date[:\s]+(?P<date>\d{4}-\d{2}-\d{2})(?:\s+By\s+(?P<byline>.+))?\s*$", re.I
)
_BYLINE = re.compile(r"^\s*By\s+(?P<byline>[A-Z][\w.'’ -]{2,80})\s*$")
_DATELINE = re.compile(
    r"^(?P<place>[A-Z][A-Z.'’ -]{1,40}?)(?:,\s*[A-Z][\w. ]{1,30}?)?\s*"
    r"(?:\((?P<agency>[^)\n]{1,30})\))?\s*[–—-]{1,2}\s+(?=\S)"
)
_MARKER = re.compile(r"^\s*(Begin Text:|End Text\.?)\s*$", re.I)
_TERMINAL = tuple(".!?\"”’'):;")
_HEADER_LINES = 4


@dataclass(frozen=True)
class PreparedText:
    """An article ready to parse: metadata, the blanked body and the publication date."""

    meta: ArticleMeta
    body: str
    published: date | None


def _blank(text: str, start: int, end: int) -> str:
    return text[:start] + re.sub(r"[^\n]", " ", text[start:end]) + text[end:]


def _line_spans(text: str) -> list[tuple[int, int]]:
    spans, offset = [], 0
    for line in text.split("\n"):
        spans.append((offset, offset + len(line)))
        offset += len(line) + 1
    return spans


def _is_heading(line: str) -> bool:
    words = line.split()
    return 0 < len(words) <= 8 and not line.rstrip().endswith(_TERMINAL[:3])


def _read_header(text: str, spans: list[tuple[int, int]]) -> tuple[dict[str, str], list[int]]:
    """Read headline, date and byline from the first lines; return fields and header lines."""
    fields: dict[str, str] = {}
    header: list[int] = []
    content = [i for i, (s, e) in enumerate(spans) if text[s:e].strip()][:_HEADER_LINES]
    for position, index in enumerate(content):
        line = text[slice(*spans[index])].strip()
        found = _DATE_LINE.match(line)
        parsed = parse_date_text(line) if len(line.split()) <= 6 else None
        if found:  # a date line; an impossible date ("2026-13-45") is left unread
            if parse_date_text(found["date"]) is not None:
                fields["date"] = found["date"]
            fields["byline"] = (found["byline"] or "").strip()
        elif parsed is not None and parsed.granularity == "day" and "date" not in fields:
            fields["date"] = parsed.iso
        elif _BYLINE.match(line) and "byline" not in fields:
            fields["byline"] = _BYLINE.match(line)["byline"].strip()
        elif position == 0 and len(line.split()) <= 25 and not line.endswith("."):
            fields["title"] = line
        else:
            break
        header.append(index)
    return fields, header


def reading_text(text: str) -> str:
    """The article as a reader sees it: its text without the header lines its headline, date
    and byline were read from (they are shown apart); the dateline and paragraphs as written."""
    spans = _line_spans(text)
    _, header = _read_header(text, spans)
    dropped = set(header)
    return "\n".join(text[s:e] for index, (s, e) in enumerate(spans) if index not in dropped)


def prepare_article(text: str, published: date | None = None) -> PreparedText:
    """Split an article into metadata and a blanked body; ``published`` wins over the date line."""
    spans = _line_spans(text)
    fields, header = _read_header(text, spans)
    body = text
    for index in header:
        body = _blank(body, *spans[index])
    for start, end in spans:
        line = text[start:end]
        if _MARKER.match(line) or (
            _is_heading(line) and start > 0 and _between_blank_lines(text, start, end)
        ):
            body = _blank(body, start, end)
    place = agency = ""
    first = next((s for s, e in spans if body[s:e].strip()), None)
    if first is not None:
        found = _DATELINE.match(body[first:])
        if found:
            place, agency = found["place"].strip(), (found["agency"] or "").strip()
            body = _blank(body, first, first + found.end())
    when = published or (parse_date_text(fields["date"]).value if "date" in fields else None)
    meta = ArticleMeta(
        title=fields.get("title", ""),
        date=when.isoformat() if when else "",
        byline=fields.get("byline", ""),
        place=place,
        agency=agency,
    )
    return PreparedText(meta=meta, body=body, published=when)


def _between_blank_lines(text: str, start: int, end: int) -> bool:
    before = text[max(0, start - 2) : start]
    after = text[end : end + 2]
    return (
        before.endswith("\n\n")
        or before == "\n"
        and start == 1
        or after.startswith("\n\n")
        and before.endswith("\n")
    )
