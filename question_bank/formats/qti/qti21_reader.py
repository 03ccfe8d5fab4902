"""IMS QTI 2.1 ``assessmentItem`` files and content packages (``.zip`` with ``imsmanifest.xml``).

Interactions read: ``choiceInteraction`` (single or multiple; two choices "True"/"False" make a
true/false question), ``textEntryInteraction`` (one gap: a cloze question with one ``{{1}}`` gap
whose accepted answers are the correct and mapped values, ``extra['gap_kind']`` being
shortanswer or numerical), ``inlineChoiceInteraction`` (a gap with options); several of these
make a cloze question with one gap each, typed or with options, answers weighted by the
mapping,
``matchInteraction`` and ``associateInteraction`` (pairs; choices in no correct pair are
distractors), ``orderInteraction`` (answers in the correct order), ``extendedTextInteraction``
(essay); an item without interactions is a description. Fractions come from the ``mapping``
when there is one, else from ``correctResponse``.
"""

from __future__ import annotations

import copy
import posixpath
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from xml.etree.ElementTree import Element

from question_bank.formats.archives import open_archive
from question_bank.formats.errors import FormatError, Problem, ProblemLog
from question_bank.formats.qti.common import child, children, descendants, markup
from question_bank.formats.text import make_extra, parse_number
from question_bank.formats.xmltools import LineElement, local_name, parse_xml
from question_bank.model import Answer, Gap, Pair, Question
from question_bank.sanitize import looks_like_markup

INTERACTIONS = (
    "choiceInteraction",
    "textEntryInteraction",
    "inlineChoiceInteraction",
    "matchInteraction",
    "associateInteraction",
    "orderInteraction",
    "extendedTextInteraction",
)


@dataclass
class Declaration:
    """What a ``responseDeclaration`` says: correct values and the mapping of values to scores."""

    cardinality: str = "single"
    base_type: str = "identifier"
    correct: list[str] = field(default_factory=list)
    mapping: dict[str, float] = field(default_factory=dict)


def _declarations(item: Element) -> dict[str, Declaration]:
    found = {}
    for element in children(item, "responseDeclaration"):
        correct = child(element, "correctResponse")
        mapping = child(element, "mapping")
        found[element.get("identifier", "")] = Declaration(
            cardinality=element.get("cardinality", "single"),
            base_type=element.get("baseType", "identifier"),
            correct=[(v.text or "").strip() for v in children(correct, "value")]
            if correct is not None
            else [],
            mapping={
                e.get("mapKey", ""): parse_number(e.get("mappedValue", "0")) or 0.0
                for e in children(mapping, "mapEntry")
            }
            if mapping is not None
            else {},
        )
    return found


def _fractions(keys: list[str], declaration: Declaration) -> dict[str, float]:
    """Fraction of the mark of each key: mapped score over the best total, else correct shares."""
    if declaration.mapping:
        positive = [v for v in declaration.mapping.values() if v > 0]
        total = sum(positive) if declaration.cardinality != "single" else max(positive, default=1)
        return {k: round(declaration.mapping.get(k, 0.0) / (total or 1), 9) for k in keys}
    share = 1.0 if declaration.cardinality == "single" else 1 / max(len(declaration.correct), 1)
    return {k: share if k in declaration.correct else 0.0 for k in keys}


def _choices(interaction: Element, name: str) -> list[tuple[str, str]]:
    return [(c.get("identifier", ""), markup(c)) for c in descendants(interaction, name)]


def _read_choice(interaction: Element, declaration: Declaration) -> dict:
    choices = _choices(interaction, "simpleChoice")
    fractions = _fractions([key for key, _ in choices], declaration)
    answers = tuple(Answer(text, fractions[key]) for key, text in choices)
    shuffle = interaction.get("shuffle", "false") == "true"
    if sorted(text.lower() for _, text in choices) == ["false", "true"]:
        return {"kind": "truefalse", "answers": answers, "shuffle": shuffle}
    return {
        "kind": "multichoice",
        "answers": answers,
        "shuffle": shuffle,
        "single": declaration.cardinality == "single",
    }


def _pairs_from(correct: list[str], lefts: dict[str, str], rights: dict[str, str]) -> list[Pair]:
    pairs, used = [], set()
    for value in correct:
        source, _, target = value.partition(" ")
        pairs.append(Pair(lefts.get(source, ""), rights.get(target, "")))
        used |= {source, target}
    pairs += [Pair("", text) for key, text in rights.items() if key not in used]
    return pairs


def _read_match(interaction: Element, declaration: Declaration) -> dict:
    sets = list(descendants(interaction, "simpleMatchSet"))
    lefts = dict(_choices(sets[0], "simpleAssociableChoice")) if sets else {}
    rights = dict(_choices(sets[1], "simpleAssociableChoice")) if len(sets) > 1 else {}
    pairs = _pairs_from(declaration.correct, lefts, rights)
    return {
        "kind": "matching",
        "pairs": tuple(pairs),
        "shuffle": interaction.get("shuffle", "false") == "true",
    }


def _read_associate(interaction: Element, declaration: Declaration) -> dict:
    choices = dict(_choices(interaction, "simpleAssociableChoice"))
    sources = {v.partition(" ")[0] for v in declaration.correct}
    lefts = {k: t for k, t in choices.items() if k in sources}
    rights = {k: t for k, t in choices.items() if k not in sources}
    pairs = _pairs_from(declaration.correct, lefts, rights)
    return {
        "kind": "matching",
        "pairs": tuple(pairs),
        "shuffle": interaction.get("shuffle", "false") == "true",
    }


def _read_order(interaction: Element, declaration: Declaration) -> dict:
    texts = dict(_choices(interaction, "simpleChoice"))
    order = declaration.correct or list(texts)
    return {
        "kind": "ordering",
        "answers": tuple(Answer(texts.get(k, k)) for k in order),
        "shuffle": interaction.get("shuffle", "false") == "true",
    }


def _read_essay(interaction: Element, declaration: Declaration) -> dict:
    return {"kind": "essay"}


def _read_text_entry(interaction: Element, declaration: Declaration) -> dict:
    values = list(dict.fromkeys(declaration.correct + list(declaration.mapping)))
    fractions = _fractions(values, declaration)
    if not declaration.mapping:
        fractions = {v: 1.0 for v in values}
    numeric = declaration.base_type in ("float", "integer")
    answers = tuple(Answer(v, fractions[v], "", 0.0 if numeric else None) for v in values)
    gap_kind = "numerical" if numeric else "shortanswer"
    return {
        "kind": "cloze",
        "answers": answers,
        "shuffle": False,
        "extra": make_extra({"gap_kind": gap_kind}),
    }


#: Interaction element name -> reader of its answers.
INTERACTION_READERS: dict[str, Callable[[Element, Declaration], dict]] = {
    "choiceInteraction": _read_choice,
    "matchInteraction": _read_match,
    "associateInteraction": _read_associate,
    "orderInteraction": _read_order,
    "extendedTextInteraction": _read_essay,
    "textEntryInteraction": _read_text_entry,
}


#: Interactions that sit inside the text as a gap.
INLINE = frozenset({"textEntryInteraction", "inlineChoiceInteraction"})


def _gap(interaction: Element, declaration: Declaration) -> Gap:
    """One gap of a cloze question: typed (text entry) or an option to choose (inline choice)."""
    if local_name(interaction) == "inlineChoiceInteraction":
        choices = _choices(interaction, "inlineChoice")
        fractions = _fractions([key for key, _ in choices], declaration)
        return Gap(
            "multichoice",
            tuple(Answer(text, fractions[key]) for key, text in choices),
            shuffle=interaction.get("shuffle", "false") == "true",
        )
    fields = _read_text_entry(interaction, declaration)
    return Gap(dict(fields["extra"])["gap_kind"], fields["answers"])


def _prompt(body: Element | None) -> str:
    """Body markup with inline gaps as ``{{n}}`` and block interactions replaced by their prompt."""
    if body is None:
        return ""
    body = copy.deepcopy(body)
    gap = 0
    for parent in list(body.iter()):
        for index, element in enumerate(list(parent)):
            name = local_name(element)
            if name in INLINE:
                gap += 1
                marker = Element("span")
                marker.text, marker.tail = f"{{{{{gap}}}}}", element.tail
                marker.set("data-gap", "")
                parent[index] = marker
            elif name in INTERACTIONS:
                prompt = child(element, "prompt")
                replacement = Element("p")
                replacement.text = None
                if prompt is not None:
                    replacement.extend(list(prompt))
                    replacement.text = prompt.text
                replacement.tail = element.tail
                parent[index] = replacement
    text = markup(body)
    text = text.replace('<span data-gap="">', "").replace("}}</span>", "}}")
    return text.replace("<p />", "").strip()


_TRAILING_GAP = re.compile(r"\s*(<p>\s*)?\{\{1\}\}(\s*</p>)?\s*$")


def _gap_at_end(prompt: str) -> bool:
    """True when the only gap ends the text: a plain short-answer (or numerical) item."""
    return bool(_TRAILING_GAP.search(prompt))


def _without_trailing_gap(prompt: str) -> str:
    return _TRAILING_GAP.sub("", prompt)


def read_item(item: LineElement, log: ProblemLog) -> Question | None:
    """Turn one ``assessmentItem`` into a Question (None and a logged problem if unsupported)."""
    body = child(item, "itemBody")
    nodes = body.iter() if body is not None else iter(())
    interactions = [e for e in nodes if local_name(e) in INTERACTIONS]
    kinds = {local_name(e) for e in interactions}
    declarations = _declarations(item)
    if len(interactions) > 1 and not kinds <= INLINE:
        log.add(
            item.line,
            f"items with several interactions ({', '.join(sorted(kinds))}) are not supported",
        )
        return None
    prompt = _prompt(body)
    fields: dict = {"kind": "description"}
    if len(interactions) == 1 and kinds != {"inlineChoiceInteraction"}:
        interaction = interactions[0]
        declaration = declarations.get(interaction.get("responseIdentifier", ""), Declaration())
        fields = INTERACTION_READERS[local_name(interaction)](interaction, declaration)
    elif interactions:
        fields = {
            "kind": "cloze",
            "gaps": tuple(
                _gap(e, declarations.get(e.get("responseIdentifier", ""), Declaration()))
                for e in interactions
            ),
        }
    extra = dict(fields.pop("extra", ())) | {"qti.identifier": item.get("identifier", "")}
    if fields["kind"] == "cloze" and "gap_kind" in extra and _gap_at_end(prompt):
        fields["kind"] = extra.pop("gap_kind")
        prompt = _without_trailing_gap(prompt)
    return Question(
        prompt=prompt,
        prompt_format="html" if looks_like_markup(prompt) else "plain",
        title=item.get("title", ""),
        extra=make_extra(extra),
        **fields,
    )


def _read_item_file(data: bytes, filename: str, log: ProblemLog) -> list[Question]:
    root = parse_xml(data, filename)
    if local_name(root) != "assessmentItem":
        log.add(root.line, f"root element is <{local_name(root)}>, expected <assessmentItem>")
        return []
    question = read_item(root, log)
    return [question] if question is not None else []


def _read_package(data: bytes, filename: str, log: ProblemLog) -> list[Question]:
    archive = open_archive(data, filename)
    with archive:
        if "imsmanifest.xml" not in archive.namelist():
            raise FormatError([Problem(filename, 0, "content package has no imsmanifest.xml")])
        manifest = parse_xml(archive.read("imsmanifest.xml"), f"{filename}/imsmanifest.xml")
        questions = []
        for resource in descendants(manifest, "resource"):
            if not resource.get("type", "").startswith("imsqti_item"):
                continue
            href = posixpath.normpath(resource.get("href", ""))
            if href not in archive.namelist():
                log.add(
                    getattr(resource, "line", 0),
                    f"imsmanifest.xml names {href!r}, which is not in the package",
                )
                continue
            questions += _read_item_file(archive.read(href), f"{filename}/{href}", log)
    return questions


def read_qti21(data: bytes, filename: str) -> list[Question]:
    """Parse a QTI 2.1 item or content package; refuse it if any item cannot be read."""
    log = ProblemLog(filename)
    if data.startswith(b"PK"):
        questions = _read_package(data, filename, log)
    else:
        questions = _read_item_file(data, filename, log)
    log.raise_if_any()
    return questions
