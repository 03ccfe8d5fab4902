"""What kind of thing an answer or a distractor is, so that options share one kind.

``answer_form`` reads the text alone: ``date`` (month or weekday names, ISO dates, years,
relative days, "the 62nd minute"), ``duration`` (a count and a unit of time), ``number`` (a
hedge, then a digit, currency sign or number word), else ``name`` (capitalised) or ``phrase``.
``entity_kinds`` maps the article's entity texts to the coarse kind of their most frequent label.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

from question_bank.generate.caches import memoised

_MONTHS = (
    "january|february|march|april|may|june|july|august|september|october|november|december"
    "|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec"
)
_WEEKDAYS = "monday|tuesday|wednesday|thursday|friday|saturday|sunday"
_UNITS = r"(?:second|minute|hour|day|night|week|month|year|decade|century|centurie)s?"
_NUMBER_WORDS = (
    "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen"
    "|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
    "|hundred|hundreds|thousand|thousands|million|millions|billion|billions|dozen|dozens|half"
    "|several|a few|a couple"
)
_HEDGES = (
    r"(?:nearly|about|around|almost|approximately|roughly|some|over|under|up to|more than"
    r"|less than|fewer than|at least|at most|only|just|a|an|the)\s+"
)
_DATE = re.compile(
    rf"\b(?:{_MONTHS})\b\.?|\b(?:{_WEEKDAYS})\b|\b\d{{4}}-\d{{2}}-\d{{2}}\b|\b\d{{1,2}}/\d{{1,2}}/\d{{2,4}}\b"
    r"|^(?:in |the )?(?:1\d{3}|2[01]\d{2})s?$"
    r"|\b(?:yesterday|today|tomorrow|tonight)\b|\b(?:last|next|this|previous) (?:week|month|year)\b"
    rf"|\b\d+(?:st|nd|rd|th) {_UNITS}\b",
    re.IGNORECASE,
)
_DURATION = re.compile(
    rf"\b(?:\d[\d,.]*|{_NUMBER_WORDS})(?:[- ](?:{_NUMBER_WORDS}))*[- ]{_UNITS}\b", re.IGNORECASE
)
_NUMBER = re.compile(rf"^(?:{_HEDGES})*(?:[$€£¥]\s?\d|\d|(?:{_NUMBER_WORDS})\b)", re.IGNORECASE)
_LABEL_KINDS = {
    "PERSON": "person",
    "GPE": "place",
    "LOC": "place",
    "FAC": "place",
    "ORG": "organisation",
    "NORP": "group",
}


@memoised(maxsize=65536)
def answer_form(text: str) -> str:
    """Return date, duration, number, name or phrase for an answer's text (see module rules)."""
    cleaned = text.strip()
    if _DURATION.search(cleaned) and not re.search(r"\d+(?:st|nd|rd|th) ", cleaned):
        return "duration"
    if _DATE.search(cleaned):
        return "date"
    if _NUMBER.search(cleaned):
        return "number"
    long_words = [w for w in re.findall(r"[^\W_]+", cleaned) if len(w) > 3]
    return (
        "name"
        if long_words and all(w[0].isupper() or w[0].isdigit() for w in long_words)
        else "phrase"
    )


def entity_key(text: str) -> str:
    """Return the lookup key of an entity text: casefolded words, no leading article."""
    words = re.findall(r"[^\W_]+", text.casefold().replace("’s", "").replace("'s", ""))
    if words and words[0] in ("the", "a", "an"):
        words = words[1:]
    return " ".join(words)


def entity_kinds(entities: Iterable[tuple[str, str]]) -> dict[str, str]:
    """Map each entity text (by ``entity_key``) to the coarse kind of its most frequent label."""
    votes: dict[str, Counter[str]] = {}
    for text, label in entities:
        kind = _LABEL_KINDS.get(label)
        if kind:
            votes.setdefault(entity_key(text), Counter())[kind] += 1
    return {key: counter.most_common(1)[0][0] for key, counter in votes.items()}


def recognised_kinds(names: Iterable[str]) -> dict[str, str]:
    """Map names standing alone to the kind the entity recogniser gives them ("" for none).

    Used for shipped distractors, which no article labelled: a capital the recogniser reads as a
    person ("Buenos Aires") would not sit well beside a place. One batch through the recogniser.
    """
    from question_bank.nlp import load_pipeline

    nlp = load_pipeline()
    unique = list(dict.fromkeys(names))
    with nlp.select_pipes(enable=[name for name in ("ner",) if name in nlp.pipe_names]):
        docs = list(nlp.pipe(unique, batch_size=256))
    kinds = {}
    for name, doc in zip(unique, docs, strict=True):
        covering = [e for e in doc.ents if 2 * len(e.text) >= len(name)]
        kinds[name] = _LABEL_KINDS.get(covering[0].label_, "") if covering else ""
    return kinds
