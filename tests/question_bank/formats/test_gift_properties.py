"""Property: any multiple choice question survives GIFT writing and reading unchanged."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from question_bank.formats.gift import read_gift, write_gift
from question_bank.model import Answer, Question

# GIFT trims every text and gives a leading "[format]" or "%weight%" a meaning; apart from
# that, control characters, backslashes and new lines must all come back as they were.
_ALPHABET = st.sampled_from(list("ab Z09~=#{}:\\\n-é>"))
_TEXT = st.text(_ALPHABET, min_size=1, max_size=25).map(str.strip).filter(bool)
_FRACTIONS = st.sampled_from([0.0, 0.5, -0.25, 1.0, 0.3333333])


@st.composite
def multichoice(draw: st.DrawFn) -> Question:
    answers = draw(
        st.lists(st.builds(Answer, _TEXT, _FRACTIONS, st.just("") | _TEXT), min_size=2, max_size=5)
    )
    single = any(answer.fraction == 1.0 for answer in answers)
    return Question(
        kind="multichoice",
        prompt=draw(_TEXT),
        title=draw(st.just("") | _TEXT),
        category=draw(st.just("") | _TEXT.map(lambda t: t.replace("\n", " "))),
        answers=tuple(answers),
        single=single,
        general_feedback=draw(st.just("") | _TEXT),
    )


@settings(max_examples=200, deadline=None)
@given(st.lists(multichoice(), min_size=1, max_size=4))
def test_multichoice_questions_round_trip_through_gift(questions):
    assert read_gift(write_gift(questions), "generated.gift") == questions
