"""The specification's measurable targets on the bundled article, and the rubric behind them."""

from __future__ import annotations

import subprocess
import sys

from question_bank import generate
from question_bank.generate.filters import rejection, stem_length
from question_bank.generate.ranking import is_duplicate

from .conftest import REPO


def _answered(generation, prompt_part: str, answer: str) -> bool:
    return any(prompt_part in item.prompt and item.answer == answer for item in generation.items)


def test_volume_and_distinct_facts(bundled_generation):
    items = [item for item in bundled_generation.items if not rejection(item)]
    assert len(items) >= 25
    assert len({item.fact_id for item in items}) >= 18
    present = {fact.type for fact in bundled_generation.facts}
    assert present <= {item.fact_type for item in items} | {"person", "event"}


def test_every_listed_fact_has_an_item(bundled_generation):
    g = bundled_generation
    assert _answered(
        g,
        "When did the talks between Ilham Aliyev and Alexander Lukashenko take place?",
        "14 April 2021",
    )
    assert _answered(g, "Who is the president of Azerbaijan?", "Ilham Aliyev")
    assert _answered(g, "Who is the president of Belarus?", "Alexander Lukashenko")
    assert _answered(g, "capital of Azerbaijan", "Baku")
    assert _answered(g, "Baku and _____ enjoy", "Minsk")
    assert _answered(g, "state-run news agency", "Azertac")
    assert _answered(g, "conflict end in a truce?", "10 November 2020")
    assert _answered(g, "_____ Armenia-Azerbaijan conflict", "44-day")
    assert _answered(g, "How many settlements and villages did Azerbaijan liberate", "300")
    assert _answered(
        g, "What did the agriculture and foreign ministers", "Memorandums of Understanding"
    )
    assert _answered(
        g,
        "Who signed the Memorandums",
        "the agriculture and foreign ministers of Azerbaijan and Belarus",
    )
    for field in ("veterinary medicine", "tourism", "energy"):
        assert _answered(g, "fields of", field)


def test_every_quote_attributed(bundled_generation):
    quotes = [fact for fact in bundled_generation.facts if fact.type == "quote"]
    asked = {
        item.fact_id for item in bundled_generation.items if item.prompt.startswith("Who said")
    }
    matched = {right for item in bundled_generation.items for _, right in item.pairs}
    assert all(fact.id in asked or fact.attr("speaker") in matched for fact in quotes)
    assert not any("…" in item.prompt for item in bundled_generation.items)


def test_numerical_and_ordering(bundled_generation):
    numerical = next(
        i for i in bundled_generation.items if i.kind == "numerical" and i.answer == "300"
    )
    assert numerical.tolerance and numerical.tolerance > 0  # "nearly" 300
    ordering = next(i for i in bundled_generation.items if i.kind == "ordering")
    assert [step.split()[1] for step in ordering.sequence] == ["44-day", "Lukashenko", "talks"]


def test_stems_short_and_true_false_names_full(bundled_generation):
    people = {"Aliyev": "Ilham Aliyev", "Lukashenko": "Alexander Lukashenko"}
    for item in bundled_generation.items:
        assert stem_length(item.prompt) <= 30
        if item.kind == "truefalse":
            for surname, full in people.items():
                assert item.prompt.count(surname) == item.prompt.count(full), item.prompt


def test_no_duplicates_among_items(bundled_generation):
    items = bundled_generation.items
    assert not any(
        is_duplicate(later, earlier) for n, later in enumerate(items) for earlier in items[:n]
    )


def test_bank_distractors_are_offered(bundled_text):
    bank = {"capital": ["Zagreb", "Vilnius", "Riga"]}
    item = next(
        i
        for i in generate(bundled_text, kinds=["multichoice"], bank=bank).items
        if i.prompt == "Which city is the capital of Azerbaijan?"
    )
    assert {"Zagreb", "Vilnius", "Riga"} & set(item.choices)


def test_import_is_cheap_and_generate_stays_the_function():
    code = (
        "import sys, question_bank, question_bank.generate.kinds, question_bank.generate.filters\n"
        "assert callable(question_bank.generate), question_bank.generate\n"
        "assert 'spacy' not in sys.modules, 'spaCy imported eagerly'\n"
    )
    subprocess.run([sys.executable, "-c", code], cwd=REPO, check=True)
