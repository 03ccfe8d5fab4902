"""The parsed article shared by every fact extractor, and sentence rendering with resolved pronouns."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from typing import TYPE_CHECKING

from question_bank.facts.compact import compact_clause
from question_bank.facts.people import PRONOUNS, PeopleIndex, build_people
from question_bank.model import ArticleMeta, Fact

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

_QUOTE_PAIRS = re.compile(r"[\"“”]([^\"“”]{1,2000}?)[\"“”]")
GAP = "_____"


@dataclass(frozen=True)
class Rendered:
    """A sentence rewritten to stand alone, with the answer's character range in it."""

    text: str
    start: int = -1
    end: int = -1

    @property
    def answer(self) -> str:
        """The text at the answer range."""
        return self.text[self.start : self.end] if self.start >= 0 else ""


@dataclass
class ArticleContext:
    """One parsed article: spaCy doc, metadata, people and quoted ranges."""

    doc: Doc
    meta: ArticleMeta
    published: date | None
    people: PeopleIndex = field(init=False)

    def __post_init__(self) -> None:
        self.people = build_people(self.doc)

    @cached_property
    def sentences(self) -> list[Span]:
        """Sentences with some text in them."""
        return [s for s in self.doc.sents if s.text.strip()]

    @cached_property
    def text(self) -> str:
        """The article body (``doc.text``, built once)."""
        return self.doc.text

    @cached_property
    def quoted(self) -> list[tuple[int, int]]:
        """Character ranges inside quotation marks (the marks excluded)."""
        return [(m.start(1), m.end(1)) for m in _QUOTE_PAIRS.finditer(self.text)]

    @cached_property
    def _quote_starts(self) -> list[int]:
        return [start for start, _ in self.quoted]

    def in_quote(self, char: int) -> bool:
        """Return True when a character offset lies inside quotation marks."""
        position = bisect_right(self._quote_starts, char) - 1
        return position >= 0 and char < self.quoted[position][1]

    def _replacement(self, kept: list[Token], position: int) -> str | None:
        token = kept[position]
        person = self.people.person_at(token.i)
        if person is None or self.in_quote(token.idx):
            return None
        earlier = any(self.people.token_person.get(t.i) == person.key for t in kept[:position])
        if token.lower_ in PRONOUNS:
            if earlier:
                return None
            return person.name + ("’s" if PRONOUNS[token.lower_] == "possessive" else "")
        if token.text == person.surname and person.name != person.surname and not earlier:
            return person.name
        return None

    def render(self, sentence: Span, gap: tuple[int, int] | None = None) -> Rendered:
        """Rewrite the clause holding ``gap`` to stand alone (pronouns named) and locate the gap in it."""
        trimmed = _trim_tail(sentence, gap[1] if gap is not None else sentence.start)
        kept = compact_clause(trimmed, gap)
        parts: list[str] = []
        start = end = -1
        for position, token in enumerate(kept):
            if gap is not None and token.i == gap[0]:
                start = len("".join(parts))
            text = self._replacement(kept, position) or token.text
            following = kept[position + 1].i if position + 1 < len(kept) else -1
            space = token.whitespace_ if following in (-1, token.i + 1) else " "
            parts.append(text + space)
            if gap is not None and token.i == gap[1] - 1:
                end = len("".join(parts)) - len(space)
        if gap is not None and (start < 0 or end < 0):
            return Rendered("", -1, -1)
        raw = "".join(parts)
        lead = len(raw) - len(raw.lstrip())
        text = raw.strip()
        squeezed, start, end = _squeeze(text, start - lead, end - lead)
        if squeezed[:1].islower():
            squeezed = squeezed[0].upper() + squeezed[1:]
        if squeezed and squeezed[-1] not in '.!?"”':
            squeezed += "."
        return Rendered(squeezed, start, end)

    def new_fact(
        self, kind: str, text: str, sentence: Span, span: Span | None, **attributes: str
    ) -> Fact:
        """Build a fact of ``kind`` with its evidence sentence, offsets and attributes."""
        clean = {k: v for k, v in attributes.items() if v}
        return Fact(
            id="",
            type=kind,
            text=text,
            sentence=" ".join(sentence.text.split()),
            start=span.start_char if span is not None else -1,
            end=span.end_char if span is not None else -1,
            sentence_start=sentence.start_char + len(sentence.text) - len(sentence.text.lstrip()),
            sentence_end=sentence.start_char + len(sentence.text.rstrip()),
            attributes=tuple(sorted(clean.items())),
        )


_TAIL_DEPS = ("advcl", "conj", "prep", "npadvmod")


def _trim_tail(sentence: Span, keep_until: int) -> Span:
    """Cut a trailing ", adding ..." or ", according to ..." clause that the answer is not in."""
    root = sentence.root
    for child in sorted(root.children, key=lambda t: t.i):
        if child.i <= max(keep_until, root.i) or child.dep_ not in _TAIL_DEPS:
            continue
        comma = sentence.doc[child.left_edge.i - 1]
        if comma.text == "," and comma.i >= keep_until and comma.i > root.i:
            return sentence.doc[sentence.start : comma.i]
    return sentence


def _squeeze(text: str, start: int, end: int) -> tuple[str, int, int]:
    """Collapse runs of whitespace, keeping a character range pointing at the same text."""
    out: list[str] = []
    new_start = new_end = -1
    for position, char in enumerate(text):
        if position == start:
            new_start = len("".join(out)) if out else 0
        if char.isspace() and out and out[-1] == " ":
            pass
        else:
            out.append(" " if char.isspace() else char)
        if position == end - 1:
            new_end = len("".join(out))
    return "".join(out), new_start, new_end
