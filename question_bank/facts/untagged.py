"""Names the entity recogniser missed or ran together, added before facts are read.

Rules, each on proper nouns the recogniser left untagged (or tagged as one run with another):

* **coded names**: capital letters, a hyphen and digits ("STS-135", "F-16") name a mission,
  product or model (PRODUCT), whatever place or person label the recogniser guessed;
* **names with a year**: a capitalised proper noun the recogniser left alone, followed by the
  year that belongs to it ("Expo 2027", "Euro 2020"), names an event (EVENT);
* **organisations by their last word**: two or more capitalised words ending in a word that
  names a body ("Group", "Agency", "Bank" ...) are an organisation ("OSCE Minsk Group"); an
  organisation the recogniser ran on past "for" into such a name is cut there ("the Export-Import
  Bank of the United States for *Telekom Srbija Group*").
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

#: A coded name: capitals, a hyphen and digits ("STS-135").
CODED_NAME = re.compile(r"^[A-Z]{2,}-\d{1,4}[A-Z]?$")
_YEAR = re.compile(r"^(?:19|20)\d{2}$")
#: Last words of organisation names.
BODY_WORDS = frozenset(
    """Group Agency Bank Corporation Company Council Committee Commission Organization Organisation
    Institute Foundation Association Union Party Ministry Fund Forum Alliance Authority""".split()
)
_CODED_IN_TEXT = re.compile(r"(?<![\w-])[A-Z]{2,}-\d")
_YEAR_IN_TEXT = re.compile(r"(?<!\w)(?:19|20)\d{2}(?!\w)")
_BODY_IN_TEXT = re.compile(rf"(?<!\w)(?:{'|'.join(sorted(BODY_WORDS))})(?!\w)")
_MONTHS = frozenset(
    "January February March April May June July August September October November December".split()
)
#: Prepositions at which an organisation run on into another name is cut.
_CUT_AT = frozenset({"for", "to", "with"})


def _capitalised(token: Token) -> bool:
    return token.pos_ == "PROPN" and token.text[:1].isupper() and token.is_alpha


def _tokens_at(doc: Doc, text: str, pattern: re.Pattern[str]) -> list[Token]:
    """The tokens starting where ``pattern`` matches ``text`` (the document's, read once)."""
    starts = [match.start() for match in pattern.finditer(text)]
    if not starts:
        return []
    offsets = doc.to_array("IDX")
    positions = offsets.searchsorted(starts)
    return [
        doc[int(position)]
        for position, start in zip(positions, starts, strict=True)
        if position < len(doc) and offsets[position] == start
    ]


def _coded_names(doc: Doc, text: str) -> list[tuple[int, int, str]]:
    found = _tokens_at(doc, text, _CODED_IN_TEXT)
    return [(t.i, t.i + 1, "PRODUCT") for t in found if CODED_NAME.match(t.text)]


def _names_with_year(doc: Doc, text: str) -> list[tuple[int, int, str]]:
    found = []
    for year in _tokens_at(doc, text, _YEAR_IN_TEXT):
        token = doc[year.i - 1] if year.i > 0 else year
        if (
            token.i < year.i
            and _capitalised(token)
            and not token.ent_type_
            and token.text not in _MONTHS
            and _YEAR.match(year.text)
            and year.head == token
        ):
            found.append((token.i, token.i + 2, "EVENT"))
    return found


def _body_run(doc: Doc, last: int, floor: int) -> tuple[int, int] | None:
    """The capitalised run ending at a body word ``last``, not reaching before ``floor``."""
    start = last
    while start - 1 >= floor and (_capitalised(doc[start - 1]) or doc[start - 1].is_upper):
        start -= 1
        if not doc[start].text.isalpha():
            start += 1
            break
    return (start, last + 1) if last - start >= 1 else None


def _organisations(doc: Doc, text: str) -> list[tuple[int, int, str]]:
    found = []
    candidates = _tokens_at(doc, text, _BODY_IN_TEXT)
    entities = _entities_by_token(doc) if candidates else {}
    for token in candidates:
        if token.text not in BODY_WORDS or token.pos_ != "PROPN":
            continue
        next_token = doc[token.i + 1] if token.i + 1 < len(doc) else None
        if next_token is not None and _capitalised(next_token):
            continue  # the name goes on ("Group Holdings")
        entity = entities.get(token.i)
        floor = token.sent.start
        if entity is not None:
            cut = [t.i for t in entity if t.lower_ in _CUT_AT and t.i < token.i]
            if entity.label_ != "ORG" or not cut:
                continue
            floor = cut[-1] + 1
        run = _body_run(doc, token.i, floor)
        if run is not None:
            found.append((*run, "ORG"))
    return found


def _entities_by_token(doc: Doc) -> dict[int, Span]:
    """Token position -> the entity holding it (``doc.ents`` builds every span anew: read once)."""
    return {index: ent for ent in doc.ents for index in range(ent.start, ent.end)}


def repair_untagged(doc: Doc) -> None:
    """Add the names the rules find (see module docstring) to ``doc.ents``, in place.

    An entity a new name overlaps is cut to the part before it when that part still holds a
    proper noun ("the Export-Import Bank of the United States"), else dropped.
    """
    from spacy.tokens import Span

    text = doc.text  # joined from every token: read once
    names = _coded_names(doc, text) + _names_with_year(doc, text) + _organisations(doc, text)
    if not names:
        return
    entities = list(doc.ents)
    for start, end, label in names:
        kept = []
        for ent in entities:
            if ent.end <= start or ent.start >= end:
                kept.append(ent)
            elif ent.start < start:
                before = _trimmed_before(doc, ent.start, start)
                if before is not None:
                    kept.append(Span(doc, before[0], before[1], label=ent.label_))
        entities = kept + [Span(doc, start, end, label=label)]
    doc.ents = sorted(entities, key=lambda e: e.start)


def _trimmed_before(doc: Doc, start: int, end: int) -> tuple[int, int] | None:
    """The part of an entity before ``end``, without a trailing preposition or punctuation."""
    while end > start and (doc[end - 1].pos_ in ("ADP", "PUNCT", "CCONJ", "DET")):
        end -= 1
    if end > start and any(t.pos_ == "PROPN" for t in doc[start:end]):
        return start, end
    return None
