"""People in an article: full names, surname and pronoun mentions, and their roles.

Rules: a person is a PERSON entity of two or more words that is not a known country or
nationality; a later one-word PERSON mention equal to a known surname is that person; "he",
"she", "his" and "her" refer to the person most recently mentioned as a grammatical subject
(else the most recently mentioned person). A role comes from a title before the name ("Foreign
Minister X"), an apposition ("X, the president of Y,") or an unnamed lead mention
("Azerbaijan's president", "his Belarussian counterpart") paired, in order, with the people the
next sentences introduce by name.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from question_bank.data import country_by_name

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

ROLE_WORDS = frozenset(
    """president minister secretary advisor adviser administrator chairman chairwoman chair
    premier chancellor spokesperson spokesman spokeswoman ambassador governor mayor director
    chief ceo founder king queen prince coach captain manager professor head leader senator
    commissioner envoy counterpart representative deputy general commander editor author
    researcher scientist candidate lawmaker legislator councillor""".split()
)
PRONOUNS = {
    "he": "subject",
    "she": "subject",
    "him": "object",
    "his": "possessive",
    "her": "possessive",
}
_LINK_WINDOW = 2  # sentences after an unnamed role mention in which its name may appear


@dataclass
class Person:
    """One person with every mention found and the roles the article gives them."""

    key: str
    name: str
    surname: str
    first: Span
    mentions: list[tuple[int, int]] = field(default_factory=list)  # token index ranges
    roles: list[tuple[str, str, Span]] = field(default_factory=list)  # (role, country, evidence)


@dataclass
class PeopleIndex:
    """People and the token-level links from mentions and pronouns to them."""

    people: dict[str, Person] = field(default_factory=dict)
    token_person: dict[int, str] = field(default_factory=dict)

    def person_at(self, token_index: int) -> Person | None:
        """Return the person a token refers to, if any."""
        key = self.token_person.get(token_index)
        return self.people.get(key) if key else None


def _is_person_entity(ent: Span) -> bool:
    text = ent.text.replace("’s", "").replace("'s", "")
    if text.lower() in country_by_name() or not any(t.is_alpha for t in ent):
        return False
    if any("." in t.text and len(t.text) > 2 for t in ent):
        return False  # "U.S.-Serbia ..." is not a name; initials such as "J." are
    return all(t.text[:1].isupper() for t in ent if t.is_alpha and not _after_hyphen(t))


def _after_hyphen(token: Token) -> bool:
    """The second part of a hyphenated given name ("bin" of "Lung-bin")."""
    return token.i > 0 and token.nbor(-1).text == "-" and not token.nbor(-1).whitespace_


def family_name(name: Span) -> str:
    """The name a later bare mention uses: the last word, or the first before a hyphenated given
    name written last ("Hau" of "Hau Lung-bin", as in Chinese names; not "Udvar-Hazy")."""
    if len(name) >= 3 and name[-2].text == "-" and name[-1].is_lower:
        return name[0].text
    return name[-1].text


def _clean_name(ent: Span) -> Span:
    end = ent.end
    while end > ent.start and ent.doc[end - 1].tag_ == "POS":
        end -= 1
    return ent.doc[ent.start : end]


def _register_names(doc: Doc, index: PeopleIndex) -> list[Span]:
    singles = []
    for ent in doc.ents:
        if ent.label_ != "PERSON" or not _is_person_entity(ent):
            continue
        name = _clean_name(ent)
        if len(name) >= 2:
            key = name.text
            person = index.people.setdefault(key, Person(key, name.text, family_name(name), name))
            person.mentions.append((name.start, name.end))
            for token in name:
                index.token_person[token.i] = key
        elif len(name) == 1:
            singles.append(name)
    return singles


def _link_surnames(singles: list[Span], index: PeopleIndex) -> None:
    by_surname: dict[str, list[str]] = {}
    for person in index.people.values():
        by_surname.setdefault(person.surname, []).append(person.key)
    for mention in singles:
        keys = by_surname.get(mention.text, [])
        if len(keys) == 1:
            index.people[keys[0]].mentions.append((mention.start, mention.end))
            index.token_person[mention.start] = keys[0]


def _link_pronouns(doc: Doc, index: PeopleIndex, role_people: dict[int, str]) -> None:
    last_subject = last_any = None
    for token in doc:
        key = index.token_person.get(token.i) or role_people.get(token.i)
        if key is not None:
            last_any = key
            if token.dep_ in ("nsubj", "nsubjpass") or token.head.dep_ in ("nsubj", "nsubjpass"):
                last_subject = key
        elif token.lower_ in PRONOUNS and token.pos_ == "PRON" or token.lower_ in ("his", "her"):
            target = last_subject or last_any
            if target is not None:
                index.token_person[token.i] = target
                if token.dep_ in ("nsubj", "nsubjpass"):
                    last_subject = target


def build_people(doc: Doc) -> PeopleIndex:
    """Find people, link surnames, unnamed lead roles and pronouns to them, and read their roles."""
    from question_bank.facts.roles import link_unnamed_roles, read_named_roles

    index = PeopleIndex()
    singles = _register_names(doc, index)
    _link_surnames(singles, index)
    role_people = link_unnamed_roles(doc, index)
    _link_pronouns(doc, index, role_people)
    read_named_roles(doc, index)
    return index
