"""Features of a candidate item for the acceptability ranker: the item, its fact, where the fact
stands in the article, and the transformations that made the stem.

``features(candidate, context)`` returns a name -> number mapping; names missing from a
candidate count as 0. ``FEATURE_NAMES`` lists every name the ranker knows, in a fixed order.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import cached_property

from question_bank.facts.document import ArticleDoc
from question_bank.generate.distractors import normalise, normalised_words
from question_bank.generate.kinds import KINDS, Candidate

FORMS = ("gap", "subject", "object", "adjunct", "role", "post", "speaker", "true", "false", "group")
CLASS_GROUPS = (
    "person",
    "country",
    "city",
    "place",
    "organisation",
    "title",
    "document",
    "event",
    "date",
    "weekday",
    "duration",
    "number",
    "term",
    "phrase",
)
SOURCES = ("article", "bank", "list", "made")
CHANGES = ("connective", "trimmed-tail", "trimmed-head", "pronoun", "as written")
_STOP = frozenset("the a an of and for to in on at by with from as is was were be has have".split())

FEATURE_NAMES: tuple[str, ...] = (
    *(f"kind={k}&class={c}" for k in KINDS for c in CLASS_GROUPS),
    *(f"kind={k}&form={f}" for k in KINDS for f in FORMS),
    *(f"kind={k}" for k in KINDS),
    *(f"form={f}" for f in FORMS),
    *(f"class={c}" for c in CLASS_GROUPS),
    *(f"source={s}" for s in SOURCES),
    *(f"change={c}" for c in CHANGES),
    "relative_time",
    "position",
    "lead",
    "first_paragraph",
    "paragraph_start",
    "headline_overlap",
    "answer_in_headline",
    "answer_mentions",
    "sentence_mentions",
    "sentence_has_quote",
    "prompt_words",
    "answer_words",
    "answer_has_digit",
    "specific_title",
    "group_size",
    "first_person",
    "statement_words",
    "in_list",
    "odd_marks",
    "answer_is_subject",
    "options_mentioned",
)


@dataclass
class ArticleContext:
    """What the features need to know about the whole article, read once."""

    article: ArticleDoc

    @cached_property
    def headline(self) -> set[str]:
        """Content words of the headline (or of the first sentence when there is none)."""
        title = self.article.meta.title
        if not title and self.article.sentences:
            title = self.article.sentence_text(self.article.sentences[0])
        return {w for w in normalise(title).split() if w not in _STOP}

    @cached_property
    def body(self) -> str:
        """The article text, normalised."""
        return f" {normalise(self.article.text)} "

    def headline_overlap(self, evidence: str) -> float:
        """The share of the headline's content words that the evidence sentence holds (worked
        out once per sentence: its facts share it)."""
        cache = self.__dict__.setdefault("_overlaps", {})
        if evidence not in cache:
            words = {w for w in normalised_words(evidence) if w not in _STOP}
            cache[evidence] = len(words & self.headline) / max(len(self.headline), 1)
        return cache[evidence]

    def mentions_of(self, answer: str) -> float:
        """log(1 + how often the article names the answer), counted once per answer."""
        cache = self.__dict__.setdefault("_mentions", {})
        if answer not in cache:
            cache[answer] = math.log1p(len(self.article.name_offsets(answer)))
        return cache[answer]

    def names(self, text: str) -> bool:
        """Whether the article's text holds ``text`` anywhere (looked up once per text: many
        items share their options)."""
        cache = self.__dict__.setdefault("_written", {})
        if text not in cache:
            cache[text] = text in self.article.text
        return cache[text]

    def has_quote(self, sentence) -> bool:
        """Whether a quotation opens inside the sentence."""
        starts = self.__dict__.setdefault("_quote_sentences", None)
        if starts is None:
            starts = {self.article.sentence_at_char(s) for s, _ in self.article.quoted}
            self.__dict__["_quote_sentences"] = starts
        return sentence.index in starts

    def main_subject(self, answer: str) -> bool:
        """The answer is in the headline or named three times or more."""
        words = set(normalise(answer).split()) - _STOP
        return bool(words) and (
            words <= self.headline or len(self.article.name_offsets(answer)) >= 3
        )

    @cached_property
    def first_paragraph(self) -> int:
        """The paragraph number of the first sentence."""
        return self.article.sentences[0].paragraph if self.article.sentences else 0


_FIRST_PERSON = frozenset({"we", "our", "us", "ours", "i", "my", "me"})


_QUOTED = re.compile(r"[\"“][^\"“”]*[\"”]")


def _first_person(prompt: str) -> bool:
    """First-person words outside quotation marks ("our armed forces")."""
    outside = _QUOTED.sub(" ", prompt) if '"' in prompt or "“" in prompt else prompt
    return not _FIRST_PERSON.isdisjoint(normalised_words(outside))


_LISTED_GAP = re.compile(r"\w, _____,|, _____,? (?:and|or) |\w, \w+,? (?:and|or) _____")


def _in_list(prompt: str) -> bool:
    """The gap is one of three or more things listed ("X, _____, and Y")."""
    return (  # every way of listing it writes one of these around the gap: look for them first
        (", _____" in prompt or "and _____" in prompt or "or _____" in prompt)
        and _LISTED_GAP.search(prompt) is not None
    )


def _options_mentioned(candidate: Candidate, context: ArticleContext) -> float:
    """How many of the wrong options the article itself names (0 to 3)."""
    return float(sum(1 for o in candidate.options if context.names(o.text)))


def class_group(cls: str) -> str:
    """The coarse class of an answer class."""
    if cls == "date:weekday":
        return "weekday"
    if cls.startswith("date:"):
        return "date"
    if cls.startswith("number:"):
        return "number"
    if cls.startswith("place:"):
        return "place"
    return cls


def _fact_features(fact, context: ArticleContext) -> dict[str, float]:
    """The features every item of one fact shares (worked out once per fact)."""
    cached = fact.extras.get("features")
    if cached is not None:
        return cached
    article = context.article
    sentence = fact.sentence
    count = max(len(article.sentences) - 1, 1)
    values: dict[str, float] = {}
    if fact.statement is not None:
        for change in fact.statement.changes:
            values[f"change={change}"] = 1.0
        values["relative_time"] = float(fact.statement.relative_time)
    values.update(
        {
            "position": sentence.index / count,
            "lead": float(sentence.index < 2),
            "first_paragraph": float(sentence.paragraph == context.first_paragraph),
            "paragraph_start": float(
                sentence.index == 0
                or article.sentences[sentence.index - 1].paragraph != sentence.paragraph
            ),
            "headline_overlap": context.headline_overlap(fact.extras.get("evidence", "")),
            "answer_mentions": context.mentions_of(fact.key),
            "sentence_mentions": float(len(article.mentions_by_sentence.get(sentence.index, ()))),
            "sentence_has_quote": float(context.has_quote(sentence)),
            "specific_title": float(fact.detail("specific") == "1"),
            "answer_is_subject": float(context.main_subject(fact.key)),
            "statement_words": (fact.statement.words / 10.0 if fact.statement is not None else 0.0),
        }
    )
    fact.extras["features"] = values
    return values


def features(candidate: Candidate, context: ArticleContext) -> dict[str, float]:
    """The ranker's features of one candidate."""
    item, fact = candidate.item, candidate.fact
    answer_class = fact.cls
    if candidate.form == "role":
        answer_class = "person"
    elif candidate.form == "post":
        answer_class = "title"
    group = class_group(answer_class)
    values: dict[str, float] = {
        f"kind={item.kind}": 1.0,
        f"form={candidate.form}": 1.0,
        f"class={group}": 1.0,
        f"kind={item.kind}&class={group}": 1.0,
        f"kind={item.kind}&form={candidate.form}": 1.0,
    }
    for option in candidate.options:
        values[f"source={option.source}"] = values.get(f"source={option.source}", 0.0) + 1.0
    values.update(_fact_features(fact, context))
    answer_words = normalise(item.answer if item.kind not in ("truefalse",) else fact.key).split()
    values.update(
        {
            "answer_in_headline": float(
                bool(answer_words) and set(answer_words) <= context.headline
            ),
            "prompt_words": len(item.prompt.split()) / 10.0,
            "answer_words": float(len(answer_words)),
            "answer_has_digit": float(any(ch.isdigit() for ch in item.answer)),
            "group_size": float(len(candidate.facts)),
            "first_person": float(_first_person(item.prompt)),
            "in_list": float(fact.detail("list") == "1" or _in_list(item.prompt)),
            "odd_marks": float(any(mark in item.prompt for mark in ("[", "...", "…", ";", ":"))),
            "options_mentioned": _options_mentioned(candidate, context),
        }
    )
    return values
