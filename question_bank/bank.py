"""Turn generated items into bank questions (``model.Question``), one converter per item kind."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from question_bank.model import Answer, Item, Pair, Question

#: Articles shipped with the package, loaded on a first run.
BUNDLED_ARTICLES = Path(__file__).with_name("articles")

#: The gap marker generated cloze items use, and the bank's first-gap placeholder.
CLOZE_GAP = "_____"
BANK_GAP = "{{1}}"


def _choice_answers(item: Item) -> tuple[Answer, ...]:
    return tuple(Answer(text=c, fraction=1.0 if c == item.answer else 0.0) for c in item.choices)


def _typed_answers(item: Item) -> tuple[Answer, ...]:
    variants = [item.answer, *(a for a in item.accepted if a != item.answer)]
    return tuple(Answer(text=v, fraction=1.0) for v in variants)


def _multichoice(item: Item) -> dict:
    return {"answers": _choice_answers(item)}


def _truefalse(item: Item) -> dict:
    return {
        "answers": _choice_answers(item)
        or (
            Answer("True", 1.0 if item.answer == "True" else 0.0),
            Answer("False", 1.0 if item.answer == "False" else 0.0),
        ),
        "shuffle": False,
    }


def _shortanswer(item: Item) -> dict:
    return {"answers": _typed_answers(item)}


def _cloze(item: Item) -> dict:
    return {"prompt": item.prompt.replace(CLOZE_GAP, BANK_GAP, 1), "answers": _typed_answers(item)}


def _numerical(item: Item) -> dict:
    return {"answers": (Answer(text=item.answer, fraction=1.0, tolerance=item.tolerance or 0.0),)}


def _matching(item: Item) -> dict:
    return {"pairs": tuple(Pair(left, right) for left, right in item.pairs)}


def _ordering(item: Item) -> dict:
    return {"answers": tuple(Answer(text=step, fraction=1.0) for step in item.sequence)}


#: Item kind -> function giving the Question fields that depend on the kind.
CONVERTERS: dict[str, Callable[[Item], dict]] = {
    "multichoice": _multichoice,
    "truefalse": _truefalse,
    "shortanswer": _shortanswer,
    "cloze": _cloze,
    "numerical": _numerical,
    "matching": _matching,
    "ordering": _ordering,
}


def item_to_question(item: Item, category: str = "", tags: tuple[str, ...] = ()) -> Question:
    """Return the bank question for a generated item (evidence and explanation kept)."""
    try:
        convert = CONVERTERS[item.kind]
    except KeyError:
        raise ValueError(f"unknown item kind {item.kind!r}") from None
    fields: dict = {
        "kind": item.kind,
        "prompt": item.prompt,
        "title": item.prompt[:60],
        "category": category,
        "tags": tuple(dict.fromkeys((*tags, item.fact_type))),
        "general_feedback": item.explanation,
        "evidence": item.evidence,
        "extra": (("fact_id", item.fact_id), ("fact_type", item.fact_type), ("item_id", item.id)),
    }
    fields.update(convert(item))
    return Question(**fields)
