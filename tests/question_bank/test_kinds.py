"""Every question kind is complete: one class with every facet, and the lists derived from it."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from question_bank.bank import item_to_question
from question_bank.formats import FormatError, read_questions, writable_formats, write_questions
from question_bank.generate import KINDS as GENERATED
from question_bank.grading import grade, response_text, right_answer_text
from question_bank.kinds import (
    CARD_KINDS,
    CHOICE_KINDS,
    KIND_NAMES,
    KINDS,
    QuestionKind,
    question_problems,
)
from question_bank.model import Item

#: Formats that write cards (front and back), which read back as short answers.
CARD_FORMATS = {"anki-text", "quizlet", "apkg"}
#: (format, kind) -> the kind a question of that kind reads back as.
#: GIFT holds a one-gap cloze question only as Moodle's "missing word" form, which Moodle (and
#: so the reader) takes as the gap's own kind.
READ_BACK_AS = {("aiken", "truefalse"): "multichoice", ("gift", "cloze"): "shortanswer"}

ALL_KINDS = pytest.mark.parametrize("name", list(KINDS))


def test_lists_are_derived_from_the_registry():
    assert KIND_NAMES == tuple(KINDS)
    assert CHOICE_KINDS == {n for n, k in KINDS.items() if k.is_choice}
    assert CARD_KINDS == {n for n, k in KINDS.items() if k.is_card}
    assert {"multichoice", "truefalse"} <= CHOICE_KINDS
    assert "description" in KINDS and "essay" not in CARD_KINDS


@ALL_KINDS
def test_every_kind_has_every_facet(name):
    kind = KINDS[name]
    assert kind.name == name and kind.label
    assert isinstance(kind, QuestionKind) and kind.formats <= {f.name for f in writable_formats()}
    for facet in ("mark", "right_response", "example"):  # the facets without a default
        assert getattr(type(kind), facet) is not getattr(QuestionKind, facet), facet
    for example in kind.examples():
        assert kind.problems(example) == [] and isinstance(kind.card_front(example), str)
        assert example.kind == name
        assert question_problems(example) == []
        right = kind.right_response(example)
        assert isinstance(right_answer_text(example), str)
        assert isinstance(response_text(example, right), str)
        assert isinstance(kind.card_front(example), str) and isinstance(
            kind.card_back(example), str
        )
        mark = grade(example, right)
        if kind.is_scored and kind.is_auto_marked:
            assert mark.fraction == 1.0, example
            assert grade(example, None).fraction == 0.0
        else:
            assert mark.fraction is None


@ALL_KINDS
def test_generated_kinds_turn_items_into_questions(name):
    kind = KINDS[name]
    assert kind.is_generated == (name in GENERATED)
    if not kind.is_generated:
        with pytest.raises(NotImplementedError):
            kind.from_item(Item("i", name, "p", "a", "e", "date", 1.0))
        return
    item = Item(
        "i1",
        name,
        "Talks were held in _____." if name == "cloze" else "Where were the talks?",
        "True" if name == "truefalse" else "Baku",
        "Talks were held in Baku.",
        "place",
        0.9,
        choices=("Baku", "Minsk") if name == "multichoice" else (),
        pairs=(("Aliyev", "Azerbaijan"), ("Lukashenko", "Belarus")) if name == "matching" else (),
        sequence=("a", "b") if name == "ordering" else (),
        tolerance=0.0 if name == "numerical" else None,
    )
    if name == "numerical":
        item = Item("i1", name, "How many?", "4034", "4034 villages.", "number", 0.9)
    question = item_to_question(item)
    assert question.kind == name and question_problems(question) == []
    assert grade(question, kind.right_response(question)).fraction == 1.0


@ALL_KINDS
def test_formats_hold_exactly_the_kinds_they_claim(name):
    kind = KINDS[name]
    for fmt in writable_formats():
        written = []
        for example in kind.examples():
            try:
                written.append((example, write_questions([example], fmt.name)))
            except FormatError:
                continue
        if fmt.name not in kind.formats:
            assert not written, f"{fmt.name} wrote a {name} question it does not claim"
            continue
        assert written, f"{fmt.name} claims {name} but wrote none of its examples"
        if not fmt.can_read or fmt.name in CARD_FORMATS:
            continue
        for _example, data in written:
            back = read_questions(data, f"example{fmt.extensions[0]}", fmt.name)
            assert [q.kind for q in back] == [READ_BACK_AS.get((fmt.name, name), name)], back


JSONISH = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=5), inner),
    max_leaves=10,
)


@settings(max_examples=60, deadline=None)
@given(value=JSONISH, text=st.text(max_size=40))
def test_any_response_is_cleaned_and_marked_without_error(value, text):
    for kind in KINDS.values():
        for example in kind.examples():
            grade(example, value)
            response_text(example, value)
            grade(example, kind.response_from_text(example, text))
