"""Memoised lookups (one call empties them all), the collector left alone, shipped name kinds."""

from __future__ import annotations

import random
import subprocess
import sys
from pathlib import Path

from question_bank import clear_caches, generate
from question_bank.data import recognised_name_kinds
from question_bank.data.derive import recognised_kinds_table, shipped_names
from question_bank.generate.answer_forms import entity_key
from question_bank.generate.caches import CACHES, memoised, register_cache
from question_bank.generate.distractors import DistractorPool, opens_with_title
from question_bank.generate.draws import drawn, drawn_later
from question_bank.generate.filters import normalised

REPO = Path(__file__).resolve().parents[2]


def test_clear_caches_empties_every_registered_cache(bundled_text):
    generate(bundled_text)
    assert normalised.cache_info().currsize > 0
    assert clear_caches() == len(CACHES)
    assert normalised.cache_info().currsize == 0
    assert "question_bank.generate.filters.normalised" in CACHES


def test_a_cold_run_gives_the_same_items_as_a_warm_one(bundled_text):
    warm = generate(bundled_text, seed=3)
    clear_caches()
    assert generate(bundled_text, seed=3) == warm


def test_memoised_functions_and_dictionaries_are_registered_and_cleared():
    calls = []

    @memoised(maxsize=8)
    def doubled(value: int) -> int:
        calls.append(value)
        return 2 * value

    table = register_cache("tests.table", {"kept": 1})
    try:
        assert doubled(2) == doubled(2) == 4
        assert calls == [2]
        clear_caches()
        assert table == {}
        assert doubled(2) == 4
        assert calls == [2, 2]
    finally:
        CACHES.pop("tests.table")
        CACHES.pop(
            f"{__name__}.test_memoised_functions_and_dictionaries_are_registered_and_cleared.<locals>.doubled"
        )


def test_loading_the_pipeline_does_not_freeze_the_collector():
    script = (
        "import gc\n"
        "from question_bank import generate\n"
        "generate('The talks were held in Baku on Wednesday, the ministry said.')\n"
        "print(gc.get_freeze_count(), gc.isenabled())\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], cwd=REPO, capture_output=True, text=True, check=True
    )
    assert result.stdout.split() == ["0", "True"]


def test_the_shipped_name_table_matches_the_installed_pipeline():
    """Fails after a pipeline upgrade: run ``python -m question_bank.data.derive``."""
    stored = recognised_name_kinds()
    assert set(stored) == set(shipped_names())
    assert recognised_kinds_table().splitlines()[1:] == [
        f"{name}\t{kind}" for name, kind in stored.items()
    ]


def test_names_opening_with_a_title_are_told_apart():
    assert opens_with_title("Ms Bauchtman")
    assert opens_with_title("Dr. Cres Eastman")
    assert opens_with_title("Professor Cres Eastman")
    assert not opens_with_title("Cres Eastman")
    assert not opens_with_title("")


def test_a_name_with_an_honorific_is_not_offered_for_a_full_name():
    people = ["Cres Eastman", "Ms Bauchtman", "Lydia Buchtmann", "Karen Smith"]
    pool = DistractorPool(
        by_class={"person:professor": people}, kinds={entity_key(p): "person" for p in people}
    )
    chosen = pool.pick("person:professor", "Cres Eastman", 3, random.Random(1))
    assert sorted(chosen) == ["Karen Smith", "Lydia Buchtmann"]


def test_draws_give_every_distinct_value_once_in_a_seeded_order():
    values = ["a", "b", "a", "c", "d"]
    first = list(drawn(values, random.Random(7)))
    assert sorted(first) == ["a", "b", "c", "d"]
    assert list(drawn(values, random.Random(7))) == first
    assert len(list(drawn(values, random.Random(7), limit=2))) == 2
    made = []
    later = drawn_later(lambda: made.append(1) or ["x"], random.Random(1), 3)
    assert made == []
    assert list(later) == ["x"] and made == [1]
