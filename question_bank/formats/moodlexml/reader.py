"""Read Moodle XML (``<quiz>`` of ``<question type=...>``) into bank questions.

Category records set the category of the questions after them. Every element of a question that
has no ``Question`` field (penalty, hidden, idnumber, answernumbering, combined feedback,
hints, essay options, ...) is kept in ``extra``: a simple one as ``moodle.<tag>``, any other as
its XML under ``moodle.xml.<NN>``; embedded files (``<file encoding="base64">``) are kept as
their XML under ``moodle.file.<place>.<NN>``; so the writer puts them all back. Cloze
(``multianswer``) text is checked as Moodle checks it, then its embedded answers become the
question's gaps (``question_bank.embedded``) and ``{{1}}``, ``{{2}}`` ... markers in the text.
"""

from __future__ import annotations

from xml.etree.ElementTree import Element

from question_bank.embedded import EmbeddedError, read_embedded
from question_bank.formats.errors import ProblemLog
from question_bank.formats.moodlexml import mapping as names
from question_bank.formats.moodlexml.cloze import cloze_problems
from question_bank.formats.text import make_extra, parse_number, percent_to_fraction
from question_bank.formats.xmltools import LineElement, local_name, parse_xml, serialize
from question_bank.model import Answer, Pair, Question

_TRUE_TEXTS = ("1", "true", "yes")


def _text_of(element: Element | None) -> str:
    if element is None:
        return ""
    text = element.find("text")
    return (text.text or "") if text is not None else ""


def _files(element: Element | None, place: str) -> dict[str, str]:
    files = element.findall("file") if element is not None else []
    return {f"{names.FILE}{place}.{index:02d}": serialize(f) for index, f in enumerate(files)}


def _flag(element: Element | None, default: bool) -> bool:
    if element is None or element.text is None:
        return default
    return element.text.strip().lower() in _TRUE_TEXTS


def _read_answers(
    question: Element, prompt_format_attr: str, log: ProblemLog, extra: dict[str, str]
) -> tuple[Answer, ...]:
    answers = []
    for index, element in enumerate(question.findall("answer")):
        fraction = percent_to_fraction(element.get("fraction", "0"))
        if fraction is None:
            log.add(
                getattr(element, "line", 0),
                f"answer fraction {element.get('fraction')!r} is not a number",
            )
            fraction = 0.0
        answer_format = element.get("format")
        if answer_format and answer_format != prompt_format_attr:
            extra[f"moodle.answer.{index:02d}.format"] = answer_format
        feedback = element.find("feedback")
        extra.update(_files(element, f"answer.{index:02d}"))
        extra.update(_files(feedback, f"feedback.{index:02d}"))
        tolerance = element.find("tolerance")
        answers.append(
            Answer(
                text=_text_of(element),
                fraction=fraction,
                feedback=_text_of(feedback),
                tolerance=parse_number(tolerance.text or "0") if tolerance is not None else None,
            )
        )
    return tuple(answers)


def _truefalse_answers(answers: tuple[Answer, ...]) -> tuple[Answer, ...]:
    labels = {"true": "True", "false": "False"}
    return tuple(
        Answer(labels.get(a.text.strip().lower(), a.text), a.fraction, a.feedback) for a in answers
    )


def _pairs(question: Element) -> tuple[Pair, ...]:
    return tuple(
        Pair(_text_of(sub), _text_of(sub.find("answer"))) for sub in question.findall("subquestion")
    )


def _unmapped(question: Element) -> dict[str, str]:
    """Keep every element the Question has no field for."""
    extra: dict[str, str] = {}
    raw_index = 0
    for child in question:
        tag = local_name(child)
        if tag in names.MAPPED_ELEMENTS or not tag:
            continue
        is_leaf = len(child) == 0 and not child.attrib
        if is_leaf and f"{names.LEAF}{tag}" not in extra:
            extra[f"{names.LEAF}{tag}"] = (child.text or "").strip()
        else:
            extra[f"{names.RAW_XML}{raw_index:02d}"] = serialize(child)
            raw_index += 1
    return extra


def _check_kind(kind: str, question: Question, text: str, line: int, log: ProblemLog) -> None:
    if kind == "cloze":
        for reason in cloze_problems(text):
            log.add(line, f"invalid embedded answers (Cloze) question: {reason}")
    elif kind in ("multichoice", "shortanswer", "numerical", "truefalse") and not question.answers:
        log.add(line, f"a {kind} question needs at least one answer")
    elif kind == "matching" and len(question.pairs) < 2:
        log.add(line, "a matching question needs at least two subquestions")


def read_question(
    element: LineElement, category: str, category_xml: str, log: ProblemLog
) -> Question | None:
    """Turn one ``<question>`` into a Question (None and a logged problem when it is bad)."""
    qtype = element.get("type", "")
    kind = names.TYPE_TO_KIND.get(qtype)
    if kind is None:
        log.add(element.line, f"question type {qtype!r} is not supported")
        return None
    questiontext = element.find("questiontext")
    format_attr = questiontext.get("format", "html") if questiontext is not None else "html"
    extra = _unmapped(element) | _files(questiontext, "questiontext")
    extra |= _files(element.find("generalfeedback"), "generalfeedback")
    if category_xml:
        extra[names.CATEGORY_XML] = category_xml
    prompt_format = names.FORMAT_TO_PROMPT.get(format_attr, "html")
    answers = _read_answers(element, format_attr, log, extra)
    grade = element.find("defaultgrade")
    prompt, gaps = _text_of(questiontext), ()
    if kind == "cloze" and not cloze_problems(prompt):
        try:
            prompt, gaps = read_embedded(prompt)
        except EmbeddedError as error:
            log.add(element.line, f"invalid embedded answers (Cloze) question: {error}")
    question = Question(
        kind=kind,
        prompt=prompt,
        gaps=gaps,
        title=_text_of(element.find("name")),
        prompt_format=prompt_format,
        category=category,
        tags=tuple(_text_of(tag) for tag in element.findall("tags/tag")),
        answers=_truefalse_answers(answers) if kind == "truefalse" else answers,
        pairs=_pairs(element),
        general_feedback=_text_of(element.find("generalfeedback")),
        single=_flag(element.find("single"), True),
        shuffle=_flag(element.find("shuffleanswers"), True),
        default_mark=parse_number(grade.text or "1") or 0.0 if grade is not None else 1.0,
        extra=make_extra(extra),
    )
    _check_kind(kind, question, _text_of(questiontext), element.line, log)
    return question


def _category_record(element: Element) -> tuple[str, str]:
    path = _text_of(element.find("category"))
    rest = "".join(serialize(child) for child in element if local_name(child) != "category")
    return path, rest


def read_moodle_xml(data: bytes, filename: str) -> list[Question]:
    """Parse a Moodle XML file; raise FormatError listing every problem if any question is bad."""
    root = parse_xml(data, filename)
    log = ProblemLog(filename)
    if local_name(root) != "quiz":
        log.add(root.line, f"root element is <{local_name(root)}>, expected <quiz>")
        log.raise_if_any()
    category, category_xml, questions = "", "", []
    for element in root.iter("question"):
        if element.get("type") == "category":
            category, category_xml = _category_record(element)
            continue
        question = read_question(element, category, category_xml, log)
        if question is not None:
            questions.append(question)
    log.raise_if_any()
    return questions
