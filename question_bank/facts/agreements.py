"""Agreements: what was signed or agreed, by whom, between which parties and in which fields."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from question_bank.facts.clauses import subject_phrase
from question_bank.facts.context import ArticleContext
from question_bank.facts.roles import country_of
from question_bank.model import Fact

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

AGREEMENT_NOUNS = frozenset(
    "memorandum memorandums memoranda agreement accord treaty deal pact protocol contract "
    "declaration charter mou".split()
)
SIGN_VERBS = frozenset("sign conclude ink reach finalize finalise agree seal adopt".split())
_FIELD_HEADS = frozenset({"field", "fields", "area", "areas", "sphere", "spheres"})


def _agreement_phrase(noun: Token) -> str:
    """Return the agreement noun with its "of ..." complement ("Memorandums of Understanding")."""
    phrase = [noun] + [t for t in noun.subtree if t.i > noun.i and _inside_of(t, noun)]
    return " ".join(t.text for t in sorted(phrase, key=lambda t: t.i))


def _inside_of(token: Token, noun: Token) -> bool:
    """True for tokens of an "of Understanding" complement directly under the noun."""
    chain = token
    while chain.head != noun and chain.head != chain:
        chain = chain.head
    return chain.dep_ == "prep" and chain.lower_ == "of"


def fields_of(noun: Token) -> list[str]:
    """Return the fields in "on cooperation in the fields of A, B and C" (or "on A")."""
    return [" ".join(t.text for t in words) for words in field_tokens(noun)]


def field_tokens(noun: Token) -> list[list[Token]]:
    """Return the tokens of each field in "on cooperation in the fields of A, B and C"."""
    for token in noun.subtree:
        if token.lower_ in _FIELD_HEADS:
            of = next((c for c in token.children if c.lower_ == "of"), None)
            if of is not None:
                return _coordinated(next((c for c in of.children if c.dep_ == "pobj"), None))
    return []


def _coordinated(head: Token | None) -> list[list[Token]]:
    if head is None:
        return []
    items, current = [], head
    while current is not None:
        items.append(
            [
                t
                for t in current.subtree
                if t == current or not _under_conj(t, current) and not t.is_punct
            ]
        )
        current = next((c for c in current.children if c.dep_ == "conj"), None)
    return items


def _under_conj(token: Token, top: Token) -> bool:
    chain = token
    while chain != top:
        if chain.dep_ in ("conj", "cc", "punct"):
            return True
        chain = chain.head
    return False


def _agreement_fact(ctx: ArticleContext, verb: Token, noun: Token, sentence: Span) -> Fact:
    signers = subject_phrase(ctx, verb)
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    parties = [
        country_of(t) for t in (subject.subtree if subject is not None else ()) if country_of(t)
    ]
    phrase = _agreement_phrase(noun)
    fields = fields_of(noun) or fields_of(verb)
    rendered = ctx.render(sentence, gap=(noun.i, noun.i + 1))
    return ctx.new_fact(
        "agreement",
        phrase,
        sentence,
        ctx.doc[noun.i : noun.i + 1],
        signers=signers,
        parties="; ".join(dict.fromkeys(parties)),
        fields="; ".join(fields),
        statement=rendered.text,
        question=f"What did {signers} {verb.lemma_}?" if signers else "",
        answer=phrase,
        answer_class="agreement",
        question2=f"Who signed the {phrase}{' on ' + _join(fields) if fields else ''}?"
        if signers
        else "",
        answer2=signers,
        answer2_class="signers",
    )


def _join(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def _field_facts(ctx: ArticleContext, verb: Token, noun: Token, sentence: Span) -> Iterator[Fact]:
    """Yield one fact per field of cooperation, gapped in its clause ("... tourism and _____")."""
    fields = field_tokens(noun) or field_tokens(verb)
    for words in fields if len(fields) > 1 else ():
        start, end = min(t.i for t in words), max(t.i for t in words) + 1
        rendered = ctx.render(sentence, gap=(start, end))
        if rendered.start < 0:
            continue
        yield ctx.new_fact(
            "agreement",
            rendered.answer,
            sentence,
            ctx.doc[start:end],
            agreement=_agreement_phrase(noun),
            statement=rendered.text,
            gap_start=str(rendered.start),
            gap_end=str(rendered.end),
            **{"class": "field"},
        )


def extract_agreements(ctx: ArticleContext) -> Iterator[Fact]:
    """Yield agreement facts for "X signed a memorandum/agreement ..." clauses, and their fields."""
    for sentence in ctx.sentences:
        for token in sentence:
            if (
                token.lower_ in AGREEMENT_NOUNS
                and token.dep_ == "dobj"
                and token.head.lemma_ in SIGN_VERBS
            ):
                yield _agreement_fact(ctx, token.head, token, sentence)
                yield from _field_facts(ctx, token.head, token, sentence)
