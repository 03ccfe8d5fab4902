"""What the item kinds build on: a fact's wh-questions and its gapped statement."""

from __future__ import annotations

import random
from dataclasses import dataclass

from question_bank.facts.context import GAP
from question_bank.generate.distractors import DistractorPool
from question_bank.model import Fact

#: Attribute suffixes of a fact's wh-questions: ``question``, ``question2``, ``question3``.
QUESTION_SUFFIXES = ("", "2", "3")


@dataclass(frozen=True)
class Ask:
    """One wh-question a fact answers, with the semantic class of its answer."""

    prompt: str
    answer: str
    cls: str


@dataclass(frozen=True)
class Gapped:
    """A stand-alone statement of a fact and the range of the answer in it."""

    statement: str
    start: int
    end: int
    cls: str

    @property
    def answer(self) -> str:
        """The text in the gap."""
        return self.statement[self.start : self.end]

    def with_gap(self, filler: str = GAP) -> str:
        """Return the statement with the answer replaced by ``filler``."""
        return self.statement[: self.start] + filler + self.statement[self.end :]


@dataclass
class Env:
    """Shared inputs of the item kinds: distractor pool and seed."""

    pool: DistractorPool
    seed: int = 0

    def rng(self, *parts: str) -> random.Random:
        """Return a random generator fixed by the seed and the given parts."""
        return random.Random(":".join((str(self.seed), *parts)))


def asks(fact: Fact) -> list[Ask]:
    """Return the fact's wh-questions that have an answer."""
    found = []
    attributes = dict(fact.attributes)  # read once: ``Fact.attr`` builds the mapping per call
    for suffix in QUESTION_SUFFIXES:
        prompt = attributes.get("question" + suffix, "")
        answer = attributes.get("answer" + suffix, "")
        if (
            prompt
            and answer
            and (suffix or attributes.get("origin", "") != "phrase" or len(answer.split()) > 1)
        ):
            found.append(Ask(prompt, answer, attributes.get("answer" + suffix + "_class", "")))
    return found


def gapped(fact: Fact) -> Gapped | None:
    """Return the fact's gapped statement, or None when it has none."""
    attributes = dict(fact.attributes)
    statement = attributes.get("statement", "")
    start, end = attributes.get("gap_start", ""), attributes.get("gap_end", "")
    if not statement or not start or not end or int(start) < 0 or int(end) <= int(start):
        return None
    return Gapped(statement, int(start), int(end), attributes.get("class", ""))
