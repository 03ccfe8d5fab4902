"""Answer classes of entity mentions: what kind of thing an answer is, so distractors can match it.

A class is a short string: ``person``, ``country``, ``city``, ``place``, ``nationality``, ``group``,
``organisation``, ``event``, ``document``, ``date:day``, ``date:month``, ``date:year``,
``date:weekday``, ``date:relative``, ``duration`` or ``number:UNIT`` (``number:percent``,
``number:money:$``, ``number:settlement`` ...). Countries and cities are told apart with the
shipped GeoNames tables; dates by their written form (``reading.dates``).
"""

from __future__ import annotations

import re
from functools import cache, lru_cache
from typing import TYPE_CHECKING

from question_bank.data import (
    capital_index,
    city_index,
    country_index,
    country_initialisms,
    name_key,
)
from question_bank.reading.dates import WEEKDAYS, parse_date_text

if TYPE_CHECKING:
    from question_bank.facts.document import ArticleDoc

#: Units of time (singular): a number of them is a duration, not a date.
TIME_UNITS = frozenset("second minute hour day night week month year decade century".split())
_RELATIVE = re.compile(
    r"\b(today|yesterday|tomorrow|tonight|previous|next|following|last|this|earlier|later|ago"
    r"|recent|recently|same|current|coming|past|weekend|week|month|year)\b",
    re.IGNORECASE,
)
_COUNT = (
    r"(?:\d[\d,.]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty"
    r"|thirty|forty|fifty|sixty|hundred|a few|several|a|an)"
)
_DURATION = re.compile(
    rf"^(?:(?:nearly|about|almost|over|more than|some)\s+)?{_COUNT}[- ]"
    rf"(?:{'|'.join(TIME_UNITS)})s?(?:-long|-old)?$",
    re.IGNORECASE,
)
_CURRENCY = re.compile(r"[$€£¥]|\b(dollars?|euros?|pounds?|yen|yuan|rupees?|won|francs?)\b", re.I)
_DIGIT = re.compile(r"\d")
#: Spacy labels read as a fixed class.
_FIXED = {
    "PERSON": "person",
    "ORG": "organisation",
    "EVENT": "event",
    "LAW": "document",
    "WORK_OF_ART": "document",
    "FAC": "place:facility",
    "LOC": "place:area",
}


@lru_cache(maxsize=65536)
def country_name(text: str, label: str = "GPE", initials: bool = False) -> str:
    """The GeoNames name of a country written as ``text`` (name, demonym or alias), else "".

    A short capitalised code ("ATA", "US") counts only where the recogniser read a place; with
    ``initials`` (a mention the recogniser read as a place) so do the initials of a long name
    ("DPRK").
    """
    if label != "GPE" and text.isupper() and len(text.replace(".", "")) <= 4:
        return ""
    found = country_index().get(name_key(text))
    if found is None and initials and label == "GPE" and text.isalpha() and text.isupper():
        found = country_initialisms().get(text)
    return found.name if found else ""


#: A run of one to four capitalised words: where a name may be written.
CAPITALISED_RUN = re.compile(r"(?:[A-Z][\w.’'-]*\s?){1,4}")


@lru_cache(maxsize=65536)
def countries_in(text: str) -> frozenset[str]:
    """The countries a text names, by name, other spelling or demonym ("U.S. officials" ->
    United States); worked out once per text (stems and titles are read many times)."""
    found = set()
    for run in CAPITALISED_RUN.findall(text.replace("-", " ").replace("–", " ")):
        words = run.split()
        for size in range(len(words), 0, -1):
            for first in range(len(words) - size + 1):
                name = country_name(" ".join(words[first : first + size]).strip(".,’'"))
                if name:
                    found.add(name)
    return frozenset(found)


def takes_the(name: str) -> bool:
    """Whether a country or organisation name is read with "the": a country whose long names
    say "the Netherlands" or whose name is of a union, republic, kingdom or islands; a name of
    the form "X of Y"; an organisation named by a common noun ("the Democratic Party")."""
    words = name.split()
    if not words:
        return False
    if name.isupper() and name in country_initialisms():
        return True  # "the PRC", "the DPRK": a long name's initials keep its "the"
    country = country_index().get(name_key(name))
    if country is not None:
        longer = " ".join(country.aliases).lower()
        kinds = {"united", "republic", "kingdom", "islands", "union", "federation", "emirates"}
        return f"the {country.name.lower()}" in longer or bool(
            kinds & {w.lower() for w in country.name.split()}
        )
    return "of" in words or len(words) > 1 and words[-1][:1].isupper() and not words[-1].isupper()


def cities_in(text: str) -> set[str]:
    """The ISO codes of the countries of the large cities a text names ("Miami" -> US)."""
    found = set()
    for run in CAPITALISED_RUN.findall(text):
        words = run.split()
        for size in range(min(len(words), 3), 0, -1):
            for first in range(len(words) - size + 1):
                city = city_index().get(name_key(" ".join(words[first : first + size]).strip(".,")))
                if city is not None:
                    found.add(city.country)
    return found


def place_class(text: str, initials: bool = False) -> str:
    """``country``, ``city`` or ``place`` for a geopolitical name (``initials``: see
    ``country_name``)."""
    key = name_key(text)
    if country_name(text, initials=initials) and key not in _demonyms():
        return "country"
    if key in capital_index() or key in city_index():
        return "city"
    return "place"


@cache
def _demonyms() -> frozenset[str]:
    return frozenset(name_key(c.demonym) for c in country_index().values() if c.demonym)


def date_class(text: str, head_lemma: str) -> str:
    """The class of a date mention: a calendar date's granularity, a weekday, a duration or
    a relative expression."""
    cleaned = text.strip()
    if head_lemma in TIME_UNITS and _DIGIT.search(cleaned) or _DURATION.match(cleaned):
        return "duration"
    parsed = parse_date_text(cleaned, reference=None) or parse_date_text(
        cleaned, reference=_ANY_YEAR
    )
    if parsed is not None and not _RELATIVE.search(cleaned):
        return f"date:{parsed.granularity}"
    if cleaned.lower().removeprefix("on ") in WEEKDAYS:
        return "date:weekday"
    return "date:relative"


def number_class(article: ArticleDoc, start: int, end: int, label: str, text: str) -> str:
    """``number:UNIT``: percent, money with its currency, or the noun the number counts."""
    if label == "PERCENT" or "%" in text or "percent" in text.lower():
        return "number:percent"
    if label == "MONEY" or _CURRENCY.search(text):
        found = _CURRENCY.search(text)
        currency = found.group(0).lower().rstrip("s") if found else "money"
        return f"number:money:{currency}"
    table = article.tokens
    last = end - 1
    if label == "QUANTITY" and table.pos[last] == "NOUN":
        return f"number:{table.lemma[last].lower()}"
    head = table.head[last]
    if table.dep[last] == "nummod" and head >= end and table.pos[head] in ("NOUN", "PROPN"):
        lemma = table.lemma[head].lower()
        if lemma in TIME_UNITS:
            return "duration"
        return f"number:{lemma}"
    return "number:count"


def mention_class(article: ArticleDoc, start: int, end: int, label: str, text: str) -> str:
    """The answer class of tokens ``start:end`` recognised as ``label`` ("" to leave it out)."""
    table = article.tokens
    if not any(ch.isalnum() for ch in text):
        return ""
    if label in ("PERSON", "ORG", "GPE", "NORP", "LOC", "FAC") and any(ch.isdigit() for ch in text):
        return ""
    if label in ("GPE",):
        return place_class(text, initials=True)
    if label == "ORG" and _initials_listed_with_countries(article, start, end, text):
        return "country"  # "including DPRK, Afghanistan and Iran": read as an organisation
    if label == "NORP":
        return "nationality" if country_name(text) else "group"
    if label == "DATE":
        head = table.head[end - 1]
        if table.dep[end - 1] == "nummod" and table.tag[head] in ("NNS", "NNPS"):
            return number_class(article, start, end, "CARDINAL", text)  # "1709 schoolchildren"
        return date_class(text, table.lemma[end - 1].lower())
    if label in ("CARDINAL", "MONEY", "PERCENT", "QUANTITY"):
        if not _DIGIT.search(text) and label == "CARDINAL" and len(text.split()) == 1:
            if text.lower() in ("one", "a"):
                return ""
        if _YEAR_SHAPED.match(text) and not (
            table.dep[end - 1] == "nummod" and table.tag[table.head[end - 1]] in ("NNS", "NNPS")
        ):
            return date_class(text, "")  # "as 2021 co-chair": a year, not a count
        return number_class(article, start, end, label, text)
    if label not in ("NORP", "DATE") and (country_name(text, label) or place_class(text) == "city"):
        return place_class(text)
    if label == "PERSON":
        return "person" if _name_shaped(article, start, end) else ""
    return _FIXED.get(label, "")


def _initials_listed_with_countries(article: ArticleDoc, start: int, end: int, text: str) -> bool:
    """Whether one upper-case word that is a country's initials is joined by "and" or a comma to
    a word that names a country ("the DPRK, Afghanistan and Iran")."""
    if end - start != 1 or not (text.isalpha() and text.isupper()):
        return False
    if text not in country_initialisms():
        return False
    table = article.tokens
    linked = set(table.children(start))
    if table.dep[start] == "conj":
        head = table.head[start]
        linked |= {head, *table.children(head)}
    return any(
        table.dep[other] == "conj" or other == table.head[start]
        for other in linked
        if other != start and table.ent_type[other] == "GPE" and country_name(table.text[other])
    )


#: Four digits from 1000 to 2099 with no separator: how news writes a year.
_YEAR_SHAPED = re.compile(r"^(?:1\d|20)\d\d$")
_NAME_PIECES = re.compile(r"[-'’]")
_MAX_NAME_WORDS = 5
#: Short lower-case words that are never part of a person's name.
_NOT_PARTICLES = frozenset({"the", "and", "of", "a", "an", "for", "to", "in", "on", "at", "or"})


def _name_shaped(article: ArticleDoc, start: int, end: int) -> bool:
    """A person's name: up to five capitalised words of letters (hyphens and apostrophes inside,
    lower-case particles such as "bin" or "al-" between), no country or demonym among them."""
    table = article.tokens
    words = [
        table.text[i] for i in range(start, end) if table.pos[i] != "PUNCT" or table.text[i] == "-"
    ]
    if not 1 <= len(words) <= _MAX_NAME_WORDS or not any(
        table.pos[i] == "PROPN" for i in range(start, end)
    ):
        return False
    joined = " ".join(words).replace(" - ", "-").replace(" -", "-").replace("- ", "-")
    parts = joined.split()
    if not parts[0][:1].isupper() or not parts[-1][:1].isupper():
        return False
    if sum(1 for part in parts if part.lower() in article.lower_words) >= 2:
        return False  # "Space Shuttle Columbia": the article writes "space shuttle" in lower case
    for part in parts:
        if part.islower() and part.isalpha() and len(part) <= 4 and part not in _NOT_PARTICLES:
            continue  # a particle: "bin", "van", "de"
        if part.lower().startswith(("al-", "el-")) and _name_word(part[3:].capitalize()):
            continue
        if not _name_word(part) or country_name(part):
            return False
    return True


def _name_word(word: str) -> bool:
    """One word of a name in any alphabet: a capital then lower-case letters, with hyphenated or
    apostrophised parts after it ("Dragović", "Ádám", "O'Brien", "Al-Sabah"), or an initial."""
    if word[:1].isupper() and word[1:] in ("", "."):
        return True
    first, *rest = _NAME_PIECES.split(word)
    return (
        first[:1].isupper()
        and (first[1:] == "" or first[1:].isalpha() and first[1:].islower())
        and all(piece.isalpha() for piece in rest)
    )


class _AnyYear:
    """A reference that lets ``parse_date_text`` read "July 14" (the year is not used here)."""

    year = 2000


_ANY_YEAR = _AnyYear()  # type: ignore[assignment]
