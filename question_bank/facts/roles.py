"""Roles of people: titles before names, appositions and unnamed lead mentions."""

from __future__ import annotations

from typing import TYPE_CHECKING

from question_bank.data import country_by_name
from question_bank.facts.people import _LINK_WINDOW, ROLE_WORDS, PeopleIndex

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

_CONNECTORS = frozenset({"of", "for", "and", "the"})


def country_of(token: Token) -> str:
    """Return the country a token names or describes ("Azerbaijan", "Belarussian"), else ""."""
    found = country_by_name().get(token.text.replace("’s", "").lower())
    return found.name if found else ""


def _unnamed_role(token: Token, previous_role: str) -> tuple[str, str] | None:
    if token.lemma_.lower() not in ROLE_WORDS or token.pos_ != "NOUN" or token.ent_type_:
        return None
    if any(
        child.ent_type_ == "PERSON"
        for child in token.children
        if child.dep_ in ("appos", "compound")
    ):
        return None
    country = ""
    for child in token.children:
        if child.dep_ in ("poss", "amod", "compound", "nmod"):
            country = country or country_of(child)
        if child.dep_ == "prep" and child.lower_ == "of":
            country = country or next((country_of(g) for g in child.children if country_of(g)), "")
    role = previous_role if token.lemma_ == "counterpart" else token.lemma_.lower()
    if not country or not role:
        return None
    return role, country


def link_unnamed_roles(doc: Doc, index: PeopleIndex) -> dict[int, str]:
    """Pair unnamed role mentions with the people named next; return role token -> person key."""
    linked: dict[int, str] = {}
    taken: set[str] = set()
    for sentence in doc.sents:
        previous_role = ""
        for token in sentence:
            found = _unnamed_role(token, previous_role)
            if found is None:
                continue
            previous_role = found[0]
            person = _next_named(doc, index, token, taken)
            if person is not None:
                taken.add(person)
                linked[token.i] = person
                index.token_person[token.i] = person
                index.people[person].roles.append((found[0], found[1], sentence))
    return linked


def _next_named(doc: Doc, index: PeopleIndex, token: Token, taken: set[str]) -> str | None:
    sentences = list(doc.sents)
    position = next(i for i, s in enumerate(sentences) if s.start <= token.i < s.end)
    window_end = sentences[min(position + _LINK_WINDOW, len(sentences) - 1)].end
    candidates = sorted(
        (p.first.start, p.key)
        for p in index.people.values()
        if token.i < p.first.start < window_end and p.key not in taken and not p.roles
    )
    return candidates[0][1] if candidates else None


def _title_before(name: Span) -> tuple[str, str]:
    doc, start = name.doc, name.start
    while start > name.sent.start:
        previous = doc[start - 1]
        if previous.is_title or previous.is_upper or previous.lower_ in _CONNECTORS:
            if previous.ent_type_ == "PERSON":
                break
            start -= 1
            continue
        break
    while start < name.start and doc[start].lower_ in _CONNECTORS:
        start += 1
    run = doc[start : name.start]
    if not any(t.lower_ in ROLE_WORDS for t in run):
        return "", ""
    country = ""
    if start > name.sent.start and doc[start - 1].tag_ == "POS" and start > 1:
        country = country_of(doc[start - 2])
    return run.text, country


def _country_after(name: Span) -> str:
    doc = name.doc
    if name.end + 1 < len(doc) and doc[name.end].lower_ == "of":
        for token in doc[name.end + 1 : min(name.end + 5, len(doc))]:
            if country_of(token):
                return country_of(token)
    return ""


def _apposition(name: Span) -> tuple[str, str]:
    for child in name.root.children:
        if child.dep_ == "appos" and child.lemma_.lower() in ROLE_WORDS:
            words = [t for t in child.subtree if t.dep_ != "det" and not t.is_punct]
            country = next((country_of(t) for t in words if country_of(t)), "")
            return " ".join(
                t.text for t in words if not country_of(t) and t.lower_ != "of"
            ), country
    return "", ""


def read_named_roles(doc: Doc, index: PeopleIndex) -> None:
    """Add roles written next to full names (titles, appositions) to each person."""
    for person in index.people.values():
        for start, end in person.mentions:
            name = doc[start:end]
            if len(name) < 2:
                continue
            role, country = _title_before(name)
            if not role:
                role, country = _apposition(name)
            if role:
                country = country or _country_after(name)
                person.roles.append((role, country, name.sent))
