"""Fact extractors: entity mentions, signed documents, posts and quotations.

Each extractor reads the ``ArticleDoc`` and yields ``Found`` facts, each with its evidence
sentence, a stand-alone statement with the answer marked, and the wh-questions the sentence
answers (``facts.questions``).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING

from spacy.lang.en.stop_words import STOP_WORDS

from question_bank.data import capital_index, country_by_name, name_key, standard_names
from question_bank.facts.classes import country_name, takes_the
from question_bank.facts.counts import COUNT_BUILDERS
from question_bank.facts.document import ORDINAL_FIGURES
from question_bank.facts.forms import number_value
from question_bank.facts.found import MINOR_PERSON, Found, Question
from question_bank.facts.leaning import points_outside
from question_bank.facts.prepositional import prepositional_question
from question_bank.facts.questions import QUESTION_BUILDERS, event_label, question_mark
from question_bank.facts.standalone import is_clause, make_statement, raw_statement

if TYPE_CHECKING:
    from question_bank.facts.document import ArticleDoc, Mention, Sentence

#: Answer class -> fact type.
FACT_TYPE_BY_CLASS = {
    "person": "person",
    "country": "place",
    "city": "place",
    "place": "place",
    "place:facility": "place",
    "place:area": "place",
    "organisation": "organisation",
    "event": "event",
    "document": "agreement",
    "duration": "duration",
}
#: Verbs whose object is a signed document.
SIGNING_VERBS = frozenset({"sign", "ink", "conclude", "ratify", "initial", "countersign"})
#: Verbs that report speech.
SPEECH_VERBS = frozenset(
    """say tell add note state declare explain stress emphasize emphasise underline insist warn
    claim write ask announce remark comment reply respond recall argue acknowledge affirm""".split()
)
_QUOTE_WORDS = (6, 30)
#: Every wh-question builder, tried for each answer of a statement.
WH_BUILDERS = (*QUESTION_BUILDERS, *COUNT_BUILDERS, prepositional_question)
#: Adjectives that count rather than describe ("several cities"): not part of a list member.
QUANTIFIERS = frozenset("several many few some numerous various other multiple countless".split())


def fact_type(cls: str) -> str:
    """The fact type of an answer class."""
    if cls.startswith("date:"):
        return "date"
    if cls.startswith("number:"):
        return "number"
    return FACT_TYPE_BY_CLASS.get(cls, "")


def _questions(
    article: ArticleDoc, sentence: Sentence, statement, span: tuple[int, int], cls: str
) -> tuple[Question, ...]:
    if points_outside(article, sentence, statement, span):
        return ()  # "Who also believes ...?", "the same day", "this agreement"
    found = []
    for build in WH_BUILDERS:
        question = build(article, sentence, statement, span, cls)
        if question is not None:
            found.append(question)
    return tuple(found)


def _answer_key(article: ArticleDoc, mention: Mention) -> tuple[str, tuple[str, ...]]:
    """The answer for a mention (a person's full name) and the other forms it may take."""
    if mention.cls == "country":
        return mention.text, country_forms(article, mention.text)
    if mention.cls != "person":
        return mention.text, abbreviation_forms(article).get(mention.text, ())
    person = article.people.person_at(mention.start)
    if person is None or not article.people.named(person.key):
        return "", ()
    return person.name, short_names(article, person)


def country_forms(article: ArticleDoc, written: str) -> tuple[str, ...]:
    """The other names the article itself gives a country ("U.S." beside "United States"), then
    its standard names ("North Korea" for "DPRK"): a student may answer with any of them."""
    forms = article.once("country forms", lambda: _written_by_key(article, _country_of))
    name = country_name(written, initials=True)
    own = sorted(forms.get(name, set()) - {written})
    country = country_by_name().get(name)
    known = standard_names(country) if country else ()
    return tuple(dict.fromkeys(f for f in (*own, *known) if f != written))


def abbreviation_forms(article: ArticleDoc) -> dict[str, tuple[str, ...]]:
    """Each name the article spells out with a bracketed abbreviation ("Japan Aerospace
    Exploration Agency (JAXA)"), and each such abbreviation, with the other form: a student may
    answer with either (read once per article)."""
    return article.once("abbreviations", lambda: _read_abbreviations(article))


def _read_abbreviations(article: ArticleDoc) -> dict[str, tuple[str, ...]]:
    table = article.tokens
    pairs: dict[str, set[str]] = {}
    for m in article.mentions:
        close = m.end + 2
        if close >= len(table) or table.text[m.end] != "(" or table.text[close] != ")":
            continue
        short = table.text[m.end + 1]
        if sum(ch.isupper() for ch in short) >= 2 and short.isalpha() and short != m.text:
            pairs.setdefault(m.text, set()).add(short)
            pairs.setdefault(short, set()).add(m.text)
    return {name: tuple(sorted(forms)) for name, forms in pairs.items()}


def short_names(article: ArticleDoc, person) -> tuple[str, ...]:
    """The shorter forms the article itself uses for a person ("Aliyev", "Xi"), as mentions of
    them or as a word of their name written alone ("Deputy Secretary Sherman"), a word no other
    person's name holds: a student may answer with them. The last word is not assumed to be a
    surname ("Yoon Suk Yeol")."""
    forms = article.once("person forms", lambda: _written_by_key(article, _person_of))
    alone = article.once("name words alone", lambda: _name_words_alone(article))
    found = forms.get(person.key, set()) | alone.get(person.key, set())
    return tuple(sorted(found - {person.name}))


def _name_words_alone(article: ArticleDoc) -> dict[str, set[str]]:
    """Each person's name words (``MIN_NAME_PART`` letters or more, capitalised) that the article
    writes more often than the full names holding them, and that no other person's name holds."""
    people = article.people.persons
    holders: dict[str, set[str]] = {}
    for key, person in people.items():
        for word in person.name.split():
            if len(word) >= MIN_NAME_PART and word[:1].isupper() and word.isalpha():
                holders.setdefault(word, set()).add(key)
    alone: dict[str, set[str]] = {}
    for word, keys in holders.items():
        if len(keys) != 1:
            continue
        key = next(iter(keys))
        written = [o for o in article.name_offsets(word) if article.text[o : o + 1].isupper()]
        if len(written) > len(article.name_offsets(people[key].name)):
            alone.setdefault(key, set()).add(word)
    return alone


def _country_of(article: ArticleDoc, mention: Mention) -> str | None:
    return (country_name(mention.text, initials=True) or None) if mention.cls == "country" else None


def _person_of(article: ArticleDoc, mention: Mention) -> str | None:
    return article.people.token_person.get(mention.start) if mention.cls == "person" else None


def _written_by_key(
    article: ArticleDoc, key_of: Callable[[ArticleDoc, Mention], str | None]
) -> dict[str, set[str]]:
    """The ways the article writes each country or person (by ``key_of`` each mention)."""
    written: dict[str, set[str]] = {}
    for mention in article.mentions:
        key = key_of(article, mention)
        if key is not None:
            written.setdefault(key, set()).add(article.span_text(mention.start, mention.end))
    return written


def entity_facts(article: ArticleDoc) -> Iterator[Found]:
    """A fact for every whole, typed mention in a stand-alone sentence outside quotation marks;
    elsewhere (inside quotation marks, in a caption) a loose one, of the sentence as written.

    A fact that some rule doubts (``_doubts``: it is the only name of its sentence, one end of a
    range, an abbreviation's spelling-out ...) is kept as "loose": it may be offered to a teacher
    among the further candidates, but never published.
    """
    documents = {i for span in _document_spans(article).values() for i in range(*span)}
    titles = {i for role in article.people.roles for i in range(role.start, role.end)}
    for sentence in article.sentences:
        for mention in article.mentions_by_sentence.get(sentence.index, ()):
            kind = fact_type(mention.cls)
            if not kind or not mention.whole:
                continue
            if mention.start in documents or mention.start in titles:
                continue
            span = (mention.start, mention.end)
            quoted = article.token_in_quote(mention.start)
            statement = None if quoted else make_statement(article, sentence, span)
            if statement is None or statement.negated:
                statement = (None if quoted else raw_statement(article, sentence, span)) or (
                    raw_statement(article, sentence, span, strict=False)
                )  # a headline, a caption or words quoted, as written: loose, for a teacher
                if statement is None:
                    continue
            key, variants = _answer_key(article, mention)
            doubt = _doubts(article, sentence, mention, key, statement) if key else "no name"
            if "as written" in statement.changes or statement.negated:
                doubt = "as written"
            loose = bool(doubt)
            if not key:
                key, variants = mention.text, ()
            if mention.cls.startswith("number:") and number_value(key) is None:
                continue
            yield Found(
                type=kind,
                key=key,
                cls=mention.cls,
                sentence=sentence,
                span=span,
                statement=statement,
                questions=()
                if loose
                else _questions(article, sentence, statement, span, mention.cls),
                details=(
                    ("written", mention.text),
                    ("event", event_label(article, sentence, statement, span, mention.cls)),
                    ("superlative", "1" if _superlative(article, sentence) else ""),
                    ("descriptor", article.people.descriptors.get(mention.start, "")),
                    ("loose", "1" if loose else ""),
                    ("doubt", doubt),
                ),
                variants=variants,
            )


def _doubts(article: ArticleDoc, sentence: Sentence, mention: Mention, key: str, statement) -> str:
    """Why a mention's fact should not be published ("" when nothing is doubted)."""
    checks = (
        ("relative date", mention.cls == "date:relative"),
        ("a weekday", mention.cls == "date:weekday"),
        ("a modifier", _modifier(article, mention)),
        ("only name", not (_anchored(article, sentence, mention) or statement.replacements)),
        (
            "number refers back",
            mention.cls.startswith("number:")
            and (_determined(article, mention) or _in_range(article, mention)),
        ),
        ("count listed", _count_listed(article, sentence, mention)),
        ("a thing's name", _named_like_a_thing(article, mention)),
        ("spelt out", _parenthetical(article, mention)),
        ("bare possessive", _bare_possessive(article, mention)),
        ("address", _place_qualifier(article, mention) or _qualified_place(article, mention)),
        ("among examples", _in_open_list(article, mention)),
        ("a capital for its government", _capital_as_agent(article, mention)),
    )
    return next((reason for reason, doubted in checks if doubted), "")


def _anchored(article: ArticleDoc, sentence: Sentence, answer: Mention) -> bool:
    """Another name, date or number in the sentence ties it to this article's story: without
    one ("X had higher ball possession in the game") a question on it may have several answers."""
    return any(
        m is not answer and not m.start <= answer.start < m.end and m.cls != "date:relative"
        for m in article.mentions_by_sentence.get(sentence.index, ())
    )


def _determined(article: ArticleDoc, mention: Mention) -> bool:
    """A number after "the", "our", "these" ... refers back ("the two countries"): not a fact."""
    before = mention.start - 1
    table = article.tokens
    return before >= 0 and (table.pos[before] == "DET" or table.tag[before] == "PRP$")


def _superlative(article: ArticleDoc, sentence: Sentence) -> bool:
    """A superlative in the sentence ("the most votes", "the highest"): among numbers offered
    as choices, it would point at the largest or smallest."""
    tags = article.tokens.tag[sentence.start : sentence.end]
    return any(tag in ("JJS", "RBS") for tag in tags)


def _named_like_a_thing(article: ArticleDoc, mention: Mention) -> bool:
    """A "person" whose name opens on a word the article uses as a common noun elsewhere
    ("Shuttle Discovery" where it writes "the shuttle"): a thing, not someone to ask "Who" of."""
    first = mention.text.split()[0].lower()
    return mention.cls == "person" and len(mention.text.split()) > 1 and first in article.first_noun


def _count_listed(article: ArticleDoc, sentence: Sentence, mention: Mention) -> bool:
    """A small count whose sentence goes on to name as many things joined by "and" ("two yellow
    cards in the 33rd minute and the 66th minute"): the list gives the count away."""
    if not mention.cls.startswith("number:"):
        return False
    value = number_value(mention.text)
    if value is None or value not in range(2, 6):
        return False
    table = article.tokens
    for head in range(mention.end, sentence.end):
        if table.dep[head] != "conj" and 1 + _conjuncts(article, head) == value:
            return True
    return False


def _conjuncts(article: ArticleDoc, head: int) -> int:
    """How many words are joined to ``head`` by "and" or a comma, however nested."""
    table = article.tokens
    joined = [c for c in table.children(head) if table.dep[c] == "conj"]
    return len(joined) + sum(_conjuncts(article, c) for c in joined)


def _in_range(article: ArticleDoc, mention: Mention) -> bool:
    """One end of a range ("ten to 32 pages", "2004-2009"): neither end alone is the fact."""
    table = article.tokens
    links = ("to", "-", "–", "and", "or")
    after = mention.end
    before = mention.start - 1
    if after + 1 < len(table) and table.lower[after] in links and table.pos[after + 1] == "NUM":
        return True
    return before >= 1 and table.lower[before] in links and table.pos[before - 1] == "NUM"


def _parenthetical(article: ArticleDoc, mention: Mention) -> bool:
    """A name in brackets, or right before bracketed words, spells out or abbreviates its
    neighbour ("the People's Republic of China (PRC)"): blanking it gives the answer away."""
    table = article.tokens
    before = table.text[mention.start - 1] if mention.start > 0 else ""
    after = table.text[mention.end] if mention.end < len(table) else ""
    return before == "(" or after == "("


def _bare_possessive(article: ArticleDoc, mention: Mention) -> bool:
    """ "the United States’ supply": another name would need "’s" there."""
    table = article.tokens
    return mention.end < len(table) and table.text[mention.end] in ("’", "'")


def _place_qualifier(article: ArticleDoc, mention: Mention) -> bool:
    """The state or country after a city ("Seattle, Washington"): part of the city's address."""
    if fact_type(mention.cls) != "place" or mention.start < 2:
        return False
    table = article.tokens
    before = article.mention_at.get(mention.start - 2)
    return (
        table.text[mention.start - 1] == ","
        and before is not None
        and (fact_type(before.cls) == "place")
    )


def _qualified_place(article: ArticleDoc, mention: Mention) -> bool:
    """A city followed by its state or country ("Houston, Texas", "Washington, D.C."): the
    qualifier narrows the answer to one or two names, and another city before it would read as
    false at once."""
    table = article.tokens
    if fact_type(mention.cls) != "place" or mention.end + 1 >= len(table):
        return False
    if table.text[mention.end] != ",":
        return False
    after = mention.end + 1
    named = article.mention_at.get(after)
    qualifier = table.pos[after] == "PROPN" and mention.start <= table.head[after] < mention.end
    return qualifier or named is not None and fact_type(named.cls) == "place"


def _capital_as_agent(article: ArticleDoc, mention: Mention) -> bool:
    """A capital city as the subject of a clause ("Baku and Minsk enjoy close ties") stands for
    its country's government: asked as a city, the question's right answer would read as the
    country, and the city's own facts are not what the sentence tells."""
    if mention.cls != "city" or name_key(mention.text) not in capital_index():
        return False
    table = article.tokens
    head = next(
        (
            i
            for i in range(mention.start, mention.end)
            if not mention.start <= table.head[i] < mention.end
        ),
        mention.start,
    )
    while table.dep[head] == "conj" and table.head[head] != head:
        head = table.head[head]
    return table.dep[head] in ("nsubj", "nsubjpass")


def _modifier(article: ArticleDoc, mention: Mention) -> bool:
    """A name used to modify a noun ("the Armenia-Azerbaijan conflict", "the Biden
    administration") is not asked about: the phrase it sits in is what the sentence is about."""
    table = article.tokens
    heads = [
        i
        for i in range(mention.start, mention.end)
        if not mention.start <= table.head[i] < mention.end
    ]
    if len(heads) != 1:
        return False
    head = heads[0]
    return (
        table.dep[head] in ("compound", "amod", "nmod")
        and table.pos[table.head[head]]
        in (
            "NOUN",
            "PROPN",
        )
        and table.head[head] > head
    )


def _document_spans(article: ArticleDoc) -> dict[int, tuple[int, int]]:
    """Direct objects of signing verbs: the document's name, from its head to its "of" phrase."""
    return article.once("documents", lambda: _read_document_spans(article))


def _read_document_spans(article: ArticleDoc) -> dict[int, tuple[int, int]]:
    table = article.tokens
    spans = {}
    for index, lemma in enumerate(table.lemma):
        if table.pos[index] != "VERB" or lemma.lower() not in SIGNING_VERBS:
            continue
        for child in table.rights(index):
            if table.dep[child] != "dobj" or table.pos[child] not in ("NOUN", "PROPN"):
                continue
            start = child
            while (
                start > 0
                and table.head[start - 1] == child
                and table.dep[start - 1] in ("compound", "amod")
                and table.text[start - 1][:1].isupper()
            ):
                start -= 1
            end = child + 1
            of = next((g for g in table.rights(child) if table.lower[g] == "of"), None)
            if of == end and end + 1 < len(table):
                objects = [g for g in table.children(of) if table.dep[g] == "pobj"]
                if objects:
                    end = table.span(objects[0])[1]
            if any(table.pos[i] in ("PRON", "DET", "NUM") for i in range(start, end)):
                continue
            if end < len(table) and article.name_goes_on(end):
                continue  # "the Treaty [on the Prohibition of ...]": a name cut short
            spans[index] = (start, end)
    return spans


def document_facts(article: ArticleDoc) -> Iterator[Found]:
    """A fact for each document a clause says was signed ("signed several Memorandums of
    Understanding" -> "Memorandums of Understanding")."""
    for verb, span in _document_spans(article).items():
        sentence = article.sentence_of(verb)
        if article.token_in_quote(span[0]):
            continue
        statement = make_statement(article, sentence, span)
        if statement is None or statement.negated:
            continue
        key = article.span_text(*span)
        yield Found(
            type="agreement",
            key=key,
            cls="document",
            sentence=sentence,
            span=span,
            statement=statement,
            questions=_questions(article, sentence, statement, span, "document"),
            details=(("written", key),),
        )


def _coordinations(article: ArticleDoc) -> list[list[int]]:
    """Lists of three or more common nouns joined by commas and "and"/"or" (head nouns)."""
    table = article.tokens
    groups = []
    for index in range(len(table)):
        if table.pos[index] != "NOUN" or table.dep[index] == "conj":
            continue
        members = [index]
        frontier = [index]
        while frontier:
            current = frontier.pop()
            for child in table.children(current):
                if table.dep[child] == "conj" and table.pos[child] == "NOUN":
                    members.append(child)
                    frontier.append(child)
        if len(members) >= 3:
            groups.append(sorted(members))
    return groups


#: Words that introduce examples, not a whole list: another member may be true as well.
EXAMPLE_MARKERS = ("including", "such as", "like", "among them", "e.g.", "for example")


def _in_open_list(article: ArticleDoc, mention: Mention) -> bool:
    """A name among examples ("delegates from the UN, _____, and the World Bank" after
    "including"), or in a list of three or more where the article names others of its kind."""
    table = article.tokens
    head = mention.end - 1
    members = [head]
    node = head
    while table.dep[node] == "conj":
        node = table.head[node]
        members.append(node)
    members += [c for c in range(*table.span(node)) if table.dep[c] == "conj"]
    members = sorted(set(members))
    if len(members) < 3:
        return False
    first = min(table.span(m)[0] for m in members)
    before = table.lower[max(0, first - 3) : first]
    return _open_list(article, first) or "from" in before


def _open_list(article: ArticleDoc, first: int) -> bool:
    """A list given as examples ("including A, B and C"): a gap in it may have other answers."""
    before = " ".join(article.tokens.lower[max(0, first - 4) : first])
    return any(before.endswith(marker) or f"{marker} " in before for marker in EXAMPLE_MARKERS)


def _noun_phrase(article: ArticleDoc, head: int) -> tuple[int, int]:
    """A noun with the words that modify it from the left ("veterinary medicine")."""
    table = article.tokens
    start = head
    while (
        start > 0
        and table.head[start - 1] == head
        and table.dep[start - 1] in ("compound", "amod")
        and table.lower[start - 1] not in QUANTIFIERS
    ):
        start -= 1
    return start, head + 1


def list_facts(article: ArticleDoc) -> Iterator[Found]:
    """A fact for each member of a list of three or more things ("in the fields of veterinary
    medicine, tourism and energy"): asked with its sentence and the other members in place."""
    signing = {article.sentence_of(v).index for v in _document_spans(article)}
    for members in _coordinations(article):
        if any(article.token_in_quote(m) for m in members):
            continue
        last = members[-1] + 1
        if last < len(article.tokens) and article.tokens.text[last] == "(":
            continue  # spelled-out words of an acronym: "(STEM)"
        if _open_list(article, members[0]):
            continue
        spans = [_noun_phrase(article, m) for m in members]
        if any(end - start > 3 for start, end in spans):
            continue
        sentence = article.sentence_of(members[0])
        for span in spans:
            statement = make_statement(article, sentence, span)
            if statement is None or statement.negated:
                continue
            kind = "agreement" if sentence.index in signing else "event"
            yield _words_gap(article, kind, sentence, span, statement, "term", "list")


def whole_list_facts(article: ArticleDoc) -> Iterator[Found]:
    """A loose fact for each list of three or more names or things taken whole ("visitors from
    Chile, Peru, Bolivia and Ecuador", "the fields of veterinary medicine, tourism and energy"):
    a teacher may ask for the list; offered among further candidates, never published."""
    table = article.tokens
    for sentence in article.sentences:
        for head in range(sentence.start, sentence.end):
            if table.pos[head] not in ("NOUN", "PROPN") or table.dep[head] == "conj":
                continue
            members = _conjuncts_of(article, head)
            if len(members) < 3:
                continue
            start = _member_span(article, members[0])[0]
            end = _member_span(article, members[-1])[1]
            if any(article.token_in_quote(i) for i in range(start, end)):
                continue
            named = [article.mention_at.get(m) for m in members]
            types = {fact_type(m.cls) if m is not None else "" for m in named}
            kind = types.pop() if len(types) == 1 else ""
            yield from _loose_gap(article, sentence, (start, end), kind or "event")


def _conjuncts_of(article: ArticleDoc, head: int) -> list[int]:
    """A noun and the nouns joined to it by "and"/"or" and commas, in order (heads)."""
    table = article.tokens
    members, frontier = [head], [head]
    while frontier:
        for child in table.children(frontier.pop()):
            if table.dep[child] == "conj" and table.pos[child] in ("NOUN", "PROPN"):
                members.append(child)
                frontier.append(child)
    return sorted(members)


def _member_span(article: ArticleDoc, head: int) -> tuple[int, int]:
    """A list member's words: the name it is part of, else the noun with its modifiers."""
    mention = article.mention_at.get(head)
    return (mention.start, mention.end) if mention is not None else _noun_phrase(article, head)


_CHUNK_WORDS = (1, 6)
#: Determiners kept in a noun phrase's gap: "an _____" would tell the answer's first sound.
_KEPT_DETERMINERS = frozenset({"a", "an"})


def phrase_facts(article: ArticleDoc) -> Iterator[Found]:
    """A loose fact for each noun phrase of up to six words that is not a name ("energy
        infrastructure", "a two-month truce", "troops"): offered among further candidates, never
        published. A one-word phrase is a common noun with no determiner but "a" or "an" ("troops",
    "a warship"); "a" or "an" before the phrase stays in it."""
    table = article.tokens
    named = set(article.mention_at)
    for first, end in article.noun_chunks:
        start = first
        while (
            start < end
            and table.pos[start] in ("DET", "PRON")
            and table.tag[start] != "PRP$"
            and table.lower[start] not in _KEPT_DETERMINERS
        ):
            start += 1
        words = [
            i
            for i in range(start, end)
            if table.pos[i] not in ("PUNCT", "SPACE") and table.lower[i] not in _KEPT_DETERMINERS
        ]
        if not _CHUNK_WORDS[0] <= len(words) <= _CHUNK_WORDS[1]:
            continue
        if any(table.pos[i] == "PRON" for i in range(start, end)) or all(i in named for i in words):
            continue
        if len(words) == 1 and (
            start > first  # "the need", "this problem": a bare noun points back at its story
            or table.pos[words[0]] != "NOUN"
            or table.lower[words[0]] in STOP_WORDS
        ):
            continue
        sentence = article.sentence_of(start)
        statement = make_statement(article, sentence, (start, end)) or raw_statement(
            article, sentence, (start, end), strict=False
        )
        if statement is not None:
            yield _words_gap(article, "event", sentence, (start, end), statement)


def _words_gap(
    article: ArticleDoc,
    kind: str,
    sentence: Sentence,
    span: tuple[int, int],
    statement,
    cls: str = "phrase",
    mark: str = "loose",
) -> Found:
    """A fact asking for the words ``span`` of a sentence as written, with no type to draw
    options of; ``mark`` ("loose", "list") says how it was found."""
    key = article.span_text(*span)
    return Found(
        type=kind,
        key=key,
        cls=cls,
        sentence=sentence,
        span=span,
        statement=statement,
        details=(("written", key), (mark, "1")),
    )


#: Longest quotation asked as a gap, in words: a word or phrase the article quotes, not a
#: sentence someone said.
_QUOTED_WORDS = 6


def quoted_word_facts(article: ArticleDoc) -> Iterator[Found]:
    """A loose fact for each short quotation inside a sentence: the words the article sets in
    quotation marks ("considered “unacceptable”", "named their robot “Robogee.”") as the gap of
    the sentence as written, offered among further candidates, never published."""
    table = article.tokens
    for begin, finish in article.quoted:
        words = article.text[begin:finish].split()
        if not 1 <= len(words) <= _QUOTED_WORDS or words[-1][-1:] in "?!":
            continue
        start = _token_at(article, begin)
        end = _token_at(article, finish - 1) + 1
        while end > start and table.pos[end - 1] == "PUNCT":
            end -= 1
        if start >= end or table.idx[start] != begin:
            continue
        sentence = article.sentence_of(start)
        if end > sentence.end or all(table.pos[i] in ("DET", "ADP") for i in range(start, end)):
            continue
        statement = raw_statement(article, sentence, (start, end), strict=False)
        if statement is not None:
            yield _words_gap(article, "quote", sentence, (start, end), statement)


#: Longest run of proper nouns the recogniser missed that is asked as a gap, in words.
_UNNAMED_WORDS = 5
#: A number in figures ("38", "1,200", "2.5").
_FIGURE = re.compile(r"^(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$")


def unnamed_facts(article: ArticleDoc) -> Iterator[Found]:
    """A loose fact for each run of proper nouns that the recogniser read as no name ("Akiba
    Takeo", "COVAX"), from the word after its last common noun ("Global Health [Atul Gawande]",
    "Queen [Camilla]": a title before a name) unless the run ends on one ("Shandao Station": a
    place's name); a run of plain words that reads as a post ("the Prime Minister") is no
    name, and one right beside a recognised name is part of it. Offered among further
    candidates, never published."""
    table = article.tokens
    named = article.mention_at
    for sentence in article.sentences:
        runs: list[list[int]] = [[]]
        for i in range(sentence.start, sentence.end):
            joined = table.text[i] == "-" and runs[-1] and not table.space[i - 1]
            proper = table.tag[i] in ("NNP", "NNPS") and table.text[i][:1].isupper()
            if i not in named and not table.ent_type[i] and (proper or joined):
                runs[-1].append(i)
            elif runs[-1]:
                runs.append([])
        for run in runs:
            while run and table.text[run[-1]] in ("-", "."):
                run.pop()
            if run and (run[0] - 1 in named or run[-1] + 1 in named):
                continue  # a name the recogniser cut short: "[Saudi] Arabi"
            if not run or _no_name(article, run):
                continue
            nouns = [n for n, i in enumerate(run) if article.common_noun(table.lower[i])]
            if nouns and nouns[-1] < len(run) - 1:
                run = run[nouns[-1] + 1 :]
            if len(run) > _UNNAMED_WORDS:
                continue
            yield from _loose_gap(article, sentence, (run[0], run[-1] + 1), "organisation")


def _no_name(article: ArticleDoc, run: list[int]) -> bool:
    """A run of proper nouns that names nothing: plain words only, with a sign that they are
    a post or a thing ("the President", "Secretary of", "Mr.", a word the article writes in
    lower case elsewhere). English words alone are no sign: the lemma tables hold place names too
    ("Tasmania")."""
    table = article.tokens
    if not all(_plain_word(article, i) for i in run):
        return False
    if run[0] > 0 and table.tag[run[0] - 1] in ("DT", "PRP$", "POS"):
        return True  # "the President", "Japan's Minister"
    after = run[-1] + 1
    if after < len(table.text) and table.lower[after] in ("of", "for", "to"):
        return True  # "Assistant Administrator for Global Health"
    return any(_marked_plain(article, i) for i in run)


def _plain_word(article: ArticleDoc, token: int) -> bool:
    """A word that is no name's own: an English common noun or adjective ("President",
    "Health", "Foreign") or a word marked as plain (``_marked_plain``)."""
    lower = article.tokens.lower[token]
    tables = article.lemma_tables
    return (
        article.common_noun(lower)
        or tables is not None
        and lower in tables.adjectives
        or _marked_plain(article, token)
    )


def _marked_plain(article: ArticleDoc, token: int) -> bool:
    """A word the article writes in lower case elsewhere, a function word, an abbreviation with
    a full stop ("Dr.", "Mr.") or a long word in capitals ("AMERICAN LEADERSHIP" in a
    heading)."""
    word = article.tokens.text[token]
    lower = word.lower()
    return (
        lower in article.lower_words
        or lower in STOP_WORDS
        or word.endswith(".")
        or word.isupper()
        and len(word) > 5
    )


def figure_facts(article: ArticleDoc) -> Iterator[Found]:
    """A loose fact for each ordinal written in figures ("the 30th anniversary", "the country's
    126th emperor") and each number in figures the recogniser read as no name, date or number
    ("so far only 38 are working"), offered among further candidates, never published."""
    table = article.tokens
    for sentence in article.sentences:
        for i in range(sentence.start, sentence.end):
            if article.token_in_quote(i):
                continue
            text = table.text[i]
            unread = table.pos[i] == "NUM" and not table.ent_type[i] and _FIGURE.match(text)
            if ORDINAL_FIGURES.match(text) or unread:
                yield from _loose_gap(article, sentence, (i, i + 1), "number")


#: Labels of dates and numbers: written in figures or words, never part of a longer name.
_FIGURE_LABELS = frozenset({"DATE", "TIME", "CARDINAL", "MONEY", "PERCENT", "QUANTITY"})
#: The fact type of a name, date or number the recogniser read, by its label.
_LABEL_TYPES = {
    "PERSON": "person",
    "ORG": "organisation",
    "GPE": "place",
    "LOC": "place",
    "FAC": "place",
    "LAW": "agreement",
    "DATE": "date",
    "TIME": "date",
    "CARDINAL": "number",
    "MONEY": "number",
    "PERCENT": "number",
    "QUANTITY": "number",
}


def written_entity_facts(article: ArticleDoc) -> Iterator[Found]:
    """A loose fact for each name, date or number the recogniser read that gives no fact of its
    own (no class to ask it by, part of a longer name, a post's words ...), in whole words as
    written ("38,000ft", "US$ 20,000", "1–0"): offered among further candidates, never
    published."""
    table = article.tokens
    whole = {(m.start, m.end) for m in article.mentions if m.whole and fact_type(m.cls)}
    for first, last, label in article.entity_spans:
        if label == "ORDINAL":
            continue  # in figures, an ordinal's own fact; in words ("first"), nothing to ask
        start, end = first, last
        while start < end and (table.pos[start] in ("DET", "PUNCT") or table.tag[start] == "POS"):
            start += 1
        while end > start and (table.pos[end - 1] == "PUNCT" or table.tag[end - 1] == "POS"):
            end -= 1
        while start > 0 and not table.space[start - 1] and table.text[start - 1][-1:].isalnum():
            start -= 1  # "US$ [20,000]": the word it is written in
        while end < len(table.text) and not table.space[end - 1] and table.text[end][:1].isalnum():
            end += 1  # "[38,000]ft"
        if start >= end or (start, end) in whole:
            continue
        if label not in _FIGURE_LABELS and not article.whole(start, end, label):
            continue  # part of a longer name ("the [Treaty] on the Prohibition ...")
        words = table.text[start:end]
        if words.count("(") != words.count(")"):
            continue  # "Agency for [International Development (USAID]"
        sentence = article.sentence_of(start)
        if end <= sentence.end:
            kind = _LABEL_TYPES.get(label, "event")
            yield from _loose_gap(article, sentence, (start, end), kind, strict=False)


def _loose_gap(
    article: ArticleDoc,
    sentence: Sentence,
    span: tuple[int, int],
    kind: str,
    strict: bool = True,
) -> Iterator[Found]:
    """The loose fact asking for ``span`` of a sentence, standing alone or as written (not a
    caption, headline or quotation unless not ``strict``), where it can be stated."""
    statement = make_statement(article, sentence, span) or raw_statement(
        article, sentence, span, strict=strict
    )
    if statement is not None and not statement.negated:
        yield _words_gap(article, kind, sentence, span, statement)


#: Words that make a title one its holder no longer holds ("former", "ex-", "the late").
PAST_POST_WORDS = frozenset({"former", "ex", "late", "then", "onetime", "erstwhile"})


def _past_post(article: ArticleDoc, start: int, end: int) -> bool:
    """The title is a past one: "former"/"ex"/"late" ... stands right before it ("the former
    NASA Administrator") or is one of its words, hyphened or not ("Ex-President", "Libya's
    then-foreign intelligence head")."""
    table = article.tokens
    before = table.lower[start - 1] if start > 0 else ""
    words = {part for word in table.lower[start:end] for part in word.split("-")}
    return before in PAST_POST_WORDS or bool(words & PAST_POST_WORDS)


def role_facts(article: ArticleDoc) -> Iterator[Found]:
    """A fact for each person's post, as the text links it to their name ("who is" / "what post"
    questions). A person's shorter titles that a longer one contains ("Administrator", "NASA
    Administrator") are one post, asked in its fullest form; a one-word title beside a longer
    one ("Professor", "Director of the study") is not asked about."""
    people = article.people
    posts: dict[str, list] = {}
    for role in people.roles:
        posts.setdefault(role.person, []).append(role)
    holders: dict[str, set[str]] = {}
    fullest = {}
    for key, roles in posts.items():
        titles = {r.title.casefold() for r in roles}
        maximal = {t for t in titles if not any(t != o and t in o for o in titles)}
        if len(maximal) > 1:  # "Professor" beside "Director of ...": a word of address
            maximal = {t for t in maximal if len(t.split()) > 1}
        if len(maximal) != 1:
            continue
        fullest[key] = next(r for r in roles if r.title.casefold() in maximal)
        holders.setdefault(fullest[key].title.casefold(), set()).add(key)
    for key, role in fullest.items():
        person = people.persons[key]
        sentence = article.sentences[role.sentence]
        specific = _specific_title(article, role.start, role.end) or " of " in role.title
        if not specific or _past_post(article, role.start, role.end):
            continue  # "President" alone: of what? "former President": not a post held now
        questions = [
            Question(
                f"According to the article, what post does {person.name} hold?", "what", "post"
            )
        ]
        if len(holders[role.title.casefold()]) == 1 and _one_holder(article, role):
            asked = f"According to the article, who is {_with_article(article, role)}?"
            questions.insert(0, Question(asked, "who", "role"))
        yield Found(
            type="role",
            key=role.title,
            cls="title",
            sentence=sentence,
            span=(role.start, role.end),
            questions=tuple(questions),
            details=(
                ("person", person.name),
                ("person forms", "|".join(short_names(article, person))),
                ("link", role.link),
                ("specific", "1" if specific else ""),
                *_minor(article, key),
            ),
        )


#: Sentences a person must be named in to be more than a passing name of the story.
MIN_NAMED_SENTENCES = 2
#: The opening sentences, the lead: a person it names is the story's, even if named once.
LEAD_SENTENCES = 2
#: Shortest word of a person's name counted as naming them alone ("Xi" is not counted).
MIN_NAME_PART = 3


def _minor(article: ArticleDoc, key: str) -> tuple[tuple[str, str], ...]:
    """A person the article names in one sentence only, outside the lead, by any of the names
    it gives them or any word of their name ("Special Envoy Lenderking"): a spokesperson, an
    outside voice. What post they hold or what they said is seldom worth asking alone, so the
    fact is loose (on the tuning articles' ratings, 41% of such items were worth asking, 78%
    for people named in two sentences, 94% for more). A matching item may still pair them with
    their post."""
    person = article.people.persons.get(key)
    if person is None:
        return ()
    parts = {w for w in person.name.split() if len(w) >= MIN_NAME_PART and w[:1].isupper()}
    sentences = {
        article.sentence_at_char(offset)
        for name in (person.name, *short_names(article, person), *parts)
        for offset in article.name_offsets(name)
    }
    if len(sentences) >= MIN_NAMED_SENTENCES or min(sentences, default=0) < LEAD_SENTENCES:
        return ()
    return (("loose", "1"), ("doubt", MINOR_PERSON))


def _one_holder(article: ArticleDoc, role) -> bool:
    """A post only one person holds at a time: of a body or place ("Minister of Foreign Affairs",
    "NASA Administrator", "Afghanistan's Ambassador to ..."); a country's adjective alone does
    not say which one ("U.S. Senator")."""
    if any(word in role.title.split() for word in ("of", "for", "to")):
        return True
    if _possessive_start(article, role.start):
        return True
    return any(
        (m := article.mention_at.get(i)) is not None and m.label == "ORG"
        for i in range(role.start, role.end)
    )


def _with_article(article: ArticleDoc, role) -> str:
    """The title as it reads after "Who is": "the Secretary of State", "the United Kingdom's
    Foreign Secretary", "Afghanistan's Ambassador"."""
    if not _possessive_start(article, role.start):
        return f"the {role.title}"
    owner = role.title.split("’")[0].split("'")[0]
    return f"the {role.title}" if takes_the(owner) else role.title


def _possessive_start(article: ArticleDoc, start: int) -> bool:
    table = article.tokens
    return any(table.tag[i] == "POS" for i in range(start, min(start + 4, len(table))))


def _specific_title(article: ArticleDoc, start: int, end: int) -> bool:
    """A title naming whose post it is: a country, organisation or nationality in it, or an
    "of/to/for" phrase."""
    table = article.tokens
    for index in range(start, end):
        mention = article.mention_at.get(index)
        if mention is not None and mention.label in ("GPE", "ORG", "NORP"):
            return True
        if table.lower[index] in ("of", "to", "for"):
            return True
    return False


def quote_facts(article: ArticleDoc) -> Iterator[Found]:
    """A fact for each sentence of a quotation whose speaker its closing sentence names ("...,"
    Aliyev said.), and for a whole clause quoted right after the speaker's verb (the mayor said
    "there is more to be done ..."): "Who said: “...”?". The speaker is a person, or an
    organisation the sentence names as the one speaking ("..., the agency says")."""
    table = article.tokens
    for sentence in article.sentences:
        speaker, verb = None, -1
        for index in range(sentence.start, sentence.end):
            if table.lemma[index].lower() not in SPEECH_VERBS or table.pos[index] != "VERB":
                continue
            if article.token_in_quote(index):
                continue
            subjects = [c for c in table.children(index) if table.dep[c] == "nsubj"]
            if len(subjects) != 1 or any(
                table.dep[c] == "conj" for c in table.children(subjects[0])
            ):
                continue
            speaker = _speaker(article, subjects[0])
            if speaker is not None:
                verb = index
                break
        if speaker is None:
            continue
        name, cls, variants = speaker
        quotes = (
            _quoted_sentences(article, sentence)
            or _reported_clause(article, sentence, verb)
            or _quotation_after(article, sentence, verb)
        )
        for quote, evidence_start, evidence_end in quotes:
            evidence = " ".join(article.text[evidence_start:evidence_end].split())
            own = article.sentence_of(_token_at(article, evidence_start))
            person = article.people.persons.get(name) if cls == "person" else None
            found = Found(
                type="quote",
                key=name,
                cls=cls,
                sentence=own,
                variants=variants,
                questions=(Question(question_mark(f"Who said: “{quote}”"), "who", "speaker"),),
                details=(
                    ("quote", quote),
                    ("speaker", name),
                    *(_minor(article, person.key) if person is not None else ()),
                ),
            )
            found.extras["evidence"] = evidence
            yield found


def _speaker(article: ArticleDoc, subject: int) -> tuple[str, str, tuple[str, ...]] | None:
    """The speaker a speech verb's subject names: (name, class, other forms), or None. A person
    named (or a pronoun that stands for one), or an organisation named whole."""
    from question_bank.facts.people import PERSON_PRONOUNS, resolve_pronoun

    people = article.people
    person = people.person_at(subject)
    if person is None and article.tokens.lower[subject] in PERSON_PRONOUNS:
        need, person = resolve_pronoun(article, subject)
        if need == "inside":
            sentence = article.sentence_of(subject)
            names = {
                people.token_person[i]
                for i in range(sentence.start, subject)
                if i in people.token_person
            }
            person = people.persons[names.pop()] if len(names) == 1 else None
    if person is not None:
        if not people.named(person.key):
            return None
        return person.name, "person", short_names(article, person)
    mention = article.mention_at.get(subject)
    if mention is not None and mention.cls == "organisation" and mention.whole:
        key, variants = _answer_key(article, mention)
        return (key, "organisation", variants) if key else None
    return None


#: Words of a quoted clause, at least and at most.
_REPORTED_WORDS = (8, 40)


def _reported_clause(
    article: ArticleDoc, sentence: Sentence, verb: int
) -> list[tuple[str, int, int]]:
    """A whole clause in quotation marks, in lower case, right after the speech verb (only
    "that" or a word of time between) and closing in the sentence (said yesterday "there is
    more to be done ..."): its words as written, with where its sentence starts."""
    table = article.tokens
    after = table.idx[verb] + len(table.text[verb])
    for start, end in article.quotes_opening(after, sentence.end_char):
        if end > sentence.end_char + 1:
            return []
        first, last = _token_at(article, start), _token_at(article, max(end - 1, start))
        between = range(verb + 1, first)
        if not all(
            table.lower[i] == "that" or table.dep[i] in ("npadvmod", "advmod", "punct")
            for i in between
        ):
            return []
        text = " ".join(article.text[start:end].split()).rstrip(" ,;:")
        if (
            not text[:1].islower()
            or not _REPORTED_WORDS[0] <= len(text.split()) <= _REPORTED_WORDS[1]
        ):
            return []
        if not is_clause(article, first, last + 1):
            return []
        return [(text, sentence.start_char, sentence.end_char)]
    return []


#: Words the speech verb may take before the quotation it introduces ("told the press, “...").
_INTRODUCING_WORDS = 4


def _quotation_after(
    article: ArticleDoc, sentence: Sentence, verb: int
) -> list[tuple[str, int, int]]:
    """The sentences of a quotation that the speech verb introduces, opening after it and a
    comma or colon (Gomez said, "I think ... today's game. It was ..."; told the press, "...")
    and running on, maybe past the sentence: each sentence of it of 6-30 words, with its
    evidence from the speaker's sentence to the end of the sentence holding it."""
    table = article.tokens
    after = table.idx[verb] + len(table.text[verb])
    for start, end in article.quotes_opening(after, sentence.end_char):
        lead = article.text[after : start - 1].rstrip()
        if not lead.endswith((",", ":")):
            return []
        first = _token_at(article, start - 1)  # the opening mark
        between = [i for i in range(verb + 1, first) if table.pos[i] not in ("PUNCT", "SPACE")]
        if len(between) > _INTRODUCING_WORDS or any(
            table.lower[i] != "that" and not _under(table, i, verb) for i in between
        ):
            return []
        return [
            (part, sentence.start_char, article.sentences[article.sentence_at_char(at)].end_char)
            for part, at in _quoted_parts(article, start, end)
        ]
    return []


def _under(table, token: int, verb: int) -> bool:
    """The token belongs to the verb's own words (its object, "the press", or an adverb)."""
    while table.head[token] != token:
        if table.head[token] == verb:
            return table.dep[token] in ("dobj", "dative", "advmod", "npadvmod", "prep", "pobj")
        token = table.head[token]
    return False


def _quoted_sentences(article: ArticleDoc, sentence: Sentence) -> list[tuple[str, int, int]]:
    """The sentences of the quotation that closes in ``sentence`` (``_quoted_parts``), each
    with its evidence: from the start of its own sentence to the end of the speaker's."""
    for start, end in article.quoted:
        if not sentence.start_char <= end <= sentence.end_char + 1:
            continue
        return [
            (part, article.sentence_of(_token_at(article, at)).start_char, sentence.end_char)
            for part, at in _quoted_parts(article, start, end)
        ]
    return []


def _quoted_parts(article: ArticleDoc, start: int, end: int) -> list[tuple[str, int]]:
    """The sentences of the quotation between two character offsets that may be asked about,
    each with where it starts: 6-30 words, starting with a capital, ending as a sentence ends
    (a last one cut by the speaker's comma ends with a full stop) and not leaning back."""
    text = " ".join(article.text[start:end].split())
    if text.endswith(","):
        text = text[:-1] + "."
    out = []
    offset = start
    for part in _split_sentences(text):
        words = part.split()
        at = article.text.find(part.split()[0], offset) if words else offset
        offset = max(offset, at)
        if not _QUOTE_WORDS[0] <= len(words) <= _QUOTE_WORDS[1] or not part[:1].isupper():
            continue
        if part[-1:] not in ".?!" or _leans_back(words):
            continue
        out.append((part, offset))
    return out


#: Words that open a quoted sentence only as a reply to what came before ("But this is ...").
_LINKING_OPENERS = frozenset({"but", "and", "so", "yet", "or", "nor"})
#: Pronouns that, as a quoted sentence's first word, point at something the quote does not name.
_POINTING_OPENERS = frozenset(
    {"this", "that", "these", "those", "it", "they", "he", "she", "its", "their", "his", "her"}
)


def _leans_back(words: list[str]) -> bool:
    """A quoted sentence that answers or continues another ("But this is only the first step."):
    on its own a reader cannot tell what it is about."""
    first = words[0].lower().strip("“\"'‘")
    if first in _LINKING_OPENERS:
        return True
    return first in _POINTING_OPENERS


_QUOTE_BREAK = re.compile(r"(?<=[a-z0-9)][.!?])\s+(?=[A-Z“\"])")


def _split_sentences(text: str) -> list[str]:
    """A quotation cut at sentence ends (not after an initial or "U.S.")."""
    return [part.strip() for part in _QUOTE_BREAK.split(text) if part.strip()]


def _token_at(article: ArticleDoc, char: int) -> int:
    """The token at or just before a character offset."""
    from bisect import bisect_right

    return max(bisect_right(article.tokens.idx, char) - 1, 0)
