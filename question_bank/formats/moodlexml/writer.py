"""Write bank questions as Moodle XML that Moodle's importer and ours read back the same.

Fields kept in ``extra`` by the reader (``moodle.<tag>``, ``moodle.xml.<NN>``, embedded files,
category details) are written back. Questions made elsewhere are mapped onto Moodle types:
a GIFT "missing word" question becomes its gap's type with ``_____`` in the text, as Moodle's
GIFT import makes it, and any other cloze question Moodle's embedded answers, one per gap.
"""

from __future__ import annotations

from collections.abc import Sequence
from xml.etree.ElementTree import Element, SubElement, fromstring, indent, tostring

from question_bank.embedded import write_embedded
from question_bank.formats.moodlexml import mapping as names
from question_bank.formats.text import format_number, fraction_to_percent
from question_bank.kinds.cloze import cloze_gaps, gap_numbers
from question_bank.model import Question


def _text_element(parent: Element, tag: str, text: str, fmt: str | None = None) -> Element:
    element = SubElement(parent, tag, {"format": fmt} if fmt else {})
    SubElement(element, "text").text = text
    return element


def _attach_files(element: Element, extra: dict[str, str], place: str) -> None:
    prefix = f"{names.FILE}{place}."
    depth = place.count(".") + 3
    for key in sorted(k for k in extra if k.startswith(prefix) and k.count(".") == depth):
        element.append(fromstring(extra[key]))


def _cloze_embedded(question: Question) -> str:
    """The text with each ``{{n}}`` gap written as a Moodle embedded answer."""
    return write_embedded(question.prompt, cloze_gaps(question), gap_numbers(question.prompt))


def _as_moodle(question: Question) -> tuple[str, str, str]:
    """Return (Moodle type, question text, format attribute) for a question."""
    extra = dict(question.extra)
    text_format = names.PROMPT_TO_FORMAT.get(question.prompt_format, "html")
    gap_kind = extra.get("gap_kind")
    if question.kind == "cloze" and gap_kind in names.KIND_TO_TYPE and not question.gaps:
        return names.KIND_TO_TYPE[gap_kind], question.prompt.replace("{{1}}", "_____"), text_format
    if question.kind == "cloze":
        cloze_format = extra.get(names.QUESTIONTEXT_FORMAT, text_format)
        return "cloze", _cloze_embedded(question), cloze_format
    return names.KIND_TO_TYPE[question.kind], question.prompt, text_format


def _write_answers(
    element: Element, question: Question, qtype: str, text_format: str, extra: dict[str, str]
) -> None:
    for index, answer in enumerate(question.answers):
        answer_format = extra.get(f"moodle.answer.{index:02d}.format", text_format)
        text = answer.text.lower() if qtype == "truefalse" else answer.text
        node = SubElement(
            element,
            "answer",
            {"fraction": fraction_to_percent(answer.fraction), "format": answer_format},
        )
        SubElement(node, "text").text = text
        _attach_files(node, extra, f"answer.{index:02d}")
        if qtype == "numerical":
            SubElement(node, "tolerance").text = format_number(answer.tolerance or 0.0)
        feedback = _text_element(node, "feedback", answer.feedback, text_format)
        _attach_files(feedback, extra, f"feedback.{index:02d}")


def _write_kept(element: Element, extra: dict[str, str]) -> None:
    for key in sorted(extra):
        if key.startswith(names.RAW_XML):
            element.append(fromstring(extra[key]))
        elif key.startswith(names.LEAF) and key.count(".") == 1:
            SubElement(element, key[len(names.LEAF) :]).text = extra[key] or None


def question_element(question: Question) -> Element:
    """Build the ``<question>`` element of one bank question."""
    extra = dict(question.extra)
    qtype, text, text_format = _as_moodle(question)
    element = Element("question", {"type": qtype})
    _text_element(element, "name", question.title or text[:50])
    questiontext = _text_element(element, "questiontext", text, text_format)
    _attach_files(questiontext, extra, "questiontext")
    feedback = _text_element(element, "generalfeedback", question.general_feedback, text_format)
    _attach_files(feedback, extra, "generalfeedback")
    SubElement(element, "defaultgrade").text = format_number(question.default_mark)
    if qtype == "multichoice":
        SubElement(element, "single").text = "true" if question.single else "false"
    if qtype in ("multichoice", "matching", "ordering"):
        SubElement(element, "shuffleanswers").text = "true" if question.shuffle else "false"
    _write_kept(element, extra)
    _write_answers(element, question, qtype, text_format, extra)
    for pair in question.pairs:
        sub = _text_element(element, "subquestion", pair.left, text_format)
        _text_element(sub, "answer", pair.right)
    if question.tags:
        tags = SubElement(element, "tags")
        for tag in question.tags:
            _text_element(tags, "tag", tag)
    return element


def _category_element(question: Question) -> Element:
    element = Element("question", {"type": "category"})
    _text_element(element, "category", question.category)
    kept = dict(question.extra).get(names.CATEGORY_XML, "")
    if kept:
        for child in fromstring(f"<kept>{kept}</kept>"):
            element.append(child)
    return element


def write_moodle_xml(questions: Sequence[Question]) -> bytes:
    """Return the questions as one UTF-8 Moodle XML ``<quiz>`` file."""
    quiz = Element("quiz")
    current: tuple[str, str] | None = None
    for question in questions:
        category = (question.category, dict(question.extra).get(names.CATEGORY_XML, ""))
        if category != current and (question.category or current is not None):
            quiz.append(_category_element(question))
        current = category
        quiz.append(question_element(question))
    indent(quiz)
    return b'<?xml version="1.0" encoding="UTF-8"?>\n' + tostring(quiz, encoding="utf-8") + b"\n"
