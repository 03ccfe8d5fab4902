"""IMS QTI 1.2 and 2.1 against the instructure/qti gem's fixtures, and our 2.1 packages."""

from __future__ import annotations

import io
import zipfile

import pytest

from question_bank.formats import FormatError, read_questions, write_questions
from question_bank.formats.qti import read_qti12, read_qti21
from question_bank.model import Answer, Pair, Question


def test_qti12_canvas_matching(sample):
    """The gem's spec states the two questions, three answers, the distractor and no shuffle."""
    (question,) = read_qti12(sample("qti/qti12-matching.xml"), "matching.xml")
    assert question.kind == "matching" and not question.shuffle
    assert question.pairs == (
        Pair(
            "Light Microscope",
            "Magnify up to about 400 times. Sometimes requires colored staining of cells.",
        ),
        Pair(
            "Electron Microscopes",
            "Uses a beam of electrons. Can provide details of cells' internal structure.",
        ),
        Pair("", "A distractor answer."),
    )
    assert question.prompt.startswith("<div><strong>") and "&lt;" not in question.prompt


def test_qti12_essay_with_escaped_html(sample):
    (question,) = read_qti12(sample("qti/qti12-essay.xml"), "essay.xml")
    assert (question.kind, question.title) == ("essay", "First Essay")
    assert question.prompt_format == "html"
    assert question.prompt == "<div><p>Here is an essay question.</p></div>"


def test_qti12_fib_fixture_is_not_well_formed_and_is_refused(sample):
    with pytest.raises(FormatError) as caught:
        read_questions(sample("qti/qti12-fib.xml"), "fib.xml")
    assert [(p.filename, p.line) for p in caught.value.problems] == [("fib.xml", 45)]


def test_qti12_multiple_choice_with_feedback():
    text = b"""<questestinterop><item ident="q1" title="Capital">
      <presentation><material><mattext>Capital of France?</mattext></material>
        <response_lid ident="r" rcardinality="Single"><render_choice shuffle="Yes">
          <response_label ident="a"><material><mattext>Paris</mattext></material></response_label>
          <response_label ident="b"><material><mattext>Rome</mattext></material></response_label>
        </render_choice></response_lid></presentation>
      <resprocessing><respcondition>
        <conditionvar><varequal respident="r">a</varequal></conditionvar>
        <setvar action="Set">100</setvar><displayfeedback linkrefid="a_fb"/>
      </respcondition></resprocessing>
      <itemfeedback ident="a_fb"><material><mattext>Yes!</mattext></material></itemfeedback>
      <itemfeedback ident="general_fb">
        <material><mattext>Paris since 508</mattext></material></itemfeedback>
    </item></questestinterop>"""
    (question,) = read_qti12(text, "mc.xml")
    assert question.answers == (Answer("Paris", 1.0, "Yes!"), Answer("Rome", 0.0))
    assert question.shuffle and question.general_feedback == "Paris since 508"


def test_qti21_associate_fixture(sample):
    """The gem's spec states the pairs A-P, C-M, D-L and that the choices are shuffled."""
    (question,) = read_qti21(sample("qti/qti21-match.xml"), "match.xml")
    assert (question.kind, question.title) == ("matching", "Shakespearian Rivals")
    assert question.shuffle
    assert question.pairs == (
        Pair("Antonio", "Prospero"),
        Pair("Capulet", "Montague"),
        Pair("Demetrius", "Lysander"),
    )


def test_qti21_text_entry_fixture(sample):
    """Correct response York (1), york mapped to 0.5; the gap sits inside the quotation."""
    (question,) = read_qti21(sample("qti/qti21-text_entry.xml"), "text_entry.xml")
    assert question.kind == "cloze" and dict(question.extra)["gap_kind"] == "shortanswer"
    assert question.answers == (Answer("York", 1.0), Answer("york", 0.5))
    assert "sun of\n          {{1}};" in question.prompt and not question.shuffle


def _bank() -> list[Question]:
    return [
        Question(
            "multichoice",
            "Pick two",
            answers=(Answer("a", 0.5), Answer("b", 0.5), Answer("c", 0.0)),
            single=False,
            title="Two",
        ),
        Question("truefalse", "Sky is blue", answers=(Answer("True", 1.0), Answer("False", 0.0))),
        Question("shortanswer", "Capital of Italy?", answers=(Answer("Rome"), Answer("Roma", 0.5))),
        Question(
            "matching",
            "Match",
            pairs=(Pair("Caesar", "Rome"), Pair("Pericles", "Athens"), Pair("", "Sparta")),
            shuffle=False,
        ),
        Question("ordering", "Order", answers=(Answer("first"), Answer("second"), Answer("third"))),
        Question(
            "cloze",
            "Rome is in {{1}} on the {{2}} river.",
            answers=(Answer("Italy"), Answer("Tiber")),
        ),
        Question("essay", "Discuss"),
        Question("description", "<p>Read <b>this</b></p>", prompt_format="html"),
    ]


def test_qti21_package_written_and_read_back():
    package = write_questions(_bank(), "qti21")
    archive = zipfile.ZipFile(io.BytesIO(package))
    assert archive.namelist()[0] == "imsmanifest.xml" and len(archive.namelist()) == 9
    back = read_questions(package, "bank.zip")
    assert [q.kind for q in back] == [q.kind for q in _bank()]
    assert [(a.text, a.fraction) for a in back[0].answers] == [("a", 0.5), ("b", 0.5), ("c", 0.0)]
    assert not back[0].single and back[0].title == "Two"
    assert back[2].answers == (Answer("Rome", 1.0), Answer("Roma", 0.5))
    assert back[3].pairs == _bank()[3].pairs
    assert [a.text for a in back[4].answers] == ["first", "second", "third"]
    assert back[5].prompt == "<p>Rome is in {{1}} on the {{2}} river.</p>"
    assert [[a.text for a in gap.answers] for gap in back[5].gaps] == [["Italy"], ["Tiber"]]
    assert back[7].prompt == "<div><p>Read <b>this</b></p></div>"


def test_qti21_package_without_manifest_or_with_missing_item_is_refused():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("item.xml", "<assessmentItem/>")
    with pytest.raises(FormatError) as caught:
        read_qti21(buffer.getvalue(), "nomanifest.zip")
    assert "imsmanifest.xml" in caught.value.problems[0].reason
    package = io.BytesIO()
    with zipfile.ZipFile(package, "w") as archive:
        archive.writestr(
            "imsmanifest.xml",
            '<manifest><resources>\n<resource type="imsqti_item_'
            'xmlv2p1" href="items/gone.xml"/></resources></manifest>',
        )
    with pytest.raises(FormatError) as caught:
        read_qti21(package.getvalue(), "pkg.zip")
    assert (caught.value.problems[0].line, "items/gone.xml" in caught.value.problems[0].reason) == (
        2,
        True,
    )
