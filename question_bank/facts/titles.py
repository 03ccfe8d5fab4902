"""A person's post ("title") read from a direct syntactic link with their name, whole.

The readers, tried in order for each name (the first that finds a title of two words or more
wins; a one-word title such as "Professor" only when no reader finds more):

* a title whose "of/to/for" phrase the parser ran into the name: "Governor of Washington Chris
  Gregoire", "Ambassador to the United States Hamdullah Mohib";
* a title compound before the name: "Secretary of State Marco Rubio", "JAXA (Japan Aerospace
  Exploration Agency) President Hiroshi Yamakawa", "Under Secretary of State for Political Affairs
  Victoria Nuland" (a capitalised "Under" inside a sentence is part of the title, not a
  preposition);
* an apposition after it: "Hamdullah Mohib, Afghanistan's Ambassador to the United States,";
* a title noun phrase with the name in apposition: "the CEO of the company, Jane Doe,",
  "Nicaragua's president, Daniel Ortega,", "Tunisia's coach Nabil Maaloul";
* a title noun phrase written right before the name that the parser coordinated with, or set in
  apposition to, another person: "Nelson and Japan's Minister of Education, Culture, Sports,
  Science and Technology (MEXT) Masahito Moriyama".

A title is always a whole phrase of the text; only a parenthesis in it (an abbreviation or its
spelling-out) is left out of its wording. Titles joined by "and" are read together ("Vice President
and Foreign Minister", "Minister of Environment and Sustainable Development"), never the part after
"and" alone; of two posts in apposition ("Name, Director of X, and Chairman of Y,") the first.

A title in lower case ("president", "coach") needs an owner written in it: a named body, country
or city, a possessive beside a nationality, or an "of/to/for" phrase ("Nicaragua's president",
"Arab League secretary general").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from question_bank.facts.title_checks import (
    LINKERS,
    acronym,
    bracketed,
    coordinated_title_start,
    part_of_longer_title,
    sound_title,
    title_noun,
)

if TYPE_CHECKING:
    from question_bank.facts.document import ArticleDoc, Mention

TITLE_DEPS = frozenset({"compound", "nmod", "amod"})
_OWNER_LABELS = frozenset({"GPE", "ORG"})


def read_title(article: ArticleDoc, mention: Mention) -> tuple[int, int, str, str] | None:
    """The title linked to a person's name: (first token, end token, link, wording), or None; a
    one-word title ("Professor") gives way to a longer one another reader finds ("Professor Cres
    Eastman, Director of the National Iodine Nutrition study,")."""
    if _starts_with_a_place(article, mention):
        return None
    chosen = None
    for reader in (
        _title_governing_name,
        _compound_title,
        _appositive_title,
        _title_with_apposed_name,
        _title_phrase_before,
    ):
        found = reader(article, mention)
        if found is None:
            continue
        start, end, link = found
        title = title_text(article, start, end)
        if link == "compound":
            title += _of_phrase(article, mention)
        if not title:
            return chosen
        if len(title.split()) > 1:
            return start, end, link, title
        chosen = chosen or (start, end, link, title)
    return chosen


def _starts_with_a_place(article: ArticleDoc, mention: Mention) -> bool:
    """A "name" whose first word the article names as a place elsewhere ("Bogota Chargé" in "U.S.
    Embassy Bogota Chargé d'Affaires ...") is the recogniser's slip, not a person."""
    if mention.end - mention.start < 2:
        return False
    places = article.once(
        "place names", lambda: {m.text for m in article.mentions if m.label == "GPE"}
    )
    return article.tokens.text[mention.start] in places


def head_of(article: ArticleDoc, start: int, end: int) -> int:
    """The token of ``start:end`` whose head lies outside it."""
    heads = article.tokens.head
    for token in range(start, end):
        if not start <= heads[token] < end or heads[token] == token:
            return token
    return end - 1


def title_text(article: ArticleDoc, start: int, end: int) -> str:
    """The title's words as written, without a parenthesis inside it."""
    table = article.tokens
    inside = bracketed(article, start, end)
    words = [
        table.text[i] + table.space[i]
        for i in range(start, end)
        if i not in inside and table.text[i] not in ("(", ")")
    ]
    return "".join(words).strip(" ,")


def _parenthesis_before(article: ArticleDoc, end: int) -> int:
    """Where a parenthesis that closes right before ``end`` opens, or ``end`` when none does."""
    table = article.tokens
    if end == 0 or table.text[end - 1] != ")":
        return end
    for i in range(end - 2, max(end - 12, -1), -1):
        if table.text[i] == "(":
            return i
        if table.text[i] in (")", ".", ";"):
            break
    return end


def _extend_start(article: ArticleDoc, start: int) -> int:
    """Take in what the parser left out before a title: a named body spelled out in parentheses
    ("JAXA (Japan Aerospace Exploration Agency) President"), a possessive of a named place or body
    ("Japan's Minister ..."), a capitalised "Under" inside a sentence ("Under Secretary"), and
    the rest of a hyphenated word ("Co-founder")."""
    table = article.tokens
    sentence_start = article.sentence_of(start).start
    opened = _parenthesis_before(article, start)
    spelled = article.mention_at.get(opened + 1)
    if opened < start and spelled is not None and spelled.label in _OWNER_LABELS:
        owner = article.mention_at.get(opened - 1)
        if owner is not None and owner.label in _OWNER_LABELS and owner.end == opened:
            start = owner.start
        elif opened > sentence_start and acronym(table.text[opened - 1]):
            start = opened - 1
    if start - 2 >= sentence_start and table.tag[start - 1] == "POS":
        owner = article.mention_at.get(start - 2)
        if owner is not None and owner.label in _OWNER_LABELS and owner.end == start - 1:
            start = owner.start
    if (
        start - 1 > sentence_start
        and table.pos[start - 1] == "ADP"
        and table.text[start - 1][:1].isupper()
    ):
        start -= 1
    while start - 2 >= sentence_start and table.text[start - 1] == "-":
        if table.space[start - 2] or table.space[start - 1]:
            break
        start -= 2  # "Co-founder": the whole word
    return start


def _compound_title(article: ArticleDoc, mention: Mention) -> tuple[int, int, str] | None:
    """Title words right before the name, hanging from it: "Secretary of State Marco Rubio"."""
    table = article.tokens
    head = head_of(article, mention.start, mention.end)
    children = [t for t in table.lefts(head) if t < mention.start and table.dep[t] in TITLE_DEPS]
    if not children:
        return None
    start = min(table.span(child)[0] for child in children)
    indefinite = table.lower[start] in ("a", "an") or table.lower[start - 1] in ("a", "an")
    while start < mention.start and table.lower[start] in ("the", "a", "an"):
        start += 1
    end = mention.start
    while end > start and _honorific(table.text[end - 1]):
        end -= 1
    if end <= start or not article.common_noun(table.lower[end - 1].rstrip(".")):
        return None  # the title ends in a noun ("Secretary"), not a name ("Antony")
    if indefinite and table.text[end - 1].islower():
        return None  # "a Harvard University graduate Masako Owada": one of many, not a post
    start = coordinated_title_start(article, _extend_start(article, start))
    if part_of_longer_title(article, start):
        return None
    if not sound_title(article, start, end):
        return None
    return start, end, "compound"


def _of_phrase(article: ArticleDoc, mention: Mention) -> str:
    """ " of JAXA" in "President Hiroshi Yamakawa of JAXA": the place or body a title before the
    name belongs to, written after the name."""
    table = article.tokens
    head = head_of(article, mention.start, mention.end)
    for child in table.rights(head):
        if table.lower[child] != "of" or child != mention.end:
            continue
        objects = [g for g in table.children(child) if table.dep[g] == "pobj"]
        if not objects:
            return ""
        named = article.mention_at.get(objects[0])
        if named is None or named.label not in _OWNER_LABELS:
            return ""
        start, end = table.span(objects[0])
        if end - start > 8 or any(table.text[i] in (",", "(") for i in range(start, end)):
            end = named.end
        return " of " + article.span_text(start, end)
    return ""


def _honorific(word: str) -> bool:
    """ "Dr.", "Mr", "Mrs." ...: a short form of address, not a post."""
    bare = word.rstrip(".")
    return word.endswith(".") and len(bare) <= 4 or bare in ("Mr", "Mrs", "Ms", "Dr", "Mx")


def _appositive_title(article: ArticleDoc, mention: Mention) -> tuple[int, int, str] | None:
    """ "Name, the Title of Place," : an apposition hanging from the name; of two posts joined by
    "and", the first."""
    table = article.tokens
    head = head_of(article, mention.start, mention.end)
    for child in table.rights(head):
        if table.dep[child] != "appos" or child < mention.end:
            continue
        start, end = table.span(child)
        if start != mention.end + 1 or table.text[mention.end] != ",":
            return None
        if table.lower[start] in ("a", "an"):
            return None
        while start < end and table.lower[start] == "the":
            start += 1
        joined = [c for c in table.rights(child) if table.dep[c] in ("cc", "conj")]
        end = min(joined, default=end)  # "Director of X, and Chairman of Y": the first post
        while end > start and table.pos[end - 1] == "PUNCT":
            end -= 1
        if end < len(table) and table.text[end] not in (",", ".", ";", ")", "-", "–", "—"):
            return None
        if sound_title(article, start, end):
            return start, end, "apposition"
        return None
    return None


def _title_with_apposed_name(article: ArticleDoc, mention: Mention) -> tuple[int, int, str] | None:
    """ "the Title of Place, Name," : the name is an apposition of a title noun phrase; without
    the comma the title is written right before the name ("Tunisia's coach Nabil Maaloul")."""
    table = article.tokens
    head = head_of(article, mention.start, mention.end)
    if table.dep[head] != "appos":
        return None
    title_head = table.head[head]
    if title_head >= mention.start or table.pos[title_head] not in ("NOUN", "PROPN"):
        return None
    if title_head in article.people.token_person or not title_noun(article, title_head):
        return None  # two names side by side, not a title and a name
    start, _ = table.span(title_head)
    end = mention.start
    while end > start and table.pos[end - 1] == "PUNCT":
        end -= 1
    adjacent = end == mention.start
    end = _parenthesis_before(article, end)
    while end > start and table.pos[end - 1] == "PUNCT":
        end -= 1
    if table.lower[start] in ("a", "an"):
        return None
    start = _without_the(article, start, end)
    if part_of_longer_title(article, start):
        return None
    if not adjacent and table.text[mention.start - 1] != ",":
        return None
    if not sound_title(article, start, end):
        return None
    return start, end, "title-apposition"


def _without_the(article: ArticleDoc, start: int, end: int) -> int:
    """Leave out a leading "the", except before a possessor that is a common noun: "the Afghan
    team's coach" (not "Afghan team's coach"), but "Nicaragua's president"."""
    table = article.tokens
    owner = next((i - 1 for i in range(start + 1, end) if table.tag[i] == "POS"), None)
    if owner is not None and table.pos[owner] == "NOUN":
        return start
    while start < end and table.lower[start] == "the":
        start += 1
    return start


def _title_governing_name(article: ArticleDoc, mention: Mention) -> tuple[int, int, str] | None:
    """ "Governor of Washington Chris Gregoire": the parser took the name for the object of the
    title's "of/to/for" (or for its apposition, ``_apposed_after_comma``); the object written
    before the name is a whole place or body, or a list of capitalised nouns that the name was
    coordinated into ("Under Secretary for Economic Growth, Energy, and the Environment Jose
    Fernandez")."""
    table = article.tokens
    head = head_of(article, mention.start, mention.end)
    coordinated = False
    while table.dep[head] == "conj" and table.head[head] < head:
        head, coordinated = table.head[head], True
    end = mention.start
    if _apposed_after_comma(article, mention, head):
        head, end = table.head[head], mention.start - 1
    linker = table.head[head]
    if table.dep[head] != "pobj" or table.lower[linker] not in LINKERS:
        return None
    title_head = table.head[linker]
    if title_head >= linker or not article.common_noun(table.lower[title_head]):
        return None
    place = linker + 1
    while place < end and table.lower[place] == "the":
        place += 1
    if coordinated:
        if not _capitalised_list(article, place, end):
            return None
    else:
        named = article.mention_at.get(place)
        if named is None or named.label not in _OWNER_LABELS:
            return None
        if named.start != place or named.end != end:
            return None
    found = _title_phrase(article, title_head, end)
    if found is None or end == mention.start:
        return found
    return found[0], found[1], "title-apposition"


def _apposed_after_comma(article: ArticleDoc, mention: Mention, head: int) -> bool:
    """ "Co-founder of Google, Sergey Brin,": the parser set the name in apposition to the
    title's object, a place or body, which a person cannot stand for: it stands for the title."""
    table = article.tokens
    if table.dep[head] != "appos" or table.text[mention.start - 1] != ",":
        return False
    after = table.text[mention.end] if mention.end < len(table) else "."
    return table.head[head] < mention.start - 1 and after in (",", ".", ";")


def _capitalised_list(article: ArticleDoc, start: int, end: int) -> bool:
    """ "Economic Growth, Energy, and the Environment": capitalised words, commas, "and" and
    "the" only, ending in a capitalised common noun."""
    table = article.tokens
    if end <= start or not article.common_noun(table.lower[end - 1]):
        return False
    return (
        all(
            table.text[i][:1].isupper() or table.lower[i] in (",", "and", "the")
            for i in range(start, end)
        )
        and table.text[end - 1][:1].isupper()
    )


def _title_phrase_before(article: ArticleDoc, mention: Mention) -> tuple[int, int, str] | None:
    """A title noun phrase that ends right before the name (a parenthesis between them aside),
    which the parser set beside another person as their conjunct or apposition: "Nelson and
    Japan's Minister of Education, Culture, Sports, Science and Technology (MEXT) Masahito
    Moriyama". The widest such phrase without a person in it is the title, or nothing is."""
    table = article.tokens
    sentence = article.sentence_of(mention.start)
    end = _parenthesis_before(article, mention.start)
    if end <= sentence.start or table.pos[end - 1] == "PUNCT":
        return None
    name_head = head_of(article, mention.start, mention.end)
    above = set()
    token = name_head
    while table.head[token] != token:
        token = table.head[token]
        above.add(token)
    people = article.people.token_person
    phrases = [
        t
        for t in range(sentence.start, end)
        if t not in above
        and end <= table.span(t)[1] <= mention.start
        and not any(i in people for i in range(*table.span(t)))
    ]
    if not phrases:
        return None
    title_head = min(phrases, key=lambda t: (table.span(t)[0], t))
    if (
        table.dep[title_head] not in ("appos", "conj")
        or table.head[title_head] not in article.people.token_person
        or table.pos[title_head] not in ("NOUN", "PROPN")
        or not article.common_noun(table.lower[title_head])
    ):
        return None
    return _title_phrase(article, title_head, end)


def _title_phrase(article: ArticleDoc, title_head: int, end: int) -> tuple[int, int, str] | None:
    """The whole phrase of a title head up to ``end``, if it reads as a sound title: not "a/an"
    anything, without a leading "the", with what the parser left out before it."""
    table = article.tokens
    start = table.span(title_head)[0]
    if table.lower[start] in ("a", "an"):
        return None
    while start < title_head and table.lower[start] == "the":
        start += 1
    start = _extend_start(article, start)
    if part_of_longer_title(article, start) or not sound_title(article, start, end):
        return None
    return start, end, "compound"
