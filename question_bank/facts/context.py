"""The parsed article shared by every fact extractor, and sentence rendering with resolved pronouns."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from typing import TYPE_CHECKING

from question_bank.facts.compact import compact_clause
from question_bank.facts.groups import GROUP_PRONOUNS, group_replacement, link_groups
from question_bank.facts.people import PRONOUNS, PeopleIndex, build_people
from question_bank.model import ArticleMeta, Fact

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

_QUOTE_PAIRS = re.compile(r"[\"“”]([^\"“”]{1,2000}?)[\"“”]")
GAP = "_____"
_SPACES = re.compile(r"\s+")


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
    _evidence_cache: dict[tuple[int, int], tuple[str, int, int]] = field(
        init=False, default_factory=dict
    )

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

    @cached_property
    def speech(self) -> list[tuple[int, int]]:
        """Quoted ranges that are reported speech, not a quoted name ("Robogee", "parole")."""
        return [(start, end) for start, end in self.quoted if _is_speech(self.text[start:end])]

    def in_speech(self, char: int) -> bool:
        """Return True when a character offset lies inside reported speech."""
        return any(start <= char < end for start, end in self.speech)

    @cached_property
    def groups(self) -> dict[int, str]:
        """"they"/"their" token index -> the plural subject it refers to (``groups.link_groups``)."""
        return link_groups(self.doc, self.in_quote)

    def _group_replacement(self, kept: list[Token], position: int) -> str | None:
        token = kept[position]
        antecedent = self.groups.get(token.i)
        if antecedent is None or any(t.i in self.groups for t in kept[:position]):
            return None
        if antecedent.casefold() in " ".join(t.text for t in kept[:position]).casefold():
            return None
        return group_replacement(token, antecedent)

    def _replacement(self, kept: list[Token], position: int) -> str | None:
        token = kept[position]
        if token.lower_ in GROUP_PRONOUNS:
            return self._group_replacement(kept, position)
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
        length = 0
        for position, token in enumerate(kept):
            if gap is not None and token.i == gap[0]:
                start = length
            text = self._replacement(kept, position) or token.text
            following = kept[position + 1].i if position + 1 < len(kept) else -1
            space = token.whitespace_ if following in (-1, token.i + 1) else " "
            parts.append(text + space)
            length += len(text) + len(space)
            if gap is not None and token.i == gap[1] - 1:
                end = length - len(space)
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
        evidence, first, last = self._evidence(sentence.start_char, sentence.end_char)
        return Fact(
            id="",
            type=kind,
            text=text,
            sentence=evidence,
            start=span.start_char if span is not None else -1,
            end=span.end_char if span is not None else -1,
            sentence_start=first,
            sentence_end=last,
            attributes=tuple(sorted(clean.items())),
        )

    def _evidence(self, start: int, end: int) -> tuple[str, int, int]:
        """The sentence between two offsets with spaces collapsed, and its trimmed offsets (cached)."""
        key = (start, end)
        if key not in self._evidence_cache:
            raw = self.text[start:end]
            first = start + len(raw) - len(raw.lstrip())
            self._evidence_cache[key] = (" ".join(raw.split()), first, start + len(raw.rstrip()))
        return self._evidence_cache[key]


def _is_speech(quoted: str) -> bool:
    """Four or more words, not all capitalised (a title such as "Better Idea of Afghan Girls" is not speech)."""
    words = quoted.split()
    long_words = [w for w in words if len(w) > 3]
    return len(words) >= 4 and not all(w[:1].isupper() for w in long_words)


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
    squeezed = _SPACES.sub(" ", text)
    if start < 0:
        return squeezed, -1, -1
    return squeezed, len(_SPACES.sub(" ", text[:start])), len(_SPACES.sub(" ", text[:end]))
