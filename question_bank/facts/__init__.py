"""Article -> typed facts, each with its evidence sentence and character offsets.

Extractors form a registry (``EXTRACTORS``): each takes the parsed ``ArticleContext`` and yields
``model.Fact`` objects. Attributes every extractor may set, read by the item generator:

* ``statement``, ``gap_start``, ``gap_end``: a stand-alone sentence and the answer's range in it
  (cloze and true/false items);
* ``class``: the semantic class of that answer (``country``, ``capital``, ``person:president``,
  ``date:day``, ``number:cardinal`` ...), which distractors must share;
* ``question``/``answer``/``answer_class``, ``question2``/``answer2``/``answer2_class`` and
  ``question3``/``answer3``/``answer3_class``: wh-questions the text answers.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import replace
from datetime import date
from typing import TYPE_CHECKING

from question_bank.facts.agreements import extract_agreements
from question_bank.facts.context import ArticleContext
from question_bank.facts.dates import extract_dates
from question_bank.facts.entities import extract_entities, extract_roles
from question_bank.facts.names import repair_names
from question_bank.facts.numbers import extract_counts, extract_numbers
from question_bank.facts.phrases import extract_phrases
from question_bank.facts.quotes import extract_quotes
from question_bank.facts.untagged import repair_untagged
from question_bank.model import ArticleMeta, Fact

if TYPE_CHECKING:
    from spacy.tokens import Doc

#: Extractor name -> function from the parsed article to facts.
EXTRACTORS: dict[str, Callable[[ArticleContext], Iterable[Fact]]] = {
    "entities": extract_entities,
    "roles": extract_roles,
    "dates": extract_dates,
    "numbers": extract_numbers,
    "counts": extract_counts,
    "quotes": extract_quotes,
    "agreements": extract_agreements,
    "phrases": extract_phrases,
}

__all__ = ["EXTRACTORS", "ArticleContext", "extract_facts"]


def extract_facts(doc: Doc, meta: ArticleMeta, published: date | None = None) -> tuple[Fact, ...]:
    """Return every fact found in a parsed article, in text order, with stable ids.

    Person names the entity recogniser cut or missed are repaired in ``doc`` first
    (``facts.names.repair_names``), then other names it missed are added
    (``facts.untagged.repair_untagged``).
    """
    repair_names(doc)
    repair_untagged(doc)
    context = ArticleContext(doc=doc, meta=meta, published=published)
    facts = [fact for extractor in EXTRACTORS.values() for fact in extractor(context)]
    facts.sort(key=lambda f: (f.sentence_start, f.start, f.type, f.text))
    return tuple(replace(fact, id=f"f{number:03d}") for number, fact in enumerate(facts, start=1))
