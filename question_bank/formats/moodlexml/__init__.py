"""Moodle XML: Moodle's own complete question export format."""

from __future__ import annotations

from question_bank.formats.base import Format
from question_bank.formats.moodlexml.reader import read_moodle_xml
from question_bank.formats.moodlexml.writer import write_moodle_xml


def sniff_moodle_xml(data: bytes) -> int:
    """Score how much ``data`` looks like Moodle XML (a ``<quiz>`` of ``<question>``)."""
    head = data[:4000]
    return 60 if b"<quiz" in head and b"<question" in data[:20000] else 0


FORMAT = Format(
    name="moodlexml",
    label="Moodle XML",
    extensions=(".xml",),
    media_type="application/xml",
    reader=read_moodle_xml,
    writer=write_moodle_xml,
    sniff=sniff_moodle_xml,
)
