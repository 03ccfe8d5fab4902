"""Fixtures for the format tests: third-party sample files read from ../shared/data/formats."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

#: /work/shared/data/formats seen from the repository root (the folder ``shared`` beside it).
SAMPLES = Path(__file__).resolve().parents[3] / ".." / "shared" / "data" / "formats"


@pytest.fixture
def sample() -> Callable[[str], bytes]:
    """Return a reader of one sample file by relative path; skip when the samples are absent."""

    def read(relative: str) -> bytes:
        path = SAMPLES / relative
        if not path.is_file():
            pytest.skip(f"third-party format sample {relative} is not present in {SAMPLES}")
        return path.read_bytes()

    return read


@pytest.fixture
def sample_path() -> Callable[[str], Path]:
    """Return the path of one sample file; skip when the samples are absent."""

    def locate(relative: str) -> Path:
        path = SAMPLES / relative
        if not path.is_file():
            pytest.skip(f"third-party format sample {relative} is not present in {SAMPLES}")
        return path

    return locate
