"""What an extractor finds: one fact with everything an item needs to ask about it."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from question_bank.model import Fact

if TYPE_CHECKING:
    from question_bank.facts.document import ArticleDoc, Sentence
    from question_bank.facts.standalone import Statement


#: The doubt of a fact about a person the article names in one sentence only.
MINOR_PERSON = "minor person"
#: Where a fact keeps its details as a mapping (in ``extras``).
_DETAIL_TABLE = "detail table"


@dataclass(frozen=True)
class Question:
    """A wh-question the fact's sentence answers, built by a transformation that keeps meaning."""

    text: str
    wh: str  # who, whom, what, when, where, which
    form: str  # subject, object, adjunct, role, post, speaker


@dataclass(frozen=True)
class Found:
    """One fact: its answer, class and evidence, a stand-alone statement and questions on it.

    ``span`` is the answer's token range in the article (None when the answer is not one span
    of it); ``statement`` has the answer's range marked; ``details`` holds type-specific text (a
    role's person, a quote's speaker ...).
    """

    type: str
    key: str
    cls: str
    sentence: Sentence
    span: tuple[int, int] | None = None
    statement: Statement | None = None
    questions: tuple[Question, ...] = ()
    details: tuple[tuple[str, str], ...] = ()
    variants: tuple[str, ...] = ()
    id: str = ""
    extras: dict = field(default_factory=dict, compare=False, hash=False)

    def detail(self, name: str, default: str = "") -> str:
        """One type-specific detail, or ``default`` (the last one given under that name)."""
        return self._detail_table().get(name, default)

    def _detail_table(self) -> dict[str, str]:
        """``details`` as a mapping, made once; kept with the details it was made from, since a
        copy of the fact with other details shares its ``extras``."""
        made = self.extras.get(_DETAIL_TABLE)
        if made is None or made[0] is not self.details:
            made = self.extras[_DETAIL_TABLE] = (self.details, dict(self.details))
        return made[1]

    @property
    def loose(self) -> bool:
        """A fact some rule doubts: offered among further candidates, never published."""
        return self.detail("loose") == "1"

    def with_id(self, number: int) -> Found:
        """The fact numbered ``f001`` ..."""
        return replace(self, id=f"f{number:03d}")

    def to_fact(self, article: ArticleDoc) -> Fact:
        """The public form of the fact (``question_bank.model.Fact``)."""
        evidence = article.sentence_text(self.sentence)
        start = end = -1
        if self.span is not None:
            start = article.tokens.idx[self.span[0]]
            last = self.span[1] - 1
            end = article.tokens.idx[last] + len(article.tokens.text[last])
        attributes = dict(self.details)
        attributes["class"] = self.cls
        if self.statement is not None:
            attributes["statement"] = self.statement.text
        for number, question in enumerate(self.questions, start=1):
            attributes[f"question{number if number > 1 else ''}"] = question.text
        return Fact(
            id=self.id,
            type=self.type,
            text=self.key,
            sentence=evidence,
            start=start,
            end=end,
            sentence_start=self.sentence.start_char,
            sentence_end=self.sentence.end_char,
            attributes=tuple(sorted((k, v) for k, v in attributes.items() if v)),
        )
