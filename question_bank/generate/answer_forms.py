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
from question_bank.lexicon import form_of

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
    form = form_of(cleaned)
    if form is not None:
        return form
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
