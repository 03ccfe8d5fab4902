"""People in an article: one entry per person, their mentions, and the posts the text links them to.

A person is every mention of one name: the full name ("Ilham Aliyev") and later bare surnames or
first names ("Aliyev") that can only mean that person. A post ("role") is read only from a direct
syntactic link between the name and a title, never from nearby words:

* a title compound before the name: "Secretary of State Marco Rubio", "Chinese President Xi";
* an apposition after it: "Hamdullah Mohib, Afghanistan's Ambassador to the United States,";
* a title noun phrase with the name in apposition: "the CEO of the company, Jane Doe,";
* and the parser's slips around long titles (``question_bank.facts.titles`` says which).

Pronouns are resolved only when exactly one person fits (``resolve_pronoun``).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from question_bank.facts.titles import TITLE_DEPS, head_of, read_title

if TYPE_CHECKING:
    from question_bank.facts.document import ArticleDoc, Mention

#: Third-person pronouns that stand for a person, and their case.
PERSON_PRONOUNS = {
    "he": "subject",
    "she": "subject",
    "him": "object",
    "her": "possessive",
    "his": "possessive",
    "hers": "possessive",
    "himself": "object",
    "herself": "object",
}
#: Pronouns that stand for a thing or a group: never resolved across sentences.
OTHER_PRONOUNS = frozenset({"it", "its", "itself", "they", "them", "their", "theirs", "themselves"})


@dataclass
class Person:
    """One person: the fullest name the article gives, and where it is mentioned."""

    key: str
    name: str
    surname: str
    mentions: list[int] = field(default_factory=list)  # first token of each mention


@dataclass(frozen=True)
class Role:
    """A post linked to a person by syntax, with where it is written."""

    person: str  # Person.key
    title: str
    start: int  # title tokens
    end: int
    sentence: int
    link: str  # "compound", "apposition" or "title-apposition"


@dataclass
class PeopleIndex:
    """Every person of an article, each mention's person, and the linked posts."""

    persons: dict[str, Person] = field(default_factory=dict)
    token_person: dict[int, str] = field(default_factory=dict)
    roles: list[Role] = field(default_factory=list)
    descriptors: dict[int, str] = field(default_factory=dict)  # mention start -> head noun

    def person_at(self, token: int) -> Person | None:
        """The person a token's mention names, if any."""
        key = self.token_person.get(token)
        return self.persons.get(key) if key else None

    def named(self, key: str) -> bool:
        """A person the article surely names: a full name, or one word with a title linked to
        it ("President Biden"); a lone word the recogniser took for a name may be anything."""
        person = self.persons.get(key)
        if person is None:
            return False
        return len(person.name.split()) >= 2 or any(r.person == key for r in self.roles)

    def roles_of(self, key: str) -> list[Role]:
        """The posts linked to one person, in text order."""
        return [role for role in self.roles if role.person == key]


def build_people(article: ArticleDoc) -> PeopleIndex:
    """Group person mentions into people and read the posts linked to them."""
    index = PeopleIndex()
    article.people = index  # the readers of posts below look people up as they go
    names = [m for m in article.mentions if m.cls == "person" and m.whole]
    for mention in sorted(names, key=lambda m: -(m.end - m.start)):
        _add_mention(index, article, mention)
    for mention in names:
        key = index.token_person.get(mention.start)
        if key:
            index.persons[key].mentions.append(mention.start)
    _claim_surnames(index, article)
    for person in index.persons.values():
        person.mentions.sort()
    index.roles = _read_roles(article, index, names)
    for mention in names:
        word = descriptor(article, mention)
        if word:
            index.descriptors[mention.start] = word
    return index


def descriptor(article: ArticleDoc, mention: Mention) -> str:
    """What the text calls a person where it names them, lower-cased: "facebook creator" in
    "Facebook creator Mark Zuckerberg", "state department spokesperson" in "Jeff Rathke, the
    State Department Spokesperson,"; "" when nothing is said."""
    table = article.tokens
    head = head_of(article, mention.start, mention.end)
    before = [t for t in table.lefts(head) if t < mention.start and table.dep[t] in TITLE_DEPS]
    span = None
    if before:
        span = (min(table.span(i)[0] for i in before), mention.start)
    else:
        for child in table.rights(head):
            if table.dep[child] == "appos" and table.pos[child] == "NOUN":
                span = table.span(child)
                break
    if span is None:
        return ""
    words = [table.lower[i] for i in range(*span) if table.pos[i] not in ("PUNCT", "DET")]
    return " ".join(words)


def persons_described(index: PeopleIndex, phrase: str) -> set[str]:
    """The people the article describes with exactly this phrase, or whose post it is."""
    keys = {
        index.token_person[s]
        for s, p in index.descriptors.items()
        if p == phrase and s in index.token_person
    }
    keys |= {r.person for r in index.roles if r.title.lower() == phrase}
    return keys


def _add_mention(index: PeopleIndex, article: ArticleDoc, mention: Mention) -> None:
    words = mention.text.split()
    if len(words) >= 2:
        key = mention.text
        if key not in index.persons:
            index.persons[key] = Person(key=key, name=key, surname=words[-1])
        _claim(index, mention, key)
        return
    word = words[0]
    matches = [p for p in index.persons.values() if word in (p.surname, p.name.split()[0], p.name)]
    if len(matches) == 1:
        _claim(index, mention, matches[0].key)
    elif not matches:
        index.persons.setdefault(word, Person(key=word, name=word, surname=word))
        _claim(index, mention, word)


def _claim_surnames(index: PeopleIndex, article: ArticleDoc) -> None:
    """A surname the recogniser took for something else ("Plesel" as an organisation) is the
    person when exactly one person of the article has it."""
    surnames: dict[str, list[str]] = {}
    for person in index.persons.values():
        if len(person.name.split()) >= 2:
            surnames.setdefault(person.surname, []).append(person.key)
    for position, mention in enumerate(article.mentions):
        keys = surnames.get(mention.text, [])
        if mention.cls == "person" or len(keys) != 1 or mention.end - mention.start != 1:
            continue
        article.mentions[position] = replace(mention, cls="person", label="PERSON")
        for cached in ("mention_at", "mentions_by_sentence"):
            article.__dict__.pop(cached, None)
        index.token_person[mention.start] = keys[0]
        index.persons[keys[0]].mentions.append(mention.start)


def _claim(index: PeopleIndex, mention: Mention, key: str) -> None:
    for token in range(mention.start, mention.end):
        index.token_person[token] = key


def _read_roles(article: ArticleDoc, index: PeopleIndex, names: list[Mention]) -> list[Role]:
    roles = []
    for mention in names:
        key = index.token_person.get(mention.start)
        found = read_title(article, mention) if key is not None else None
        if found is not None:
            start, end, link, title = found
            roles.append(Role(key, title, start, end, mention.sentence, link))
    return roles


def resolve_pronoun(article: ArticleDoc, token: int) -> tuple[str, Person | None]:
    """Say what a third-person pronoun needs: ``("inside", None)`` when what it may stand for is
    named earlier in its own sentence (the sentence stands alone as written), ``("person", P)``
    when the sentence before names exactly one person, as its subject, and the sentence before
    that names nobody else, or names nobody and its own subject pronoun of the same sex stands
    for one person (``_carried``), and ``("unresolved", None)`` otherwise.

    "it", "they" and "them" stand alone only in a clause below a noun subject of their sentence
    ("X said it would ..."); "its" and "their" after such a noun. They are never resolved across
    sentences.
    """
    lower = article.tokens.lower[token]
    sentence = article.sentence_of(token)
    besides = _apposed_to(article, token)
    if lower in OTHER_PRONOUNS:
        inside = _subject_before(article, sentence.start, token, False, besides) and (
            lower in ("its", "their", "theirs") or article.tokens.head[token] != sentence.root
        )
        return ("inside", None) if inside else ("unresolved", None)
    apposed = {article.people.token_person.get(besides)}
    if _people_between(article, sentence.start, token) - apposed or _subject_before(
        article, sentence.start, token, besides=besides
    ):
        return "inside", None
    if (
        PERSON_PRONOUNS[lower] == "possessive"
        and len(_people_between(article, token, sentence.end)) == 1
        and not _people_between(article, sentence.start, token)
    ):
        return "inside", None  # "After calling his mother, Montalvo was ...": named later on
    if sentence.index == 0:
        return "unresolved", None
    previous = article.sentences[sentence.index - 1]
    if sentence.paragraph - previous.paragraph > 1:
        return "unresolved", None
    return _antecedent(article, previous, _GENDER[lower])


def _antecedent(article: ArticleDoc, previous, gender: str) -> tuple[str, Person | None]:
    """Whom a pronoun of the sentence after ``previous`` may stand for: the one person
    ``previous`` names, as its subject, when the sentence before it in the paragraph names nobody
    else; when ``previous`` names nobody, whom its own pronoun stands for (``_carried``)."""
    unresolved: tuple[str, Person | None] = ("unresolved", None)
    if _unnamed_person_subject(article, previous):
        return unresolved
    candidates = _people_between(article, previous.start, previous.end)
    if not candidates:
        return _carried(article, previous, gender)
    if len(candidates) != 1:
        return unresolved
    key = next(iter(candidates))
    if not _subject_of(article, previous, key):
        return unresolved
    if previous.index > 0:
        earlier = article.sentences[previous.index - 1]
        if earlier.paragraph == previous.paragraph and (
            _people_between(article, earlier.start, earlier.end) - {key}
        ):
            return unresolved
    return "person", article.people.persons[key]


#: The pronouns that say their person is a man, or a woman.
_GENDER = {
    **dict.fromkeys(("he", "him", "his", "himself"), "he"),
    **dict.fromkeys(("she", "her", "hers", "herself"), "she"),
}


def _carried(article: ArticleDoc, previous, gender: str) -> tuple[str, Person | None]:
    """A pronoun after a sentence that names nobody: it stands for the person that sentence's
    own subject pronoun stands for, when that pronoun is of the same sex and is resolved ("Aliyev
    met X's envoys. He said ... . He also said ..."); a sentence wholly inside a quotation that
    names nobody is passed over (the speaker's words, not a new subject). The chain is followed
    back one sentence at a time, each step by the rules of ``resolve_pronoun``; its results are
    kept per sentence and read from the chain's far end, so an article of many such sentences
    is read once, without deep recursion."""
    carried = article.__dict__.setdefault("_carried_pronouns", {})
    if (previous.index, gender) not in carried:
        first = previous.index
        while (
            first > 0 and (first - 1, gender) not in carried and _names_nobody(article, first - 1)
        ):
            first -= 1
        for index in range(first, previous.index + 1):
            carried[(index, gender)] = _read_carried(article, article.sentences[index], gender)
    return carried[(previous.index, gender)]


def _names_nobody(article: ArticleDoc, index: int) -> bool:
    sentence = article.sentences[index]
    return not _people_between(article, sentence.start, sentence.end)


def _read_carried(article: ArticleDoc, sentence, gender: str) -> tuple[str, Person | None]:
    unresolved: tuple[str, Person | None] = ("unresolved", None)
    table = article.tokens
    if all(
        article.token_in_quote(i) or table.pos[i] == "PUNCT"
        for i in range(sentence.start, sentence.end)
    ):
        if sentence.index == 0:
            return unresolved
        before = article.sentences[sentence.index - 1]
        if sentence.paragraph - before.paragraph > 1:
            return unresolved
        return _antecedent(article, before, gender)
    subjects = [
        child
        for child in table.children(sentence.root)
        if table.dep[child] in ("nsubj", "nsubjpass") and not article.token_in_quote(child)
    ]
    if len(subjects) != 1 or _GENDER.get(table.lower[subjects[0]]) != gender:
        return unresolved
    need, person = resolve_pronoun(article, subjects[0])
    return (need, person) if need == "person" else unresolved


def _subject_of(article: ArticleDoc, sentence, key: str) -> bool:
    """The person is the subject of the sentence's main verb."""
    table = article.tokens
    for child in table.children(sentence.root):
        if table.dep[child] in ("nsubj", "nsubjpass"):
            if article.people.token_person.get(child) == key:
                return True
    return False


def _subject_before(
    article: ArticleDoc, start: int, token: int, people: bool = True, besides: int = -1
) -> bool:
    """A noun subject earlier in the sentence, outside quotation marks, that the pronoun may
    stand for: the sentence then reads as written without its neighbours. With ``people``
    False, a person's name does not count ("its" does not mean Montalvo); the noun ``besides``
    (``_apposed_to``) never counts."""
    table = article.tokens
    return any(
        table.dep[i] in ("nsubj", "nsubjpass")
        and table.pos[i] in ("NOUN", "PROPN")
        and not article.token_in_quote(i)
        and (people or i not in article.people.token_person)
        and i != besides
        for i in range(start, token)
    )


def _apposed_to(article: ArticleDoc, token: int) -> int:
    """The noun whose apposition holds the pronoun ("Baltbank, its main rival, ..."): in the
    phrase that describes a noun, a pronoun may stand for that noun ("Smith, his party's
    leader") or for one before it ("Baltbank, its rival": the bank named before), so that noun
    does not settle what it stands for. -1 when none."""
    table = article.tokens
    current = token
    while table.dep[current] in _INSIDE_A_NOUN_PHRASE and table.head[current] != current:
        current = table.head[current]
        if table.dep[current] == "appos":
            return table.head[current]
    return -1


#: Dependencies that keep a word inside the noun phrase above it ("his" in "his party's leader").
_INSIDE_A_NOUN_PHRASE = frozenset({"poss", "compound", "amod", "nmod", "det", "pobj", "prep"})


def _people_between(article: ArticleDoc, start: int, end: int) -> set[str]:
    people = article.people.token_person
    return {people[i] for i in range(start, end) if i in people}


def _unnamed_person_subject(article: ArticleDoc, sentence) -> bool:
    """A subject that reads like a post without a name ("Azerbaijan's president", "the
    minister of X") might be whom the next sentence's pronoun means."""
    table = article.tokens
    for i in range(sentence.start, sentence.end):
        if table.dep[i] not in ("nsubj", "nsubjpass") or table.pos[i] != "NOUN":
            continue
        if i in article.people.token_person:
            continue
        children = table.children(i)
        kinds = table.ent_type
        possessive = any(
            table.dep[c] == "poss" and kinds[c] in ("GPE", "ORG", "NORP") for c in children
        )
        linked = any(
            table.dep[c] == "prep"
            and table.lower[c] == "of"
            and any(kinds[g] in ("GPE", "ORG") for g in range(*table.span(c)))
            for c in children
        )
        national = any(
            table.dep[c] in ("amod", "compound") and kinds[c] in ("NORP", "GPE") for c in children
        )
        if possessive or linked or national:
            return True
    return False
