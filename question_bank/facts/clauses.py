"""Turning a clause into a wh-question: subject, auxiliary and the rest of the verb phrase.

Only plain declarative clauses are turned: the verb needs a subject that can be named without the
surrounding text (a name, a noun phrase, or "who"/"which" whose antecedent is a noun phrase), and
the question is dropped when it would run past ``MAX_QUESTION_TOKENS``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from question_bank.facts.context import ArticleContext

if TYPE_CHECKING:
    from spacy.tokens import Token

MAX_QUESTION_TOKENS = 24
_KEEP = frozenset(
    {"dobj", "prep", "prt", "acomp", "attr", "dative", "oprd", "agent", "npadvmod", "xcomp"}
)
_SUBJECTS = ("nsubj", "nsubjpass")
_VAGUE_SUBJECTS = frozenset(
    {"it", "this", "that", "they", "these", "those", "there", "we", "i", "you"}
)


def _space_after(tokens: list[Token], position: int) -> str:
    """The token's own whitespace, or one space where the next kept token is not its neighbour."""
    token = tokens[position]
    following = tokens[position + 1] if position + 1 < len(tokens) else None
    if following is None or following.i == token.i + 1 or token.whitespace_ or following.is_punct:
        return token.whitespace_
    return " "


def _phrase(ctx: ArticleContext, tokens: list[Token]) -> str:
    words = []
    for position, token in enumerate(tokens):
        person = ctx.people.person_at(token.i)
        space = _space_after(tokens, position)
        if token.lower_ in ("he", "she", "him") and person is not None:
            words.append(person.name + space)
        elif token.lower_ in ("his", "her") and person is not None:
            words.append(person.name + "’s" + space)
        else:
            words.append(token.text + space)
    text = "".join(words).strip().strip(",;:").strip()
    if tokens and tokens[0].dep_ == "det" and not tokens[0].ent_type_ and text[:4] == "The ":
        text = (
            "the " + text[4:]
        )  # a subject moved after the auxiliary is no longer sentence-initial
    return text


def subject_phrase(ctx: ArticleContext, verb: Token) -> str:
    """Return the verb's subject as text that stands alone, or "" when it cannot."""
    subject = next((c for c in verb.children if c.dep_ in _SUBJECTS), None)
    if subject is None:
        return ""
    if subject.lower_ in ("who", "which", "that") and verb.dep_ == "relcl":
        antecedent = verb.head
        person = ctx.people.person_at(antecedent.i)
        if person is not None:
            return person.name
        tokens = [t for t in antecedent.subtree if t.i < verb.i and t not in verb.subtree]
        return _phrase(ctx, tokens)
    if subject.lower_ in _VAGUE_SUBJECTS:
        return ""
    if ctx.in_quote(subject.idx):
        return ""
    return _phrase(ctx, list(subject.subtree))


def auxiliary(verb: Token) -> tuple[str, str] | None:
    """Return (auxiliary, verb form) for a question ("did", "arrive"); None for forms we skip."""
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass") and c.i < verb.i]
    if auxes:
        first = auxes[0]
        rest = " ".join(a.text for a in auxes[1:])
        return first.lower_, (rest + " " + verb.text).strip()
    forms = {"VBD": "did", "VBZ": "does", "VBP": "do"}
    if verb.tag_ in forms:
        return forms[verb.tag_], verb.lemma_
    return None


def rest_of_clause(ctx: ArticleContext, verb: Token, skip: set[int]) -> str:
    """Return the objects and modifiers after the verb, without the tokens in ``skip``."""
    tokens: list[Token] = []
    for child in verb.children:
        if child.i < verb.i or child.dep_ not in _KEEP:
            continue
        part = [t for t in child.subtree if t.i not in skip and not ctx.in_quote(t.idx)]
        if len(part) != len(list(child.subtree)):
            if child.i in skip or all(t.i in skip for t in child.subtree):
                continue
            return "\0"
        tokens.extend(part)
    tokens.sort(key=lambda t: t.i)
    while tokens and tokens[-1].is_punct:
        tokens.pop()
    return _phrase(ctx, tokens)


def wh_question(ctx: ArticleContext, verb: Token, wh: str, skip: set[int]) -> str:
    """Build "``wh`` aux subject verb rest?" for the clause of ``verb``; "" when unsound."""
    subject = subject_phrase(ctx, verb)
    forms = auxiliary(verb)
    if not subject or forms is None or any(t.i in skip for t in _subject_tokens(verb)):
        return ""
    rest = rest_of_clause(ctx, verb, skip)
    if "\0" in rest:
        return ""
    aux, form = forms
    question = " ".join(part for part in (wh, aux, subject, form, rest) if part) + "?"
    if len(question.split()) > MAX_QUESTION_TOKENS:
        return ""
    return question[0].upper() + question[1:]


def declarative(ctx: ArticleContext, verb: Token, skip: set[int]) -> str:
    """Return "subject verb rest" for ``verb``'s clause without ``skip``; "" when unsound."""
    subject = subject_phrase(ctx, verb)
    if not subject or any(t.i in skip for t in _subject_tokens(verb)):
        return ""
    rest = rest_of_clause(ctx, verb, skip)
    if "\0" in rest:
        return ""
    auxes = [c.text for c in verb.children if c.dep_ in ("aux", "auxpass", "neg") and c.i < verb.i]
    text = " ".join(part for part in (subject, *auxes, verb.text, rest) if part)
    return text if len(text.split()) <= MAX_QUESTION_TOKENS else ""


def _subject_tokens(verb: Token) -> list[Token]:
    subject = next((c for c in verb.children if c.dep_ in _SUBJECTS), None)
    return list(subject.subtree) if subject is not None else []


def governing_verb(token: Token) -> Token | None:
    """Return the verb a token attaches to directly, through one preposition or a conjunct noun."""
    current = token
    if current.dep_ == "conj" and current.head.pos_ in ("NOUN", "PROPN"):
        current = current.head
    if current.dep_ == "pobj" and current.head.dep_ == "prep":
        current = current.head
    head = current.head
    if head is not current and head.pos_ in ("VERB", "AUX") and current.dep_ in _DIRECT:
        return head
    return None


_DIRECT = frozenset({"prep", "npadvmod", "dobj", "nsubj", "nsubjpass", "attr", "tmod"})
