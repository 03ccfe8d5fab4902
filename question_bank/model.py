"""The data that flows through question_bank: articles, facts, generated items and bank questions.

Everything here is a plain, frozen dataclass so that results are hashable, comparable and safe to
share. Two families live side by side:

* ``ArticleMeta``, ``Fact``, ``Item`` and ``Generation`` are what the generator produces from an
  article (``question_bank.generate``).
* ``Question``, ``Answer``, ``Pair`` and ``Gap`` are the bank's interchange form: what the web
  app stores as a question's payload, what the kind registry (``question_bank.kinds``) marks and
  what every import/export format reads and writes. ``item_to_question`` turns a generated item
  into one. The kinds a question may have are those of ``question_bank.kinds.KINDS``.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields
from typing import Any

#: Fact types the extractors emit.
FACT_TYPES = (
    "date",
    "duration",
    "person",
    "role",
    "place",
    "organisation",
    "number",
    "agreement",
    "event",
    "quote",
)


@dataclass(frozen=True)
class ArticleMeta:
    """Headline and dateline facts of one article."""

    title: str = ""
    date: str = ""  # ISO 8601 publication date, or "" when unknown
    byline: str = ""
    place: str = ""  # dateline place, e.g. "ANKARA"
    agency: str = ""  # dateline agency, e.g. "AA"


@dataclass(frozen=True)
class Fact:
    """One thing the article states, with the sentence that states it.

    ``start``/``end`` are character offsets of ``text`` in the article body; ``sentence_start``
    and ``sentence_end`` locate the evidence sentence. ``attributes`` holds type-specific details
    (a person's role, a quote's speaker, a number's unit, a date's ISO value ...).
    """

    id: str
    type: str
    text: str
    sentence: str
    start: int = -1
    end: int = -1
    sentence_start: int = -1
    sentence_end: int = -1
    attributes: tuple[tuple[str, str], ...] = ()

    def attr(self, name: str, default: str = "") -> str:
        """Return one attribute's value, or ``default``."""
        return dict(self.attributes).get(name, default)


@dataclass(frozen=True)
class Item:
    """One generated quiz item, linked to the fact and sentence it came from.

    ``answer`` is the single right answer as text (for ordering and matching, a readable join);
    ``choices`` lists the options shown for choice kinds (empty otherwise); ``accepted`` lists
    other answers a short-answer matcher should take; ``pairs`` holds matching pairs and
    ``sequence`` the right order for ordering items; ``tolerance`` is for numerical items.
    """

    id: str
    kind: str
    prompt: str
    answer: str
    evidence: str
    fact_type: str
    score: float
    choices: tuple[str, ...] = ()
    fact_id: str = ""
    accepted: tuple[str, ...] = ()
    pairs: tuple[tuple[str, str], ...] = ()
    sequence: tuple[str, ...] = ()
    tolerance: float | None = None
    explanation: str = ""


@dataclass(frozen=True)
class Generation:
    """What ``question_bank.generate`` returns for one article.

    ``items`` is the published short list, best first; ``more`` holds every other candidate that
    passed the generator's checks, ranked, for a teacher to pick from.
    """

    article: ArticleMeta
    facts: tuple[Fact, ...]
    items: tuple[Item, ...]
    more: tuple[Item, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """Return the stable JSON shape of the command line's ``--format json``."""
        return {
            "article": {
                "title": self.article.title,
                "date": self.article.date,
                "byline": self.article.byline,
                "place": self.article.place,
                "agency": self.article.agency,
            },
            "facts": [
                {
                    "id": f.id,
                    "type": f.type,
                    "text": f.text,
                    "sentence": f.sentence,
                    "start": f.start,
                    "end": f.end,
                    "attributes": dict(f.attributes),
                }
                for f in self.facts
            ],
            "items": [item_to_dict(i) for i in self.items],
            "more": [item_to_dict(i) for i in self.more],
        }


def item_to_dict(item: Item) -> dict[str, Any]:
    """Return an item as JSON-ready data with the stable field names first."""
    data = {name: getattr(item, name) for name in _ITEM_FIELDS}
    data["choices"] = list(item.choices)
    data["accepted"] = list(item.accepted)
    data["pairs"] = [list(p) for p in item.pairs]
    data["sequence"] = list(item.sequence)
    return data


_ITEM_FIELDS = tuple(f.name for f in fields(Item))


@dataclass(frozen=True)
class Answer:
    """One answer of a bank question.

    ``fraction`` is the share of the mark it earns (1.0 right, 0.0 wrong, negative for a
    penalty); ``tolerance`` applies to numerical answers.
    """

    text: str
    fraction: float = 1.0
    feedback: str = ""
    tolerance: float | None = None


@dataclass(frozen=True)
class Pair:
    """One matching pair: a prompt on the left, its match on the right."""

    left: str
    right: str


@dataclass(frozen=True)
class Gap:
    """One gap of a cloze question, as Moodle's embedded answers describe it.

    ``kind`` is ``shortanswer``, ``numerical``, ``multichoice`` (one option) or
    ``multiresponse`` (several options); ``answers`` are the accepted texts or the options with
    their fractions and feedback; ``weight`` is the gap's share of the question's mark relative
    to the other gaps; ``layout`` (``dropdown``, ``vertical`` or ``horizontal``) and ``shuffle``
    say how options are shown.
    """

    kind: str = "shortanswer"
    answers: tuple[Answer, ...] = ()
    weight: float = 1.0
    case_sensitive: bool = False
    layout: str = "dropdown"
    shuffle: bool = False

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Gap:
        """Build a gap from ``asdict`` output, ignoring unknown keys."""
        return cls(
            kind=data.get("kind", "shortanswer"),
            answers=tuple(Answer(**a) for a in data.get("answers", ())),
            weight=data.get("weight", 1.0),
            case_sensitive=data.get("case_sensitive", False),
            layout=data.get("layout", "dropdown"),
            shuffle=data.get("shuffle", False),
        )


@dataclass(frozen=True)
class Question:
    """A question in the bank's interchange form.

    ``prompt_format`` is one of ``plain``, ``html``, ``markdown`` or ``moodle``. ``category`` is a
    ``/``-separated path. For ``ordering`` the answers are listed in their right order. For
    ``cloze`` the prompt holds ``{{1}}``-style gaps; ``gaps`` describes each (the n-th smallest
    gap number is the n-th gap), or, in the simple form, the answers fill the gaps in order (one
    gap: every answer is accepted). For ``multichoice`` with ``single=False`` several answers
    carry positive fractions.
    """

    kind: str
    prompt: str
    title: str = ""
    prompt_format: str = "plain"
    category: str = ""
    tags: tuple[str, ...] = ()
    answers: tuple[Answer, ...] = ()
    pairs: tuple[Pair, ...] = ()
    general_feedback: str = ""
    single: bool = True
    shuffle: bool = True
    default_mark: float = 1.0
    evidence: str = ""
    extra: tuple[tuple[str, str], ...] = field(default=())
    gaps: tuple[Gap, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """Return JSON-ready data (the payload the web app stores)."""
        data = asdict(self)
        data["tags"] = list(self.tags)
        data["extra"] = dict(self.extra)
        if not self.gaps:
            del data["gaps"]
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Question:
        """Build a question from ``to_dict`` output, ignoring unknown keys."""
        return cls(
            kind=data["kind"],
            prompt=data.get("prompt", ""),
            title=data.get("title", ""),
            prompt_format=data.get("prompt_format", "plain"),
            category=data.get("category", ""),
            tags=tuple(data.get("tags", ())),
            answers=tuple(Answer(**a) for a in data.get("answers", ())),
            pairs=tuple(Pair(**p) for p in data.get("pairs", ())),
            general_feedback=data.get("general_feedback", ""),
            single=data.get("single", True),
            shuffle=data.get("shuffle", True),
            default_mark=data.get("default_mark", 1.0),
            evidence=data.get("evidence", ""),
            extra=tuple(sorted(dict(data.get("extra", {})).items())),
            gaps=tuple(Gap.from_dict(g) for g in data.get("gaps", ())),
        )

    @property
    def right_answers(self) -> tuple[Answer, ...]:
        """Answers that earn a positive share of the mark."""
        return tuple(a for a in self.answers if a.fraction > 0)
