"""Questions on a number: "How many" for a counted noun, "How much" for a sum of money.

* **count**: a number that opens a plural noun phrase ("Five Panamanian players", "about 120
  observers") which is the main verb's subject, its direct object or the object of its
  preposition: the number, with any hedge the answer holds ("about"), becomes "How many" and the
  rest of the phrase stays where the verb's order puts it ("How many Panamanian players were
  booked in the match?", "How many living members does the royal family have?"), a preposition
  going to the front with it ("By how many votes did X defeat Y?"). Not for a phrase with
  anything before the number ("the two countries", "a record 45,756 migrants"), joined to
  another ("two plans and a treaty") or followed by a comma;
* **sum**: a sum of money that is the whole direct object ("Amazon will invest $5 billion
  through 2031") is asked with "How much" ("How much will Amazon invest through 2031?").

The rest of the statement is kept as ``facts.questions`` keeps it, and the question must name a
person, place, body or group of its sentence other than the answer (``names_a_party``): a date
alone does not say whose figure is asked ("How much did bilateral trade reach in 2019?").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from question_bank.facts.forms import number_value
from question_bank.facts.found import Question
from question_bank.facts.leaning import names_a_party, settings_only
from question_bank.facts.questions import finish, opening, question_on, render, tidy

if TYPE_CHECKING:
    from question_bank.facts.document import ArticleDoc, Sentence
    from question_bank.facts.standalone import Statement

#: Longest counted phrase after the number, in tokens.
_MAX_ASKED = 8
#: Number classes that are not a count of things.
_NOT_COUNTS = ("number:money", "number:percent", "number:count")


def _counted_noun(article: ArticleDoc, answer: tuple[int, int]) -> int | None:
    """The plural noun a number answer counts, when the number opens its phrase."""
    table = article.tokens
    heads = [i for i in range(*answer) if not answer[0] <= table.head[i] < answer[1]]
    if len(heads) != 1 or table.dep[heads[0]] != "nummod":
        return None
    noun = table.head[heads[0]]
    if table.tag[noun] not in ("NNS", "NN") or table.span(noun)[0] != answer[0]:
        return None
    if table.tag[noun] == "NN" and (number_value(article.span_text(*answer)) or 0) <= 1:
        return None  # a singular noun is counted only by a number above one ("103 aircraft")
    if any(table.dep[c] in ("conj", "cc") for c in table.children(noun)):
        return None
    return noun


def _only_object(article: ArticleDoc, verb: int) -> bool:
    """The verb has one direct object ("provide the launch ... as well as two missions" has two)."""
    table = article.tokens
    return sum(1 for c in table.children(verb) if table.dep[c] == "dobj") == 1


def count_question(
    article: ArticleDoc, sentence: Sentence, statement: Statement, answer: tuple[int, int], cls: str
) -> Question | None:
    """ "How many players were booked?" / "How many plans did X sign?" for a counted noun."""
    if not cls.startswith("number:") or cls.startswith(_NOT_COUNTS):
        return None
    table = article.tokens
    root = sentence.root
    noun = _counted_noun(article, answer)
    if noun is None:
        return None
    preposition = table.head[noun] if table.dep[noun] == "pobj" else None
    if table.head[preposition if preposition is not None else noun] != root:
        return None
    phrase = table.span(noun)
    asked = [i for i in range(answer[1], phrase[1]) if i in statement.tokens]
    if len(asked) > _MAX_ASKED or any(table.pos[i] == "PUNCT" for i in asked):
        return None  # "How many members, including seven princesses ...": too much to ask
    wh = tidy("How many " + render(article, statement, asked, lower_first=False))
    if table.dep[noun] in ("nsubj", "nsubjpass"):
        text = _count_as_subject(article, sentence, statement, phrase, wh)
        form = "subject"
    elif table.dep[noun] == "dobj" and _only_object(article, root):
        text = question_on(article, sentence, statement, phrase, wh)
        form = "object"
    elif (
        preposition is not None
        and table.span(preposition) == (preposition, phrase[1])
        and not _leaned_on(article, phrase)
    ):
        asked_with = f"{table.lower[preposition].capitalize()} {wh[0].lower()}{wh[1:]}"
        text = question_on(article, sentence, statement, (preposition, phrase[1]), asked_with)
        form = "adjunct"
    else:
        return None
    if not text or not names_a_party(article, sentence, text, answer):
        return None
    return Question(text, "how many", form)


def _leaned_on(article: ArticleDoc, phrase: tuple[int, int]) -> bool:
    """Words after a comma follow the phrase ("with 84,121 votes, the most given to any list"):
    they may speak of it, and would be left without it."""
    end = phrase[1]
    return end < len(article.tokens) and article.tokens.text[end] == ","


def _count_as_subject(
    article: ArticleDoc,
    sentence: Sentence,
    statement: Statement,
    phrase: tuple[int, int],
    wh: str,
) -> str | None:
    """The statement with its subject phrase asked: "How many X" in its place, the verb as
    written (it already agrees with a plural)."""
    opened = opening(article, sentence, statement)
    if opened is None or opened[1] != phrase:
        return None
    before, _ = opened
    if before and not settings_only(article, sentence, before):
        return None
    rest = [i for i in statement.tokens if i >= phrase[1]]
    while rest and article.tokens.text[rest[-1]] in ".!":
        rest.pop()
    front = render(article, statement, before, lower_first=False) if before else ""
    asked = wh[0].lower() + wh[1:] if front else wh
    return finish(tidy(f"{front} {asked} " + render(article, statement, rest, False)))


def sum_question(
    article: ArticleDoc, sentence: Sentence, statement: Statement, answer: tuple[int, int], cls: str
) -> Question | None:
    """ "How much did bilateral trade reach in 2019?" for a sum that is the whole object."""
    if not cls.startswith("number:money"):
        return None
    table = article.tokens
    objects = [c for c in table.children(sentence.root) if table.dep[c] == "dobj"]
    if len(objects) != 1 or table.span(objects[0]) != answer:
        return None
    text = question_on(article, sentence, statement, answer, "How much")
    if not text or not names_a_party(article, sentence, text, answer):
        return None
    return Question(text, "how much", "object")


#: Question builders for numbers, tried for every answer in a statement.
COUNT_BUILDERS = (count_question, sum_question)
