"""The whole generator for one article: validate, parse once, extract facts, build, check, rank
and publish items."""

from __future__ import annotations

import gc
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import replace
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


def clear_caches() -> None:
    """Empty the memoised data tables (the spaCy pipeline stays loaded)."""
    from question_bank import data
    from question_bank.facts import classes
    from question_bank.generate import distractors, ranker

    for function in (
        data.countries,
        data.cities,
        data.country_index,
        data.capital_index,
        data.city_index,
        classes._demonyms,
        classes.countries_in,
        classes.country_name,
        distractors._qualifiers,
        data.country_by_name,
        ranker.shipped_ranker,
    ):
        function.cache_clear()


def read_article_facts(
    text: str,
    published: str | date | None,
    error: type[ValueError] = ValueError,
    pipeline: str | None = None,
):
    """Validate, prepare and parse an article once; return (metadata, parsed article, facts)."""
    from question_bank.facts import extract_facts, read_article_doc
    from question_bank.nlp import lemma_tables, parse

    problem = problem_with(text)
    if problem:
        raise error(problem)
    prepared = prepare_article(text, _published(published, error))
    doc = parse(prepared.body, pipeline)
    article = read_article_doc(doc, prepared.meta, prepared.published, lemma_tables(pipeline))
    found = extract_facts(article)
    for fact in found:
        fact.extras.setdefault("evidence", article.sentence_text(fact.sentence))
    return prepared.meta, article, found


def run_generation(
    text: str,
    published: str | date | None,
    kinds: Iterable[str] | None,
    seed: int | None,
    min_score: float | None,
    error: type[ValueError] = ValueError,
    bank: Mapping[str, Iterable[str]] | None = None,
    pipeline: str | None = None,
) -> Generation:
    """Generate facts and ranked items from one article; raise ``error`` for unusable input."""
    from question_bank.generate.kinds import KINDS

    chosen = list(kinds) if kinds is not None else list(KINDS)
    unknown = [k for k in chosen if k not in KINDS]
    if unknown:
        raise error(f"unknown item kind(s): {', '.join(unknown)}; known: {', '.join(KINDS)}")
    with collector_paused():
        meta, article, found = read_article_facts(text, published, error, pipeline)
        candidates = scored_candidates(article, found, chosen, seed or 0, bank or {})
        published_items, more = publish(article, candidates, min_score)
        facts = tuple(fact.to_fact(article) for fact in found)
    return Generation(article=meta, facts=facts, items=published_items, more=more)


@contextmanager
def collector_paused() -> Iterator[None]:
    """Hold Python's cycle collector while one article is generated: the run makes hundreds of
    thousands of short-lived objects and hardly a cycle among them, so scanning them again and
    again only costs time (about a twentieth of the work after parsing). Reference counting
    frees them as ever, and the collector runs again afterwards, unless something else had
    paused it before."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def scored_candidates(
    article, found: Sequence, chosen: Sequence[str], seed: int, bank: Mapping[str, Iterable[str]]
) -> list:
    """Every candidate of the chosen kinds that passes the checks, with its features and score,
    best first."""
    from question_bank.generate.checks import rejection
    from question_bank.generate.distractors import DistractorPool
    from question_bank.generate.features import ArticleContext, features
    from question_bank.generate.kinds import KINDS, Env
    from question_bank.generate.ranker import shipped_ranker

    ranker = shipped_ranker()
    env = Env(
        pool=DistractorPool.build(article, found, bank), seed=seed, published=article.published
    )
    context = ArticleContext(article)
    scored = []
    for kind in chosen:
        for candidate in KINDS[kind](found, env):
            if rejection(candidate):
                continue
            candidate.features = features(candidate, context)
            score = round(ranker.probability(candidate.features), 4)
            candidate.item = replace(candidate.item, score=score)
            candidate.worth = score * ranker.usefulness(candidate.features)
            scored.append(candidate)
    scored = drop_ambiguous(scored)
    scored.sort(key=lambda c: (c.fact.loose, -c.worth, c.item.id))
    return scored


def publish(article, candidates: Sequence, min_score: float | None):
    """The published items and the rest, from ranked candidates."""
    from question_bank.generate.publish import select
    from question_bank.generate.ranker import shipped_ranker

    threshold = shipped_ranker().threshold if min_score is None else min_score
    selection = select(candidates, article.word_count, threshold)
    return (
        tuple(c.item for c in selection.published),
        tuple(c.item for c in selection.more),
    )


def drop_ambiguous(candidates: list) -> list:
    """Leave out every candidate whose stem is also another candidate's stem with another
    answer: the stem then has more than one right answer in this article."""
    from question_bank.generate.distractors import normalise

    answers: dict[str, set[str]] = {}
    for candidate in candidates:
        if candidate.item.kind == "truefalse":
            continue
        answers.setdefault(normalise(candidate.item.prompt), set()).add(
            normalise(candidate.item.answer)
        )
    return [
        c
        for c in candidates
        if c.item.kind == "truefalse" or len(answers[normalise(c.item.prompt)]) == 1
    ]
