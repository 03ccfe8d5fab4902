"""Reading articles: plain text, Markdown and HTML to plain text, and the article's metadata."""

from __future__ import annotations

from question_bank.reading.dates import format_date, parse_date_text
from question_bank.reading.formats import READERS, detect_format, read_article
from question_bank.reading.metadata import PreparedText, prepare_article

__all__ = [
    "READERS",
    "PreparedText",
    "detect_format",
    "format_date",
    "parse_date_text",
    "prepare_article",
    "read_article",
]
