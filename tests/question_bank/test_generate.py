"""The public generator: contract of each item kind, targets on the bundled article, determinism."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from question_bank import DEFAULT_MIN_SCORE, GenerationError, generate
from question_bank.generate import KINDS
from question_bank.generate.filters import rejection

KIND_NAMES = {
    "multichoice",
    "truefalse",
    "cloze",
    "shortanswer",
    "matching",
    "ordering",
    "numerical",
}


def test_kind_registry_names():
    assert set(KINDS) == KIND_NAMES


def test_items_sorted_and_above_threshold(bundled_generation):
    scores = [item.score for item in bundled_generation.items]
    assert scores == sorted(scores, reverse=True)
    assert min(scores) >= DEFAULT_MIN_SCORE


def test_bundled_article_volume(bundled_generation):
    items = bundled_generation.items
    assert len(items) >= 25
    assert len({item.fact_id for item in items}) >= 18
    assert {"role", "date", "place", "organisation", "agreement", "quote", "number"} <= {
        i.fact_type for i in items
    }


def _prompt_answers(generation):
    return {(item.prompt, item.answer) for item in generation.items}


def test_named_items_exist(bundled_generation):
    found = _prompt_answers(bundled_generation)
    expected = {
        ("Who is the president of Azerbaijan?", "Ilham Aliyev"),
        ("Who is the president of Belarus?", "Alexander Lukashenko"),
        ("Which city is the capital of Azerbaijan?", "Baku"),
        (
            "Which state-run news agency reported the statement by Azerbaijan’s president?",
            "Azertac",
        ),
        ("When did the 44-day Armenia-Azerbaijan conflict end in a truce?", "10 November 2020"),
        (
            "What did the agriculture and foreign ministers of Azerbaijan and Belarus sign?",
            "Memorandums of Understanding",
        ),
    }
    assert expected <= found


def test_item_kind_contracts(bundled_generation):
    for item in bundled_generation.items:
        assert not rejection(item)
        assert item.evidence and item.fact_type
        if item.kind == "multichoice":
            assert item.answer in item.choices and len(set(item.choices)) == len(item.choices) >= 3
        if item.kind == "truefalse":
            assert item.answer in ("True", "False") and item.choices == ("True", "False")
        if item.kind == "cloze":
            assert item.prompt.count("_____") == 1 and not item.choices
        if item.kind == "shortanswer":
            assert item.accepted and item.accepted[0] == item.answer
        if item.kind == "matching":
            assert len(item.pairs) >= 2
        if item.kind == "ordering":
            assert sorted(item.sequence) == sorted(item.choices) and item.sequence != item.choices


def test_distractors_same_class_and_not_the_answer(bundled_generation):
    item = next(
        i
        for i in bundled_generation.items
        if i.prompt == "Ilham Aliyev is the president of which country?"
    )
    from question_bank.data import country_by_name

    assert all(choice.lower() in country_by_name() for choice in item.choices)
    assert item.choices.count("Azerbaijan") == 1


def test_false_statements_are_false(bundled_generation):
    for item in bundled_generation.items:
        if item.kind == "truefalse" and item.answer == "False":
            assert item.prompt != item.evidence


def test_same_input_same_output(bundled_text, bundled_generation):
    assert generate(bundled_text) == bundled_generation


def test_seed_changes_selection(bundled_text):
    first, second = generate(bundled_text, seed=1), generate(bundled_text, seed=2)
    assert first == generate(bundled_text, seed=1)
    assert [i.choices for i in first.items] != [i.choices for i in second.items]


def test_kinds_and_min_score_limit_output(bundled_text):
    result = generate(bundled_text, kinds=["cloze"], min_score=0.0)
    assert result.items and {i.kind for i in result.items} == {"cloze"}
    with pytest.raises(GenerationError):
        generate(bundled_text, kinds=["essay-ish"])


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   \n ",
        "\x00\x01\x02binary\x00" * 10,
        "Это статья о переговорах президентов в Баку. " * 5,
    ],
)
def test_unusable_input_raises_clear_error(text):
    with pytest.raises(GenerationError):
        generate(text)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=300))
def test_any_text_never_crashes(text):
    try:
        result = generate(text)
    except GenerationError:
        return
    assert all(item.prompt for item in result.items)


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(
        st.sampled_from(
            [
                "Aliyev",
                "said",
                "he",
                '"',
                "Baku",
                "on",
                "Nov. 10, 2020",
                "300",
                ",",
                ".",
                "signed",
                "the",
                "memorandum",
                "\n\n",
            ]
        ),
        max_size=60,
    )
)
def test_article_like_noise_never_crashes(words):
    try:
        generate(" ".join(words))
    except GenerationError:
        pass


def test_development_articles_generate(shared_articles):
    from question_bank import read_article

    for path in shared_articles:
        result = generate(read_article(path))
        assert result.items, path.name
        assert all(not rejection(item) for item in result.items)
