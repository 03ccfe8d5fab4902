"""Article -> facts, each with its evidence sentence, answer class and the questions it answers.

Extractors form a registry (``EXTRACTORS``); each takes the parsed ``ArticleDoc`` and yields
``Found`` facts. ``extract_facts`` runs them all and numbers the facts in text order.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from datetime import date
from typing import TYPE_CHECKING

from question_bank.facts.document import ArticleDoc
from question_bank.facts.extract import (
    document_facts,
    entity_facts,
    figure_facts,
    list_facts,
    phrase_facts,
    quote_facts,
    quoted_word_facts,
    role_facts,
    unnamed_facts,
    whole_list_facts,
    written_entity_facts,
)
from question_bank.facts.found import Found
from question_bank.model import ArticleMeta

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from question_bank.nlp import LemmaTables

#: Extractor name -> function from the parsed article to facts.
EXTRACTORS: dict[str, Callable[[ArticleDoc], Iterable[Found]]] = {
    "entities": entity_facts,
    "documents": document_facts,
    "roles": role_facts,
    "quotes": quote_facts,
    "lists": list_facts,
    "whole lists": whole_list_facts,
    "phrases": phrase_facts,
    "quoted words": quoted_word_facts,
    "unnamed": unnamed_facts,
    "figures": figure_facts,
    "names as written": written_entity_facts,
}

__all__ = ["EXTRACTORS", "ArticleDoc", "Found", "extract_facts", "read_article_doc"]


def read_article_doc(
    doc: Doc | Sequence[Doc],
    meta: ArticleMeta,
    published: date | None,
    lemma_tables: LemmaTables | None = None,
) -> ArticleDoc:
    """Read a parsed article once for every extractor."""
    return ArticleDoc(doc, meta, published, lemma_tables)


def extract_facts(article: ArticleDoc) -> tuple[Found, ...]:
    """Every fact of the article, in text order, numbered ``f001`` ..."""
    facts = [fact for extractor in EXTRACTORS.values() for fact in extractor(article)]
    facts.sort(key=lambda f: (f.sentence.index, f.span or (0, 0), f.type, f.key))
    return tuple(fact.with_id(number) for number, fact in enumerate(facts, start=1))
