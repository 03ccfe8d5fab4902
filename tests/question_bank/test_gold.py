"""The development set's gold lists agree with their articles."""

from __future__ import annotations

from dataclasses import replace

import pytest

from benchmarks.evaluation.gold import (
    COLLECTIONS,
    REPO_ROOT,
    GoldArticle,
    find_date_line,
    load_all_gold,
)
from benchmarks.evaluation.normalise import evidence_overlaps
from benchmarks.evaluation.recall import answers_fact
from question_bank.model import FACT_TYPES, Item

#: Topics the development set must cover (each a word of some gold file's topic).
REQUIRED_TOPICS = ("diplomacy", "politics", "business", "science", "sport", "culture")

if not COLLECTIONS["shared"].is_dir():
    pytest.skip(
        f"the shared development articles are not present at {COLLECTIONS['shared']}",
        allow_module_level=True,
    )

GOLDS = load_all_gold()
DEVELOPMENT = [gold for gold in GOLDS if gold.collection == "shared"]


def _ids(golds: list[GoldArticle]) -> list[str]:
    return [gold.name for gold in golds]


def test_development_set_has_eight_articles_of_varied_topics() -> None:
    assert len(DEVELOPMENT) >= 8
    topics = " ".join(gold.topic for gold in DEVELOPMENT)
    missing = [topic for topic in REQUIRED_TOPICS if topic not in topics]
    assert not missing, f"no gold article about {missing}"


@pytest.mark.parametrize("gold", GOLDS, ids=_ids(GOLDS))
def test_gold_file_names_its_article_source_and_licence(gold: GoldArticle) -> None:
    assert gold.article_path.is_file()
    assert gold.licence.strip()
    sources = COLLECTIONS[gold.collection] / "SOURCES.md"
    if gold.collection == "shared":
        assert sources.is_file() and gold.article in sources.read_text(encoding="utf-8")
    assert gold.article_path.is_relative_to(REPO_ROOT.parent)


@pytest.mark.parametrize("gold", GOLDS, ids=_ids(GOLDS))
def test_publication_date_agrees_with_the_date_line(gold: GoldArticle) -> None:
    date_line = find_date_line(gold.read_text())
    if date_line is None:
        assert gold.published is None
    else:
        assert gold.published == date_line.isoformat()


@pytest.mark.parametrize("gold", GOLDS, ids=_ids(GOLDS))
def test_facts_are_typed_and_grounded_in_the_article(gold: GoldArticle) -> None:
    text = gold.read_text()
    assert 10 <= len(gold.facts) <= 25
    for fact in gold.facts:
        assert fact.type in FACT_TYPES, fact
        assert fact.question.strip().endswith("?"), fact.question
        assert fact.evidence in text, fact.evidence
        assert not fact.context or fact.context in text, fact.context
        assert fact.answer in fact.evidence or fact.answer in fact.context, fact.answer
        assert fact.answer not in fact.aliases


@pytest.mark.parametrize("gold", GOLDS, ids=_ids(GOLDS))
def test_questions_are_not_repeated(gold: GoldArticle) -> None:
    questions = [fact.question.casefold() for fact in gold.facts]
    assert len(questions) == len(set(questions))


def test_development_set_covers_the_fact_types_teachers_ask_about() -> None:
    types = {fact.type for gold in DEVELOPMENT for fact in gold.facts}
    assert {"date", "person", "role", "place", "organisation", "number", "agreement"} <= types
    assert {"event", "quote", "duration"} <= types


@pytest.mark.parametrize("gold", GOLDS, ids=_ids(GOLDS))
def test_an_item_asking_the_gold_question_counts_as_recalling_it(gold: GoldArticle) -> None:
    for fact in gold.facts:
        item = Item(
            id="gold",
            kind="shortanswer",
            prompt=fact.question,
            answer=fact.answer.upper(),
            evidence=fact.evidence,
            fact_type=fact.type,
            score=1.0,
        )
        assert answers_fact(item, fact), fact.question
        elsewhere = next(o for o in gold.facts if not evidence_overlaps(o.evidence, fact.evidence))
        misplaced = replace(item, evidence=elsewhere.evidence)
        assert not answers_fact(misplaced, fact), fact.question
