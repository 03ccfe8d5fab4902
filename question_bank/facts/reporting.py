"""Questions about the source a sentence cites ("according to the state-run news agency Azertac").

Rules: when the organisation is the object of "according to", the question names what it reported:
the clause's own wh-question ("According to which state-run news agency did ... ?") when the
clause keeps words after its verb, else, for a speech verb, "Which state-run news agency reported
the statement by <speaker>?". When the organisation is the subject of a verb, the question asks
who did what ("Which state-run news agency reported ...?"). Otherwise no question.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from question_bank.facts.clauses import declarative, subject_phrase, wh_question
from question_bank.facts.context import ArticleContext
from question_bank.facts.quotes import SPEECH_VERBS

if TYPE_CHECKING:
    from spacy.tokens import Token

_SUBJECTS = ("nsubj", "nsubjpass")


def _cited_by(noun: Token) -> Token | None:
    """The verb an "according to <noun>" phrase belongs to, or None."""
    to = noun.head
    if noun.dep_ != "pobj" or to.lower_ != "to" or to.head.lower_ != "according":
        return None
    verb = to.head.head
    return verb if verb.pos_ in ("VERB", "AUX") else None


def _as_cited_source(ctx: ArticleContext, noun: Token, description: str) -> str:
    verb = _cited_by(noun)
    if verb is None:
        return ""
    skip = {t.i for t in noun.head.head.subtree}
    question = wh_question(ctx, verb, f"according to which {description}", skip)
    if question and not question.rstrip("?").endswith(verb.text):
        return question
    speaker = subject_phrase(ctx, verb)
    if verb.lemma_.lower() in SPEECH_VERBS and speaker:
        return f"Which {description} reported the statement by {speaker}?"
    return ""


def _as_subject(ctx: ArticleContext, noun: Token, description: str) -> str:
    if noun.dep_ not in _SUBJECTS or noun.head.pos_ not in ("VERB", "AUX"):
        return ""
    verb = noun.head
    statement = declarative(ctx, verb, set())
    subject = subject_phrase(ctx, verb)
    if not statement or not subject or not statement.startswith(subject):
        return ""
    return f"Which {description}{statement[len(subject) :]}?"


def source_question(ctx: ArticleContext, noun: Token, description: str) -> str:
    """Ask which organisation (``description``: "news agency") reported what (see rules)."""
    return _as_cited_source(ctx, noun, description) or _as_subject(ctx, noun, description)
