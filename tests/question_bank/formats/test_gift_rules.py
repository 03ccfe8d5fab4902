"""GIFT rules on hand-written input: categories, ids, tags, formats, errors, line ends, HTML."""

from __future__ import annotations

import pytest

from question_bank.formats import FormatError, read_questions, write_questions
from question_bank.formats.gift import read_gift
from question_bank.model import Answer, Question

SOURCE = """// [id:Q-7] [tag:rome] [tag:history]
$CATEGORY: $course$/History/Rome

// [id:Q-8] [tag:rome]
::Founding::[html]<p>Rome was founded in {#-753:0####Legend\\: 21 April.} BC.</p>

::Essay::Explain the fall of Rome.{####Mention the economy.}

Read the next questions carefully.

::Order\\: steps:: 2 \\{braces\\} and a line\\nbreak {=one}
"""


def test_category_ids_tags_formats_and_escapes():
    founding, essay, description, braces = read_gift(SOURCE.encode(), "rome.gift")
    assert founding.category == "$course$/History/Rome" and founding.tags == ("rome",)
    assert dict(founding.extra) == {"gift.idnumber": "Q-8"}
    assert founding.prompt_format == "html" and founding.kind == "numerical"
    assert founding.prompt == "<p>Rome was founded in _____ BC.</p>"
    assert founding.answers == (Answer("-753", 1.0, "", 0.0),)
    assert founding.general_feedback == "Legend: 21 April."
    assert (essay.kind, essay.general_feedback, essay.prompt_format) == (
        "essay",
        "Mention the economy.",
        "moodle",
    )
    assert (description.kind, description.default_mark) == ("description", 0.0)
    assert braces.title == "Order: steps"
    assert braces.prompt == "2 {braces} and a line\nbreak"
    assert braces.kind == "shortanswer"


def test_round_trip_keeps_category_ids_and_tags():
    questions = read_gift(SOURCE.encode(), "rome.gift")
    again = read_gift(write_questions(questions, "gift"), "out.gift")
    assert again == questions


MISSING_WORDS = """::Pi:: Pi is about {#3.1415:0.0005}.

::Range:: Pick a number {#1..5}.

::Cold:: "The sun is cold {FALSE#It is hot.}"; who said that?

::Grant:: Grant is {~buried =entombed ~living} in Grant's tomb.

::Nobody:: Who {=no one =nobody} lies in Grant's tomb?

::Match:: Match {=cat -> meow =dog -> woof} now.

::Essay:: Write {} words.

::End:: The capital of France is {=Paris}
"""


def test_missing_word_questions_keep_the_kind_moodle_gives_them():
    """Moodle puts ``_____`` where the answer block was when text follows it, and takes the
    kind from the answers alone; the app's cloze kind never comes from GIFT."""
    questions = read_gift(MISSING_WORDS.encode(), "missing.gift")
    assert [(q.title, q.kind, q.prompt) for q in questions] == [
        ("Pi", "numerical", "Pi is about _____."),
        ("Range", "numerical", "Pick a number _____."),
        ("Cold", "truefalse", '"The sun is cold _____"; who said that?'),
        ("Grant", "multichoice", "Grant is _____ in Grant's tomb."),
        ("Nobody", "shortanswer", "Who _____ lies in Grant's tomb?"),
        ("Match", "matching", "Match _____ now."),
        ("Essay", "essay", "Write _____ words."),
        ("End", "shortanswer", "The capital of France is"),
    ]
    pi, span, cold = questions[:3]
    assert pi.answers == (Answer("3.1415", 1.0, "", 0.0005),)
    assert span.answers == (Answer("3", 1.0, "", 2.0),)
    assert [(a.text, a.fraction, a.feedback) for a in cold.answers] == [
        ("True", 0.0, "It is hot."),
        ("False", 1.0, ""),
    ]


@pytest.mark.parametrize("fmt", ["gift", "moodlexml"])
def test_missing_word_questions_round_trip_with_their_kinds(fmt):
    questions = read_gift(MISSING_WORDS.encode(), "missing.gift")
    again = read_questions(write_questions(questions, fmt), f"again.{fmt}", fmt)
    assert [(q.kind, q.prompt, q.answers, q.pairs) for q in again] == [
        (q.kind, q.prompt, q.answers, q.pairs) for q in questions
    ]


def test_gift_writes_a_blank_with_text_after_it_as_missing_word():
    question = Question("numerical", "Pi is _____ or so.", answers=(Answer("3.14", 1.0, "", 0.01),))
    text = write_questions([question], "gift").decode()
    assert text.startswith("[plain]Pi is {#") and text.rstrip().endswith("} or so.")


def test_single_is_false_without_an_equals_answer_and_weights_parse():
    (question,) = read_gift(b"Pick two {~%50%a ~%50%b ~%-100%c}", "w.gift")
    assert not question.single
    assert [a.fraction for a in question.answers] == [0.5, 0.5, -1.0]


def test_numerical_wrong_answer_feedback_becomes_a_catch_all_answer():
    (question,) = read_gift(b"Year? {#=1822:0#Yes ~#Think earlier}", "n.gift")
    assert question.answers[-1] == Answer("*", 0.0, "Think earlier", None)


def test_unclosed_brace_refuses_the_whole_file_with_file_and_line():
    text = b"Good one {=yes}\n\nSecond\nquestion {~a =b\n\nThird {T}\n\nBad {#abc}\n"
    with pytest.raises(FormatError) as caught:
        read_questions(text, "broken.gift", "gift")
    messages = [str(problem) for problem in caught.value.problems]
    assert messages[0].startswith("broken.gift:4: unmatched brace")
    assert messages[1].startswith("broken.gift:8: numerical answer must be a number")
    assert len(messages) == 2
    assert "broken.gift:4: unmatched brace" in str(caught.value)


def test_a_second_answer_block_and_a_lone_matching_pair_are_refused():
    with pytest.raises(FormatError) as caught:
        read_gift(b"One {=a} two {=b}\n\nMatch {=a -> b}\n", "x.gift")
    assert [(p.line, p.reason[:22]) for p in caught.value.problems] == [
        (1, "more than one answer b"),
        (3, "a matching question ne"),
    ]


@pytest.mark.parametrize(
    "variant",
    [
        lambda t: b"\xef\xbb\xbf" + t,
        lambda t: t.replace(b"\n", b"\r\n"),
        lambda t: t.replace(b"\n", b"\r"),
        lambda t: b"\xef\xbb\xbf" + t.replace(b"\n", b"\r\n"),
    ],
)
def test_bom_crlf_and_cr_variants_parse_the_same(variant):
    plain = SOURCE.encode()
    assert read_gift(variant(plain), "v.gift") == read_gift(plain, "v.gift")


def test_latin1_gift_is_refused_with_the_line_of_the_bad_byte():
    with pytest.raises(FormatError) as caught:
        read_gift("Ok {T}\n\nCaf\u00e9 {T}\n".encode("latin-1"), "latin.gift")
    assert caught.value.problems[0].line == 3
    assert "UTF-8" in caught.value.problems[0].reason


def test_script_and_event_handlers_are_stripped_on_import():
    text = (
        b'[html]<p onclick="steal()">Hi<script>alert(1)</script></p>'
        b'<img src="x.png" onerror="alert(2)"><a href="javascript:alert(3)">x</a>'
        b"{=<b>yes</b><script>bad()</script> ~no}"
    )
    (question,) = read_questions(text, "xss.gift", "gift")
    combined = question.prompt + "".join(a.text for a in question.answers)
    for payload in ("<script", "onclick", "onerror", "javascript:", "alert(1)", "bad()"):
        assert payload not in combined
    assert '<img src="x.png">' in question.prompt and question.answers[0].text == "<b>yes</b>"


def test_writer_refuses_kinds_gift_cannot_hold():
    ordering = Question(kind="ordering", prompt="Order", answers=(Answer("a"), Answer("b")))
    with pytest.raises(FormatError) as caught:
        write_questions([ordering], "gift")
    assert caught.value.problems[0].line == 1
    assert "ordering" in caught.value.problems[0].reason
