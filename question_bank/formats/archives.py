"""Opening uploaded .zip archives within limits, checked before any member is read.

A small archive can expand to gigabytes (a "zip bomb"). ``open_archive`` reads only the
central directory, then refuses the archive, with a message saying which limit it passed, when
it holds too many files, one file too large, or too much altogether. Python's ``zipfile``
never returns more bytes for a member than its directory entry declares, so checking the
declared sizes bounds what reading can use.

The limits in force come from ``archive_limits`` (a context manager, so a web app can apply its
settings around ``read_questions``), else ``DEFAULT_LIMITS``.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass

from question_bank.formats.errors import FormatError, Problem


@dataclass(frozen=True)
class ArchiveLimits:
    """Most files, bytes per file and bytes in all (uncompressed) an archive may hold."""

    max_entries: int = 1_000
    max_entry_bytes: int = 5 * 1024 * 1024
    max_total_bytes: int = 20 * 1024 * 1024


DEFAULT_LIMITS = ArchiveLimits()

_limits: ContextVar[ArchiveLimits] = ContextVar("archive_limits", default=DEFAULT_LIMITS)


@contextmanager
def archive_limits(limits: ArchiveLimits) -> Iterator[ArchiveLimits]:
    """Apply ``limits`` to archives opened inside the ``with`` block."""
    token = _limits.set(limits)
    try:
        yield limits
    finally:
        _limits.reset(token)


def _size(count: int) -> str:
    return f"{count / 1024 / 1024:.1f} MB" if count >= 1024 * 1024 else f"{count:,} bytes"


def archive_problem(archive: zipfile.ZipFile, limits: ArchiveLimits) -> str | None:
    """Which limit the archive's directory passes, or None when it is within all of them."""
    members = archive.infolist()
    if len(members) > limits.max_entries:
        return f"the archive holds {len(members):,} files; at most {limits.max_entries:,} allowed"
    for member in members:
        if member.file_size > limits.max_entry_bytes:
            return (
                f"{member.filename} expands to {_size(member.file_size)}; "
                f"one file may be at most {_size(limits.max_entry_bytes)}"
            )
    total = sum(member.file_size for member in members)
    if total > limits.max_total_bytes:
        return (
            f"the archive expands to {_size(total)}; "
            f"at most {_size(limits.max_total_bytes)} uncompressed allowed"
        )
    return None


def open_archive(data: bytes, filename: str) -> zipfile.ZipFile:
    """The archive in ``data``, checked against the limits in force; FormatError otherwise."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, ValueError):
        raise FormatError([Problem(filename, 0, "not a readable .zip archive")]) from None
    problem = archive_problem(archive, _limits.get())
    if problem:
        archive.close()
        raise FormatError([Problem(filename, 0, f"archive refused: {problem}")])
    return archive
