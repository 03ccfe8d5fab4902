"""Archives are checked against size and count limits before any member is read."""

from __future__ import annotations

import io
import zipfile

import pytest

from question_bank.formats import FormatError, read_questions
from question_bank.formats.archives import ArchiveLimits, archive_limits, open_archive

MANIFEST = b"""<?xml version="1.0"?>
<manifest xmlns="http://www.imsglobal.org/xsd/imscp_v1p1"><resources>
<resource identifier="r1" type="imsqti_item_xmlv2p1" href="item1.xml"/>
</resources></manifest>"""


def bomb(member_bytes: int, members: int = 1) -> bytes:
    """A small zip whose members expand to ``member_bytes`` each (highly compressible)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("imsmanifest.xml", MANIFEST)
        for n in range(members):
            archive.writestr(f"item{n + 1}.xml", b"<assessmentItem>" + b" " * member_bytes)
    return buffer.getvalue()


def test_one_huge_member_refused_before_it_is_read(monkeypatch):
    data = bomb(100 * 1024 * 1024)
    assert len(data) < 200_000
    monkeypatch.setattr(zipfile.ZipFile, "read", lambda *a, **k: pytest.fail("member read"))
    with pytest.raises(FormatError, match=r"item1.xml expands to 100.0 MB; one file may be at"):
        read_questions(data, "bomb.zip", "qti21")


def test_total_size_refused():
    data = bomb(3 * 1024 * 1024, members=8)
    with pytest.raises(FormatError, match=r"archive expands to 24.0 MB; at most 20.0 MB"):
        read_questions(data, "bomb.zip", "qti21")


def test_entry_count_refused_with_the_limits_in_force():
    data = bomb(10, members=30)
    with (
        archive_limits(ArchiveLimits(max_entries=20)),
        pytest.raises(FormatError, match=r"holds 31 files; at most 20 allowed"),
    ):
        read_questions(data, "many.zip", "qti21")


def test_archive_within_limits_opens():
    with open_archive(bomb(10), "ok.zip") as archive:
        assert len(archive.infolist()) == 2


def test_not_a_zip_is_refused_cleanly():
    with pytest.raises(FormatError, match="not a readable .zip"):
        open_archive(b"PK\x03\x04 broken", "broken.zip")
