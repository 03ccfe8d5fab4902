"""Write bank questions as a QTI 2.1 content package: ``imsmanifest.xml`` plus one item each.

Multiple choice and true/false become ``choiceInteraction``, short answer and numerical a
``textEntryInteraction`` (all accepted answers in the ``mapping``), cloze questions one
``textEntryInteraction`` per typed ``{{n}}`` gap and an ``inlineChoiceInteraction`` per gap
with options (gaps where several options are ticked have no QTI form), matching a
``matchInteraction`` (distractors are extra targets), ordering an ``orderInteraction``,
essays an ``extendedTextInteraction`` and descriptions a body without interactions. Items
are scored with the standard ``map_response`` template. Numerical tolerances, categories and
tags have no place in a plain QTI item and are not written.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Callable, Sequence
from dataclasses import replace
from xml.etree.ElementTree import Element, ParseError, SubElement, fromstring, indent, tostring

from question_bank.formats.errors import FormatError, Problem
from question_bank.formats.text import format_number
from question_bank.formats.xmltools import MAX_DEPTH, depth
from question_bank.kinds.cloze import cloze_gaps, gap_numbers
from question_bank.model import Gap, Question

QTI = "http://www.imsglobal.org/xsd/imsqti_v2p1"
CP = "http://www.imsglobal.org/xsd/imscp_v1p1"
MAP_RESPONSE = "http://www.imsglobal.org/question/qti_v2p1/rptemplates/map_response"
_GAP = re.compile(r"\{\{([0-9]{1,6})\}\}")
_FIXED_TIME = (2020, 1, 1, 0, 0, 0)


def _q(tag: str) -> str:
    """Tags are written unqualified; the root element declares the QTI default namespace."""
    return tag


def _flow(parent: Element, text: str, fmt: str) -> None:
    """Append a question text to ``parent``: parsed as XHTML when it is markup (and not nested
    deeper than ``MAX_DEPTH``), else a <p> of its text."""
    if fmt in ("html", "markdown", "moodle") and "<" in text:
        try:
            holder = fromstring(f"<div>{text}</div>")
        except (ParseError, RecursionError):
            holder = None
        if holder is not None and depth(holder) <= MAX_DEPTH:
            parent.append(holder)
            return
    SubElement(parent, _q("p")).text = text


def _declare(
    item: Element,
    identifier: str,
    cardinality: str,
    base_type: str,
    correct: list[str],
    mapping: dict[str, float],
) -> None:
    declaration = SubElement(
        item,
        _q("responseDeclaration"),
        {"identifier": identifier, "cardinality": cardinality, "baseType": base_type},
    )
    if correct:
        correct_element = SubElement(declaration, _q("correctResponse"))
        for value in correct:
            SubElement(correct_element, _q("value")).text = value
    if mapping:
        mapping_element = SubElement(declaration, _q("mapping"), {"defaultValue": "0"})
        for key, value in mapping.items():
            SubElement(
                mapping_element,
                _q("mapEntry"),
                {"mapKey": key, "mappedValue": format_number(value)},
            )


def _choice(item: Element, body: Element, question: Question) -> None:
    ids = [f"choice{n}" for n in range(1, len(question.answers) + 1)]
    single = question.single or question.kind == "truefalse"
    _declare(
        item,
        "RESPONSE",
        "single" if single else "multiple",
        "identifier",
        [i for i, a in zip(ids, question.answers, strict=True) if a.fraction > 0],
        {i: a.fraction for i, a in zip(ids, question.answers, strict=True) if a.fraction},
    )
    interaction = SubElement(
        body,
        _q("choiceInteraction"),
        {
            "responseIdentifier": "RESPONSE",
            "shuffle": str(question.shuffle).lower(),
            "maxChoices": "1" if single else "0",
        },
    )
    for identifier, answer in zip(ids, question.answers, strict=True):
        SubElement(interaction, _q("simpleChoice"), {"identifier": identifier}).text = answer.text


def _text_entry(item: Element, body: Element, question: Question) -> None:
    base = "float" if question.kind == "numerical" else "string"
    right = [a.text for a in question.answers if a.fraction > 0 and a.text != "*"]
    _declare(
        item,
        "RESPONSE",
        "single",
        base,
        right[:1],
        {a.text: a.fraction for a in question.answers if a.text != "*"},
    )
    paragraph = SubElement(body, _q("p"))
    SubElement(paragraph, _q("textEntryInteraction"), {"responseIdentifier": "RESPONSE"})


def _declare_gap(item: Element, identifier: str, gap: Gap) -> None:
    if gap.kind == "multiresponse":
        raise ValueError("a gap with several options to tick has no QTI 2.1 form")
    answers = [a for a in gap.answers if a.text != "*"]
    if gap.kind == "multichoice":
        ids = {a.text: f"{identifier}_{n}" for n, a in enumerate(answers, start=1)}
        correct = [ids[a.text] for a in answers if a.fraction > 0][:1]
        mapping = {ids[a.text]: a.fraction for a in answers if a.fraction}
        _declare(item, identifier, "single", "identifier", correct, mapping)
        return
    base = "float" if gap.kind == "numerical" else "string"
    correct = [a.text for a in answers if a.fraction > 0][:1]
    _declare(item, identifier, "single", base, correct, {a.text: a.fraction for a in answers})


def _gap_interaction(parent: Element, identifier: str, gap: Gap) -> Element:
    if gap.kind != "multichoice":
        return SubElement(parent, _q("textEntryInteraction"), {"responseIdentifier": identifier})
    interaction = SubElement(
        parent,
        _q("inlineChoiceInteraction"),
        {"responseIdentifier": identifier, "shuffle": str(gap.shuffle).lower()},
    )
    answers = [a for a in gap.answers if a.text != "*"]
    for n, answer in enumerate(answers, start=1):
        SubElement(
            interaction, _q("inlineChoice"), {"identifier": f"{identifier}_{n}"}
        ).text = answer.text
    return interaction


def _cloze(item: Element, body: Element, question: Question) -> None:
    numbers = gap_numbers(question.prompt)
    if not numbers:
        raise ValueError("a gap-fill question needs at least one gap for QTI 2.1")
    gaps = dict(zip(numbers, cloze_gaps(question), strict=True))
    for number, gap in gaps.items():
        _declare_gap(item, f"RESPONSE{number}", gap)
    paragraph = SubElement(body, _q("p"))
    pieces = _GAP.split(question.prompt)
    paragraph.text = pieces[0]
    for number, text in zip(pieces[1::2], pieces[2::2], strict=True):
        interaction = _gap_interaction(paragraph, f"RESPONSE{int(number)}", gaps[int(number)])
        interaction.tail = text


def _match(item: Element, body: Element, question: Question) -> None:
    lefts = [p for p in question.pairs if p.left]
    rights = list(dict.fromkeys(p.right for p in question.pairs))
    right_ids = {text: f"T{n}" for n, text in enumerate(rights, start=1)}
    correct = [f"S{n} {right_ids[p.right]}" for n, p in enumerate(lefts, start=1)]
    _declare(item, "RESPONSE", "multiple", "directedPair", correct, {c: 1.0 for c in correct})
    interaction = SubElement(
        body,
        _q("matchInteraction"),
        {
            "responseIdentifier": "RESPONSE",
            "shuffle": str(question.shuffle).lower(),
            "maxAssociations": str(len(lefts)),
        },
    )
    sources, targets = (SubElement(interaction, _q("simpleMatchSet")) for _ in range(2))
    for n, pair in enumerate(lefts, start=1):
        SubElement(
            sources, _q("simpleAssociableChoice"), {"identifier": f"S{n}", "matchMax": "1"}
        ).text = pair.left
    for text, identifier in right_ids.items():
        SubElement(
            targets,
            _q("simpleAssociableChoice"),
            {"identifier": identifier, "matchMax": str(len(lefts))},
        ).text = text


def _order(item: Element, body: Element, question: Question) -> None:
    ids = [f"step{n}" for n in range(1, len(question.answers) + 1)]
    _declare(item, "RESPONSE", "ordered", "identifier", ids, {})
    interaction = SubElement(
        body, _q("orderInteraction"), {"responseIdentifier": "RESPONSE", "shuffle": "true"}
    )
    for identifier, answer in zip(ids, question.answers, strict=True):
        SubElement(interaction, _q("simpleChoice"), {"identifier": identifier}).text = answer.text


def _essay(item: Element, body: Element, question: Question) -> None:
    _declare(item, "RESPONSE", "single", "string", [], {})
    SubElement(body, _q("extendedTextInteraction"), {"responseIdentifier": "RESPONSE"})


def _nothing(item: Element, body: Element, question: Question) -> None:
    return None


#: Question kind -> writer of its response declaration and interaction.
INTERACTION_WRITERS: dict[str, Callable[[Element, Element, Question], None]] = {
    "multichoice": _choice,
    "truefalse": _choice,
    "shortanswer": _text_entry,
    "numerical": _text_entry,
    "cloze": _cloze,
    "matching": _match,
    "ordering": _order,
    "essay": _essay,
    "description": _nothing,
}


def item_xml(question: Question, identifier: str) -> bytes:
    """Return one question as a QTI 2.1 ``assessmentItem`` document."""
    item = Element(
        _q("assessmentItem"),
        {
            "xmlns": QTI,
            "identifier": identifier,
            "title": question.title or question.prompt[:60],
            "adaptive": "false",
            "timeDependent": "false",
        },
    )
    body = Element(_q("itemBody"))
    gap_kind = dict(question.extra).get("gap_kind", "")
    simple = question.kind == "cloze" and not question.gaps
    if simple and gap_kind in ("multichoice", "truefalse", "matching"):
        prompt = question.prompt.replace("{{1}}", "_____")
        question = replace(question, kind=gap_kind, prompt=prompt)
    if question.kind != "cloze":
        _flow(body, question.prompt, question.prompt_format)
    INTERACTION_WRITERS[question.kind](item, body, question)
    SubElement(
        item,
        _q("outcomeDeclaration"),
        {"identifier": "SCORE", "cardinality": "single", "baseType": "float"},
    )
    item.append(body)
    if question.kind not in ("essay", "description"):
        SubElement(item, _q("responseProcessing"), {"template": MAP_RESPONSE})
    # No indent(): it would add white space inside the question's mixed-content HTML.
    return tostring(item, encoding="utf-8", xml_declaration=True)


def manifest_xml(hrefs: Sequence[str]) -> bytes:
    """Return the ``imsmanifest.xml`` listing the item files."""
    manifest = Element("manifest", {"xmlns": CP, "identifier": "MANIFEST-quizapp"})
    metadata = SubElement(manifest, "metadata")
    SubElement(metadata, "schema").text = "QTIv2.1 Package"
    SubElement(metadata, "schemaversion").text = "1.0.0"
    SubElement(manifest, "organizations")
    resources = SubElement(manifest, "resources")
    for href in hrefs:
        identifier = href.rsplit("/", 1)[-1].removesuffix(".xml")
        resource = SubElement(
            resources,
            "resource",
            {"identifier": identifier, "type": "imsqti_item_xmlv2p1", "href": href},
        )
        SubElement(resource, "file", {"href": href})
    indent(manifest)
    return tostring(manifest, encoding="utf-8", xml_declaration=True)


def write_qti21_package(questions: Sequence[Question]) -> bytes:
    """Return a QTI 2.1 content package (.zip bytes) holding one item per question."""
    files, problems = {}, []
    for index, question in enumerate(questions, start=1):
        href = f"items/item{index:04d}.xml"
        try:
            files[href] = item_xml(question, f"item{index:04d}")
        except ValueError as error:
            name = question.title or question.prompt[:40]
            problems.append(Problem("qti21 export", index, f"question {name!r}: {error}"))
    if problems:
        raise FormatError(problems)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in {"imsmanifest.xml": manifest_xml(list(files)), **files}.items():
            archive.writestr(zipfile.ZipInfo(name, _FIXED_TIME), content)
    return buffer.getvalue()
