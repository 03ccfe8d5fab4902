"""Moodle XML: Moodle's own fixtures, a file with every kind, images, encodings and errors."""

from __future__ import annotations

import base64

import pytest

from question_bank.formats import FormatError, read_questions, write_questions
from question_bank.formats.moodlexml import read_moodle_xml
from question_bank.model import Answer, Pair

PIXEL = base64.b64encode(b"\x89PNG\r\n\x1a\nfake image bytes").decode()
EVERY_KIND = f"""<?xml version="1.0" encoding="UTF-8"?>
<quiz>
  <question type="category"><category><text>$course$/Top/History</text></category>
    <info format="html"><text>Dates and people</text></info><idnumber>hist</idnumber></question>
  <question type="truefalse"><name><text>TF</text></name>
    <questiontext format="html">
      <text><![CDATA[<p>The sun is a star <img src="@@PLUGINFILE@@/sun.png"></p>]]></text>
      <file name="sun.png" path="/" encoding="base64">{PIXEL}</file></questiontext>
    <answer fraction="100"><text>true</text><feedback><text>Right</text></feedback></answer>
    <answer fraction="0"><text>false</text><feedback><text>No</text></feedback></answer>
    <tags><tag><text>space</text></tag><tag><text>easy</text></tag></tags>
  </question>
  <question type="category"><category><text>$course$/Top/History/Rome</text></category></question>
  <question type="numerical"><name><text>Year</text></name>
    <questiontext format="moodle_auto_format"><text>Founded?</text></questiontext>
    <answer fraction="100"><text>-753</text><tolerance>1</tolerance>
      <feedback><text/></feedback></answer>
    <answer fraction="50"><text>-750</text><tolerance>10</tolerance>
      <feedback><text>Close</text></feedback></answer>
  </question>
  <question type="matching"><name><text>Match</text></name>
    <questiontext format="plain_text"><text>Match them</text></questiontext>
    <shuffleanswers>0</shuffleanswers>
    <subquestion format="html"><text>Caesar</text><answer><text>Rome</text></answer></subquestion>
    <subquestion format="html"><text>Pericles</text>
      <answer><text>Athens</text></answer></subquestion>
    <subquestion format="html"><text></text><answer><text>Sparta</text></answer></subquestion>
  </question>
  <question type="essay"><name><text>Essay</text></name>
    <questiontext format="markdown"><text>Discuss **Rome**</text></questiontext>
    <responseformat>editor</responseformat><responsefieldlines>15</responsefieldlines>
    <graderinfo format="html"><text>Look for causes</text></graderinfo>
  </question>
  <question type="description"><name><text>Intro</text></name>
    <questiontext format="html"><text>Read this.</text></questiontext></question>
  <question type="cloze"><name><text>Gaps</text></name>
    <questiontext format="html"><text>Rome is in {{1:MULTICHOICE:=Italy~Spain}} and has
      {{1:NUMERICAL:=2800:100}} years</text></questiontext>
  </question>
</quiz>
"""


def test_moodle_multichoice_fixture(sample):
    (question,) = read_moodle_xml(
        sample("moodle-xml/moodle-multichoice-testquestion.moodle.xml"), "testquestion.moodle.xml"
    )
    assert (question.kind, question.title) == ("multichoice", "Multi-choice-001")
    assert not question.single
    assert question.prompt == "Find the capital cities in Europe."
    assert question.category == "$course$/Default for C1"
    assert [(a.text, a.fraction) for a in question.answers] == [
        ("Tokyo", 0.0),
        ("Spain", 0.0),
        ("London", 0.5),
        ("Barcelona", 0.0),
        ("Paris", 0.5),
    ]
    assert question.general_feedback == "Berlin, Paris and London"
    extra = dict(question.extra)
    assert extra["moodle.penalty"] == "0.3333333" and extra["moodle.answernumbering"] == "abc"
    assert "moodle.shownumcorrect" in extra
    kept = [v for k, v in sorted(extra.items()) if k.startswith("moodle.xml.")]
    assert [v.split(">")[0] for v in kept] == [
        '<correctfeedback format="html"',
        '<partiallycorrectfeedback format="html"',
        '<incorrectfeedback format="html"',
        '<hint format="html"',
        '<hint format="html"',
    ]


def test_moodle_shortanswer_fixture(sample):
    (question,) = read_moodle_xml(
        sample("moodle-xml/moodle-shortanswer-testquestion.moodle.xml"), "testquestion.moodle.xml"
    )
    assert question.kind == "shortanswer" and question.title == "shortanswer-001"
    assert [(a.text, a.fraction, a.feedback) for a in question.answers] == [
        ("frog", 1.0, "Frog is a very good answer."),
        ("toad", 0.8, "Toad is an OK good answer."),
        ("*", 0.0, "That is a bad answer."),
    ]
    assert dict(question.extra)["moodle.usecase"] == "0"


def test_broken_cloze_fixture_is_refused_whole_like_moodle(sample):
    """Moodle's own test expects 0 questions and one error per broken question."""
    with pytest.raises(FormatError) as caught:
        read_questions(
            sample("moodle-xml/moodle-broken_cloze_questions.xml"), "broken_cloze_questions.xml"
        )
    problems = caught.value.problems
    assert [p.line for p in problems] == [4, 20, 36, 52, 68]
    reasons = " ".join(p.reason for p in problems)
    for expected in (
        "at least one embedded answer",
        "at least 2 choices",
        "score of 100%",
        "must be a number",
    ):
        assert expected in reasons
    assert all(p.filename == "broken_cloze_questions.xml" for p in problems)


@pytest.mark.parametrize(
    "name",
    [
        "moodle-xml/moodle-multichoice-testquestion.moodle.xml",
        "moodle-xml/moodle-shortanswer-testquestion.moodle.xml",
    ],
)
def test_moodle_fixture_round_trip(sample, name):
    first = read_questions(sample(name), name, "moodlexml")
    assert read_questions(write_questions(first, "moodlexml"), "again.xml", "moodlexml") == first


def test_every_kind_nested_categories_tags_and_images():
    tf, year, match, essay, intro, gaps = read_moodle_xml(EVERY_KIND.encode(), "all.xml")
    assert tf.category == "$course$/Top/History" and year.category == "$course$/Top/History/Rome"
    assert tf.tags == ("space", "easy")
    assert [(a.text, a.fraction, a.feedback) for a in tf.answers] == [
        ("True", 1.0, "Right"),
        ("False", 0.0, "No"),
    ]
    assert base64.b64decode(PIXEL) == base64.b64decode(
        dict(tf.extra)["moodle.file.questiontext.00"].split(">")[1].split("<")[0]
    )
    assert year.prompt_format == "moodle"
    assert year.answers == (Answer("-753", 1.0, "", 1.0), Answer("-750", 0.5, "Close", 10.0))
    assert match.pairs == (Pair("Caesar", "Rome"), Pair("Pericles", "Athens"), Pair("", "Sparta"))
    assert (match.shuffle, match.prompt_format) == (False, "plain")
    assert essay.prompt_format == "markdown"
    assert dict(essay.extra)["moodle.responseformat"] == "editor"
    assert intro.kind == "description"
    assert gaps.kind == "cloze" and gaps.prompt_format == "html"
    assert gaps.prompt == "Rome is in {{1}} and has\n      {{2}} years"
    assert [(g.kind, [a.text for a in g.answers]) for g in gaps.gaps] == [
        ("multichoice", ["Italy", "Spain"]),
        ("numerical", ["2800"]),
    ]


def test_every_kind_round_trip_writes_images_and_categories_back():
    first = read_moodle_xml(EVERY_KIND.encode(), "all.xml")
    written = write_questions(first, "moodlexml")
    assert f'<file name="sun.png" path="/" encoding="base64">{PIXEL}</file>'.encode() in written
    assert b"<text>Dates and people</text>" in written and b"<idnumber>hist</idnumber>" in written
    assert read_moodle_xml(written, "again.xml") == first


def test_latin1_declared_in_the_prolog_is_read():
    text = (
        '<?xml version="1.0" encoding="ISO-8859-1"?>\r\n<quiz><question type="shortanswer">'
        '<name><text>Caf\u00e9</text></name><questiontext format="plain_text"><text>'
        'Cr\u00e8me br\u00fbl\u00e9e?</text></questiontext><answer fraction="100"><text>Oui'
        "</text></answer></question></quiz>"
    )
    (question,) = read_questions(text.encode("latin-1"), "latin.xml")
    assert question.title == "Caf\u00e9" and question.prompt == "Cr\u00e8me br\u00fbl\u00e9e?"


def test_bom_and_crlf_variants_parse_the_same():
    plain = EVERY_KIND.encode()
    variants = [b"\xef\xbb\xbf" + plain, plain.replace(b"\n", b"\r\n"), plain.replace(b"\n", b"\r")]
    expected = read_moodle_xml(plain, "x.xml")
    assert all(read_moodle_xml(v, "x.xml") == expected for v in variants)


def test_bad_xml_reports_file_and_line_and_imports_nothing():
    broken = (
        b'<?xml version="1.0"?>\n<quiz>\n<question type="essay">\n<name><text>x</name>\n</quiz>'
    )
    with pytest.raises(FormatError) as caught:
        read_questions(broken, "bad.xml", "moodlexml")
    (problem,) = caught.value.problems
    assert (problem.filename, problem.line) == ("bad.xml", 4)
    assert str(caught.value).startswith("bad.xml:4: not well-formed XML")


def test_unsupported_type_and_entity_expansion_are_refused():
    with pytest.raises(FormatError) as caught:
        read_moodle_xml(
            b'<quiz>\n<question type="calculated"><name><text>c</text></name></question>\n</quiz>',
            "calc.xml",
        )
    assert caught.value.problems[0].line == 2 and "calculated" in caught.value.problems[0].reason
    bomb = b'<?xml version="1.0"?><!DOCTYPE q [<!ENTITY a "aaaa">]><quiz>&a;</quiz>'
    with pytest.raises(FormatError):
        read_moodle_xml(bomb, "bomb.xml")


def test_onerror_and_script_are_stripped_from_moodle_html():
    text = (
        b'<quiz><question type="essay"><name><text>x</text></name><questiontext format="html">'
        b'<text><![CDATA[<p>Hi</p><img src="a.png" onerror="alert(1)"><script>alert(2)</script>'
        b"]]></text></questiontext></question></quiz>"
    )
    (question,) = read_questions(text, "xss.xml")
    assert question.prompt == '<p>Hi</p><img src="a.png">'
