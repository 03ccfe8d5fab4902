"""Anki package (``.apkg``) export with genanki: one note per question.

Cloze questions become notes of genanki's cloze note type, each gap a deletion in gap order
(``{{c1::answer}}``, ``{{c2::...}}``; a choice gap shows its options as the hint), the general
feedback under "Back Extra". Every other question is a front/back note whose back is what its
kind's card shows (an essay's model answer, or a note that the teacher marks it).

Ids are stable so that importing a re-exported, edited deck updates notes instead of adding
duplicates (Anki matches notes by guid and note types by id):

* a note's guid comes from the first of ``extra['quizapp.id']``, ``extra['anki.guid']``,
  ``extra['gift.idnumber']`` or ``extra['moodle.idnumber']``; failing those from the category
  and title when the question has a title, else the category and prompt;
* identical questions in one export are told apart by their order;
* the note type id is fixed; a deck's id is derived from its name ("Question bank" and one
  subdeck per category, e.g. "Question bank::History::Rome").
"""

from __future__ import annotations

import hashlib
import html
import io
from collections.abc import Sequence

import genanki

from question_bank.formats.base import Format
from question_bank.formats.cards import card_back, card_front
from question_bank.kinds.cloze import CHOICE_GAPS, cloze_gaps, prompt_parts
from question_bank.model import Gap, Question

ROOT_DECK = "Question bank"
STABLE_ID_KEYS = ("quizapp.id", "anki.guid", "gift.idnumber", "moodle.idnumber")
_MARKUP_FORMATS = frozenset({"html", "moodle", "markdown"})


def stable_id(text: str) -> int:
    """Return a positive 31-bit id derived from ``text`` (the same text, the same id)."""
    return int.from_bytes(hashlib.sha256(text.encode("utf-8")).digest()[:4], "big") >> 1 | 1 << 30


NOTE_TYPE = genanki.Model(
    stable_id("quizapp note type: question/answer v1"),
    "Quizapp question",
    fields=[{"name": "Front"}, {"name": "Back"}, {"name": "Feedback"}],
    templates=[
        {
            "name": "Card 1",
            "qfmt": "{{Front}}",
            "afmt": '{{FrontSide}}<hr id="answer">{{Back}}<div class="feedback">{{Feedback}}</div>',
        }
    ],
    css=".card { font-family: sans-serif; font-size: 20px; } .feedback { color: #555; }",
)


def note_guid(question: Question) -> str:
    """Return the note guid of a question; stable across edits of its answers (and prompt,
    when it has a title or an id)."""
    extra = dict(question.extra)
    for key in STABLE_ID_KEYS:
        if extra.get(key):
            return genanki.guid_for(key, extra[key])
    if question.title:
        return genanki.guid_for("title", question.category, question.title)
    return genanki.guid_for("prompt", question.category, question.kind, question.prompt)


def _field(text: str, text_format: str) -> str:
    if text_format in _MARKUP_FORMATS:
        return text.replace("\n", "<br>") if text_format == "moodle" else text
    return html.escape(text).replace("\n", "<br>")


def _deletion_text(text: str) -> str:
    """Text inside a cloze deletion, kept from closing it or splitting off a hint early."""
    return text.replace("}}", "} }").replace("::", ": :")


def _deletion(number: int, gap: Gap, text_format: str) -> str:
    answers = [answer for answer in gap.answers if answer.text.strip() != "*"]
    best = max(answers, key=lambda answer: answer.fraction).text if answers else ""
    if gap.kind == "multiresponse":
        best = ", ".join(answer.text for answer in answers if answer.fraction > 0)
    hint = " / ".join(answer.text for answer in answers) if gap.kind in CHOICE_GAPS else ""
    parts = [f"c{number}", _deletion_text(_field(best, text_format))]
    if hint:
        parts.append(_deletion_text(_field(hint, text_format)))
    return "{{" + "::".join(parts) + "}}"


def cloze_text(question: Question) -> str:
    """The question's text with each gap an Anki cloze deletion (c1, c2 ... in gap order)."""
    fmt, gaps = question.prompt_format, cloze_gaps(question)
    pieces = []
    for text, index in prompt_parts(question.prompt):
        pieces.append(_field(text, fmt))
        if index is not None and index < len(gaps):
            pieces.append(_deletion(index + 1, gaps[index], fmt))
    return "".join(pieces)


def _note(question: Question, guid: str) -> genanki.Note:
    fmt = question.prompt_format
    tags = [tag.replace(" ", "_") for tag in question.tags]
    feedback = _field(question.general_feedback, fmt)
    if question.kind == "cloze" and cloze_gaps(question):
        return genanki.Note(
            model=genanki.CLOZE_MODEL, fields=[cloze_text(question), feedback], guid=guid, tags=tags
        )
    back = card_back(question)
    if back == question.general_feedback:
        feedback = ""
    return genanki.Note(
        model=NOTE_TYPE,
        fields=[_field(card_front(question), fmt), _field(back, fmt), feedback],
        guid=guid,
        tags=tags,
    )


def deck_name(question: Question) -> str:
    """Return the deck a question's note goes to: its category under the root deck."""
    parts = [part for part in question.category.split("/") if part.strip()]
    return "::".join([ROOT_DECK, *parts])


def write_apkg(questions: Sequence[Question]) -> bytes:
    """Return the questions as the bytes of an Anki ``.apkg`` package."""
    decks: dict[str, genanki.Deck] = {}
    seen: dict[str, int] = {}
    for question in questions:
        name = deck_name(question)
        deck = decks.setdefault(name, genanki.Deck(stable_id("deck:" + name), name))
        guid = note_guid(question)
        seen[guid] = seen.get(guid, 0) + 1
        # Identical questions in one export get distinct guids, numbered in order.
        unique = guid if seen[guid] == 1 else genanki.guid_for(guid, seen[guid])
        deck.add_note(_note(question, unique))
    if not decks:
        decks[ROOT_DECK] = genanki.Deck(stable_id("deck:" + ROOT_DECK), ROOT_DECK)
    buffer = io.BytesIO()
    genanki.Package(list(decks.values())).write_to_file(buffer)
    return buffer.getvalue()


FORMAT = Format(
    name="apkg",
    label="Anki package",
    extensions=(".apkg",),
    media_type="application/octet-stream",
    writer=write_apkg,
    binary=True,
)
