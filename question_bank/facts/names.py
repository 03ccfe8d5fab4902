"""Repairs of person names the entity recogniser cut or missed, applied before facts are read.

Rules, each on title-cased proper nouns only:

* **after a title**: a title word ("Administrator", "Minister", "Ambassador" ...) or a possessive
  "'s", then a run of capitalised words: when the run ends in two capitalised words (three with
  an initial in the middle) that are neither title vocabulary ("Affairs", "State", "Security" ...)
  nor a country nor abstract nouns ("Nutrition"), do not follow "of", "for", "the" or "and",
  and the next token is not capitalised, those words are a person ("USAID Administrator
  *Samantha Power*", "Ambassador to Armenia *Lynne Tracy*", "New People Party's *Regina Ip*");
* **a first name left out**: a person entity that starts with an initial ("J. Blinken") or is a
  single word takes the capitalised proper noun just before it ("*Antony* J. Blinken",
  "*Junius* Ho").

Entities overlapping a repaired name are dropped; a country they held is kept as a place.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from question_bank.data import country_by_name
from question_bank.facts.people import ROLE_WORDS

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

MAX_RUN = 12
#: Capitalised words that belong to titles and bodies, never to a person's name.
TITLE_VOCABULARY = frozenset(
    """affairs state states security justice defense defence diplomacy education culture science
    technology sports foreign political public national council bank central department ministry
    general homeland development trade commerce energy health finance interior agriculture
    environment office house republic union nations united kingdom administration agency policy
    economic economy international relations cooperation strategic assistant under vice deputy
    senior special chief executive federal army navy force forces command staff affairs
    intelligence treasury labor labour transport transportation industry research court
    parliament assembly committee commission party group corporation company university
    institute association""".split()
)
_CONNECTORS = frozenset({"of", "for", "to", "the", "and", "on"})
#: Endings of abstract common nouns ("Nutrition", "Deficiency", "Management"), never of a name.
_NOUN_SUFFIXES = ("tion", "sion", "ency", "ancy", "ment", "ness", "ity", "ism", "ology", "ics")
#: Words after which capitalised words name the title's object ("Centre for Iodine Nutrition").
_OBJECT_MARKS = frozenset({"of", "for", "the", "and"})


def _title_case(token: Token) -> bool:
    return token.is_title and token.pos_ == "PROPN" and token.is_alpha or _is_initial(token)


def _is_initial(token: Token) -> bool:
    return len(token.text) == 2 and token.text[0].isupper() and token.text[1] == "."


def _name_word(token: Token) -> bool:
    lowered = token.lower_
    return (
        _title_case(token)
        and not lowered.endswith(_NOUN_SUFFIXES)
        and lowered not in TITLE_VOCABULARY
        and lowered not in ROLE_WORDS
        and lowered not in country_by_name()
    )


def _trigger(token: Token) -> bool:
    return token.tag_ == "POS" or token.is_title and token.lower_ in ROLE_WORDS


def _run_end(doc: Doc, start: int) -> int:
    """One past the capitalised run (with small connectors) that starts at ``start``."""
    end = start
    while end < len(doc) and end - start < MAX_RUN:
        token = doc[end]
        if not (
            _title_case(token) or token.is_upper and token.is_alpha or token.lower_ in _CONNECTORS
        ):
            break
        end += 1
    while end > start and doc[end - 1].lower_ in _CONNECTORS:
        end -= 1
    return end


def _name_at_end(doc: Doc, start: int, end: int) -> tuple[int, int] | None:
    """The two or three name words that close a run, or None."""
    for size in (3, 2):
        first = end - size
        if first < start:
            continue
        words = doc[first:end]
        if all(_name_word(t) for t in words) and not _is_initial(words[-1]):
            if size == 3 and not _is_initial(words[1]) or doc[first - 1].lower_ in _OBJECT_MARKS:
                continue
            return first, end
    return None


def _name_at_start(doc: Doc, start: int, end: int) -> tuple[int, int] | None:
    """Two name words right after the title, followed by a connector ("Akiba Takeo of Japan")."""
    if start + 2 < end and doc[start + 2].lower_ in _CONNECTORS:
        if all(_name_word(t) for t in doc[start : start + 2]):
            return start, start + 2
    return None


def _with_hyphenated_end(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Extend a name over a hyphenated last part ("Kwong Chun" + "-yu")."""
    while (
        end + 1 < len(doc)
        and doc[end].text == "-"
        and not doc[end - 1].whitespace_
        and not doc[end].whitespace_
        and doc[end + 1].is_alpha
    ):
        end += 2
    return start, end


def _names_after_titles(doc: Doc) -> list[tuple[int, int]]:
    found = []
    for token in doc:
        if not _trigger(token) or token.i + 1 >= len(doc):
            continue
        end = _run_end(doc, token.i + 1)
        if end == token.i + 1 or end < len(doc) and doc[end].is_title and doc[end].pos_ == "PROPN":
            continue
        name = _name_at_end(doc, token.i + 1, end) or _name_at_start(doc, token.i + 1, end)
        if name is not None:
            found.append(_with_hyphenated_end(doc, *name))
    return found


def _extended_names(doc: Doc) -> list[tuple[int, int]]:
    found = []
    for ent in doc.ents:
        if ent.label_ != "PERSON" or ent.start == 0:
            continue
        before = doc[ent.start - 1]
        if (len(ent) == 1 or _is_initial(ent[0])) and _name_word(before) and not before.ent_type_:
            if before.i > before.sent.start:
                found.append((ent.start - 1, ent.end))
    return found


def repair_names(doc: Doc) -> None:
    """Relabel the person names the rules find (see module docstring), in place."""
    from spacy.tokens import Span

    names = sorted(set(_names_after_titles(doc) + _extended_names(doc)))
    if not names:
        return
    owner: dict[int, Span] = {i: ent for ent in doc.ents for i in range(ent.start, ent.end)}
    for name in names:
        touched = {id(owner[i]): owner[i] for i in range(*name) if i in owner}
        for ent in touched.values():
            for index in range(ent.start, ent.end):
                if owner.get(index) is ent:
                    del owner[index]
            if ent.label_ != "PERSON" or ent.start < name[0]:
                owner.update((c.start, c) for c in _countries_left(doc, ent, name))
        person = Span(doc, name[0], name[1], label="PERSON")
        owner.update((index, person) for index in range(*name))
    entities = list({id(ent): ent for ent in owner.values()}.values())
    doc.ents = sorted(_without_overlaps(entities), key=lambda e: e.start)


def _countries_left(doc: Doc, ent: Span, name: tuple[int, int]) -> list[Span]:
    from spacy.tokens import Span

    return [
        Span(doc, t.i, t.i + 1, label="GPE")
        for t in ent
        if not name[0] <= t.i < name[1] and t.lower_ in country_by_name()
    ]


def _without_overlaps(entities: list[Span]) -> list[Span]:
    taken: set[int] = set()
    kept = []
    for ent in sorted(entities, key=lambda e: (e.label_ != "PERSON", e.start)):
        if not any(i in taken for i in range(ent.start, ent.end)):
            kept.append(ent)
            taken.update(range(ent.start, ent.end))
    return kept
