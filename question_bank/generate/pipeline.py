"""The whole generator for one article: validate, parse once, extract facts, build items."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date

from question_bank.model import Generation
from question_bank.reading.dates import parse_date_text
from question_bank.reading.metadata import prepare_article
from question_bank.reading.validation import problem_with


def _published(value: str | date | None, error: type[ValueError]) -> date | None:
    if value is None or isinstance(value, date):
        return value
    found = parse_date_text(str(value))
    if found is None:
        raise error(f"cannot read the publication date {value!r}; use YYYY-MM-DD")
    return found.value


def run_generation(
    text: str,
    published: str | date | None,
    kinds: Iterable[str] | None,
    seed: int | None,
    min_score: float,
    error: type[ValueError] = ValueError,
    bank: Mapping[str, Iterable[str]] | None = None,
    pipeline: str | None = None,
) -> Generation:
    """Generate facts and ranked items from one article; raise ``error`` for unusable input."""
    from question_bank.facts import extract_facts
    from question_bank.generate import KINDS, generate_items
    from question_bank.generate.answer_forms import entity_kinds
    from question_bank.nlp import parse

    problem = problem_with(text)
    if problem:
        raise error(problem)
    chosen = list(kinds) if kinds is not None else None
    unknown = [k for k in chosen or () if k not in KINDS]
    if unknown:
        raise error(f"unknown item kind(s): {', '.join(unknown)}; known: {', '.join(KINDS)}")
    prepared = prepare_article(text, _published(published, error))
    doc = parse(prepared.body, pipeline)
    # the recogniser's own labels, before name repairs: distractors share a kind it agrees on
    kinds_of_entities = entity_kinds((ent.text, ent.label_) for ent in doc.ents)
    facts = extract_facts(doc, prepared.meta, prepared.published)
    items = generate_items(
        facts, chosen, seed=seed, min_score=min_score, bank=bank, entity_kinds=kinds_of_entities
    )
    return Generation(article=prepared.meta, facts=facts, items=items)
