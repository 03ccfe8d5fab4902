"""What is published by default: one item per fact, none giving another's answer away."""

from __future__ import annotations

import pytest

from question_bank import generate
from question_bank.generate.distractors import mentions_name, normalise
from question_bank.generate.kinds import GAP
from question_bank.generate.publish import PER_100_WORDS, PER_ANSWER


@pytest.fixture(scope="module")
def loose_list(bundled_text):
    """Every sound candidate of the bundled article published, so the rules alone decide."""
    return generate(bundled_text, min_score=0.0)


def _stem(item) -> str:
    return " ".join([item.prompt.replace(GAP, " "), *(left for left, _ in item.pairs)])


def _keys(item) -> list[str]:
    if item.kind == "truefalse":
        return []
    if item.pairs:
        return [right for _, right in item.pairs]
    return list(item.sequence) or [item.answer]


def test_no_two_published_items_test_one_fact(loose_list):
    facts = [item.fact_id for item in loose_list.items if not item.pairs and not item.sequence]
    assert len(facts) == len(set(facts))


def test_no_published_item_gives_away_another_of_the_same_sentence(loose_list):
    items = loose_list.items
    for first in items:
        for second in items:
            if first is second or first.evidence != second.evidence:
                continue
            for key in _keys(second):
                assert not mentions_name(_stem(first), key), (first.prompt, second.answer)


def test_one_answer_is_asked_at_most_twice(loose_list):
    counts: dict[str, int] = {}
    for item in loose_list.items:
        for key in _keys(item):
            counts[normalise(key)] = counts.get(normalise(key), 0) + 1
    assert max(counts.values()) <= PER_ANSWER == 2


def test_the_list_is_no_longer_than_the_article_allows(loose_list, bundled_text):
    words = len(bundled_text.split())
    assert 0 < len(loose_list.items) <= words * PER_100_WORDS / 100


def test_the_rest_stays_available_ranked_and_without_repeats(loose_list):
    seen = {(normalise(i.prompt), normalise(i.answer)) for i in loose_list.items}
    for item in loose_list.more:
        identity = (normalise(item.prompt), normalise(item.answer))
        assert identity not in seen
        seen.add(identity)


def test_a_higher_threshold_publishes_a_subset(bundled_text):
    low = {i.id for i in generate(bundled_text, min_score=0.5).items}
    high = generate(bundled_text, min_score=0.9).items
    assert all(item.score >= 0.9 for item in high)
    assert len(high) <= len(low)


def test_a_false_statement_takes_the_place_of_its_true_one_from_the_first_pick():
    """The first statement a list takes may be the false one of its sentence, as every later one
    may: a list of true statements only teaches students to answer True."""
    text = (
        "The United States welcomed Serbia's decision to sign on to the Artemis Accords. "
        "Lebanon and Serbia sent delegations to the talks in Washington, officials said on "
        "Monday. The Artemis Accords were launched by NASA in 2020. Secretary of State Marco "
        "Rubio met Serbian Foreign Minister Marko Djuric in Washington on Tuesday. The two "
        "ministers discussed energy security and trade. Serbia will host the next round of the "
        "dialogue in Belgrade in 2026. Lebanon signed the accords in Beirut in March, the State "
        "Department said."
    )
    result = generate(text)
    statements = [i for i in result.items if i.kind == "truefalse"]
    assert statements, "a statement is published"
    assert [i.answer for i in statements].count("False") >= 1


def test_a_stem_naming_a_person_by_one_name_gives_their_answer_away(loose_list):
    """ "Who did Lukashenko thank?" shows the answer of "_____ thanked Aliyev" when a short
    answer would take "Lukashenko" for "Alexander Lukashenko": not both from one sentence."""
    items = loose_list.items
    for first in items:
        for second in items:
            if first is second or first.evidence != second.evidence or second.kind == "truefalse":
                continue
            for form in second.accepted:
                assert not mentions_name(_stem(first), form), (first.prompt, form)


def test_a_false_statement_a_little_below_the_threshold_takes_its_true_ones_place(bundled_text):
    """Scores set by hand on the bundled article's real candidates: the true statement of a
    sentence reaches the threshold, its false one is within ``FALSE_MARGIN`` below it."""
    from dataclasses import replace

    from question_bank.generate.kinds import KINDS
    from question_bank.generate.pipeline import read_article_facts, scored_candidates
    from question_bank.generate.publish import FALSE_MARGIN, select

    _, article, found = read_article_facts(bundled_text, None)
    candidates = scored_candidates(article, found, list(KINDS), 0, {})
    by_sentence: dict[int, dict[str, object]] = {}
    for candidate in candidates:
        if candidate.item.kind == "truefalse" and not candidate.fact.loose:
            keyed = by_sentence.setdefault(candidate.fact.sentence.index, {})
            keyed.setdefault(candidate.item.answer, candidate)
    sentence, pair = next((s, p) for s, p in sorted(by_sentence.items()) if len(p) == 2)
    threshold = 0.9
    for candidate in candidates:  # only this sentence's statements may be published
        score = 0.0
        if candidate is pair["True"]:
            score = threshold
        elif candidate is pair["False"]:
            score = threshold - 0.01
        candidate.item = replace(candidate.item, score=score)
        candidate.worth = score
    chosen = select(candidates, article.word_count, threshold).published
    assert [c.item.answer for c in chosen] == ["False"]
    assert chosen[0].fact.sentence.index == sentence
    pair["False"].item = replace(pair["False"].item, score=threshold - FALSE_MARGIN - 0.01)
    chosen = select(candidates, article.word_count, threshold).published
    assert [c.item.answer for c in chosen] == ["True"]
