"""Questions on the object of a preposition, the preposition taken to the front with it.

A phrase hanging from the main verb ("to Pakistan", "with the World Bank", "by the court") whose
object is the whole answer is asked with its preposition and a "which" phrase of the answer's
class, by the moves of ``facts.questions`` ("The United States donated vaccines to Pakistan" ->
"To which country did the United States donate vaccines?"; "The fine was set by the Court of
Appeal" -> "By which organisation was the fine set?"). A person is asked with "whom" ("With whom
did Biden meet?"). Places after "in", "at", "on" are left to "Where" (``adjunct_question``); an
organisation is not asked after them (it may be a place or a topic there), and elsewhere only when
its name says what kind of body it is.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from question_bank.facts.found import Question
from question_bank.facts.questions import WH_BY_CLASS, anchored, names_a_body, question_on

if TYPE_CHECKING:
    from question_bank.facts.document import ArticleDoc, Sentence
    from question_bank.facts.standalone import Statement

#: Prepositions that can lead a fronted "which" phrase and keep their sense there.
FRONTING_PREPOSITIONS = frozenset(
    "to from with for by into against toward towards across through in at on".split()
)
#: Prepositions whose place objects are asked with "Where" instead (an organisation after them
#: may be a place or a topic: "at the Udvar-Hazy Center", "on the State Dinner").
_WHERE_PREPOSITIONS = frozenset({"in", "at", "on", "during"})
#: The "which" phrase by answer class; a person is "whom".
_WH_OBJECT = {**WH_BY_CLASS, "person": "whom"}
_ASKED_CLASSES = frozenset({"person", "country", "city", "organisation"})


def prepositional_question(
    article: ArticleDoc, sentence: Sentence, statement: Statement, answer: tuple[int, int], cls: str
) -> Question | None:
    """ "To which country did X donate vaccines?" for the whole object of a verb's preposition."""
    if cls not in _ASKED_CLASSES:
        return None
    table = article.tokens
    root = sentence.root
    preposition = next(
        (
            c
            for c in table.children(root)
            if table.dep[c] in ("prep", "agent")
            and table.span(c)[0] == c
            and c < answer[0]
            and table.span(c)[1] >= answer[1]
        ),
        None,
    )
    if preposition is None or table.lower[preposition] not in FRONTING_PREPOSITIONS:
        return None
    if cls != "person" and table.lower[preposition] in _WHERE_PREPOSITIONS:
        return None  # a place "in Riga" is asked with "Where"; "on the State Dinner" is a topic
    objects = [c for c in table.children(preposition) if table.dep[c] == "pobj"]
    phrase = table.span(preposition)
    if len(objects) != 1 or phrase != (preposition, answer[1]):
        return None
    start = table.span(objects[0])[0]
    if table.lower[start] == "the" and start + 1 == answer[0]:
        start += 1  # "by the Court of Appeal": the answer is the name
    if (start, table.span(objects[0])[1]) != answer:
        return None
    if any(table.dep[c] == "conj" for c in table.children(objects[0])):
        return None
    if cls == "organisation" and not names_a_body(article, answer):
        return None
    wh = f"{table.lower[preposition].capitalize()} {_WH_OBJECT[cls].lower()}"
    text = question_on(article, sentence, statement, phrase, wh)
    if not text or not anchored(article, sentence, text, answer):
        return None
    return Question(text, _WH_OBJECT[cls].lower(), "adjunct")
