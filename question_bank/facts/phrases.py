"""Noun phrases that state a fact without being a reliable named entity.

"Japan will operate *a pressurized rover*", "This year's theme was *water security*", "the
production of *wheat, rice, maize and soybean*", "peace across *the Taiwan Strait*". Rules:

* a candidate is a noun (or proper noun) that is an argument of a verb or preposition
  (``ARGUMENT_DEPS``), with its article, adjectives, compounds and ordinals on the left; a proper
  noun keeps an "of"-complement made of proper nouns ("Bank of the United States"); a list of
  bare coordinated nouns is one answer ("wheat, rice, maize and soybean");
* it is dropped when its head is a pronoun or a generic noun (``GENERIC_HEADS``), when it holds a
  date or a number (their own extractors ask about those), when a reliable named entity covers it
  exactly (the entity extractor asks about it), when it sits in reported speech, or when it runs
  past ``MAX_PHRASE_WORDS`` words;
* each sentence keeps at most ``MAX_PER_SENTENCE`` phrases: proper-noun phrases first, then
  subjects, objects and complements of verbs, then objects of prepositions.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from question_bank.facts.clauses import governing_verb, wh_question
from question_bank.facts.context import ArticleContext
from question_bank.model import Fact

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

MAX_PHRASE_WORDS = 8
MAX_PER_SENTENCE = 3
ARGUMENT_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "attr", "oprd", "appos", "pobj", "dative"})
_VERB_ARGUMENTS = frozenset({"nsubj", "nsubjpass", "dobj", "attr", "oprd", "appos"})
_LEFT_DEPS = frozenset({"det", "amod", "compound", "nummod", "nmod", "poss", "quantmod", "punct"})
_NUMBER_LABELS = frozenset({"DATE", "TIME", "CARDINAL", "MONEY", "PERCENT", "QUANTITY"})
_ENTITY_LABELS = frozenset({"PERSON", "GPE", "LOC", "FAC", "ORG", "NORP"})
GENERIC_HEADS = frozenset(
    """way part number time thing lot kind type sort one ones other others importance effort
    efforts fact case cases issue matter matters side sides view views addition order place end
    day week month year years people person group member members course term terms basis
    example instance area areas level levels point points result results reason reasons
    percent per cent share rest use range role aspect aspects today yesterday tomorrow""".split()
)
#: Last word of a proper-noun phrase -> the fact type it names.
HEAD_TYPES = {
    **dict.fromkeys(
        "strait sea ocean pole island islands river hall stadium region peninsula "
        "mountain mountains coast valley desert bay gulf park square street airport".split(),
        "place",
    ),
    **dict.fromkeys(
        "group bank force forces agency company council committee party university institute "
        "organisation organization ministry department commission union".split(),
        "organisation",
    ),
}


def _left_start(head: Token) -> int:
    """The first token of the head's contiguous left modifiers (article, adjectives, compounds)."""
    start = head.i
    for child in sorted((c for c in head.children if c.i < head.i), key=lambda c: -c.i):
        if child.dep_ not in _LEFT_DEPS or child.right_edge.i != start - 1:
            break
        if child.dep_ == "poss" and child.pos_ == "PRON":
            break
        start = child.left_edge.i
    while start < head.i and head.doc[start].is_punct:
        start += 1
    return start


def _right_end(head: Token) -> int:
    """One past the last token: an "of"-complement of proper nouns, or a list of bare nouns."""
    doc, end = head.doc, head.i + 1
    if head.pos_ == "PROPN":
        of = next((c for c in head.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        if (
            of is not None
            and of.i == end
            and all(t.pos_ in ("PROPN", "DET") for t in of.subtree if t != of)
        ):
            end = of.right_edge.i + 1
    conjuncts = _bare_conjuncts(head)
    if conjuncts and all(c.i > head.i for c in conjuncts):
        end = max(end, conjuncts[-1].i + 1)
        if any(doc[i].pos_ not in ("NOUN", "PROPN", "PUNCT", "CCONJ") for i in range(head.i, end)):
            return head.i + 1
    return end


def _bare_conjuncts(head: Token) -> list[Token]:
    """The nouns coordinated with ``head`` ("rice", "maize", "soybean"), when all are bare."""
    found, current = [], head
    while True:
        nxt = next((c for c in current.children if c.dep_ == "conj"), None)
        own = [c for c in nxt.children if c.dep_ not in ("conj", "cc", "punct")] if nxt else []
        if nxt is None or nxt.pos_ not in ("NOUN", "PROPN") or len(own) > 2:
            return found
        found.append(nxt)
        current = nxt


def phrase_span(head: Token) -> tuple[int, int]:
    """Return the token range (start, end) of the noun phrase headed by ``head``."""
    return _left_start(head), _right_end(head)


def _priority(head: Token, tokens: Span) -> int:
    if any(t.pos_ == "PROPN" for t in tokens):
        return 0
    return 1 if head.dep_ in _VERB_ARGUMENTS else 2


def _covered_by_entity(tokens: Span) -> bool:
    """True when a person, place or organisation entity covers the phrase's content words."""
    content = [t for t in tokens if t.dep_ != "det" and not t.is_punct]
    if not content:
        return True
    first, last = content[0], content[-1]
    return (
        first.ent_type_ in _ENTITY_LABELS
        and first.ent_iob_ == "B"
        and last.ent_type_ == first.ent_type_
        and (last.i + 1 >= len(tokens.doc) or tokens.doc[last.i + 1].ent_iob_ != "I")
        and all(t.ent_type_ == first.ent_type_ for t in content)
    )


def _usable(ctx: ArticleContext, head: Token, tokens: Span) -> bool:
    words = [t for t in tokens if not t.is_punct]
    if head.pos_ not in ("NOUN", "PROPN") or head.lemma_.lower() in GENERIC_HEADS:
        return False
    if not 1 <= len(words) <= MAX_PHRASE_WORDS or _covered_by_entity(tokens):
        return False
    if any(t.ent_type_ in _NUMBER_LABELS or t.pos_ == "PRON" or t.like_num for t in tokens):
        return False
    if len(words) == 1 and head.pos_ == "NOUN" and head.dep_ == "pobj":
        return False  # a bare noun after a preposition is rarely the point of a sentence
    return not ctx.in_speech(head.idx)


def candidate_phrases(ctx: ArticleContext, sentence: Span) -> list[tuple[int, int]]:
    """Return the sentence's phrase ranges worth asking about, best first (see module rules)."""
    found: dict[tuple[int, int], int] = {}
    for token in sentence:
        if token.dep_ not in ARGUMENT_DEPS and not (
            token.dep_ == "conj" and token.head.dep_ in ARGUMENT_DEPS
        ):
            continue
        start, end = phrase_span(token)
        if start < sentence.start or end > sentence.end:
            continue
        tokens = ctx.doc[start:end]
        if _usable(ctx, token, tokens) and not any(
            s <= start and end <= e for s, e in found if (s, e) != (start, end)
        ):
            found[(start, end)] = _priority(token, tokens)
    ranked = sorted(found, key=lambda span: (found[span], span[0]))
    return ranked[:MAX_PER_SENTENCE]


def fact_type_of(tokens: Span) -> str:
    """Return the fact type a phrase names: place or organisation by its last word, else event."""
    last = tokens[-1]
    if last.pos_ == "PROPN" or last.text[:1].isupper():
        return HEAD_TYPES.get(last.lower_, "event")
    return "event"


def _what_question(ctx: ArticleContext, head: Token, span: tuple[int, int]) -> str:
    """ "What will Japan operate?" for an object phrase of two or more words; "" otherwise."""
    if head.dep_ != "dobj" or span[1] - span[0] < 2:
        return ""
    verb = governing_verb(head)
    if verb is None:
        return ""
    return wh_question(ctx, verb, "what", set(range(*span)))


def _phrase_fact(ctx: ArticleContext, sentence: Span, span: tuple[int, int]) -> Fact | None:
    tokens = ctx.doc[span[0] : span[1]]
    rendered = ctx.render(sentence, gap=span)
    if rendered.start < 0:
        return None
    head = tokens.root
    question = _what_question(ctx, head, span)
    return ctx.new_fact(
        fact_type_of(tokens),
        tokens.text,
        sentence,
        tokens,
        origin="phrase",
        statement=rendered.text,
        gap_start=str(rendered.start),
        gap_end=str(rendered.end),
        question=question,
        answer=rendered.answer if question else "",
    )


def extract_phrases(ctx: ArticleContext) -> Iterator[Fact]:
    """Yield phrase facts, a few per sentence (see module rules)."""
    for sentence in ctx.sentences:
        for span in candidate_phrases(ctx, sentence):
            fact = _phrase_fact(ctx, sentence, span)
            if fact is not None:
                yield fact
