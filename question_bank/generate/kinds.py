"""Item kinds as a registry: each turns facts into candidate items (filtered and ranked later)."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import replace

from question_bank.facts.context import GAP
from question_bank.facts.quotes import short_quote
from question_bank.generate.prompts import Env, asks, gapped
from question_bank.generate.variants import accepted_variants
from question_bank.model import Fact, Item

CHOICES = 4
MIN_CHOICES = 3
MIN_PAIRS = 3
#: Longest typed answer, in words, by answer class (titles run long: "Under Secretary for ...").
SHORT_ANSWER_WORDS = {"role": 8}
#: Pairs shown in one matching item (a longer list becomes several items).
MAX_PAIRS = 4
BASE_SCORE = {"question": 0.8, "cloze": 0.65, "truefalse": 0.6, "matching": 0.75, "ordering": 0.7}
#: Subtracted from items built on a phrase fact (not a named entity): asked after the others.
PHRASE_PENALTY = 0.08


def _base(kind: str, fact: Fact) -> float:
    return BASE_SCORE[kind] - (PHRASE_PENALTY if fact.attr("origin") == "phrase" else 0.0)


def _item(fact: Fact, kind: str, number: int, **fields) -> Item:
    return Item(
        id=f"{fact.id}-{kind}-{number}",
        kind=kind,
        evidence=fact.sentence,
        fact_type=fact.type,
        fact_id=fact.id,
        explanation=f"The article says: {fact.sentence}",
        **fields,
    )


def multichoice(facts: Sequence[Fact], env: Env) -> Iterator[Item]:
    """Questions with the answer among same-class distractors; else gapped statements."""
    for stem, cls in multichoice_stems(facts):
        item = with_choices(stem, cls, env)
        if item is not None:
            yield item


def multichoice_stems(facts: Sequence[Fact]) -> Iterator[tuple[Item, str]]:
    """Multiple-choice items without their choices yet, each with its answer's class."""
    for fact in facts:
        options = [(a.prompt, a.answer, a.cls, BASE_SCORE["question"]) for a in asks(fact)]
        gap = gapped(fact)
        if not options and gap is not None:
            options = [
                (
                    f"Which answer fills the gap? {gap.with_gap()}",
                    gap.answer,
                    gap.cls,
                    BASE_SCORE["cloze"],
                )
            ]
        for number, (prompt, answer, cls, score) in enumerate(options, start=1):
            item = _item(fact, "multichoice", number, prompt=prompt, answer=answer, score=score)
            yield item, cls


def with_choices(item: Item, cls: str, env: Env) -> Item | None:
    """The item with its answer among same-class distractors; None when too few are found."""
    number = item.id.rsplit("-", 1)[1]
    rng = env.rng(item.fact_id, "multichoice", number)
    wrong = env.pool.pick(cls, item.answer, CHOICES - 1, rng, stem=item.prompt)
    if len(wrong) + 1 < MIN_CHOICES:
        return None
    choices = [item.answer, *wrong]
    rng.shuffle(choices)
    return replace(item, choices=tuple(choices))


def truefalse(facts: Sequence[Fact], env: Env) -> Iterator[Item]:
    """Statements, true as written or made false by swapping the answer for a same-class one."""
    for fact in facts:
        gap = gapped(fact)
        if gap is None or fact.attr("origin") == "phrase":
            continue
        rng = env.rng(fact.id, "truefalse")
        swap = env.pool.pick(gap.cls, gap.answer, 1, rng, stem=gap.statement)
        make_false = bool(swap) and rng.random() < 0.5
        statement = gap.with_gap(swap[0]) if make_false else gap.statement
        answer = "False" if make_false else "True"
        yield _item(
            fact,
            "truefalse",
            1,
            prompt=statement,
            answer=answer,
            score=BASE_SCORE["truefalse"],
            choices=("True", "False"),
        )


def cloze(facts: Sequence[Fact], env: Env) -> Iterator[Item]:
    """The fact's statement with its answer blanked as ``_____``."""
    for fact in facts:
        gap = gapped(fact)
        if gap is None or fact.type in ("quote", "role"):
            continue
        yield _item(
            fact,
            "cloze",
            1,
            prompt=gap.with_gap(GAP),
            answer=gap.answer,
            score=_base("cloze", fact),
            accepted=accepted_variants(gap.answer, fact),
        )


def shortanswer(facts: Sequence[Fact], env: Env) -> Iterator[Item]:
    """Wh-questions with short answers, with the variants a marker should accept."""
    for fact in facts:
        for number, ask in enumerate(asks(fact), start=1):
            if len(ask.answer.split()) > SHORT_ANSWER_WORDS.get(ask.cls, 4):
                continue
            yield _item(
                fact,
                "shortanswer",
                number,
                prompt=ask.prompt,
                answer=ask.answer,
                score=_base("question", fact) - 0.05,
                accepted=accepted_variants(ask.answer, fact),
            )


def numerical(facts: Sequence[Fact], env: Env) -> Iterator[Item]:
    """Number questions answered by a value, with a tolerance when the text hedges it."""
    for fact in facts:
        if fact.type != "number" or not fact.attr("question"):
            continue
        value = float(fact.attr("value"))
        tolerance = round(value * 0.1, 2) if fact.attr("hedge") else 0.0
        prompt = fact.attr("question").rstrip("?") + ", according to the article? Give a number."
        yield _item(
            fact,
            "numerical",
            1,
            prompt=prompt,
            answer=fact.attr("value"),
            score=BASE_SCORE["question"],
            tolerance=tolerance,
        )


def matching(facts: Sequence[Fact], env: Env) -> Iterator[Item]:
    """Match people to roles, and quotations to speakers, when there are enough pairs."""
    groups = {
        "role": ("Match each person to their role.", lambda f: (f.text, f.attr("role_phrase"))),
        "quote": (
            "Match each quotation to its speaker.",
            lambda f: (short_quote(f.text), f.attr("speaker")),
        ),
    }
    for fact_type, (prompt, pair_of) in groups.items():
        chosen = [f for f in facts if f.type == fact_type and all(pair_of(f))]
        sources = dict(reversed([(pair_of(f), f) for f in chosen]))
        pairs = list(dict.fromkeys(pair_of(f) for f in chosen))
        if len(pairs) < MIN_PAIRS and not (fact_type == "role" and len(pairs) >= 2):
            continue
        rng = env.rng("matching", fact_type)
        for number, group in enumerate(_pair_groups(pairs), start=1):
            shown = tuple(rng.sample(group, len(group)))
            sentences = " ".join(dict.fromkeys(sources[pair].sentence for pair in group))
            yield replace(
                _item(
                    sources[group[0]],
                    "matching",
                    number,
                    prompt=prompt,
                    answer="; ".join(f"{left} = {right}" for left, right in shown),
                    score=BASE_SCORE["matching"],
                    pairs=shown,
                ),
                explanation=f"The article says: {sentences}",
            )


def _pair_groups(pairs: list[tuple[str, str]]) -> list[list[tuple[str, str]]]:
    """Split pairs, in text order, into groups of ``MAX_PAIRS``; a short last group joins the
    one before."""
    groups = [pairs[start : start + MAX_PAIRS] for start in range(0, len(pairs), MAX_PAIRS)]
    if len(groups) > 1 and len(groups[-1]) < MIN_PAIRS - 1:
        groups[-2].extend(groups.pop())
    return groups


def ordering(facts: Sequence[Fact], env: Env) -> Iterator[Item]:
    """Put dated events in the order they happened (at least three distinct days)."""
    dated = {}
    for fact in facts:
        if (
            fact.type == "date"
            and _sound_event(fact.attr("event"))
            and fact.attr("granularity") == "day"
        ):
            dated.setdefault(fact.attr("iso"), fact)
    if len(dated) < MIN_CHOICES:
        return
    events = [_sentence_case(dated[iso].attr("event")) for iso in sorted(dated)]
    rng = env.rng("ordering")
    shown = events[:]
    while shown == events:
        rng.shuffle(shown)
    first = dated[min(dated)]
    yield _item(
        first,
        "ordering",
        1,
        prompt="Put the events below in order, earliest first.",
        answer=" > ".join(events),
        score=BASE_SCORE["ordering"],
        sequence=tuple(events),
        choices=tuple(shown),
    )


_PREPOSITIONS = frozenset("on in at of for to from by with".split())


def _sound_event(text: str) -> bool:
    """An event label reads whole: 3 to 16 words, no preposition left dangling or doubled."""
    words = text.lower().split()
    if not 3 <= len(words) <= 16 or words[-1] in _PREPOSITIONS:
        return False
    pairs = zip(words, words[1:], strict=False)
    return not any(a in _PREPOSITIONS and b in _PREPOSITIONS for a, b in pairs)


def _sentence_case(text: str) -> str:
    return text[:1].upper() + text[1:]


#: Item kind -> builder from facts to candidate items.
KINDS: dict[str, Callable[[Sequence[Fact], Env], Iterator[Item]]] = {
    "multichoice": multichoice,
    "truefalse": truefalse,
    "cloze": cloze,
    "shortanswer": shortanswer,
    "matching": matching,
    "ordering": ordering,
    "numerical": numerical,
}
