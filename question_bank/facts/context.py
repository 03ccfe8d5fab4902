"""The parsed article shared by every fact extractor, and stand-alone rendering of its clauses."""

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
from question_bank.facts.things import THING_PRONOUNS, link_things, thing_replacement
from question_bank.facts.tokens import TokenTable
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
    _roots: dict[tuple[int, int], int] = field(init=False, default_factory=dict)

    def __post_init__(self) -> None:
        self.people = build_people(self.doc)

    @cached_property
    def sentences(self) -> list[Span]:
        """Sentences with some text in them."""
        return [s for s in self.doc.sents if self.text[s.start_char : s.end_char].strip()]

    @cached_property
    def tokens(self) -> TokenTable:
        """The document's token attributes as plain lists (read once)."""
        return TokenTable.from_doc(self.doc)

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

    @cached_property
    def _speech_starts(self) -> list[int]:
        return [start for start, _ in self.speech]

    def in_speech(self, char: int) -> bool:
        """Return True when a character offset lies inside reported speech."""
        position = bisect_right(self._speech_starts, char) - 1
        return position >= 0 and char < self.speech[position][1]

    @cached_property
    def groups(self) -> dict[int, str]:
        """ "they"/"their" token index -> the plural subject it means (``groups.link_groups``)."""
        return link_groups(self.doc, self.in_quote)

    @cached_property
    def things(self) -> dict[int, str]:
        """Opening "it"/"its" token index -> the thing it stands for (``things.link_things``)."""
        return link_things(self.doc, self.in_quote)

    def _thing_replacement(self, kept: list[int], position: int) -> str | None:
        index = kept[position]
        antecedent = self.things.get(index)
        if antecedent is None or any(i in self.things for i in kept[:position]):
            return None
        return thing_replacement(self.doc[index], antecedent)

    def _group_replacement(self, kept: list[int], position: int) -> str | None:
        index = kept[position]
        antecedent = self.groups.get(index)
        if antecedent is None or any(i in self.groups for i in kept[:position]):
            return None
        before = " ".join(self.tokens.text[i] for i in kept[:position])
        if antecedent.casefold() in before.casefold():
            return None
        return group_replacement(self.doc[index], antecedent)

    @cached_property
    def rewritten_words(self) -> dict[int, str]:
        """Token index -> words that let a clause stand alone: "this year" dated by the publication
        year (``_date_this_year``), "this"/"these" before other nouns made "the" ("the show").
        """
        words: dict[int, str] = {}
        table = self.tokens
        for index, lower in enumerate(table.lower):
            if lower not in _DEMONSTRATIVES or table.dep[index] != "det":
                continue
            token = self.doc[index]
            if self.in_quote(token.idx):
                continue
            noun = token.head
            if noun.lemma_.lower() == "year" and self.published is not None:
                words.update(_date_this_year(token, self.published.year))
            elif noun.pos_ == "NOUN" and noun.lemma_.lower() not in _TIME_NOUNS:
                words[token.i] = "the"
        return words

    def _replacement(self, kept: list[int], position: int, named: set[str]) -> str | None:
        """The name for a pronoun or bare surname at ``position`` (``named``: named before)."""
        index = kept[position]
        if index in self.rewritten_words:
            return self.rewritten_words[index]
        lower = self.tokens.lower[index]
        if lower in GROUP_PRONOUNS:
            return self._group_replacement(kept, position)
        if lower in THING_PRONOUNS:
            return self._thing_replacement(kept, position)
        person = self.people.person_at(index)
        if person is None or self.in_quote(self.tokens.idx[index]):
            return None
        earlier = person.key in named
        if lower in PRONOUNS:
            if earlier:
                return None
            return person.name + ("’s" if PRONOUNS[lower] == "possessive" else "")
        if (
            self.tokens.text[index] == person.surname
            and person.name != person.surname
            and not earlier
        ):
            return person.name
        return None

    def _root(self, sentence: Span) -> int:
        """The position of a sentence's syntactic root (cached per sentence)."""
        key = (sentence.start, sentence.end)
        if key not in self._roots:
            self._roots[key] = sentence.root.i
        return self._roots[key]

    def render(self, sentence: Span, gap: tuple[int, int] | None = None) -> Rendered:
        """Rewrite the clause holding ``gap`` to stand alone (pronouns named) and locate the gap."""
        table = self.tokens
        if gap is not None and any(i in self.rewritten_words for i in range(*gap)):
            return Rendered("", -1, -1)  # the answer itself would be rewritten
        root = self._root(sentence)
        whole = range(sentence.start, sentence.end)
        trimmed = _trim_tail(table, whole, root, gap[1] if gap is not None else sentence.start)
        kept = compact_clause(table, trimmed, root, gap)
        if not any(table.pos[i] in _VERBS for i in kept):
            return Rendered("", -1, -1)  # a caption or headline states nothing
        parts: list[str] = []
        named: set[str] = set()
        start = end = -1
        length = 0
        for position, index in enumerate(kept):
            if gap is not None and index == gap[0]:
                start = length
            replacement = self._replacement(kept, position, named)
            text = table.text[index] if replacement is None else replacement
            following = kept[position + 1] if position + 1 < len(kept) else -1
            space = table.space[index] if following in (-1, index + 1) else " "
            parts.append(text + space)
            length += len(text) + len(space)
            if gap is not None and index == gap[1] - 1:
                end = length - len(space)
            key = self.people.token_person.get(index)
            if key is not None:
                named.add(key)
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
        """The sentence between two offsets, spaces collapsed, with its trimmed offsets (cached)."""
        key = (start, end)
        if key not in self._evidence_cache:
            raw = self.text[start:end]
            first = start + len(raw) - len(raw.lstrip())
            self._evidence_cache[key] = (" ".join(raw.split()), first, start + len(raw.rstrip()))
        return self._evidence_cache[key]


_DEMONSTRATIVES = frozenset({"this", "these"})
_VERBS = frozenset({"VERB", "AUX"})
#: Nouns whose "this" points at the time of writing ("this week"), not at an earlier mention.
_TIME_NOUNS = frozenset(
    """year week month day weekend morning afternoon evening night season time summer winter
    spring autumn fall century decade""".split()
)


def _date_this_year(this: Token, year: int) -> dict[int, str]:
    """Rewrite "this year's theme" as "the 2017 theme", "this year" as "in 2017" ("during 2017")."""
    noun = this.head
    marks = [c.i for c in noun.children if c.tag_ == "POS"]
    following = noun.nbor(1) if noun.i + 1 < len(noun.doc) else None
    if (
        marks
        or noun.dep_ in ("poss", "compound")
        or following is not None
        and following.pos_ in ("NOUN", "PROPN")
    ):
        return {this.i: "the", noun.i: str(year), **{i: "" for i in marks}}
    return {this.i: "in" if noun.dep_ == "npadvmod" else "", noun.i: str(year)}


def _is_speech(quoted: str) -> bool:
    """Four or more words, not all capitalised (a quoted title such as "Better Idea of Afghan Girls"
    is not speech)."""
    words = quoted.split()
    long_words = [w for w in words if len(w) > 3]
    return len(words) >= 4 and not all(w[:1].isupper() for w in long_words)


_TAIL_DEPS = ("advcl", "conj", "prep", "npadvmod")


def _trim_tail(table: TokenTable, sentence: range, root: int, keep_until: int) -> range:
    """Cut a trailing ", adding ..." or ", according to ..." clause that the answer is not in."""
    for child in table.children[root]:
        if child <= max(keep_until, root) or table.dep[child] not in _TAIL_DEPS:
            continue
        comma = table.left[child] - 1
        if table.text[comma] == "," and comma >= keep_until and comma > root:
            return range(sentence.start, comma)
    return sentence


def _squeeze(text: str, start: int, end: int) -> tuple[str, int, int]:
    """Collapse runs of whitespace, keeping a character range pointing at the same text."""
    squeezed = _SPACES.sub(" ", text)
    if start < 0:
        return squeezed, -1, -1
    return squeezed, len(_SPACES.sub(" ", text[:start])), len(_SPACES.sub(" ", text[:end]))
