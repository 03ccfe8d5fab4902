"""Which ranked candidates are published: a short list a teacher can hand out as it is.

Taken best first, a candidate is published when its score reaches the threshold and:

* it tests no fact a published item tests (a fact is its sentence and its answer), and gives no
  published item's answer away in its stem (nor does one give its own);
* its sentence has fewer than ``PER_SENTENCE`` published items, its answer fewer than
  ``PER_ANSWER``, and its kind less than ``KIND_SHARE`` of the list (with room for
  ``MIN_PER_KIND`` of each);
* the list is shorter than ``PER_100_WORDS`` items per hundred words of the article.

A statement made false may take the place of its sentence's true statement from a little below
the threshold (``FALSE_MARGIN``): on the stored tuning ratings this keeps the list as often
acceptable while it holds fewer true statements per false one.

The rest stay available, ranked, as "more"; exact repeats of a stem and answer are dropped.
"""

from __future__ import annotations

from collections import Counter, deque
from collections.abc import Sequence
from dataclasses import dataclass, field

from question_bank.generate.distractors import mentions_name, normalise
from question_bank.generate.kinds import GAP, Candidate

PER_100_WORDS = 8.0
PER_SENTENCE = 2
#: Published items sharing one answer ("Ilham Aliyev" to every "Who said ...?"), at most.
PER_ANSWER = 2
KIND_SHARE = 0.4
MIN_PER_KIND = 3
#: A true statement is taken after items of other kinds about as good (a reader can recognise
#: it without recalling anything): its worth is weighed by this factor when ordering.
TRUE_WEIGHT = 0.8
#: True statements published, at most, per false one, plus this many.
TRUE_PER_FALSE = 3
TRUE_ALLOWANCE = 3
#: A statement made false may take its true statement's place this far below the threshold.
FALSE_MARGIN = 0.02
#: Candidates of each kind tried for its first place in the list.
BEST_TRIED = 25
#: Each item of a kind already published lowers the next one's worth by this factor.
KIND_DECAY = 0.8


@dataclass(frozen=True)
class Selection:
    """The published candidates and the rest, each best first."""

    published: tuple[Candidate, ...]
    more: tuple[Candidate, ...]


def _facts_tested(candidate: Candidate) -> set[tuple[int, str]]:
    facts = candidate.facts or (candidate.fact,)
    return {(f.sentence.index, normalise(f.key)) for f in facts}


def _sentences(candidate: Candidate) -> set[int]:
    return {f.sentence.index for f in (candidate.facts or (candidate.fact,))}


def _answers(candidate: Candidate) -> list[str]:
    item = candidate.item
    if item.kind == "truefalse":
        return [candidate.fact.key]
    if item.pairs:
        return [right for _, right in item.pairs]
    if item.sequence:
        return []
    return [item.answer]


def _answer_forms(candidate: Candidate) -> list[str]:
    """Its answers with every other form it is accepted in ("Aliyev" for "Ilham Aliyev"): a
    stem showing any of them gives the answer away."""
    item = candidate.item
    if item.kind == "truefalse":
        return [candidate.fact.key, *candidate.fact.variants]
    return [*_answers(candidate), *item.accepted]


def gives_away(first: Candidate, second: Candidate) -> bool:
    """Tell whether one item's stem shows the other's answer, in any form it is accepted in,
    for the same sentence."""
    if not _sentences(first) & _sentences(second):
        return False
    for stem_of, answers_of in ((first, second), (second, first)):
        stem = stem_of.item.prompt.replace(GAP, " ")
        if stem_of.item.kind == "truefalse" or stem_of.item.pairs:
            stem = " ".join([stem, *(left for left, _ in stem_of.item.pairs)])
        if any(mentions_name(stem, answer) for answer in _answer_forms(answers_of) if answer):
            return True
    return False


def select(candidates: Sequence[Candidate], words: int, threshold: float) -> Selection:
    """Split ranked candidates (best first) into the published list and the rest.

    First the best candidate of each kind that may be published is taken (the kinds with the fewest
    candidates first), so a list has every kind the article allows; then candidates in order of
    their worth (``Candidate.worth``) lowered by ``KIND_DECAY`` for each item of their kind already
    published, so that a list mixes kinds when items are about as good. A true statement gives way
    to a false one of the same sentence while the list has as many true as false ones or more,
    at every pick (the first of its kind too). The rest keep their ranked order.
    """
    cap = max(1, int(words * PER_100_WORDS / 100))
    state = _State()
    order = {id(c): n for n, c in enumerate(candidates)}
    taken: set[int] = set()
    seen: set[tuple[str, str]] = set()
    falses = _false_statements(candidates, threshold)
    for group in _best_of_each_kind(candidates, threshold):
        for candidate in group:
            if _statement_of_truth(candidate):
                candidate = _false_instead(candidate, falses, state, taken, order, cap, threshold)
            if len(state.published) < cap and state.admits(candidate, cap, threshold):
                seen.add((normalise(candidate.item.prompt), normalise(candidate.item.answer)))
                state.add(candidate)
                taken.add(order[id(candidate)])
                break
    queues = _queues_by_kind(candidates, taken, order, threshold)
    while queues and len(state.published) < cap:
        kind = min(queues, key=lambda k: _queued_rank(queues[k][0], state.per_kind[k]))
        _, position, candidate = queues[kind].popleft()
        if not queues[kind]:
            del queues[kind]
        if _statement_of_truth(candidate):
            candidate = _false_instead(candidate, falses, state, taken, order, cap, threshold)
            if candidate.item.answer == "True" and not state.room_for_true():
                continue
            position = order[id(candidate)]
        identity = (normalise(candidate.item.prompt), normalise(candidate.item.answer))
        if identity in seen:
            taken.add(position)
            continue
        if state.admits(candidate, cap, threshold):
            seen.add(identity)
            state.add(candidate)
            taken.add(position)
    more = []
    for position, candidate in enumerate(candidates):
        if position in taken:
            continue
        identity = (normalise(candidate.item.prompt), normalise(candidate.item.answer))
        if identity not in seen:
            seen.add(identity)
            more.append(candidate)
    return Selection(tuple(state.published), tuple(more))


def _queues_by_kind(
    candidates: Sequence[Candidate], taken: set[int], order: dict[int, int], threshold: float
) -> dict[str, deque[tuple[float, int, Candidate]]]:
    """The candidates that may still be published, by kind, each kind's in order of worth
    (``_weighted``) and then rank: within a kind the decay for its published items lowers every
    candidate alike, so only the heads of the queues need comparing."""
    queues: dict[str, deque[tuple[float, int, Candidate]]] = {}
    eligible = sorted(
        (
            (_weighted(c), order[id(c)], c)
            for c in candidates
            if order[id(c)] not in taken and c.item.score >= threshold and not c.fact.loose
        ),
        key=lambda entry: (-entry[0], entry[1]),
    )
    for entry in eligible:
        queues.setdefault(entry[2].item.kind, deque()).append(entry)
    return queues


def _queued_rank(entry: tuple[float, int, Candidate], published: int) -> tuple[float, int]:
    """How a queue's head ranks against the other heads (lowest first): its worth lowered by
    ``KIND_DECAY`` for each item of its kind published, then its rank."""
    weight, position, _ = entry
    return -weight * KIND_DECAY**published, position


def _false_instead(
    candidate: Candidate,
    falses: dict[int, list[Candidate]],
    state: _State,
    taken: set[int],
    order: dict[int, int],
    cap: int,
    threshold: float,
) -> Candidate:
    """A false statement of the same sentence in place of a true one, while the list has as
    many true statements as false ones or more."""
    if state.true_statements < state.false_statements:
        return candidate
    for other in falses.get(candidate.fact.sentence.index, ()):
        if order[id(other)] not in taken and state.admits(other, cap, threshold):
            return other
    return candidate


def _statement_of_truth(candidate: Candidate) -> bool:
    """A true/false item keyed True (a false one of its sentence may be taken in its place)."""
    return candidate.item.kind == "truefalse" and candidate.item.answer == "True"


def _made_false(candidate: Candidate) -> bool:
    """A true/false item keyed False."""
    return candidate.item.kind == "truefalse" and candidate.item.answer == "False"


def _weighted(candidate: Candidate) -> float:
    """The worth a candidate is ordered by (``TRUE_WEIGHT`` for a true statement)."""
    return candidate.worth * (TRUE_WEIGHT if _statement_of_truth(candidate) else 1.0)


def _false_statements(
    candidates: Sequence[Candidate], threshold: float
) -> dict[int, list[Candidate]]:
    """Statements made false that may be published, by sentence, best first."""
    found: dict[int, list[Candidate]] = {}
    for candidate in sorted(candidates, key=lambda c: -c.worth):
        if _made_false(candidate) and candidate.item.score >= threshold - FALSE_MARGIN:
            found.setdefault(candidate.fact.sentence.index, []).append(candidate)
    return found


def _best_of_each_kind(candidates: Sequence[Candidate], threshold: float) -> list[list[Candidate]]:
    """Each kind's best few candidates in order of worth; the kinds with the fewest candidates
    over the threshold first (they have the least choice of sentence), then by their best."""
    by_kind: dict[str, list[Candidate]] = {}
    for candidate in sorted(candidates, key=lambda c: -c.worth):
        if candidate.item.score >= threshold and not candidate.fact.loose:
            by_kind.setdefault(candidate.item.kind, []).append(candidate)
    firsts = sorted(by_kind.values(), key=lambda group: (len(group), -group[0].worth))
    return [group[:BEST_TRIED] for group in firsts]


@dataclass
class _State:
    """What is published so far, and the counts the rules read."""

    published: list[Candidate] = field(default_factory=list)
    tested: set[tuple[int, str]] = field(default_factory=set)
    per_kind: Counter[str] = field(default_factory=Counter)
    per_answer: Counter[str] = field(default_factory=Counter)
    #: Published items by each sentence they draw on (only these can give an item away).
    by_sentence: dict[int, list[Candidate]] = field(default_factory=dict)
    #: Published true/false items by key ("True", "False").
    statements: Counter[str] = field(default_factory=Counter)

    def admits(self, candidate: Candidate, cap: int, threshold: float) -> bool:
        """Whether the candidate may join the list (the module's rules)."""
        floor = threshold - FALSE_MARGIN if _made_false(candidate) else threshold
        if candidate.item.score < floor or len(self.published) >= cap or candidate.fact.loose:
            return False
        if any(self.per_answer[normalise(a)] >= PER_ANSWER for a in _answers(candidate)):
            return False
        if _facts_tested(candidate) & self.tested:
            return False
        sentences = _sentences(candidate)
        if any(len(self.by_sentence.get(s, ())) >= PER_SENTENCE for s in sentences):
            return False
        if self.per_kind[candidate.item.kind] >= max(MIN_PER_KIND, KIND_SHARE * cap):
            return False
        return not any(  # only an item drawing on one of its sentences can give it away
            gives_away(candidate, other)
            for sentence in sentences
            for other in self.by_sentence.get(sentence, ())
        )

    def room_for_true(self) -> bool:
        """Another true statement keeps the list's true/false items from being mostly true."""
        return self.true_statements < TRUE_PER_FALSE * self.false_statements + TRUE_ALLOWANCE

    @property
    def true_statements(self) -> int:
        """Published true/false items keyed True."""
        return self.statements["True"]

    @property
    def false_statements(self) -> int:
        """Published true/false items keyed False."""
        return self.statements["False"]

    def add(self, candidate: Candidate) -> None:
        """Publish the candidate."""
        self.published.append(candidate)
        self.tested |= _facts_tested(candidate)
        for sentence in _sentences(candidate):
            self.by_sentence.setdefault(sentence, []).append(candidate)
        if candidate.item.kind == "truefalse":
            self.statements[candidate.item.answer] += 1
        self.per_kind[candidate.item.kind] += 1
        self.per_answer.update(normalise(a) for a in _answers(candidate))
