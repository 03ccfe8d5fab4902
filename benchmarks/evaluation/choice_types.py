"""Semantic class of an answer or a distractor, by documented rules first and spaCy second.

Rules, applied in order; the first that fires decides:

1. **date**: a month or weekday name, an ISO or numeric date, a bare year (1000-2199), a decade
   ("1990s"), a relative day ("yesterday", "last week") or an ordinal point in time
   ("the 62nd minute").
2. **duration**: a count followed by a unit of time ("44-day", "three decades", "10 years").
3. **number**: after an optional hedge ("nearly", "about", "more than" ...), the text starts with
   a digit, a currency sign or a number word ("$50 million", "nearly 300 settlements", "58%").
4. **article entities**: the label spaCy gave the same string in the article (PERSON -> person,
   GPE/LOC/FAC -> place, ORG -> organisation, NORP -> group).
5. **role**: a first or last word from ``ROLE_WORDS`` ("president", "foreign minister",
   "Secretary of State"); a person when spaCy finds a person's name in it ("President Biden").
6. **head word**: a name ending in an organisation word ("... Party", "... Agency") is an
   organisation; one ending in a facility or landform word ("... Stadium", "... Strait") a place.
7. **spaCy on the text alone**: the label of an entity covering most of the text.
8. otherwise **name** for capitalised text (a proper name of unknown kind) and **phrase** for
   the rest.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping

from .normalise import normalise_answer, words
from .pipeline import english_pipeline

#: Title words that make a phrase a role (rule 5).
ROLE_WORDS = frozenset(
    """president vice-president minister secretary ambassador administrator advisor adviser
    captain coach director chairman chairwoman chair governor senator mayor professor
    researcher spokesperson spokesman spokeswoman deputy officer chief king queen prince
    premier chancellor referee goalkeeper defender striker midfielder councillor councilor
    leader ceo founder head commissioner envoy counterpart lawmaker legislator judge""".split()
)

#: Last word of a name -> class (rule 6).
HEAD_WORD_CLASSES = {
    **dict.fromkeys(
        """agency bank party university council department ministry foundation institute
        association committee commission office service administration guard forces army navy
        league union group corporation company inc ltd board court parliament government
        secretariat staff""".split(),
        "organisation",
    ),
    **dict.fromkeys(
        """stadium arena airport park hall station street square river island islands sea
        strait ocean mountain mountains city province state county district region constituency
        museum center centre complex base headquarters building""".split(),
        "place",
    ),
}

#: spaCy entity label -> class.
ENTITY_CLASSES = {
    "PERSON": "person",
    "GPE": "place",
    "LOC": "place",
    "FAC": "place",
    "ORG": "organisation",
    "NORP": "group",
    "DATE": "date",
    "TIME": "date",
    "CARDINAL": "number",
    "QUANTITY": "number",
    "MONEY": "number",
    "PERCENT": "number",
}

#: Classes that are proper names; "name" (kind unknown) is compatible with each of them.
PROPER_NAME_CLASSES = frozenset({"person", "place", "organisation", "group", "name"})


_MONTH_NAMES = (
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec"
).split()
_DAY_NAMES = "monday tuesday wednesday thursday friday saturday sunday".split()
_RELATIVE_DAYS = {"yesterday", "today", "tomorrow", "tonight"}
_TIME_UNITS = {
    "second",
    "minute",
    "hour",
    "day",
    "night",
    "week",
    "month",
    "year",
    "decade",
    "century",
}
_COUNT_WORDS = {
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
    "twenty",
    "thirty",
    "forty",
    "fifty",
    "sixty",
    "seventy",
    "eighty",
    "ninety",
    "hundred",
    "hundreds",
    "thousand",
    "thousands",
    "million",
    "millions",
    "billion",
    "billions",
    "dozen",
    "dozens",
    "half",
    "several",
}
_HEDGE_WORDS = {
    "nearly",
    "about",
    "around",
    "almost",
    "approximately",
    "roughly",
    "some",
    "over",
    "under",
    "more",
    "less",
    "fewer",
    "than",
    "at",
    "least",
    "most",
    "up",
    "to",
    "only",
    "just",
    "a",
    "an",
    "the",
}


def _unit(word: str) -> bool:
    """A unit of time, singular or plural."""
    return (
        word in _TIME_UNITS
        or word.endswith("s")
        and word[:-1] in _TIME_UNITS
        or (word == "centuries")
    )


def _counts(word: str) -> bool:
    """A written count: digits (with separators or a currency sign) or a number word."""
    bare = word.lstrip("$€£¥").rstrip("%").replace(",", "").replace(".", "")
    return bare.isdigit() or word in _COUNT_WORDS


def classify_by_form(text: str) -> str | None:
    """Return date, duration or number when the text's form says so (rules 1-3), else None.

    Written for the evaluation alone: the text is split into lower-case pieces at spaces and
    hyphens, and the pieces are read in order.
    """
    pieces = [p for p in re.split(r"[\s\-–]+", text.strip().lower().strip(".,")) if p]
    if not pieces:
        return None
    bare = [p.strip(".,") for p in pieces]
    for position, piece in enumerate(bare[:-1]):
        if (
            _counts(piece)
            and _unit(bare[position + 1])
            and not re.match(r"^\d+(st|nd|rd|th)$", piece)
        ):
            return "duration"
    if any(p in _MONTH_NAMES or p in _DAY_NAMES or p in _RELATIVE_DAYS for p in bare):
        return "date"
    if re.fullmatch(
        r"\d{4}-\d{2}-\d{2}|\d{1,2}/\d{1,2}/\d{2,4}|(1\d|2[01])\d{2}s?", " ".join(bare)
    ):
        return "date"
    relative = bare[1:] if bare[0] == "the" else bare
    if len(relative) >= 2 and relative[0] in ("last", "next", "this", "previous", "following"):
        if _unit(relative[1]):
            return "date"
    if any(re.fullmatch(r"\d+(st|nd|rd|th)", p) for p in bare) and any(_unit(p) for p in bare):
        return "date"
    rest = [p for p in bare if p not in _HEDGE_WORDS]
    if rest and (_counts(rest[0]) or rest[0][:1] in "$€£¥" and rest[0][1:2].isdigit()):
        return "number"
    return None


def entity_classes(text: str) -> dict[str, str]:
    """Map each named entity of a text (normalised) to its most frequent class."""
    votes: dict[str, Counter[str]] = {}
    for entity in english_pipeline()(text).ents:
        label = ENTITY_CLASSES.get(entity.label_)
        if label in PROPER_NAME_CLASSES:
            votes.setdefault(normalise_answer(entity.text), Counter())[label] += 1
    return {name: counter.most_common(1)[0][0] for name, counter in votes.items()}


def _is_role(tokens: list[str]) -> bool:
    """Tell whether a phrase's first or last word is a title word (rule 5)."""
    content = [token.casefold() for token in tokens if token.casefold() not in {"the", "a", "an"}]
    return bool(content) and (content[0] in ROLE_WORDS or content[-1] in ROLE_WORDS)


def _model_classes(text: str) -> tuple[str | None, bool]:
    """Class of an entity covering half the text or more (rule 7), and whether a PERSON is in it."""
    doc = english_pipeline()(text)
    covering = None
    for entity in doc.ents:
        if len(entity.text) * 2 >= len(text.strip()) and entity.label_ in ENTITY_CLASSES:
            covering = covering or ENTITY_CLASSES[entity.label_]
    return covering, any(entity.label_ == "PERSON" for entity in doc.ents)


def classify_choice(text: str, article_entities: Mapping[str, str] | None = None) -> str:
    """Return the semantic class of one answer or distractor (see the module rules)."""
    by_form = classify_by_form(text)
    if by_form:
        return by_form
    known = (article_entities or {}).get(normalise_answer(text))
    if known:
        return known
    tokens = words(text)
    from_model, names_a_person = _model_classes(text)
    if _is_role(tokens):
        return "person" if names_a_person else "role"
    head_class = HEAD_WORD_CLASSES.get(tokens[-1].casefold()) if tokens else None
    if head_class and tokens[-1][0].isupper():
        return head_class
    if from_model in PROPER_NAME_CLASSES:
        return from_model
    if tokens and all(
        token[0].isupper() or token[0].isdigit() for token in tokens if len(token) > 3
    ):
        return "name"
    return "phrase"


def classes_compatible(answer_class: str, choice_class: str) -> bool:
    """Tell whether a distractor's class may stand beside the answer's class."""
    if answer_class == choice_class:
        return True
    pair = {answer_class, choice_class}
    return "name" in pair and pair <= PROPER_NAME_CLASSES
