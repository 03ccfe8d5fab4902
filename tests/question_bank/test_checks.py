"""The generator's small text checks, read without regular expressions where a quick look will
do: each must say what the pattern it stands for says."""

from __future__ import annotations

import gc
from dataclasses import replace

import pytest

from question_bank.facts.document import Sentence
from question_bank.facts.found import Found
from question_bank.generate.checks import _gap_in_word
from question_bank.generate.features import _first_person, _in_list
from question_bank.generate.kinds import GAP, article_before_gap
from question_bank.generate.pipeline import collector_paused


@pytest.mark.parametrize(
    ("prompt", "inside"),
    [
        (f"She was named {GAP}-chair of the board.", True),
        (f"The vote went to co{GAP} yesterday.", True),
        (f"The tally stood at 4{GAP}.", True),
        (f"A longer line {GAP}_ than a gap.", True),
        (f"It opened in {GAP} last spring.", False),
        (f"The fund ({GAP}) grew.", False),
        (f"{GAP} won the race.", False),
        (f"The race was won by {GAP}", False),
        ("No gap at all.", False),
    ],
)
def test_a_gap_joined_to_a_word_is_found(prompt, inside):
    assert _gap_in_word(prompt) is inside


@pytest.mark.parametrize(
    ("prompt", "word"),
    [
        (f"They set up an {GAP} for the port.", "an"),
        (f"A {GAP} opened the meeting.", "A"),
        (f"It was a {GAP} success.", "a"),
        (f"An {GAP} was signed.", "An"),
        (f"The banana {GAP} grew.", None),
        (f"Sultan {GAP} spoke.", None),
        (f"It was the {GAP} in town.", None),
    ],
)
def test_an_article_is_seen_only_as_a_whole_word_before_the_gap(prompt, word):
    found = article_before_gap(prompt)
    assert (found.group(1) if found else None) == word


@pytest.mark.parametrize(
    ("prompt", "first_person"),
    [
        ("Our teams met in Velmora.", True),
        ("The mayor said we would build it.", True),
        ('The mayor said "we will build it" on Monday.', False),
        ("The mayor said “our town is ready” on Monday.", False),
        ("The museum reopened in August.", False),  # "us" inside a word
        ("Thus the summit met in Mesa.", False),
        ("Then I left, the mayor wrote.", True),
    ],
)
def test_first_person_words_count_only_outside_quotation_marks(prompt, first_person):
    assert _first_person(prompt) is first_person


@pytest.mark.parametrize(
    ("prompt", "listed"),
    [
        (f"It sells apples, {GAP}, and pears.", True),
        (f"It sells apples, {GAP} and pears.", True),
        (f"It sells apples, pears and {GAP}.", True),
        (f"It sells apples, pears, or {GAP}.", True),
        (f"It sells {GAP} and pears.", False),
        (f"Sold in {GAP}, the apples were cheap.", False),
        ("It sells apples, pears and plums.", False),
    ],
)
def test_a_gap_in_a_list_of_three_or_more_is_told(prompt, listed):
    assert _in_list(prompt) is listed


def test_a_copy_of_a_fact_with_other_details_reads_its_own_details():
    sentence = Sentence(0, 0, 3, 0, 12, 0, 1)
    fact = Found(type="place", key="Velmora", cls="city", sentence=sentence, details=(("a", "1"),))
    assert fact.detail("a") == "1" and fact.loose is False
    loose = replace(fact, details=(*fact.details, ("loose", "1"), ("a", "2")))
    assert loose.extras is fact.extras  # the copy shares what was worked out for the fact
    assert loose.detail("a") == "2" and loose.loose is True
    assert fact.detail("a") == "1" and fact.loose is False
    assert fact.detail("missing", "none") == "none"


def test_the_collector_is_paused_while_generating_and_left_as_it_was_found():
    assert gc.isenabled()
    with collector_paused():
        assert not gc.isenabled()
    assert gc.isenabled()
    gc.disable()
    try:
        with collector_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()  # paused by someone else before: left paused
    finally:
        gc.enable()
    with pytest.raises(RuntimeError), collector_paused():
        raise RuntimeError("an odd article")
    assert gc.isenabled()
