"""Filters and globals the templates use."""

from __future__ import annotations

from flask import Flask

from question_bank.grading import GAP, response_text


def cloze_parts(prompt: str) -> list[tuple[str, int | None]]:
    """Split a cloze prompt into (text, gap index) pieces; the last piece has no gap."""
    parts: list[tuple[str, int | None]] = []
    position = 0
    for match in GAP.finditer(prompt):
        parts.append((prompt[position : match.start()], int(match.group(1)) - 1))
        position = match.end()
    parts.append((prompt[position:], None))
    return parts


def cloze_blank(prompt: str) -> str:
    """Show cloze gaps as a blank line for reading."""
    return GAP.sub("_____", prompt)


def register_template_helpers(app: Flask) -> None:
    """Make the helpers available to every template."""
    app.add_template_filter(cloze_parts)
    app.add_template_filter(cloze_blank)
    app.add_template_global(response_text)
