"""A sentence-opening "it" (or "its") that points back to the thing the previous sentence named.

Rules: the antecedent is the subject of the previous sentence's main verb when that subject is a
singular common noun ("An enclosed and pressurized rover"): not a person, not a title word, not
a pronoun, at most ``MAX_THING_WORDS`` words of an article, adjectives and noun modifiers only.
The pronoun must come before any other subject of its own sentence, outside quotation marks, and
must not be the empty "it" of "it is time to ..." or "it was announced that ...". The antecedent
is written with "the" in place of its article ("the enclosed and pressurized rover").
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from question_bank.facts.people import ROLE_WORDS

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

MAX_THING_WORDS = 6
THING_PRONOUNS = {"it": "subject", "its": "possessive"}
_SUBJECTS = frozenset({"nsubj", "nsubjpass"})
_MODIFIER_DEPS = frozenset({"det", "amod", "compound", "cc", "advmod", "nummod", "hmod", "hyph"})
_EXTRAPOSED = frozenset({"ccomp", "xcomp", "csubj", "csubjpass"})
_CLAUSES = frozenset({"acl", "relcl"})
_PEOPLE_LABELS = frozenset({"PERSON", "NORP"})
_ARTICLES = frozenset({"a", "an", "the"})


def _is_modifier(token: Token) -> bool:
    """An article, adjective, noun modifier or coordinated adjective ("enclosed and sealed")."""
    if token.dep_ == "conj":
        return token.pos_ == "ADJ" or token.tag_ == "VBN"
    return token.dep_ in _MODIFIER_DEPS and token.pos_ != "PRON"


def _thing_text(subject: Token) -> str:
    """The subject's words when it names one thing on its own, else ""."""
    tokens = list(subject.subtree)
    if (
        len(tokens) > MAX_THING_WORDS
        or subject.tag_ != "NN"
        or subject.ent_type_ in _PEOPLE_LABELS
        or subject.lemma_.lower() in ROLE_WORDS
        or not all(_is_modifier(t) for t in tokens if t != subject)
    ):
        return ""
    first = tokens[0]
    if first.dep_ != "det" or first.lower_ not in _ARTICLES:
        return ""
    return "the " + "".join(t.text_with_ws for t in tokens[1:]).strip()


def _main_subject(sentence: Span) -> Token | None:
    root = sentence.root
    return next((c for c in root.children if c.dep_ in _SUBJECTS), None)


def _is_empty_it(token: Token) -> bool:
    """The "it" of "it is time to ...", "it is clear that ..." or "it was said that ...": empty."""
    head = token.head
    if token.dep_ == "expl" or any(c.dep_ in _EXTRAPOSED for c in head.children):
        return True
    attributes = [c for c in head.children if c.dep_ == "attr"] if head.lemma_ == "be" else []
    return any(c.dep_ in _CLAUSES for a in attributes for c in a.children)


def _opening_pronoun(sentence: Span, in_quote: Callable[[int], bool]) -> Token | None:
    """The first subject of a sentence when it is "it" or a subject's "its" (see module rules)."""
    for token in sentence:
        if token.dep_ in _SUBJECTS and token.lower_ != "it":
            return None
        if token.lower_ not in THING_PRONOUNS or in_quote(token.idx):
            continue
        if token.lower_ == "it" and token.dep_ in _SUBJECTS and not _is_empty_it(token):
            return token
        if token.lower_ == "its" and token.head.dep_ in _SUBJECTS:
            return token
        return None
    return None


def link_things(doc: Doc, in_quote: Callable[[int], bool]) -> dict[int, str]:
    """Map each opening "it"/"its" token index to the thing it refers to (see module rules)."""
    links: dict[int, str] = {}
    previous = ""
    for sentence in doc.sents:
        pronoun = _opening_pronoun(sentence, in_quote)
        if pronoun is not None and previous:
            links[pronoun.i] = previous
        subject = _main_subject(sentence)
        previous = _thing_text(subject) if subject is not None else ""
    return links


def thing_replacement(token: Token, antecedent: str) -> str:
    """The words that stand for an "it" or "its" token ("the rover", "the rover’s")."""
    if THING_PRONOUNS.get(token.lower_) == "possessive":
        return antecedent + "’s"
    return antecedent
