"""Distractors of the same type and semantic class as the answer.

Sources in order: the article's own facts, an optional pool from the rest of the bank, then the
data shipped with the package (countries and capitals, agreement kinds, fields) or, for dates and
numbers, values derived from the answer at the same granularity or magnitude. A candidate is
dropped when it equals or aliases the answer, appears in the stem, or repeats another choice.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import timedelta
from itertools import chain

from rapidfuzz import fuzz

from question_bank.data import (
    COOPERATION_FIELDS,
    NEWS_AGENCIES,
    Country,
    capital_of,
    countries,
    country_by_name,
    recognised_name_kinds,
)
from question_bank.facts.numbers import format_number, parse_number
from question_bank.facts.people import ROLE_WORDS
from question_bank.generate.answer_forms import answer_form, entity_key
from question_bank.generate.caches import memoised
from question_bank.generate.draws import drawn, drawn_later
from question_bank.generate.filters import contains_words, stop_words
from question_bank.model import Fact
from question_bank.reading.dates import ResolvedDate, parse_date_text

AGREEMENT_KINDS = (
    "Free Trade Agreement",
    "Joint Declaration",
    "Defence Cooperation Agreement",
    "Visa Waiver Agreement",
    "Letter of Intent",
    "Peace Treaty",
)
#: Distractor class -> the entity kind its shipped values have.
SHIPPED_KINDS = {"country": "place", "capital": "place", "agency": "organisation", "role": "role"}
MINISTRIES = (
    "defence",
    "finance",
    "health",
    "education",
    "transport",
    "justice",
    "culture",
    "energy",
)


def _norm(text: str) -> str:
    return re.sub(r"[^\w ]", "", text.casefold().removeprefix("the ")).strip()


@memoised(maxsize=65536)
def is_alias(candidate: str, answer: str) -> bool:
    """True when a candidate names the answer (same text, a part of it, or a near spelling)."""
    a, b = _norm(candidate), _norm(answer)
    if not a or not b or a == b:
        return True
    words_a, words_b = set(a.split()), set(b.split())
    if words_a <= words_b or words_b <= words_a:
        return True
    content_a, content_b = words_a - stop_words(), words_b - stop_words()
    if content_a and content_b and (content_a <= content_b or content_b <= content_a):
        return True
    return fuzz.ratio(a, b) >= 88


#: Words of address written before a name.
HONORIFICS = frozenset({"mr", "mrs", "ms", "miss", "dr", "prof", "sir", "dame", "lord", "lady"})


def opens_with_title(text: str) -> bool:
    """Tell whether a name opens with an honorific or a title word ("Ms Bauchtman", "Dr X")."""
    first = text.split(maxsplit=1)[0].casefold().rstrip(".") if text.strip() else ""
    return first in HONORIFICS or first in ROLE_WORDS


def is_role_phrase(text: str) -> bool:
    """Tell whether a phrase opens or ends with a title word ("Foreign Minister", "Minister of")."""
    words = [w for w in re.findall(r"[^\W_]+", text.casefold()) if w not in ("the", "a", "an")]
    return bool(words) and (words[0] in ROLE_WORDS or words[-1] in ROLE_WORDS)


def _dates_near(answer: str, granularity: str) -> list[str]:
    found = parse_date_text(answer)
    if found is None:
        return []
    if granularity == "year":
        return [str(found.value.year + step) for step in (-1, 1, -2, 2, -3)]
    steps = (1, -1, 7, -7, 2, 30, -30, 60)
    shifted = [ResolvedDate(found.value + timedelta(days=d), granularity).display for d in steps]
    return [text for text in shifted if " May " not in f" {text} "]


def _numbers_near(answer: str) -> list[str]:
    """Return values of the same magnitude written like the answer (its hedge and unit kept)."""
    found = re.search(r"\d[\d,]*(?:\.\d+)?", answer)
    value = parse_number(found.group(0)) if found else None
    if found is None or value is None or value == 0:
        return []
    factors = (0.5, 2, 0.75, 1.5, 3, 0.25)
    before, after = answer[: found.start()], answer[found.end() :]
    return [before + format_number(_round_like(value * f, value)) + after for f in factors]


def _round_like(value: float, like: float) -> float:
    digits = max(len(str(int(abs(like)))) - 2, 0)
    return round(value, -digits) if like == int(like) else round(value, 1)


def _signers(answer: str) -> list[str]:
    found = re.match(r"^(the )?(.+?) (ministers?)( of .+)$", answer)
    if found is None:
        return []
    the, roles, noun, rest = found.groups()
    pairs = [
        (a, b)
        for a in MINISTRIES
        for b in MINISTRIES
        if a < b and a not in roles and b not in roles
    ]
    return [f"{the or ''}{a} and {b} {noun}{rest}" for a, b in pairs]


def _region_of(answer: str) -> str:
    country = country_by_name().get(answer.lower()) or capital_of().get(answer.lower())
    return country.region if country else ""


@memoised(maxsize=256)
def _countries_near(region: str) -> tuple[Country, ...]:
    """Countries of a region first, then the rest, each group by name."""
    return tuple(sorted(countries(), key=lambda c: (c.region != region, c.name)))


def _shipped(cls: str, answer: str) -> list[str]:
    region = _region_of(answer) if cls in ("country", "capital") else ""
    ordered = _countries_near(region)
    generated: dict[str, Callable[[], list[str]]] = {
        "country": lambda: [c.name for c in ordered],
        "capital": lambda: [c.capital for c in ordered],
        "agency": lambda: list(NEWS_AGENCIES),
        "agreement": lambda: list(AGREEMENT_KINDS),
        "field": lambda: list(COOPERATION_FIELDS),
        "signers": lambda: _signers(answer),
        "date:day": lambda: _dates_near(answer, "day"),
        "date:month": lambda: _dates_near(answer, "month"),
        "date:year": lambda: _dates_near(answer, "year"),
    }
    if cls.startswith("number:") or cls.startswith("duration:"):
        return _numbers_near(answer)
    return generated.get(cls, lambda: [])()


@dataclass
class DistractorPool:
    """Answers seen in an article (and optionally the bank), grouped by semantic class.

    ``kinds`` maps the article's entity texts (``entity_key``) to the kind of their label, so
    that a distractor is the same kind of thing as the answer (a person for a person).
    """

    by_class: dict[str, list[str]] = field(default_factory=dict)
    kinds: dict[str, str] = field(default_factory=dict)
    from_bank: dict[str, list[str]] = field(default_factory=dict)
    _distinct: dict[str, dict[str, None]] = field(default_factory=dict, repr=False)

    def add(self, cls: str, value: str) -> None:
        """Record one answer of a class (dates in one written form)."""
        if cls.startswith("date:") and value:
            found = parse_date_text(value)
            value = found.display if found is not None else ""
        if cls and value and value not in self.by_class.setdefault(cls, []):
            self.by_class[cls].append(value)
            self._distinct.clear()

    def _article_answers(self, cls: str) -> dict[str, None]:
        """The article's answers of a class without repeats, in order (read once per class)."""
        if cls not in self._distinct:
            self._distinct[cls] = dict.fromkeys(self.from_article(cls))
        return self._distinct[cls]

    def from_article(self, cls: str) -> list[str]:
        """Return the article's (and bank's) answers of a class; people share one family."""
        if cls.startswith("person"):
            return [
                v
                for key, values in self.by_class.items()
                if key.startswith("person")
                for v in values
            ]
        return list(self.by_class.get(cls, []))

    def answer_kind(self, cls: str, answer: str) -> str | None:
        """Return the answer's entity kind: "" when unknown, None when its label contradicts cls.

        A person the recogniser did not label a person is unreliable too (None).
        """
        kind = self.kinds.get(entity_key(answer), "")
        expected = SHIPPED_KINDS.get(cls) or ("person" if cls.startswith("person") else "")
        if kind and expected and kind != expected or expected == "person" and not kind:
            return None
        return kind or expected

    def fits(self, candidate: str, answer: str, kind: str, shipped: bool) -> bool:
        """Tell whether a candidate is the same form and kind of thing as the answer.

        A candidate opening with a title or honorific ("Ms Bauchtman") fits only an answer that
        opens with one too: swapped in after "Professor", titles would stack.
        """
        if answer_form(candidate) != answer_form(answer):
            return False
        if kind == "role":
            return is_role_phrase(candidate) and is_role_phrase(answer)
        if opens_with_title(candidate) and not opens_with_title(answer):
            return False
        if answer_form(answer) not in ("name", "phrase"):
            return bool(re.search(r"\d", candidate)) == bool(re.search(r"\d", answer))
        candidate_kind = self.kinds.get(entity_key(candidate), "")
        if shipped and not candidate_kind:
            return recognised_name_kinds().get(candidate, "") in ("", kind)
        return candidate_kind == kind

    def pick(
        self, cls: str, answer: str, count: int, rng: random.Random, stem: str = ""
    ) -> list[str]:
        """Return up to ``count`` distractors: same class and kind, no aliases, none in the stem.

        The article's own answers come first, then the bank's, then shipped or derived ones; the
        seed shuffles each group.
        An answer whose entity label contradicts its class (an unreliable label) gets none.
        """
        kind = self.answer_kind(cls, answer)
        if kind is None:
            return []
        article = self._article_answers(cls)
        bank = [v for v in dict.fromkeys(self.from_bank.get(cls, [])) if v not in article]
        chosen: list[str] = []
        ordered = chain(
            ((a, False) for a in drawn(list(article), rng)),
            ((b, True) for b in drawn(bank, rng)),
            ((s, True) for s in drawn_later(lambda: _shipped(cls, answer), rng, count * 3)),
        )
        for candidate, from_shipped in ordered:
            if not self.fits(candidate, answer, kind, from_shipped) or not self._acceptable(
                candidate, answer, chosen, stem
            ):
                continue
            chosen.append(candidate)
            if len(chosen) == count:
                break
        return chosen

    @staticmethod
    def _acceptable(candidate: str, answer: str, chosen: list[str], stem: str) -> bool:
        if is_alias(candidate, answer) or any(is_alias(candidate, c) for c in chosen):
            return False
        return not (stem and any(contains_words(stem, part) for part in _distinct_parts(candidate)))


def _distinct_parts(candidate: str) -> list[str]:
    """The candidate and, for a multi-word name, each capitalised word of it (a surname ...)."""
    parts = [candidate]
    if answer_form(candidate) == "name":
        parts += [w for w in candidate.split() if w[:1].isupper() and len(w) > 3]
    return parts


def build_pool(
    facts: Iterable[Fact],
    extra: dict[str, Iterable[str]] | None = None,
    kinds: dict[str, str] | None = None,
) -> DistractorPool:
    """Collect every answer of the article's facts by class, then ``extra`` (the rest of a bank).

    ``kinds`` maps entity texts to their kind (see ``answer_forms.entity_kinds``).
    """
    pool = DistractorPool(kinds=dict(kinds or {}))
    for fact in facts:
        attributes = dict(fact.attributes)  # read once: ``Fact.attr`` builds it per call
        pool.add(attributes.get("class", ""), attributes.get("statement", "") and _gap_text(fact))
        for answer in ("answer", "answer2", "answer3"):
            pool.add(attributes.get(answer + "_class", ""), attributes.get(answer, ""))
        if fact.type in ("person", "role"):
            pool.add("person", fact.text)
    for cls, values in (extra or {}).items():
        pool.from_bank[cls] = [value for value in values if value]
    return pool


def _gap_text(fact: Fact) -> str:
    statement, start, end = fact.attr("statement"), fact.attr("gap_start"), fact.attr("gap_end")
    if not start or not end or int(start) < 0:
        return ""
    return statement[int(start) : int(end)]
