"""What makes a wh-question lean on text outside it, or ask for the wrong kind of thing.

* **fronted phrase**: a phrase kept in front of a question ("In the 69th minute, who ...?") must
  be a plain setting: a preposition of time or place whose object names a date, a place, an
  event or a body, or is counted or ordered ("the 20th minute", "the first game", "the last
  match"). A connective ("In addition"), an attribution ("According to ABC News"), a point of
  view ("For the Pro-Beijing camp") or a bare "the ceremony" leans on what came before;
* **pointing words**: "also", "too", "as well" and "again" in the main clause, "other" and
  "another" before a noun, "the same" and a demonstrative ("this agreement") point at something
  the question does not show ("Who also believes ...?");
* **events**: a name whose head noun is an event's ("Annapolis Conference", "G20 Summit") is not
  asked with "Which organisation";
* **places**: "Where" is not asked when the question names another place as a location ("...
  a funeral in Hebron?": Hebron would answer it too).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from question_bank.facts.standalone import DEMONSTRATIVES, same_points_back

if TYPE_CHECKING:
    from question_bank.facts.document import ArticleDoc, Sentence
    from question_bank.facts.standalone import Statement

#: Prepositions of time or place: a phrase they lead sets the scene of the clause.
SETTING_PREPOSITIONS = frozenset(
    "in at on during after before since until till by within throughout near outside".split()
)
#: Answer classes that name a setting when they are the object of such a preposition.
_SETTING_CLASSES = ("date:", "country", "city", "place", "event", "organisation")
#: Adjectives that place a thing in a sequence, as an ordinal does ("the last match").
ORDER_ADJECTIVES = frozenset({"last", "final"})
#: Adverbs that add to or repeat something said elsewhere ("X also signed", "won again").
ADDITIVES = frozenset({"also", "too", "again"})
#: Head nouns of names of events, not of bodies: "Which organisation" does not fit them.
EVENT_NOUNS = frozenset(
    """conference summit festival games olympics championship championships tournament cup
    election referendum war battle ceremony meeting talks dialogue expo exhibition fair race
    marathon rally parade protest concert session""".split()
)


def plain_setting(article: ArticleDoc, child: int) -> bool:
    """A fronted phrase of the main verb is a plain time or place setting that names something:
    "In 2006", "On Friday", "In the West Bank", "In the 69th minute", "At the conclusion of the
    Annapolis Conference"; a bare date ("Tuesday,") counts too."""
    table = article.tokens
    span = table.span(child)
    if table.dep[child] == "npadvmod":
        mention = article.mention_at.get(span[0])
        return (
            mention is not None
            and (mention.start, mention.end) == span
            and mention.cls.startswith("date:")
            and mention.cls != "date:relative"
        )
    if table.dep[child] != "prep" or table.lower[child] not in SETTING_PREPOSITIONS:
        return False
    if span[0] != child:
        return False  # "Just in time": a word before the preposition
    objects = [c for c in table.children(child) if table.dep[c] == "pobj"]
    if len(objects) != 1:
        return False
    phrase = range(*table.span(objects[0]))
    return any(_names(article, i) for i in phrase) or any(
        table.lower[i] in ORDER_ADJECTIVES and table.dep[i] == "amod" for i in phrase
    )


def _names(article: ArticleDoc, index: int) -> bool:
    """A token of a name of a date, place, event or body ("June", "New Territories West"), or a
    number or ordinal ("69th", "first"); not of a person's name, nor of "the day"."""
    table = article.tokens
    mention = article.mention_at.get(index)
    if mention is not None and not mention.cls.startswith(_SETTING_CLASSES):
        return False
    if mention is not None and mention.cls != "date:relative":
        return True
    return (
        table.pos[index] == "PROPN"
        or table.ent_type[index] in ("ORDINAL", "CARDINAL")
        or any(c.isdigit() for c in table.text[index])
    )


def settings_only(article: ArticleDoc, sentence: Sentence, front: list[int]) -> bool:
    """Every phrase of the main verb kept in front of a question is a plain setting."""
    table = article.tokens
    kept = set(front)
    return all(
        plain_setting(article, child)
        for child in table.lefts(sentence.root)
        if table.span(child)[0] in kept and table.dep[child] != "punct"
    )


def points_outside(
    article: ArticleDoc, sentence: Sentence, statement: Statement, answer: tuple[int, int]
) -> bool:
    """The statement, outside its answer, holds a word that points at something said elsewhere:
    "also", "too", "as well", "again" in the main clause, "other"/"another" before a noun, "the
    same", a demonstrative."""
    table = article.tokens
    tokens = [i for i in statement.tokens if not answer[0] <= i < answer[1]]
    for index in tokens:
        lower = table.lower[index]
        if lower in DEMONSTRATIVES and table.tag[index] == "DT":
            return True
        if lower in ("other", "another") and table.dep[index] in ("amod", "det"):
            if not (index > 0 and table.lower[index - 1] in ("any", "no", "every")):
                return True  # "any other nation" compares with all the others
        if lower == "same" and same_points_back(article, index, statement.tokens[0]):
            return True
        if _additive(article, index) and _in_main_clause(article, sentence, index):
            return True
    return False


def _additive(article: ArticleDoc, index: int) -> bool:
    """ "also", "again", "too" (not "too late") or "as well" (not "as well as")."""
    table = article.tokens
    lower = table.lower[index]
    if lower == "too":
        return table.pos[table.head[index]] not in ("ADJ", "ADV", "DET")
    if lower == "as" and index + 1 < len(table.text) and table.lower[index + 1] == "well":
        return index + 2 >= len(table.text) or table.lower[index + 2] != "as"
    return lower in ADDITIVES


def _in_main_clause(article: ArticleDoc, sentence: Sentence, index: int) -> bool:
    """The word is not inside a verb joined to the main one after it ("38 observers had
    arrived ..., with others ... also anticipated"): there it may add to the main clause."""
    table = article.tokens
    root = sentence.root
    token = index
    while token != root and table.head[token] != token:
        if table.dep[token] == "conj" and table.pos[token] in ("VERB", "AUX") and token > root:
            return False
        token = table.head[token]
    return True


def event_name(article: ArticleDoc, answer: tuple[int, int]) -> bool:
    """The name's head noun, read from the parse, is an event's ("Annapolis Conference")."""
    table = article.tokens
    heads = [i for i in range(*answer) if not answer[0] <= table.head[i] < answer[1]]
    return len(heads) == 1 and table.lemma[heads[0]].lower() in EVENT_NOUNS


_PLACE_CLASSES = ("country", "city", "place")
#: Classes of mentions that name what a question is about, beyond a date or a number.
_PARTY_CLASSES = (
    "person",
    "country",
    "city",
    "place",
    "organisation",
    "nationality",
    "group",
    "event",
    "document",
)


def another_place(
    article: ArticleDoc, sentence: Sentence, question: str, answer: tuple[int, int]
) -> bool:
    """The question names a place other than the answer as a location, the object of a
    preposition ("... in conjunction with a funeral in Hebron"): it too answers "Where"."""
    table = article.tokens
    for mention in article.mentions_by_sentence.get(sentence.index, ()):
        if answer[0] <= mention.start < answer[1] or not mention.cls.startswith(_PLACE_CLASSES):
            continue
        heads = [
            i
            for i in range(mention.start, mention.end)
            if not mention.start <= table.head[i] < mention.end
        ]
        if any(table.dep[h] == "pobj" for h in heads) and mention.text in question:
            return True
    return False


def names_a_party(
    article: ArticleDoc, sentence: Sentence, question: str, answer: tuple[int, int]
) -> bool:
    """The question names a person, place, body, group, event or document of its sentence other
    than the answer: a date alone does not say whose figure is asked ("How much did bilateral
    trade reach in 2019?")."""
    return any(
        mention.cls.startswith(_PARTY_CLASSES)
        and not answer[0] <= mention.start < answer[1]
        and mention.text in question
        for mention in article.mentions_by_sentence.get(sentence.index, ())
    )
