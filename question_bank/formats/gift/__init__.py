"""Moodle GIFT: the plain-text question format teachers write by hand."""

from __future__ import annotations

import re

from question_bank.formats.base import Format, reason_from
from question_bank.formats.gift.reader import read_gift
from question_bank.formats.gift.writer import write_gift, write_question

_GIFT_MARKS = re.compile(rb"(^|\n)\s*(::|\$CATEGORY:)|\{\s*[~=#TF}]|\{\s*\n\s*[~=]")


def sniff_gift(data: bytes) -> int:
    """Score how much ``data`` looks like GIFT (answer braces, titles, categories)."""
    return 30 if _GIFT_MARKS.search(data[:20000]) else 0


FORMAT = Format(
    name="gift",
    label="Moodle GIFT",
    extensions=(".gift", ".txt"),
    media_type="text/plain; charset=utf-8",
    reader=read_gift,
    writer=write_gift,
    sniff=sniff_gift,
    check=reason_from(write_question),
)
