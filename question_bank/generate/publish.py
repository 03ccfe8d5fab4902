"""Which ranked candidates are published: a short list a teacher can hand out as it is.

Taken best first, a candidate is published when its score reaches the threshold and:

* it tests no fact a published item tests (a fact is its sentence and its answer), and gives no
  published item's answer away in its stem (nor does one give its own);
* its sentence has fewer than ``PER_SENTENCE`` published items, its answer fewer than
  ``PER_ANSWER``, and its kind less than ``KIND_SHARE`` of the list (with room for
  ``MIN_PER_KIND`` of each);
* the list is shorter than ``PER_100_WORDS`` items per hundred words of the article.

The rest stay available, ranked, as "more"; exact repeats of a stem and answer are dropped.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from question_bank.generate.distractors import mentions_name, normalise
from question_bank.generate.kinds import GAP, Candidate

PER_100_WORDS = 8.0
PER_SENTENCE = 2
#: Published items sharing one answer ("Ilham Aliyev" to every "Who said ...?"), at most.
PER_ANSWER = 2
KIND_SHARE = 0.4
MIN_PER_KIND = 3


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


def gives_away(first: Candidate, second: Candidate) -> bool:
    """Tell whether one item's stem shows the other's answer for the same sentence."""
    if not _sentences(first) & _sentences(second):
        return False
    for stem_of, answers_of in ((first, second), (second, first)):
        stem = stem_of.item.prompt.replace(GAP, " ")
        if stem_of.item.kind == "truefalse" or stem_of.item.pairs:
            stem = " ".join([stem, *(left for left, _ in stem_of.item.pairs)])
        if any(mentions_name(stem, answer) for answer in _answers(answers_of) if answer):
            return True
    return False


def select(
    candidates: Sequence[Candidate], words: int, threshold: float
) -> Selection:
    """Split ranked candidates (best first) into the published list and the rest."""
    cap = max(1, int(words * PER_100_WORDS / 100))
    published: list[Candidate] = []
    more: list[Candidate] = []
    tested: set[tuple[int, str]] = set()
    per_sentence: Counter[int] = Counter()
    per_kind: Counter[str] = Counter()
    per_answer: Counter[str] = Counter()
    seen: set[tuple[str, str]] = set()
    for candidate in candidates:
        identity = (normalise(candidate.item.prompt), normalise(candidate.item.answer))
        if identity in seen:
            continue
        seen.add(identity)
        answers = [normalise(a) for a in _answers(candidate)]
        if any(per_answer[a] >= PER_ANSWER for a in answers):
            more.append(candidate)
            continue
        if _publishable(candidate, published, tested, per_sentence, per_kind, cap, threshold):
            published.append(candidate)
            per_answer.update(answers)
            tested |= _facts_tested(candidate)
            for sentence in _sentences(candidate):
                per_sentence[sentence] += 1
            per_kind[candidate.item.kind] += 1
        else:
            more.append(candidate)
    return Selection(tuple(published), tuple(more))


def _publishable(
    candidate: Candidate,
    published: list[Candidate],
    tested: set[tuple[int, str]],
    per_sentence: Counter[int],
    per_kind: Counter[str],
    cap: int,
    threshold: float,
) -> bool:
    if candidate.item.score < threshold or len(published) >= cap:
        return False
    if _facts_tested(candidate) & tested:
        return False
    if any(per_sentence[s] >= PER_SENTENCE for s in _sentences(candidate)):
        return False
    if per_kind[candidate.item.kind] >= max(MIN_PER_KIND, KIND_SHARE * cap):
        return False
    return not any(gives_away(candidate, other) for other in published)
