"""People, places and organisations named in the article, with what the text says about them.

Entity labels are trusted only when they look reliable: the entity needs a proper noun, a text
labelled differently elsewhere takes its most frequent label, and names known from the shipped
country list are places whatever spaCy called them.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from typing import TYPE_CHECKING

from question_bank.data import capital_of, country_by_name
from question_bank.facts.agreements import AGREEMENT_NOUNS
from question_bank.facts.context import ArticleContext
from question_bank.facts.reporting import source_question
from question_bank.facts.untagged import CODED_NAME
from question_bank.model import Fact

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

ORG_NOUNS = frozenset(
    "agency company corporation ministry party university bank newspaper institute council "
    "committee association organisation organization union broadcaster firm group".split()
)
_LABEL_TYPES = {
    "PERSON": "person",
    "GPE": "place",
    "LOC": "place",
    "FAC": "place",
    "ORG": "organisation",
    "EVENT": "event",
    "WORK_OF_ART": "event",
    "LAW": "event",
    "PRODUCT": "event",
}


def _key(span: Span) -> str:
    return span.text.replace("’s", "").replace("'s", "").strip()


def _majority_labels(ctx: ArticleContext) -> dict[str, str]:
    counts: dict[str, Counter[str]] = {}
    for ent in ctx.doc.ents:
        counts.setdefault(_key(ent), Counter())[ent.label_] += 1
    labels = {key: counter.most_common(1)[0][0] for key, counter in counts.items()}
    labels["\0gpe"] = "\0".join(key for key, counter in counts.items() if counter["GPE"])
    return labels


def _described_noun(ent: Span) -> Token:
    """The noun an organisation's description rests on ("agency" of "the news agency Azertac")."""
    head = ent.root.head if ent.root.dep_ in ("appos", "compound", "pobj") else ent.root
    return next((c for c in (ent.root.head, head) if c.lemma_.lower() in ORG_NOUNS), ent.root)


def _org_description(ent: Span) -> str:
    """Return "state-run news agency" for "the state-run news agency Azertac", else ""."""
    head = ent.root.head if ent.root.dep_ in ("appos", "compound", "pobj") else ent.root
    for candidate in (ent.root.head, head):
        if candidate.lemma_.lower() in ORG_NOUNS and candidate not in ent:
            words = [
                t for t in candidate.subtree if t.i < ent.start and t.dep_ not in ("det", "prep")
            ]
            words = [t for t in words if t.head == candidate or t.head in words] + [candidate]
            if any(t.text[:1].isupper() for t in words):
                return ""  # "Labour Party's ..." names an organisation, it does not describe one
            return " ".join(t.text for t in words if t.i <= candidate.i).replace(" - ", "-")
    return ""


def entity_type(ctx: ArticleContext, ent: Span, labels: dict[str, str]) -> str:
    """Return person, place or organisation for a reliable entity, else ""."""
    key = _key(ent)
    if key.lower() in AGREEMENT_NOUNS:
        return ""
    if (
        not any(t.pos_ == "PROPN" for t in ent)
        or "-" in key
        and key.count("-") == 1
        and " " not in key
        and not CODED_NAME.match(key)
    ):
        return ""
    if key.lower() in country_by_name() and country_by_name()[key.lower()].name == key:
        return "place"
    if _org_description(ent):
        return "organisation"
    kind = _LABEL_TYPES.get(labels.get(key, ent.label_), "")
    if key in labels.get("\0gpe", ""):
        kind = "place"
    if kind == "person" and ctx.people.person_at(ent.start) is None:
        return ""
    return kind


def answer_class(kind: str, name: str, description: str = "") -> str:
    """Return the distractor class of an entity answer (country, capital, news agency ...)."""
    lowered = name.lower()
    if kind == "place" and lowered in country_by_name() and country_by_name()[lowered].name == name:
        return "country"
    if kind == "place" and lowered in capital_of():
        return "capital"
    if kind == "organisation" and description:
        return description.split()[-1] if description.endswith("agency") else "organisation"
    if kind == "event" and any(c.isdigit() for c in name):
        return "event:numbered"  # "STS-135" is offered beside "STS-133", not beside a treaty
    return kind


def _capital_question(ent: Span, ctx: ArticleContext) -> dict[str, str]:
    before = ctx.doc[ent.start - 1] if ent.start > 0 else None
    country = capital_of().get(_key(ent).lower())
    mentioned = country is not None and country.name in ctx.text
    if before is None or before.lower_ != "capital" or not mentioned:
        return {}
    return {
        "question": f"Which city is the capital of {country.name}?",  # type: ignore[union-attr]
        "answer": _key(ent),
        "answer_class": "capital",
    }


def _unbalanced(text: str) -> bool:
    """True for a sentence cut out of a quotation (odd number of quotation marks)."""
    return (text.count('"') + text.count("“") + text.count("”")) % 2 == 1


def _entity_fact(ctx: ArticleContext, ent: Span, kind: str) -> Fact | None:
    sentence = ent.sent
    name = _key(ent)
    person = ctx.people.person_at(ent.start) if kind == "person" else None
    end = ent.end - (1 if ent[-1].tag_ == "POS" else 0)
    rendered = ctx.render(sentence, gap=(ent.start, end))
    if rendered.start < 0 or _unbalanced(rendered.text):
        return None
    description = _org_description(ent) if kind == "organisation" else ""
    extra: dict[str, str] = {}
    question = source_question(ctx, _described_noun(ent), description) if description else ""
    if question:
        extra = {
            "question": question,
            "answer": name,
            "answer_class": answer_class(kind, name, description),
        }
    if kind == "place":
        extra = _capital_question(ent, ctx)
    return ctx.new_fact(
        kind,
        person.name if person is not None else name,
        sentence,
        ent,
        statement=rendered.text,
        gap_start=str(rendered.start),
        gap_end=str(rendered.end),
        **{"class": answer_class(kind, name, description)},
        description=description,
        **extra,
    )


def extract_entities(ctx: ArticleContext) -> Iterator[Fact]:
    """Yield person, place, organisation and named-event facts (once per name and sentence)."""
    labels = _majority_labels(ctx)
    seen: set[tuple[str, int]] = set()
    for ent in ctx.doc.ents:
        kind = entity_type(ctx, ent, labels)
        if not kind or (_key(ent), ent.sent.start) in seen or ctx.in_quote(ent.start_char):
            continue
        fact = _entity_fact(ctx, ent, kind)
        if fact is not None:
            seen.add((_key(ent), ent.sent.start))
            yield fact


#: Marks of a photo caption: a person's place in the picture, or a credit line.
_CAPTION_MARKS = re.compile(
    r",\s*(?:left|right|centre|center|second from (?:left|right))\s*,"
    r"|\((?:left|right|centre|center)\)|\bpictured\b|\b(?:photo|image) credit\b|\bcredit:",
    re.IGNORECASE,
)


def is_caption(ctx: ArticleContext, sentence: Span) -> bool:
    """Tell whether a sentence belongs to a photo caption ("X, left, and Y hold ...")."""
    start = ctx.text.rfind("\n\n", 0, sentence.start_char)
    end = ctx.text.find("\n\n", sentence.end_char)
    paragraph = ctx.text[start + 1 : end if end >= 0 else len(ctx.text)]
    return bool(_CAPTION_MARKS.search(paragraph))


def _role_question(phrase: str, country: str) -> str:
    """Ask "Who is the NASA Administrator?"; not of a bare title ("Who is the President?")."""
    if not country and len(phrase.split()) < 2:
        return ""
    return f"Who is the {phrase}?"


def extract_roles(ctx: ArticleContext) -> Iterator[Fact]:
    """Yield one role fact per person and role ("Ilham Aliyev", president of Azerbaijan).

    A role read in the article's body is preferred to the same role read in a photo caption.
    """
    for person in ctx.people.people.values():
        seen = set()
        single_role = len({role.casefold() for role, _, _ in person.roles}) == 1
        roles = sorted(person.roles, key=lambda found: is_caption(ctx, found[2]))
        for role, country, sentence in roles:
            if (role, country) in seen:
                continue
            seen.add((role, country))
            phrase = f"{role} of {country}" if country else role
            article = "the "
            yield ctx.new_fact(
                "role",
                person.name,
                sentence,
                person.first,
                role=role,
                country=country,
                role_phrase=phrase,
                statement=f"{person.name} is {article}{phrase}.",
                gap_start="0",
                gap_end=str(len(person.name)),
                question=_role_question(phrase, country),
                answer=person.name,
                answer_class=f"person:{role.lower()}",
                question2=f"{person.name} is the {role} of which country?" if country else "",
                answer2=country,
                answer2_class="country",
                question3=f"What post does {person.name} hold?" if single_role else "",
                answer3=role if role[:1].isupper() else phrase,
                answer3_class="role",
                **{"class": f"person:{role.lower()}"},
            )
