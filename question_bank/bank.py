"""Turn generated items into bank questions (``model.Question``) through their kinds."""

from __future__ import annotations

from pathlib import Path

from question_bank.kinds import KINDS
from question_bank.model import Item, Question

#: Articles shipped with the package, loaded on a first run.
BUNDLED_ARTICLES = Path(__file__).with_name("articles")


def item_to_question(item: Item, category: str = "", tags: tuple[str, ...] = ()) -> Question:
    """Return the bank question for a generated item (evidence and explanation kept)."""
    kind = KINDS.get(item.kind)
    if kind is None or not kind.is_generated:
        raise ValueError(f"unknown item kind {item.kind!r}")
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
    fields.update(kind.from_item(item))
    return Question(**fields)
