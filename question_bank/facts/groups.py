"""Plural subjects ("the three NSAs", "the delegations") and the "they"/"their" pointing back.

Rules: a plural subject is the subject of a verb, not a pronoun, whose head noun is plural (or
which coordinates two or more nouns), written in at most ``MAX_GROUP_WORDS`` words without a
clause inside it. A later "they" (subject) or "their" (possessive) outside quotation marks refers to
the most recent plural subject, if one was seen no more than ``GROUP_WINDOW`` sentences earlier.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

MAX_GROUP_WORDS = 6
GROUP_WINDOW = 3
GROUP_PRONOUNS = {"they": "subject", "their": "possessive"}
_SUBJECTS = frozenset({"nsubj", "nsubjpass"})
_CLAUSE_DEPS = frozenset({"relcl", "acl", "advcl", "ccomp", "appos"})


def _group_text(subject: Token) -> str:
    """The subject's words when it names a group on its own ("the three NSAs"), else ""."""
    tokens = list(subject.subtree)
    if len(tokens) > MAX_GROUP_WORDS or any(
        t.dep_ in _CLAUSE_DEPS or t.pos_ == "PRON" or t.is_punct and t.text != "." for t in tokens
    ):
        return ""
    plural = subject.tag_ in ("NNS", "NNPS") or any(c.dep_ == "conj" for c in subject.children)
    if not plural:
        return ""
    text = "".join(t.text_with_ws for t in tokens).strip()
    return text[:1].lower() + text[1:] if tokens[0].dep_ == "det" else text


def link_groups(doc: Doc, in_quote) -> dict[int, str]:
    """Map each "they"/"their" token index to the plural subject it refers to (see module rules)."""
    links: dict[int, str] = {}
    last, last_sentence = "", -GROUP_WINDOW - 1
    for number, sentence in enumerate(doc.sents):
        for token in sentence:
            lowered = token.lower_
            if lowered in GROUP_PRONOUNS and not in_quote(token.idx):
                if last and number - last_sentence <= GROUP_WINDOW:
                    links[token.i] = last
            elif token.dep_ in _SUBJECTS and token.pos_ in ("NOUN", "PROPN"):
                text = _group_text(token)
                if text:
                    last, last_sentence = text, number
    return links


def group_replacement(token: Token, antecedent: str) -> str:
    """The words that stand for a "they" or "their" token ("the three NSAs", "the NSAs’")."""
    if GROUP_PRONOUNS.get(token.lower_) == "possessive":
        return antecedent + ("’" if antecedent.endswith("s") else "’s")
    return antecedent
