"""Other ways a student may rightly type an answer: a shorter name the article uses, digits for a
number word, another way of writing a date, a name without the common nouns after it ("Yonhap news
agency" -> "Yonhap")."""

from __future__ import annotations

from question_bank.data import country_index, name_key
from question_bank.facts.classes import takes_the
from question_bank.facts.forms import SMALL_NUMBERS, read_date, read_number


def accepted_forms(answer: str, cls: str, variants: tuple[str, ...] = ()) -> tuple[str, ...]:
    """Accepted alternatives to ``answer`` (never the answer itself)."""
    forms = list(variants)
    if cls.startswith("number:") or cls == "duration":
        forms.extend(_number_forms(answer))
    elif cls.startswith("date:"):
        forms.extend(_date_forms(answer))
    elif cls == "organisation" or cls.startswith("place"):
        forms.extend(_name_without_description(answer))
    elif cls == "title":
        forms.extend(_post_of_country(answer))
    articles = ("the ", "a ", "an ") if cls == "phrase" else ("the ",)
    for article in articles:  # a phrase's gap holds its "a" or "an": it need not be typed
        if answer.lower().startswith(article):
            forms.append(answer[len(article) :])
    seen = {answer.casefold()}
    out = []
    for form in forms:
        if form and form.casefold() not in seen:
            seen.add(form.casefold())
            out.append(form)
    return tuple(out)


def _post_of_country(answer: str) -> list[str]:
    """A post named by its country in the other usual ways: "French President" -> "President of
    France", "France's President"; "Foreign Minister of Japan" -> "Japanese Foreign Minister"."""
    words = answer.split()
    if len(words) >= 2:
        country = country_index().get(name_key(words[0]))
        if country is not None and name_key(words[0]) == name_key(country.demonym):
            post = " ".join(words[1:])
            return [f"{post} of {_named(country.name)}", f"{_possessive(country.name)} {post}"]
    post, of, place = answer.rpartition(" of ")
    country = country_index().get(name_key(place)) if of and post else None
    if country is not None and country.demonym and name_key(place) == name_key(country.name):
        return [f"{country.demonym} {post}", f"{_possessive(country.name)} {post}"]
    return []


def _possessive(country: str) -> str:
    """ "France's", "the United States'"."""
    named = _named(country)
    return f"{named}'" if named.endswith("s") else f"{named}'s"


def _named(country: str) -> str:
    """A country's name as a phrase reads it ("the United Kingdom", "France")."""
    return f"the {country}" if takes_the(country) else country


def _name_without_description(answer: str) -> list[str]:
    """The name alone where lower-case words after it say what it is ("Yonhap news agency")."""
    words = answer.split()
    named = [n for n, word in enumerate(words) if word[:1].isupper()]
    if not named or named[-1] == len(words) - 1:
        return []
    if not all(word.isalpha() and word.islower() for word in words[named[-1] + 1 :]):
        return []
    start = 1 if words[0].lower() == "the" else 0
    return [" ".join(words[start : named[-1] + 1])]


def _number_forms(answer: str) -> list[str]:
    form = read_number(answer)
    if form is None:
        return []
    value = form.value
    lead = form.lead  # "more than 10" is not "10": a bound stays in every form
    plain = f"{value:g}" if not form.decimals else f"{value:.{form.decimals}f}"
    forms = [f"{lead}{form.sign}{plain}{form.scale}{form.rest}".strip()]
    if form.words is False and value == int(value) and 0 <= value <= 20:
        forms.append(f"{lead}{SMALL_NUMBERS[int(value)]}{form.scale}{form.rest}".strip())
    if form.words:
        forms.append(f"{lead}{int(value)}{form.scale}{form.rest}".strip())
    if form.rest.strip():
        forms.append(f"{lead}{form.sign}{plain}{form.scale}".strip())
    return forms


def _date_forms(answer: str) -> list[str]:
    form = read_date(answer)
    if form is None:
        return []
    value = form.value
    if form.granularity == "year":
        return []
    month = value.strftime("%B")
    if form.granularity == "month":
        return [f"{month} {value.year}"]
    if form.pattern in ("md", "dm"):
        return [f"{month} {value.day}", f"{value.day} {month}"]
    return [
        value.isoformat(),
        f"{value.day} {month} {value.year}",
        f"{month} {value.day}, {value.year}",
    ]
