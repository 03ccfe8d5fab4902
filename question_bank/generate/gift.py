"""A small GIFT writer for generated items (used until ``question_bank.formats`` offers one)."""

from __future__ import annotations

from collections.abc import Iterable

from question_bank.facts.context import GAP
from question_bank.model import Item

_SPECIAL = "~=#{}:"


def escape(text: str) -> str:
    """Escape GIFT's special characters with a backslash."""
    return "".join("\\" + c if c in _SPECIAL else c for c in text)


def _body(item: Item) -> str:
    if item.kind == "multichoice":
        return " ".join(("=" if c == item.answer else "~") + escape(c) for c in item.choices)
    if item.kind == "truefalse":
        return "TRUE" if item.answer == "True" else "FALSE"
    if item.kind == "numerical":
        return f"#{item.answer}:{item.tolerance or 0:g}"
    if item.kind == "matching":
        return " ".join(f"={escape(left)} -> {escape(right)}" for left, right in item.pairs)
    return " ".join("=" + escape(a) for a in (item.accepted or (item.answer,)))


def item_to_gift(item: Item) -> str:
    """Return one item as a GIFT question (ordering items become short answers of the order)."""
    title = f"::{escape(item.id)}::"
    if item.kind == "cloze":
        before, _, after = item.prompt.partition(GAP)
        return f"{title}{escape(before)}{{{_body(item)}}}{escape(after)}"
    prompt = item.prompt
    if item.kind == "ordering":
        prompt += " " + " | ".join(item.choices)
        return f"{title}{escape(prompt)}{{={escape(item.answer)}}}"
    return f"{title}{escape(prompt)}{{{_body(item)}}}"


def items_to_gift(items: Iterable[Item]) -> str:
    """Return items as a GIFT document, one blank line between questions."""
    return "\n\n".join(item_to_gift(item) for item in items)
