"""A parsed article's tokens as plain Python lists, read once, for rules that walk the tree often.

Reading a spaCy ``Token`` attribute builds a new object each time; clause compaction asks the same
questions (head, edges, children, subtree) of the same tokens for every answer in a sentence, so the
answers are read from the ``Doc`` once into lists indexed by token position.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc


@dataclass
class TokenTable:
    """Per-token attributes of one ``Doc``, indexed by token position."""

    text: list[str]
    lower: list[str]
    dep: list[str]
    pos: list[str]
    space: list[str]
    idx: list[int]
    head: list[int]
    left: list[int]
    right: list[int]
    children: list[list[int]]
    is_punct: list[bool]
    is_space: list[bool]
    entity: list[int] = field(default_factory=list)
    entity_spans: list[range] = field(default_factory=list)
    _subtrees: dict[int, frozenset[int]] = field(default_factory=dict)

    @classmethod
    def from_doc(cls, doc: Doc) -> TokenTable:
        """Read every token's attributes from a parsed document."""
        table = cls([], [], [], [], [], [], [], [], [], [[] for _ in range(len(doc))], [], [])
        for token in doc:
            table.text.append(token.text)
            table.lower.append(token.lower_)
            table.dep.append(token.dep_)
            table.pos.append(token.pos_)
            table.space.append(token.whitespace_)
            table.idx.append(token.idx)
            table.head.append(token.head.i)
            table.left.append(token.left_edge.i)
            table.right.append(token.right_edge.i)
            table.is_punct.append(token.is_punct)
            table.is_space.append(token.is_space)
        table.entity = [-1] * len(doc)
        for number, ent in enumerate(doc.ents):
            table.entity[ent.start : ent.end] = [number] * (ent.end - ent.start)
            table.entity_spans.append(range(ent.start, ent.end))
        for index, head in enumerate(table.head):
            if head != index:
                table.children[head].append(index)
        return table

    def __len__(self) -> int:
        return len(self.text)

    def is_word(self, index: int) -> bool:
        """Tell whether a token is a word (not punctuation, not whitespace)."""
        return not self.is_punct[index] and not self.is_space[index]

    def subtree(self, index: int) -> frozenset[int]:
        """Positions of a token and all its descendants (cached)."""
        found = self._subtrees.get(index)
        if found is None:
            members, waiting = {index}, list(self.children[index])
            while waiting:
                child = waiting.pop()
                members.add(child)
                waiting.extend(self.children[child])
            found = self._subtrees[index] = frozenset(members)
        return found

    def cuts_entity(self, index: int) -> bool:
        """Tell whether dropping a token's subtree would cut a named entity in two."""
        first, last = self.left[index], self.right[index]
        before = self.entity[first - 1] if first > 0 else -1
        after = self.entity[last + 1] if last + 1 < len(self) else -1
        return (before >= 0 and before == self.entity[first]) or (
            after >= 0 and after == self.entity[last]
        )

    def whole_entities(self, kept: set[int]) -> set[int]:
        """``kept`` with every named entity it touches made whole ("Yuri" brings "Gagarin")."""
        touched = {self.entity[i] for i in kept if self.entity[i] >= 0}
        return kept.union(*(self.entity_spans[number] for number in touched))

    def contains(self, index: int, gap: range) -> bool:
        """Tell whether a token's subtree reaches into the token range ``gap``."""
        return self.left[index] <= gap.stop - 1 and self.right[index] >= gap.start
