"""IMS QTI: version 1.2 items (read) and version 2.1 items and content packages (read/write)."""

from __future__ import annotations

from question_bank.formats.base import Format, reason_from
from question_bank.formats.qti.qti12 import read_qti12
from question_bank.formats.qti.qti21_reader import read_qti21
from question_bank.formats.qti.qti21_writer import item_xml, write_qti21_package


def sniff_qti12(data: bytes) -> int:
    """Score how much ``data`` looks like QTI 1.2 (a ``questestinterop`` root)."""
    return 60 if b"<questestinterop" in data[:4000] else 0


def sniff_qti21(data: bytes) -> int:
    """Score how much ``data`` looks like QTI 2.1 (an item, or a zip with a manifest)."""
    if data.startswith(b"PK"):
        return 60 if b"imsmanifest.xml" in data else 0
    return 60 if b"<assessmentItem" in data[:4000] else 0


QTI12 = Format(
    name="qti12",
    label="IMS QTI 1.2",
    extensions=(".xml",),
    media_type="application/xml",
    reader=read_qti12,
    sniff=sniff_qti12,
)
QTI21 = Format(
    name="qti21",
    label="IMS QTI 2.1 (content package)",
    extensions=(".zip", ".xml"),
    media_type="application/zip",
    reader=read_qti21,
    writer=write_qti21_package,
    sniff=sniff_qti21,
    check=reason_from(lambda question: item_xml(question, "item")),
    binary=True,
)
