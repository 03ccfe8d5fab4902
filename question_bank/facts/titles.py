"""A person's post ("title") read from a direct syntactic link with their name, whole.

The readers, tried in order for each name (the first that finds a title wins):

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
spelling-out) is left out of its wording. A title in lower case ("president", "coach") needs an
owner written in it: an organisation or place, a possessive of a named place or nationality, or an
"of/to/for" phrase ("Nicaragua's president", "Arab League secretary general").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from question_bank.facts.document import ArticleDoc, Mention

_MAX_TITLE_WORDS = 12
TITLE_DEPS = frozenset({"compound", "nmod", "amod"})
_BLOCKING_LABELS = frozenset({"PERSON", "DATE", "CARDINAL", "MONEY", "PERCENT", "QUANTITY"})
_OWNER_LABELS = frozenset({"GPE", "ORG"})
_LINKERS = frozenset({"of", "to", "for"})


def read_title(article: ArticleDoc, mention: Mention) -> tuple[int, int, str, str] | None:
    """The title linked to a person's name: (first token, end token, link, wording), or None."""
    if _starts_with_a_place(article, mention):
        return None
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
        return (start, end, link, title) if title else None
    return None


def _starts_with_a_place(article: ArticleDoc, mention: Mention) -> bool:
    """A "name" whose first word the article names as a place elsewhere ("Bogota Chargé" in "U.S.
    Embassy Bogota Chargé d'Affaires ...") is the recogniser's slip, not a person."""
    first = article.tokens.text[mention.start]
    if mention.end - mention.start < 2:
        return False
    return any(m.label == "GPE" and m.text == first for m in article.mentions)


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
    inside = _bracketed(article, start, end)
    words = [
        table.text[i] + table.space[i]
        for i in range(start, end)
        if i not in inside and table.text[i] not in ("(", ")")
    ]
    return "".join(words).strip(" ,")


def _bracketed(article: ArticleDoc, start: int, end: int) -> set[int]:
    """Tokens of ``start:end`` written inside parentheses."""
    inside: set[int] = set()
    depth = 0
    for i in range(start, end):
        word = article.tokens.text[i]
        if word == "(":
            depth += 1
        elif word == ")":
            depth = max(depth - 1, 0)
        elif depth:
            inside.add(i)
    return inside


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
    ("Japan's Minister ..."), and a capitalised "Under" inside a sentence ("Under Secretary")."""
    table = article.tokens
    sentence_start = article.sentence_of(start).start
    opened = _parenthesis_before(article, start)
    spelled = article.mention_at.get(opened + 1)
    if opened < start and spelled is not None and spelled.label in _OWNER_LABELS:
        owner = article.mention_at.get(opened - 1)
        if owner is not None and owner.label in _OWNER_LABELS and owner.end == opened:
            start = owner.start
        elif opened > sentence_start and _acronym(table.text[opened - 1]):
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
    return start


def _acronym(word: str) -> bool:
    """ "JAXA", "MEXT": a word of two capitals or more."""
    return len(word) >= 2 and word.isalpha() and word.isupper()


def _part_of_longer_title(article: ArticleDoc, start: int) -> bool:
    """The words before ``start`` make it the tail of a longer title: "Minister of [Environment]",
    "Ambassador to [the United Nations]",
    "Minister of Environment and [Sustainable Development]", "Vice President and [Foreign
    Minister]"; a person or place before "and" ends the other conjunct ("Rubio and Minister
    ...")."""
    table = article.tokens
    before = start - 1
    while before >= 0 and table.pos[before] == "DET":
        before -= 1
    if before < 0:
        return False
    if table.lower[before] in _LINKERS:
        owner = before - 1
        capitalised_noun = (
            owner >= 0 and table.pos[owner] in ("NOUN", "PROPN") and table.text[owner][:1].isupper()
        )
        return capitalised_noun or table.text[table.head[before]][:1].isupper()
    if table.lower[before] not in ("and", "or", "&"):
        return False
    other = before - 1
    if other >= 0 and table.text[other] == ",":
        other -= 1
    if other < 0 or other in article.people.token_person or table.text[other] == ")":
        return False
    named = article.mention_at.get(other)
    if named is not None and named.label == "GPE":
        return False
    return table.text[other][:1].isupper() and table.pos[other] in ("NOUN", "PROPN", "ADJ")


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
    start = _extend_start(article, start)
    if _part_of_longer_title(article, start):
        return None
    if not _sound_title(article, start, end):
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
    """ "Name, the Title of Place," : an apposition hanging from the name."""
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
        while end > start and table.pos[end - 1] == "PUNCT":
            end -= 1
        if end < len(table) and table.text[end] not in (",", ".", ";", ")", "-", "–", "—"):
            return None
        if _sound_title(article, start, end):
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
    if title_head in article.people.token_person or not _title_noun(article, title_head):
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
    if _part_of_longer_title(article, start):
        return None
    if not adjacent and table.text[mention.start - 1] != ",":
        return None
    if not _sound_title(article, start, end):
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
    title's "of/to/for"; the object written before the name is a whole place or body."""
    table = article.tokens
    head = head_of(article, mention.start, mention.end)
    linker = table.head[head]
    if table.dep[head] != "pobj" or table.lower[linker] not in _LINKERS:
        return None
    title_head = table.head[linker]
    if title_head >= linker or not article.common_noun(table.lower[title_head]):
        return None
    place = linker + 1
    while place < mention.start and table.lower[place] == "the":
        place += 1
    named = article.mention_at.get(place)
    if named is None or named.label not in _OWNER_LABELS:
        return None
    if named.start != place or named.end != mention.start:
        return None
    return _title_phrase(article, title_head, mention.start)


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
    if _part_of_longer_title(article, start) or not _sound_title(article, start, end):
        return None
    return start, end, "compound"


def _sound_title(article: ArticleDoc, start: int, end: int) -> bool:
    """A title is a short noun phrase naming a post: its head word (the last before "of/to/for")
    capitalised, owned (``_owned``) or a singular noun with an "of/to/for" link; no verb, no
    person, date or number in it, no comma except between the coordinated objects of its
    "of/to/for" phrase, and more than an honorific ("Dr."). A parenthesis in it is not read."""
    table = article.tokens
    inside = _bracketed(article, start, end)
    tokens = [i for i in range(start, end) if i not in inside and table.text[i] not in "()"]
    words = [i for i in tokens if table.pos[i] != "PUNCT"]
    if not 0 < len(words) <= _MAX_TITLE_WORDS:
        return False
    linker = next((i for i in tokens if table.lower[i] in _LINKERS), end)
    if any(table.pos[i] in ("VERB", "AUX", "PRON", "NUM") for i in tokens):
        return False
    if any(table.text[i] in (";", ":") for i in tokens):
        return False
    if any(table.text[i] == "," and not linker < table.head[i] < end for i in tokens):
        return False
    if any(table.pos[i] == "CCONJ" for i in range(start, linker)):
        return False
    if any(
        article.mention_at.get(i) is not None and article.mention_at[i].label in _BLOCKING_LABELS
        for i in tokens
    ):
        return False
    if _cuts_a_name(article, start, end):
        return False
    nouns = [i for i in tokens if table.pos[i] in ("NOUN", "PROPN") and _title_noun(article, i)]
    if not any(len(table.text[i]) >= 4 and not table.text[i].endswith(".") for i in nouns):
        return False
    head = max(i for i in words if i < linker) if any(i < linker for i in words) else linker
    if table.text[head][:1].isupper() or _owned(article, tokens):
        return True
    return linker < end and table.tag[head] in ("NN", "NNP")


def _cuts_a_name(article: ArticleDoc, start: int, end: int) -> bool:
    """The title begins or ends inside a name ("[University of Texas] Arlington")."""
    first = article.mention_at.get(start)
    last = article.mention_at.get(end - 1)
    return first is not None and first.start < start or last is not None and last.end > end


def _title_noun(article: ArticleDoc, token: int) -> bool:
    """A noun that names the post rather than whose it is: outside every name, or a capitalised
    common noun that the recogniser ran into a body's name ("FEMA Administrator", not at the
    start of a sentence)."""
    named = article.mention_at.get(token)
    if named is None:
        return True
    table = article.tokens
    return (
        named.label == "ORG"
        and not named.whole
        and table.text[token][:1].isupper()
        and article.common_noun(table.lower[token])
        and token > article.sentence_of(token).start
    )


def _owned(article: ArticleDoc, tokens: list[int]) -> bool:
    """The title names whose post it is: a named body, country or city in it ("Arab League
    secretary general", "Nicaragua's president"), or a possessive beside a nationality ("the
    Afghan team's coach"). A body's name of one word that begins a sentence may be only a word
    capitalised as every first word is ("Localist group")."""
    table = article.tokens
    named = [article.mention_at[i] for i in tokens if i in article.mention_at]
    owner = any(
        m.cls in ("country", "city")
        or m.label == "ORG"
        and (m.start > article.sentence_of(m.start).start or m.end - m.start > 1)
        for m in named
    )
    possessive = any(table.tag[i] == "POS" for i in tokens)
    return owner or possessive and any(m.label == "NORP" for m in named)
