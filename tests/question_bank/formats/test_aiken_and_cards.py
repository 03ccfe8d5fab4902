"""Aiken, Anki text and Quizlet layouts against files others wrote, and their writers."""

from __future__ import annotations

import pytest

from question_bank.formats import FormatError, read_questions, write_questions
from question_bank.formats.aiken import read_aiken
from question_bank.formats.flashcards import read_anki_text, read_quizlet
from question_bank.model import Answer, Question


def test_qas_editor_aiken_sample(sample):
    """QAS-Editor's test states 5 questions and the second question's stem and options."""
    questions = read_aiken(sample("aiken/qas-editor-aiken_1.txt"), "aiken_1.txt")
    assert len(questions) == 5
    second = questions[1]
    assert second.prompt == (
        "During the month of September 2013, Moodle ran a successful MOOC "
        "for teachers new to Moodle. What was the name of the course?"
    )
    assert [(a.text, a.fraction) for a in second.answers] == [
        ("Teaching with Moodle", 1.0),
        ("Moodle MOOC", 0.0),
        ("Moodle for Teachers", 0.0),
    ]
    assert questions[0].right_answers[0].text == "2.5"
    assert [a.text for a in questions[4].answers] == ["."] * 4


def test_extended_aiken_dialect_is_refused_whole(sample):
    with pytest.raises(FormatError) as caught:
        data = sample("aiken/aiken-to-moodlexml-extended-aiken.txt")
        read_questions(data, "extended.txt", "aiken")
    problems = caught.value.problems
    assert len(problems) >= 5
    assert all(p.filename == "extended.txt" and p.line > 0 for p in problems)


def test_aiken_without_answer_line_reports_its_line_and_imports_nothing():
    text = (
        b"Capital of France?\nA) Paris\nB) Rome\nANSWER: A\n\n"
        b"Largest ocean?\nA. Pacific\nB. Indian\n"
    )
    with pytest.raises(FormatError) as caught:
        read_questions(text, "quiz.txt", "aiken")
    assert [str(p) for p in caught.value.problems] == [
        "quiz.txt:6: question has no 'ANSWER: X' line after its options"
    ]


def test_aiken_answer_letter_must_name_an_option():
    with pytest.raises(FormatError) as caught:
        read_aiken(b"Q?\nA) x\nB) y\nANSWER: D\n", "q.txt")
    assert caught.value.problems[0].line == 4


def test_aiken_writer_round_trip_and_refusal():
    questions = [
        Question("multichoice", "Two plus two?", answers=(Answer("3", 0), Answer("4", 1))),
        Question("truefalse", "Sky is blue", answers=(Answer("True", 1), Answer("False", 0))),
    ]
    text = write_questions(questions, "aiken")
    assert text == (
        b"Two plus two?\nA) 3\nB) 4\nANSWER: B\n\nSky is blue\nA) True\nB) False\nANSWER: A\n"
    )
    assert [q.answers for q in read_aiken(text, "a.txt")] == [q.answers for q in questions]
    with pytest.raises(FormatError):
        write_questions([Question("essay", "Why?")], "aiken")


def test_anki_two_fields_sample_is_refused_with_each_bad_line(sample):
    """Anki's legacy importer logged the same lines (too many, too few fields, empty front)."""
    with pytest.raises(FormatError) as caught:
        read_anki_text(sample("anki/anki-text-2fields.txt"), "text-2fields.txt")
    assert [(p.line, p.reason) for p in caught.value.problems] == [
        (7, "card has 3 fields, expected 2"),
        (8, "card has 1 fields, expected 2"),
        (9, "card has an empty back"),
        (10, "card has an empty front"),
    ]


def test_anki_manual_semicolon_example(sample):
    """AnkiDroid's test states the first note's fields are exactly foo bar / bar baz / baz quux."""
    first, second = read_anki_text(
        sample("anki/ankidroid-text-anki-manual-csv-single-line.txt"), "single-line.txt"
    )
    assert (first.prompt, first.answers[0].text, dict(first.extra)) == (
        "foo bar",
        "bar baz",
        {"anki.field3": "baz quux"},
    )
    assert second.prompt == "apple" and second.answers[0].text == "banana"


def test_qas_editor_times_tables(sample):
    """QAS-Editor's test states 91 cards and that the 11th front is '2 x 1 ='."""
    cards = read_questions(sample("anki/qas-editor-math.txt"), "math.txt")
    assert len(cards) == 91
    assert cards[10].prompt == "2 x 1 =" and cards[10].answers == (Answer("2", 1.0),)
    assert cards[-1].prompt == "Card front \\(\\sqrt{x}\\)"


def test_anki_header_lines_choose_separator_and_html():
    cards = read_anki_text(b"#separator:Pipe\n#html:false\nfront|back\n", "h.txt")
    assert (cards[0].prompt, cards[0].prompt_format) == ("front", "plain")


def test_quizlet_read_write():
    cards = read_quizlet(b"term one\tdefinition one\nterm two\tdefinition two\n", "q.txt")
    assert [(c.prompt, c.answers[0].text) for c in cards] == [
        ("term one", "definition one"),
        ("term two", "definition two"),
    ]
    semicolons = read_quizlet(b"cat,chat;dog,chien", "q.txt")
    pairs = [(c.prompt, c.answers[0].text) for c in semicolons]
    assert pairs == [("cat", "chat"), ("dog", "chien")]
    mc = Question("multichoice", "Pick", answers=(Answer("a", 0), Answer("b", 1)))
    assert write_questions(cards + [mc], "quizlet") == (
        b"term one\tdefinition one\nterm two\tdefinition two\n"
        b"Pick \xe2\x80\xa2 a \xe2\x80\xa2 b\tb\n"
    )
    with pytest.raises(FormatError) as caught:
        read_quizlet(b"good\tone\nno separator here\n", "bad.txt")
    assert caught.value.problems[0].line == 2


ANKI_MANUAL_MULTILINE = b'hello;"this is\na two line answer"\ntwo;this is a one line one\n'


def test_anki_quoted_field_over_two_lines_imports():
    """The Anki manual's example: a quoted field may run over several lines."""
    first, second = read_anki_text(ANKI_MANUAL_MULTILINE, "manual.txt")
    assert (first.prompt, first.answers[0].text) == ("hello", "this is\na two line answer")
    assert (second.prompt, second.answers[0].text) == ("two", "this is a one line one")


def test_anki_quotes_separators_and_line_numbers_of_later_records():
    text = (
        b"#separator:Comma\n#html:false\n#deck:Spanish\n#tags:verbs\n#notetype:Basic\n"
        b'"a, b","say ""hi""\nthen go"\n'
        b"\n"
        b"# a comment line\n"
        b"front only\n"
    )
    with pytest.raises(FormatError) as caught:
        read_anki_text(text, "quoted.txt")
    assert [(p.line, p.reason) for p in caught.value.problems] == [
        (10, "card has 1 fields, expected 2")
    ]
    (card,) = read_anki_text(text.rsplit(b"front only", 1)[0], "quoted.txt")
    assert (card.prompt, card.answers[0].text, card.prompt_format) == (
        "a, b",
        'say "hi"\nthen go',
        "plain",
    )


def test_anki_unclosed_quote_is_reported_at_its_line():
    with pytest.raises(FormatError) as caught:
        read_anki_text(b'one\tuno\ntwo\t"dos\nthree\ttres\n', "open.txt")
    (problem,) = caught.value.problems
    assert problem.line == 2 and "never closed" in problem.reason


def test_anki_text_writer_quotes_what_needs_it_and_reads_back():
    cards = [
        Question("shortanswer", '"Quoted" front', answers=(Answer("tab\there", 1.0),)),
        Question("shortanswer", "plain", answers=(Answer("back", 1.0),)),
    ]
    again = read_anki_text(write_questions(cards, "anki-text"), "again.txt")
    assert [(c.prompt, c.answers[0].text) for c in again] == [
        ('"Quoted" front', "tab here"),
        ("plain", "back"),
    ]


def test_quizlet_reads_quoted_fields():
    cards = read_quizlet(b'"cat, the animal",chat\ndog,"chien\nle chien"\n', "q.txt")
    assert [(c.prompt, c.answers[0].text) for c in cards] == [
        ("cat, the animal", "chat"),
        ("dog", "chien\nle chien"),
    ]


FOUR_BROKEN_AIKEN = b"""Capital of France?
A) Paris
ANSWER: A

B) Blue
C) Red
ANSWER: B

ANSWER: C

Largest ocean?
A) Pacific
B) Indian

Two plus two?
A) 3
B) 4
ANSWER: B
"""


def test_aiken_reports_every_broken_block_with_its_line_and_imports_nothing():
    with pytest.raises(FormatError) as caught:
        read_questions(FOUR_BROKEN_AIKEN, "broken.txt", "aiken")
    assert [(p.line, p.reason) for p in caught.value.problems] == [
        (1, "question has only one option; an Aiken question needs at least two"),
        (5, "option B) has no question text before it"),
        (9, "ANSWER line without a question before it"),
        (11, "question has no 'ANSWER: X' line after its options"),
    ]
    assert str(caught.value).count("broken.txt:") == 4


def test_aiken_question_without_options_or_answer_before_the_next_one():
    text = b"First question?\n\nSecond question?\nA) x\nB) y\nANSWER: B\n"
    with pytest.raises(FormatError) as caught:
        read_aiken(text, "q.txt")
    assert [(p.line, p.reason) for p in caught.value.problems] == [
        (1, "question has no options and no 'ANSWER: X' line")
    ]
    (question,) = read_aiken(text.split(b"\n\n", 1)[1], "q.txt")
    assert question.prompt == "Second question?"
