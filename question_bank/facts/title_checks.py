"""Whether words before or beside a name make a sound title: a short noun phrase naming a post,
whole, with no name, verb, date or number in it, and not the tail of a longer title."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from question_bank.facts.document import ArticleDoc

_MAX_TITLE_WORDS = 12
_BLOCKING_LABELS = frozenset({"PERSON", "DATE", "CARDINAL", "MONEY", "PERCENT", "QUANTITY"})
LINKERS = frozenset({"of", "to", "for"})


def bracketed(article: ArticleDoc, start: int, end: int) -> set[int]:
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


def acronym(word: str) -> bool:
    """ "JAXA", "MEXT": a word of two capitals or more."""
    return len(word) >= 2 and word.isalpha() and word.isupper()


def part_of_longer_title(article: ArticleDoc, start: int) -> bool:
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
    if table.lower[before] in LINKERS:
        return _title_word(article, before - 1) or _title_word(article, table.head[before])
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


def coordinated_title_start(article: ArticleDoc, start: int) -> int:
    """Where a title joined by "and" to the title before it begins: "[Vice President and] Foreign
    Minister", "[Minister of Environment and] Sustainable Development": back over capitalised
    common nouns and names of bodies and places, and the "of/to/for/the" between them;
    ``start`` itself when the title is no such tail (``part_of_longer_title``) or the words
    before it run into a name."""
    table = article.tokens
    before = start - 1
    while before >= 0 and table.pos[before] == "DET":
        before -= 1
    if before < 1 or table.lower[before] not in ("and", "&") or table.text[before - 1] == ",":
        return start
    if not part_of_longer_title(article, start):
        return start
    first = before
    sentence_start = article.sentence_of(start).start
    for i in range(before - 1, sentence_start - 1, -1):
        word = table.text[i]
        if word == "the" or word in LINKERS:
            continue
        named = article.mention_at.get(i)
        body = named is not None and named.whole and named.label in ("ORG", "GPE")
        if not word[:1].isupper() or not (body or article.common_noun(word.lower())):
            break
        first = i
    edge = first - 1
    if first == before or edge >= sentence_start and table.text[edge][:1].isupper():
        return start  # the walk stopped at a name ("Gina Raimondo and ..."), not a title's start
    return first


def _title_word(article: ArticleDoc, token: int) -> bool:
    """A capitalised noun that is not the first word of its sentence ("Minister" of "Minister of
    Environment"; not "According" of "According to ...")."""
    table = article.tokens
    return (
        token > article.sentence_of(token).start
        and table.pos[token] in ("NOUN", "PROPN")
        and table.text[token][:1].isupper()
    )


def sound_title(article: ArticleDoc, start: int, end: int) -> bool:
    """A title is a short noun phrase naming a post: its head word (the last before "of/to/for")
    capitalised, owned (``_owned``) or a singular noun with an "of/to/for" link; no verb, no
    person, date or number in it, no comma except between the coordinated objects of its
    "of/to/for" phrase, and more than an honorific ("Dr."). A parenthesis in it is not read."""
    table = article.tokens
    inside = bracketed(article, start, end)
    tokens = [i for i in range(start, end) if i not in inside and table.text[i] not in "()"]
    words = [i for i in tokens if table.pos[i] != "PUNCT"]
    if not 0 < len(words) <= _MAX_TITLE_WORDS:
        return False
    linker = next((i for i in tokens if table.lower[i] in LINKERS), end)
    if any(table.pos[i] in ("VERB", "AUX", "PRON", "NUM") for i in tokens):
        return False
    if any(table.text[i] in (";", ":") for i in tokens):
        return False
    if any(table.text[i] == "," and not linker < table.head[i] < end for i in tokens):
        return False
    if any(table.pos[i] == "CCONJ" and not _joins_titles(article, i) for i in range(start, linker)):
        return False
    if any(
        article.mention_at.get(i) is not None and article.mention_at[i].label in _BLOCKING_LABELS
        for i in tokens
    ):
        return False
    if _cuts_a_name(article, start, end) or _inside_a_word(article, start):
        return False
    nouns = [i for i in tokens if table.pos[i] in ("NOUN", "PROPN") and title_noun(article, i)]
    if not any(len(table.text[i]) >= 4 and not table.text[i].endswith(".") for i in nouns):
        return False
    head = max(i for i in words if i < linker) if any(i < linker for i in words) else linker
    if table.text[head][:1].isupper() or _owned(article, tokens):
        return True
    return linker < end and table.tag[head] in ("NN", "NNP")


def _joins_titles(article: ArticleDoc, token: int) -> bool:
    """An "and" between two capitalised title words ("Vice President and Foreign Minister"), not
    after a name the recogniser missed ("Gina Raimondo and Secretary of State")."""
    table = article.tokens
    left, right = token - 1, token + 1
    return (
        table.text[left][:1].isupper()
        and article.common_noun(table.lower[left])
        and table.text[right][:1].isupper()
    )


def _inside_a_word(article: ArticleDoc, start: int) -> bool:
    """The title would begin inside a word written with a hyphen ("Co-[founder]")."""
    table = article.tokens
    if start == 0 or table.space[start - 1]:
        return False
    before = table.text[start - 1]
    return before[-1:].isalnum() or before in ("-", "–")


def _cuts_a_name(article: ArticleDoc, start: int, end: int) -> bool:
    """The title begins or ends inside a name ("[University of Texas] Arlington")."""
    first = article.mention_at.get(start)
    last = article.mention_at.get(end - 1)
    return first is not None and first.start < start or last is not None and last.end > end


def title_noun(article: ArticleDoc, token: int) -> bool:
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
