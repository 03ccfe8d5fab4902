"""The generator's own checks: candidates that fail one are never offered.

Each check is a function from a candidate to a reason ("" when it passes), in the registry
``CHECKS``. They judge the item as a student would meet it: the stem may not give the answer
away, in words or by its grammar, and choices must be enough and distinct.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache, lru_cache

from rapidfuzz import fuzz, process
from spacy.lang.en.stop_words import STOP_WORDS

from question_bank.data import capital_index, city_index, country_by_name, country_index, name_key
from question_bank.facts.classes import CAPITALISED_RUN, cities_in, countries_in, country_name
from question_bank.facts.forms import number_value
from question_bank.facts.standalone import MAX_WRITTEN_WORDS
from question_bank.generate.distractors import normalise, normalised_words, same_answer
from question_bank.generate.kinds import GAP, WRITTEN_NUMBER, Candidate, article_before_gap

MAX_PROMPT_WORDS = 45
#: A name this close to a country or capital (rapidfuzz ratio, 0-100) without being one is that
#: name misspelt: "Saudi Arabi".
MISSPELT_SIMILARITY = 92
_POSSESSIVE = re.compile(r"[’']s\b")
MAX_OPTION_WORDS = 12
_NUMBER_TEXT = re.compile(r"\d[\d,.]*")
_LEAK_EXEMPT_KINDS = frozenset({"truefalse", "matching", "ordering"})
_THE_GAP = re.compile(rf"\b[Tt]he {re.escape(GAP)}")
#: Words that tie a statement to the moment of writing ("is currently unreachable"): a state
#: the article may see change, so a student cannot judge the statement true or false for good.
_NOW = re.compile(r"\b(?:currently|presently|at present|at the moment|right now|as of now)\b", re.I)
#: The same word twice in a row ("revenge revenge"): a slip in the source, not to be copied.
_REPEATED = re.compile(r"\b(\w{2,}+)\s+\1\b", re.IGNORECASE)  # the whole word: no backtracking


def _outside_gap(prompt: str) -> str:
    return prompt.replace(GAP, " ")


def _words(text: str) -> set[str]:
    return set(normalised_words(text))


def leak(candidate: Candidate) -> str:
    """The stem shows the answer, a part of a name, its country's demonym or its number."""
    item = candidate.item
    if item.kind in _LEAK_EXEMPT_KINDS:
        return ""
    stem = _outside_gap(item.prompt)
    stem_words = _words(stem)
    answer = item.answer
    cls = (
        candidate.fact.cls
        if candidate.form not in ("role", "post")
        else ("person" if candidate.form == "role" else "title")
    )
    if cls == "person":
        parts = {w for w in normalise(answer).split() if len(w) >= 3}
        if parts & stem_words:
            return "leak: part of the name is in the stem"
        return ""
    content = [w for w in normalise(answer).split() if w not in ("the", "of", "and", "a", "an")]
    if content and all(w in stem_words for w in content):
        return "leak: the answer is in the stem"
    if cls == "country" or cls.startswith("place"):
        if _word_of_the_name(answer, stem):
            return "leak: the stem has a word made from the place name"
    if cls == "country":
        name = country_name(answer)
        if name in countries_in(stem):
            return "leak: the stem names the country in another form"
        home = country_by_name().get(name)
        if home is not None and home.iso in cities_in(stem):
            return "leak: the stem names a city of the country"
    value = number_value(answer)
    if value is not None and any(
        number_value(n) == value for n in _NUMBER_TEXT.findall(stem) if number_value(n)
    ):
        return "leak: the number is in the stem"
    return ""


#: Fewest letters a place name's stem needs to be read in a word made from it ("Burm" in "Burmese").
MIN_NAME_STEM = 4


def _word_of_the_name(answer: str, stem: str) -> bool:
    """A capitalised word of the stem made from a one-word place name: all of the name but its
    last letter, and more ("Burmese" for Burma, "Tibetan" for Tibet), whatever the tables know."""
    name = answer.removeprefix("the ").strip()
    if " " in name or len(name) - 1 < MIN_NAME_STEM or not name[:1].isupper():
        return False
    root = name[:-1]
    return any(w.startswith(root) and len(w) > len(root) for w in re.findall(r"[A-Z]\w+", stem))


def grammar_leak(candidate: Candidate) -> str:
    """ "a _____" / "an _____" tells the answer's first sound; "the _____ countries" a count
    (not a measure with its unit: "the _____ bridge" for "300 meter" tells nothing)."""
    prompt = candidate.item.prompt
    article = article_before_gap(prompt)
    if article and not (article.group(1).lower() == "a" and _written_number(candidate)):
        return "grammar leak: an article before the gap"
    if (
        candidate.fact.cls.startswith("number:")
        and _THE_GAP.search(prompt)
        and number_value(candidate.item.answer.split()[-1]) is not None
    ):
        return "grammar leak: 'the _____' before a number"
    return ""


def _written_number(candidate: Candidate) -> bool:
    """The answer is a number written with a digit or a currency sign ("$50 million", "300"):
    "a" before it says hardly anything of it (only "an" would, of an 8, 11 or 18)."""
    return candidate.fact.cls.startswith("number:") and bool(
        WRITTEN_NUMBER.match(candidate.item.answer)
    )


def choices_sound(candidate: Candidate) -> str:
    """Multiple choice: four distinct options, each short, the answer among them once."""
    item = candidate.item
    if item.kind != "multichoice":
        return ""
    if len(item.choices) < 4 or item.choices.count(item.answer) != 1:
        return "choices: too few"
    options = list(item.choices)
    for i, first in enumerate(options):
        if len(first.split()) > MAX_OPTION_WORDS:
            return "choices: an option is too long"
        for second in options[i + 1 :]:
            if same_answer(first, second):
                return "choices: two options are one answer"
    return ""


def prompt_sound(candidate: Candidate) -> str:
    """A stem of reasonable length, with one gap at most, standing apart from the words around
    it, balanced brackets and no content word written twice in a row."""
    prompt = candidate.item.prompt
    # a loose candidate (never published, for a teacher to edit) may copy a longer sentence
    limit = MAX_WRITTEN_WORDS if candidate.fact.loose else MAX_PROMPT_WORDS
    if len(prompt.split()) > limit:
        return "stem: too long"
    if prompt.count(GAP) > 1:
        return "stem: two gaps"
    if prompt.count("(") != prompt.count(")"):
        return "stem: unbalanced brackets"
    if _gap_in_word(prompt):
        return "stem: gap inside a word"
    for repeated in _REPEATED.finditer(prompt):
        if repeated.group(1).lower() not in STOP_WORDS:  # "had had" is English
            return "stem: a word repeated"
    return ""


def _word_character(character: str) -> bool:
    return character.isalnum() or character in "_-"


def _gap_in_word(prompt: str) -> bool:
    """A gap joined to a word by a letter, digit or hyphen ("_____-chair"): the key is part of
    a word."""
    at = prompt.find(GAP)
    while at >= 0:
        end = at + len(GAP)
        if (at and _word_character(prompt[at - 1])) or (
            end < len(prompt) and _word_character(prompt[end])
        ):
            return True
        at = prompt.find(GAP, at + 1)
    return False


def answer_sound(candidate: Candidate) -> str:
    """An answer with a letter or digit in it."""
    return "" if any(ch.isalnum() for ch in candidate.item.answer) else "answer: empty"


def answer_spelt_right(candidate: Candidate) -> str:
    """A place keyed as the article misspelt it ("Saudi Arabi"): a student who writes the
    right name would be marked wrong, and the key teaches the slip. (Whatever class the
    recogniser gave it: a misspelt name is often not read as a place at all.)"""
    key = name_key(candidate.item.answer.replace("’", "'"))
    if _demonym_plural(key):
        return ""
    return "answer: a place name misspelt" if _misspelt(key) else ""


def stem_spelt_right(candidate: Candidate) -> str:
    """A stem that copies the article's misspelling of a place name of two words or more
    ("Saudi Arabi's") would teach the slip. A single word near a place is as often another word
    ("America", "Islands") or a spelling of its own ("Belarussian") as a slip."""
    return "stem: a place name misspelt" if _misspelt_in(candidate.item.prompt) else ""


@lru_cache(maxsize=65536)
def _misspelt_in(prompt: str) -> bool:
    return any(_misspelt_run(run) for run in CAPITALISED_RUN.findall(prompt))


@lru_cache(maxsize=65536)
def _misspelt_run(run: str) -> bool:
    """A run of capitalised words holds a place name of two words or more misspelt (worked out
    once per run: the stems of one sentence share most of theirs)."""
    words = [w.strip(".,’'") for w in _POSSESSIVE.sub("", run).split()]
    for size in range(len(words), 1, -1):
        for first in range(len(words) - size + 1):
            key = name_key(" ".join(words[first : first + size]))
            if _demonym_plural(key):
                continue
            if _misspelt(key):
                return True
    return False


def _demonym_plural(key: str) -> bool:
    """A people named by its demonym's plural ("ukrainians", "yemenis"): no place misspelt."""
    return key.endswith("s") and key[:-1] in country_index()


@lru_cache(maxsize=65536)
def _misspelt(key: str) -> bool:
    """``key`` is near a country or capital name without being a known place (worked out once
    per answer: many candidates share one)."""
    known = (country_index(), city_index(), capital_index())
    if any(key in index for index in known) or any(ch.isdigit() for ch in key):
        return False
    names = _place_names_near(len(key))
    return (
        process.extractOne(key, names, scorer=fuzz.ratio, score_cutoff=MISSPELT_SIMILARITY)
        is not None
    )


@cache
def _place_names_near(length: int) -> tuple[str, ...]:
    """Every country name and alias and every capital, as ``name_key`` spells them, whose
    length lets it reach ``MISSPELT_SIMILARITY`` against a key of ``length`` characters (the
    ratio is at most twice the shorter length over the sum of both)."""
    share = MISSPELT_SIMILARITY / 100
    shortest, longest = length * share / (2 - share), length * (2 - share) / share
    return tuple(
        sorted(n for n in {*country_index(), *capital_index()} if shortest <= len(n) <= longest)
    )


def timeless(candidate: Candidate) -> str:
    """A true/false statement holds whenever it is read: not one about the moment of writing."""
    item = candidate.item
    if item.kind == "truefalse" and _NOW.search(item.prompt):
        return "statement: true only at the moment of writing"
    return ""


#: Check name -> function returning a reason ("" to pass).
CHECKS: dict[str, Callable[[Candidate], str]] = {
    "leak": leak,
    "grammar_leak": grammar_leak,
    "choices": choices_sound,
    "prompt": prompt_sound,
    "answer": answer_sound,
    "spelling": answer_spelt_right,
    "stem_spelling": stem_spelt_right,
    "timeless": timeless,
}


def rejection(candidate: Candidate) -> str:
    """The first reason a candidate fails, or ""."""
    for check in CHECKS.values():
        reason = check(candidate)
        if reason:
            return reason
    return ""
