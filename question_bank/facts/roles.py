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


def _before_parenthesis(doc: Doc, index: int, floor: int) -> int:
    """Step back over a short parenthesis right before ``index`` ("... Technology (MEXT) Name")."""
    if index - 1 <= floor or doc[index - 1].text != ")":
        return index
    for opening in range(index - 2, max(index - 6, floor) - 1, -1):
        if doc[opening].text == "(":
            return opening
    return index


def _title_run_start(doc: Doc, end: int, floor: int) -> int:
    """Walk back over capitalised words, small connectors and commas between capitalised words."""
    start = end
    while start > floor:
        previous = doc[start - 1]
        listed = previous.text == "," and start - 2 >= floor and doc[start - 2].is_title
        titled = previous.is_title or previous.is_upper or previous.lower_ in _CONNECTORS
        if previous.ent_type_ == "PERSON" or not (listed or titled):
            break
        start -= 1
    return start


def _title_before(name: Span) -> tuple[str, str]:
    """A title written before a name: "Foreign Minister X", "Minister of Education, Culture ... X".

    Of a comma-separated run, the part from the first piece holding a title word is kept ("In
    Tokyo, Minister X" gives "Minister").
    """
    doc, floor = name.doc, name.sent.start
    end = _before_parenthesis(doc, name.start, floor)
    start = _title_run_start(doc, end, floor)
    commas = [t.i for t in doc[start:end] if t.text == ","]
    pieces = list(zip([start] + [c + 1 for c in commas], commas + [end], strict=True))
    start = next(
        (first for first, last in pieces if any(t.lower_ in ROLE_WORDS for t in doc[first:last])),
        end,
    )
    while start < end and doc[start].lower_ in _CONNECTORS:
        start += 1
    while end > start and (doc[end - 1].lower_ in _HONORIFIC_TAILS or doc[end - 1].text == ","):
        end -= 1
    run = doc[start:end]
    if not any(t.lower_ in ROLE_WORDS for t in run):
        return "", ""
    country = ""
    if start > floor and doc[start - 1].tag_ == "POS" and start > 1:
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


_HONORIFIC_TAILS = frozenset(
    {"dr", "dr.", "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "prof", "prof."}
)
_ROLE_LEFT_DEPS = frozenset({"poss", "compound", "amod", "nmod"})


def _role_words(noun: Token, stop: int) -> list[Token]:
    """A role noun with its modifiers and "of ..."/"for ..." parts ending before token ``stop``."""
    tokens = [noun]
    for child in noun.children:
        if child.i < noun.i and child.dep_ in _ROLE_LEFT_DEPS:
            tokens += list(child.subtree)
        elif child.i > noun.i and child.dep_ == "prep" and child.lower_ in ("of", "for"):
            if child.right_edge.i < stop:
                tokens += list(child.subtree)
    return sorted(tokens, key=lambda t: t.i)


def _role_text(tokens: list[Token]) -> tuple[str, str]:
    """The role's words without a leading country possessive, and that country."""
    country = ""
    if len(tokens) > 2 and tokens[1].tag_ == "POS" and country_of(tokens[0]):
        country, tokens = country_of(tokens[0]), tokens[2:]
    while tokens and (tokens[0].dep_ == "det" or tokens[0].is_punct):
        tokens = tokens[1:]
    while tokens and tokens[-1].is_punct:
        tokens = tokens[:-1]
    return "".join(t.text_with_ws for t in tokens).strip(), country


def _apposed_to_role(name: Span) -> tuple[str, str]:
    """A name set beside a role noun: "the Afghan team's coach, Alireza Mehraban"."""
    head = name.root.head
    if (
        name.root.dep_ != "appos"
        or head.lemma_.lower() not in ROLE_WORDS
        or head.tag_
        not in (
            "NN",
            "NNP",
        )
    ):
        return "", ""
    return _role_text(_role_words(head, name.start))


def _lowercase_title(name: Span) -> tuple[str, str]:
    """A lowercase role word right before a name: "Tunisia's coach Nabil Maaloul"."""
    doc = name.doc
    if name.start == 0:
        return "", ""
    before = doc[name.start - 1]
    if (
        before.lemma_.lower() not in ROLE_WORDS
        or not before.is_lower
        or before.ent_type_
        or before.tag_ != "NN"
    ):
        return "", ""
    start = name.start - 1
    while start > name.sent.start and doc[start - 1].is_lower and doc[start - 1].pos_ == "NOUN":
        start -= 1
    if start >= 2 and doc[start - 1].tag_ == "POS" and country_of(doc[start - 2]):
        return doc[start : name.start].text, country_of(doc[start - 2])
    return doc[start : name.start].text, ""


#: Ways a role is written next to a name, tried in order.
ROLE_READERS = (_title_before, _apposition, _apposed_to_role, _lowercase_title)


def read_named_roles(doc: Doc, index: PeopleIndex) -> None:
    """Add roles written next to full names (titles, appositions) to each person."""
    for person in index.people.values():
        for start, end in person.mentions:
            name = doc[start:end]
            if len(name) < 2:
                continue
            role, country = next(
                (found for reader in ROLE_READERS if (found := reader(name))[0]), ("", "")
            )
            if role:
                country = country or _country_after(name)
                person.roles.append((role, country, name.sent))
