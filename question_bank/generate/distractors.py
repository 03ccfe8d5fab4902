"""Distractors of the answer's own type: from the article first, then the question bank, then
shipped lists (countries and cities of the same region) or values made in the answer's form.

Every option is checked to be wrong and not the answer in another form: not equal to the answer
or one of its accepted forms, not a part of it or it of them, not its acronym, not the same
country under another name, not named in the item's own sentence, and not stated elsewhere in the
article in the same way (``_stated_elsewhere``).
"""

from __future__ import annotations

import random
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from itertools import islice
from typing import TYPE_CHECKING

from question_bank.data import (
    capital_index,
    cities,
    city_index,
    countries,
    country_by_name,
    name_key,
)
from question_bank.facts.classes import countries_in, country_name, takes_the
from question_bank.facts.forms import (
    nearby_dates,
    nearby_numbers,
    number_value,
    read_date,
    read_number,
)
from question_bank.facts.people import persons_described
from question_bank.reading.dates import WEEKDAYS

if TYPE_CHECKING:
    from question_bank.facts.document import ArticleDoc
    from question_bank.facts.found import Found

_WORD = re.compile(r"[^\W_]+", re.UNICODE)
#: Options of one source looked at, at most, for one item (the best placed first).
MAX_OPTIONS_SEEN = 40
#: A neighbour this many times more populous may contain a territory (see ``_may_contain``).
CONTAINING_RATIO = 20
#: Years apart an article's other year may be and still be offered beside a year.
YEAR_WINDOW = 25
#: Smallest population of a country offered as a distractor (leaves out tiny territories).
MIN_COUNTRY_POPULATION = 1_000_000
_STOP = frozenset("the a an of and for to in on at by with".split())
#: Classes with no reliable type to draw options of: list members ("tourism", "energy").
UNTYPED = frozenset({"term", "phrase"})
#: Classes whose options must name the same kind of thing as the answer (see ``type_word``).
TYPED_BY_HEAD = frozenset({"organisation", "place", "place:facility", "place:area", "event"})


def normalised_words(text: str) -> list[str]:
    """The words of ``normalise(text)``, not joined (nor kept)."""
    words = _WORD.findall(text.casefold())
    if words and words[0] in ("the", "a", "an"):
        del words[0]
    return words


@lru_cache(maxsize=65536)
def normalise(text: str) -> str:
    """Case-folded words only, a leading article dropped."""
    return " ".join(normalised_words(text))


def _content(text: str) -> set[str]:
    return {w for w in normalise(text).split() if w not in _STOP}


def _acronym(text: str) -> str:
    return "".join(w[0] for w in _WORD.findall(text) if w[:1].isupper() and w.lower() not in _STOP)


@lru_cache(maxsize=65536)
def same_answer(first: str, second: str) -> bool:
    """Tell whether two options are one answer in two forms (the module's rules)."""
    a, b = normalise(first), normalise(second)
    if not a or not b or a == b:
        return True
    words_a, words_b = _content(first), _content(second)
    if words_a and words_b and (words_a <= words_b or words_b <= words_a):
        return True
    compact_a, compact_b = a.replace(" ", ""), b.replace(" ", "")
    if (
        compact_a in (_acronym(second).lower(), b.replace(" ", ""))
        or compact_b == _acronym(first).lower()
    ):
        return True
    country_a, country_b = country_name(first), country_name(second)
    if country_a and country_a == country_b:
        return True
    value_a, value_b = number_value(first), number_value(second)
    return value_a is not None and value_a == value_b


@dataclass(frozen=True)
class Option:
    """A distractor and where it came from (article, bank, list or made)."""

    text: str
    source: str


@dataclass
class DistractorPool:
    """Answers of the article grouped by class, the question bank's, and the lists."""

    article: ArticleDoc
    by_class: dict[str, list[str]] = field(default_factory=dict)
    bank: dict[str, list[str]] = field(default_factory=dict)
    with_the: set[str] = field(default_factory=set)
    _naming: dict[str, list[int]] = field(default_factory=dict)
    _sentence_lemmas: dict[int, frozenset[str]] = field(default_factory=dict)
    _sentence_names: dict[int, frozenset[str]] = field(default_factory=dict)
    _subjects: dict[str, bool] = field(default_factory=dict)
    #: The article's options of a class that bear one type word, by (class, type word).
    _typed_options: dict[tuple[str, str], list[str]] = field(default_factory=dict)

    @classmethod
    def build(
        cls, article: ArticleDoc, facts: Iterable[Found], bank: Mapping[str, Iterable[str]]
    ) -> DistractorPool:
        """Collect the article's answers by class, most mentioned first."""
        counts: dict[tuple[str, str], int] = {}
        first: dict[tuple[str, str], int] = {}
        the_votes: dict[str, int] = {}
        for position, fact in enumerate(facts):
            if fact.type == "quote":
                continue
            if fact.span is not None and fact.span[0] > 0:
                the_votes.setdefault(fact.key, 0)
                last = fact.span[1] - 1
                if article.tokens.head[last] <= last:  # "U.S. officials" tells nothing
                    before = article.tokens.lower[fact.span[0] - 1]
                    the_votes[fact.key] += 1 if before == "the" else -1
            key = (_pool_class(fact.cls), fact.key)
            counts[key] = counts.get(key, 0) + 1
            first.setdefault(key, position)
        by_class: dict[str, list[str]] = {}
        for group, text in sorted(counts, key=lambda k: (-counts[k], first[k])):
            by_class.setdefault(group, []).append(text)
        with_the = {
            text for text, votes in the_votes.items() if votes > 0 or votes == 0 and takes_the(text)
        }
        return cls(article, by_class, {k: list(v) for k, v in bank.items()}, with_the)

    def choose(
        self,
        answer_class: str,
        answer: str,
        count: int,
        rng: random.Random,
        avoid_text: str,
        sentence: int,
        variants: tuple[str, ...] = (),
        after_the: bool | None = None,
        described: str = "",
        post: str = "",
        capital: bool = False,
    ) -> list[Option]:
        """Up to ``count`` wrong options of the answer's class (fewer when too few are sound).

        ``after_the`` says whether the options stand after "the" in the stem (True), after no
        article (False) or alone (None): a name is offered only where it reads as it would in
        the article ("the United States", but not "the Canada"). ``described`` is the noun the
        stem puts beside a person ("Facebook creator _____"): only people the article describes
        the same way are offered then. ``capital`` says the stem calls the answer a capital:
        only capitals are offered.
        """
        allowed = None
        if answer_class == "person" and described:
            allowed = {
                self.article.people.persons[k].name
                for k in persons_described(self.article.people, described)
            }
        if answer_class == "person" and post:
            allowed = self._holders_of_like_posts(post)
        if capital:
            allowed = {c.capital for c in countries() if c.capital}
        chosen: list[Option] = []
        names = not answer_class.startswith(("date:", "number:", "duration"))
        if answer_class == "person":
            after_the = None  # a person's name never takes "the", whatever its form
        for source, options in self._sources(answer_class, answer):
            for text in islice(options, MAX_OPTIONS_SEEN):
                if len(chosen) >= count:
                    return chosen
                if allowed is not None and text not in allowed:
                    continue
                if names and after_the is not None and self._takes_the(text, source) != after_the:
                    continue
                if self._unsound(text, answer, variants, chosen, avoid_text, sentence, names):
                    continue
                chosen.append(Option(text, source))
        return chosen

    def _unsound(
        self,
        text: str,
        answer: str,
        variants: tuple[str, ...],
        chosen: list[Option],
        avoid_text: str,
        sentence: int,
        names: bool,
    ) -> bool:
        if not text or any(same_answer(text, other) for other in (answer, *variants)):
            return True
        if any(same_answer(text, option.text) for option in chosen):
            return True
        if mentions_name(avoid_text, text):
            return True
        country = country_name(text)
        if country and country in countries_in(avoid_text):
            return True
        if country and _may_contain(country, country_name(answer)):
            return True
        if names and any(
            len(part) >= 3 and part[:1].isupper() and mentions_name(avoid_text, part)
            for part in text.split()
        ):
            return True
        return self._stated_elsewhere(text, answer, sentence)

    def _holders_of_like_posts(self, post: str) -> set[str]:
        """People whose post belongs to the same country or body as ``post`` ("British Foreign
        Secretary" -> other British office holders); with no country or body named, holders of
        a post with the same last word."""
        mine = _qualifiers(post)
        people = self.article.people
        found = set()
        for role in people.roles:
            theirs = _qualifiers(role.title)
            same = mine & theirs if mine else role.title.split()[-1] == post.split()[-1]
            if same:
                found.add(people.persons[role.person].name)
        return found

    def main_subject(self, answer: str) -> bool:
        """``_main_subject``, worked out once per answer."""
        if answer not in self._subjects:
            self._subjects[answer] = self._main_subject(answer)
        return self._subjects[answer]

    def _main_subject(self, answer: str) -> bool:
        """The answer is what the article is about: in its headline, or named three times or
        more and at least twice as often as any other name of its class. Options beside it that
        the article never names give it away; a gap on it asks what every reader knows."""
        words = set(normalise(answer).split())
        headline = set(normalise(self.article.meta.title).split())
        if words and words <= headline:
            return True
        country = country_name(answer)
        if country and country in countries_in(self.article.meta.title):
            return True
        counts = self._counts
        mentions = counts.get(answer, 0)
        if mentions < 3:
            return False
        rivals = [
            counts.get(other, 0)
            for group in self.by_class.values()
            if answer in group
            for other in group[:MAX_OPTIONS_SEEN]
            if other != answer
        ]
        return all(2 * count <= mentions for count in rivals)

    def partner(self, answer: str) -> str:
        """The other of the article's two leading countries when the answer is one of them ("" when
        it is not): each named three times or more, and no third country named more than half as
        often as the second. A gap on one beside the other ("_____ has friends in Belarus" in a
        story on two countries' talks) asks what every reader of the story knows."""
        ranked = sorted(
            ((self._counts.get(name, 0), name) for name in self.by_class.get("country", ())),
            key=lambda pair: -pair[0],
        )
        if len(ranked) < 2 or ranked[1][0] < 3:
            return ""
        if len(ranked) > 2 and 2 * ranked[2][0] > ranked[1][0]:
            return ""
        first, second = ranked[0][1], ranked[1][1]
        return {first: second, second: first}.get(answer, "")

    @cached_property
    def _counts(self) -> dict[str, int]:
        """How often each of the article's answers is named in it (counted once)."""
        return {
            name: len(self._sentences_naming(name))
            for group in self.by_class.values()
            for name in group
        }

    def _takes_the(self, text: str, source: str) -> bool:
        """Whether a name is written after "the": as the article writes it, else by its form."""
        if source == "article":
            return text in self.with_the
        return takes_the(text)

    def _sentences_naming(self, text: str) -> list[int]:
        """The sentences that name ``text`` (found once per name)."""
        if text not in self._naming:
            article = self.article
            found = article.name_offsets(text)
            self._naming[text] = sorted({article.sentence_at_char(at) for at in found})
        return self._naming[text]

    def _stated_elsewhere(self, text: str, answer: str, sentence: int) -> bool:
        """The option stands in the same sentence as the answer, or shares a sentence with the
        answer's sentence's main verb and another of its names: it may be true there too."""
        article = self.article
        here = article.sentences[sentence]
        verb = article.tokens.lemma[here.root].lower()
        names = self._names(sentence) - {normalise(answer)}
        for index in self._sentences_naming(text):
            if index == sentence:
                return True
            if verb in self._lemmas(index) and names & self._names(index):
                return True
        return False

    def _lemmas(self, index: int) -> frozenset[str]:
        """The lower-case lemmas of one sentence (read once)."""
        if index not in self._sentence_lemmas:
            sentence = self.article.sentences[index]
            lemmas = self.article.tokens.lemma[sentence.start : sentence.end]
            self._sentence_lemmas[index] = frozenset(lemma.lower() for lemma in lemmas)
        return self._sentence_lemmas[index]

    def _names(self, index: int) -> frozenset[str]:
        """The normalised names of one sentence (read once)."""
        if index not in self._sentence_names:
            mentions = self.article.mentions_by_sentence.get(index, ())
            self._sentence_names[index] = frozenset(normalise(m.text) for m in mentions)
        return self._sentence_names[index]

    def _sources(self, answer_class: str, answer: str) -> Iterable[tuple[str, Iterable[str]]]:
        group = _pool_class(answer_class)
        if group in UNTYPED:
            return
        if group.startswith("date:"):
            yield from _date_sources(self, answer_class, answer)
            return
        if group.startswith("number:") or group == "duration":
            yield from _number_sources(self, answer_class, answer)
            return
        yield "article", self._article_options(answer_class, answer)
        bank = self.bank.get(group, ())
        if answer_class in TYPED_BY_HEAD:
            kind = self.type_word(answer)
            bank = [o for o in bank if self.type_word(o) == kind]
        yield "bank", bank
        if group == "country":
            yield "list", _countries_near(answer)
        elif group == "city":
            yield "list", _cities_near(answer)

    def _article_options(self, answer_class: str, answer: str) -> list[str]:
        options = self.by_class.get(_pool_class(answer_class), [])
        if answer_class in TYPED_BY_HEAD:
            key = (answer_class, self.type_word(answer))
            if key not in self._typed_options:
                self._typed_options[key] = [o for o in options if self.type_word(o) == key[1]]
            options = self._typed_options[key]
        if answer_class == "person" and len(answer.split()) >= 2:
            full = [o for o in options if len(o.split()) >= 2]
            return full + [o for o in options if len(o.split()) < 2]
        return options

    def type_word(self, name: str) -> str:
        """``ArticleDoc.type_word`` of a name."""
        return self.article.type_word(name)

    def facts_of_class(self, answer_class: str) -> list[str]:
        """The article's answers sharing a class (most mentioned first)."""
        return list(self.by_class.get(_pool_class(answer_class), []))


def _pool_class(answer_class: str) -> str:
    """The pool a class draws from: numbers by unit, dates by granularity, others by class."""
    if answer_class.startswith("number:"):
        return answer_class
    return answer_class


@lru_cache(maxsize=4096)
def _qualifiers(title: str) -> frozenset[str]:
    """The countries and bodies a title names: "Foreign Minister of Japan" -> {Japan},
    "JAXA President" -> {JAXA}."""
    bodies = {w.strip(".,’'") for w in title.split() if w.isupper() and len(w) >= 2}
    return countries_in(title) | bodies


@lru_cache(maxsize=16384)
def _folded(text: str) -> str:
    return text.casefold()


def _word_char(char: str) -> bool:
    return char.isalnum() or char == "_"


def mentions_name(text: str, name: str) -> bool:
    """Whole-word, case-insensitive occurrence of a name in a text (no letter, digit or
    underscore on either side)."""
    haystack, needle = _folded(text), _folded(name)
    if not needle:
        return False
    start = haystack.find(needle)
    while start >= 0:
        end = start + len(needle)
        if (start == 0 or not _word_char(haystack[start - 1])) and (
            end == len(haystack) or not _word_char(haystack[end])
        ):
            return True
        start = haystack.find(needle, start + 1)
    return False


def _date_sources(pool: DistractorPool, answer_class: str, answer: str):
    if answer_class == "date:weekday":
        yield "made", [d.capitalize() for d in WEEKDAYS if d != answer.lower()]
        return
    form = read_date(answer)
    if form is None:
        return
    published = pool.article.published
    if published is not None and form.pattern not in ("md", "dm") and form.value <= published:
        limit = published  # a past date's options stay in the past: no year after the article
    else:
        limit = None
    window = YEAR_WINDOW if form.granularity == "year" else 2

    def plausible(value) -> bool:
        return abs(value.year - form.value.year) <= window and (limit is None or value <= limit)

    written = []
    for other in pool.by_class.get(answer_class, []):
        other_form = read_date(other)
        if other_form is not None and other_form.granularity == form.granularity:
            if plausible(other_form.value):
                written.append(form.write(other_form.value))
    yield "article", written
    made = [v for v in nearby_dates(form, 6) if plausible(v)]
    yield "made", [form.write(value) for value in made]


def _number_sources(pool: DistractorPool, answer_class: str, answer: str):
    form = read_number(answer)
    if form is None:
        return
    same_unit = []
    for other in pool.by_class.get(answer_class, []):
        other_form = read_number(other)
        if other_form is not None and other_form.scale == form.scale:
            if not (answer_class == "number:percent" and other_form.value > 100):
                same_unit.append(form.write(other_form.value))
    yield "article", same_unit
    yield "made", [form.write(value) for value in nearby_numbers(form, 6)]


def _may_contain(option: str, answer: str) -> bool:
    """A much larger neighbour, or a country whose people are called the same (China and Hong
    Kong, both "Chinese"), may hold the answer's territory: offered in its place, it could read
    as right."""
    if not option or not answer:
        return False
    by_name = country_by_name()
    big, small = by_name.get(option), by_name.get(answer)
    if big is None or small is None:
        return False
    if big.demonym and big.demonym == small.demonym:
        return True
    larger = big.population > CONTAINING_RATIO * max(small.population, 1)
    return larger and big.iso in small.neighbours


def _countries_near(answer: str) -> list[str]:
    """The answer's neighbours, then their neighbours, most populous first (an island nation
    with no neighbours: the countries of its sub-region)."""
    name = country_name(answer)
    if not name:
        return []
    home = next(c for c in countries() if c.name == name)
    big = [c for c in countries() if c.population >= MIN_COUNTRY_POPULATION and c.name != name]
    big.sort(key=lambda c: -c.population)
    near = set(home.neighbours)
    by_iso = {c.iso: c for c in countries()}
    second = {n for iso in home.neighbours if iso in by_iso for n in by_iso[iso].neighbours}
    neighbours = [c.name for c in big if c.iso in near]
    further = [c.name for c in big if c.iso in second - near and c.name not in neighbours]
    region = [
        c.name
        for c in big
        if c.subregion == home.subregion and c.name not in neighbours and c.name not in further
    ]
    return neighbours + further + (region if not home.neighbours else [])


def city_country(name: str) -> str:
    """The country code of a shipped city or capital, "" when the lists do not have it."""
    key = name_key(name)
    city = city_index().get(key)
    return city.country if city else (capital_index()[key].iso if key in capital_index() else "")


def _cities_near(answer: str) -> list[str]:
    """Other large cities of the answer's country, then the capitals of its neighbours, then
    those of its sub-region (most populous countries first)."""
    country = city_country(answer)
    if not country:
        return []
    same_country = [c.name for c in cities() if c.country == country]
    home = next((c for c in countries() if c.iso == country), None)
    if home is None:
        return same_country
    others = [
        c
        for c in sorted(countries(), key=lambda c: -c.population)
        if c.iso != country and c.capital and c.population >= MIN_COUNTRY_POPULATION
    ]
    neighbours = [c.capital for c in others if c.iso in home.neighbours]
    region = [c.capital for c in others if c.subregion == home.subregion]
    return list(dict.fromkeys(same_country + neighbours + region))


def make_rng(seed: int, *parts: str) -> random.Random:
    """A reproducible generator for one item."""
    return random.Random("|".join((str(seed), *parts)))
