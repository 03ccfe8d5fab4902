"""Sentences rewritten to stand alone, only in ways that cannot change what they say.

The only changes made are:

* a leading conjunction, connective or linking phrase ("But", "However,", "As a result,") is
  dropped;
* a long sentence loses a whole trailing clause after a comma ("..., adding that ...") or a whole
  fronted phrase before one ("During the visit, ..."), never words inside what is kept, and never
  a part holding a negation or the answer;
* a long sentence joining two whole clauses, each with its own named subject ("A signed X, and
  B signed Y"), gives each clause alone, unless the second leans on the first ("they", "200
  more", "also");
* a long sentence loses asides set off by commas that only add to the noun before them ("The
  summit, which included 20 nations, was ...", "Hoyer, the bank's president, said ...");
* a pronoun whose person is named in the sentence before it, and only that person, is replaced
  by the name ("he" -> "Aliyev's ...").

A sentence that would still lean on its context (an unresolved pronoun, "this agreement", "the
latter", "Other leaders ...") gives no statement. Words inside are never deleted, and negations
are never touched.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from spacy.lang.en.lex_attrs import like_num

from question_bank.facts.classes import TIME_UNITS
from question_bank.facts.forms import number_value
from question_bank.facts.people import OTHER_PRONOUNS, PERSON_PRONOUNS, resolve_pronoun

if TYPE_CHECKING:
    from question_bank.facts.document import ArticleDoc, Sentence

#: Longest statement, in words.
MAX_WORDS = 40
#: Longest sentence offered as written (never published: a teacher may shorten it to use it).
MAX_WRITTEN_WORDS = 110
#: Longer sentences are shortened by dropping a whole trailing or fronted part, when they can be.
TRIM_ABOVE_WORDS = 28
#: Sentence adverbs that only link a sentence to the one before (dropped with their comma).
CONNECTIVES = frozenset(
    """however meanwhile also additionally moreover furthermore separately likewise similarly
    nevertheless nonetheless still instead overall indeed besides finally lastly firstly
    secondly thirdly""".split()
)
#: Adverbs that set a sentence against the one before it: inside the sentence they cannot be
#: dropped with a comma, and the sentence does not stand alone.
CONTRASTS = frozenset({"however", "nevertheless", "nonetheless"})
#: Adverbs that place what a sentence tells after what the sentence before it told: opening a
#: sentence, they leave its time unsaid ("Later, in the 50th minute, ...").
SEQUENCE_ADVERBS = frozenset({"later", "afterward", "afterwards", "subsequently", "thereafter"})
#: Words that make a statement lean on its context when they are determiners or pronouns.
DEMONSTRATIVES = frozenset({"this", "these", "that", "those"})
_NEGATIONS = frozenset({"not", "n't", "no", "never", "neither", "nor", "without", "nobody", "none"})
#: Words that deny what their clause says (unlike "without", which only adds a condition).
_FIRST_PERSON = frozenset({"i", "me", "my", "mine", "we", "us", "our", "ours"})
_NEGATING_WORDS = frozenset({"not", "n't", "never", "no", "neither", "nor", "none", "nobody"})
_RELATIVE_DAYS = frozenset(
    """today yesterday tomorrow tonight previous next following same earlier later""".split()
)
_TAIL_DEPS = frozenset({"advcl", "npadvmod", "conj", "prep", "ccomp"})
_HEAD_DEPS = frozenset({"prep", "advcl", "npadvmod", "advmod"})
_FINITE = frozenset({"VBD", "VBZ", "VBP", "MD"})
#: Dependencies only a noun phrase takes.
_NOUN_DEPS = frozenset({"attr", "dobj", "pobj", "nsubj", "nsubjpass", "appos"})
_CLOSERS = ('"', "”", "’", "'", ")")


@dataclass(frozen=True)
class Statement:
    """A sentence made to stand alone, with the answer's character range in it (-1 if none)."""

    text: str
    gap_start: int = -1
    gap_end: int = -1
    changes: tuple[str, ...] = ()
    relative_time: bool = False
    tokens: tuple[int, ...] = ()
    replacements: tuple[tuple[int, str], ...] = ()
    negated: bool = False

    @property
    def answer(self) -> str:
        """The text at the gap."""
        return self.text[self.gap_start : self.gap_end] if self.gap_start >= 0 else ""

    def with_gap(self, filler: str) -> str:
        """The statement with the answer replaced by ``filler``."""
        return self.text[: self.gap_start] + filler + self.text[self.gap_end :]

    @property
    def words(self) -> int:
        """Its length in words."""
        return len(self.text.split())


def is_clause(article: ArticleDoc, start: int, end: int) -> bool:
    """A finite verb and a subject, and a verb at the root of the parse: a statement, not a
    headline, caption or list entry."""
    table = article.tokens
    finite = any(table.tag[i] in _FINITE for i in range(start, end))
    subject = any(table.dep[i] in ("nsubj", "nsubjpass", "expl") for i in range(start, end))
    root = article.sentence_of(start).root
    return finite and subject and table.pos[root] in ("VERB", "AUX")


def make_statement(
    article: ArticleDoc, sentence: Sentence, gap: tuple[int, int] | None = None
) -> Statement | None:
    """The sentence standing alone with ``gap`` (token range) located in it, or None."""
    opened = _opening(article, sentence)
    if opened is None:
        return None
    start, end, first_changes = opened
    changes = list(first_changes)
    if gap is not None and not start <= gap[0] < gap[1] <= end:
        return None
    root = sentence.root
    if gap is not None and _words(article, start, end) > TRIM_ABOVE_WORDS:
        split = _split(article, root, start, end, gap)
        if split is not None:
            changes.append("trimmed-tail" if split[0] == start else "trimmed-head")
            start, end, root = split
    start, end, trimmed = _trim(article, root, start, end, gap)
    changes.extend(trimmed)
    if not is_clause(article, start, end):
        return None
    kept = list(range(start, end))
    scanned = _scan(article, start, end)
    if scanned is None:
        return None
    replacements, relative, changes_made = scanned
    if gap is not None and any(gap[0] <= i < gap[1] for i in replacements):
        return None
    changes.extend(changes_made)
    if len(replacements) > 1:
        return None
    if _words(article, start, end) > TRIM_ABOVE_WORDS:
        aside = _asides(article, start, end, gap, replacements)
        if aside:
            kept = [i for i in kept if i not in aside]
            changes.append("trimmed-aside")
    return _render(article, kept, replacements, gap, tuple(changes), relative)


#: Parts a sentence sets off by commas that only add to the noun before them.
_ASIDE_DEPS = frozenset({"relcl", "appos"})
_RELATIVE_PRONOUNS = frozenset({"which", "who", "whose", "whom"})


def _asides(
    article: ArticleDoc,
    start: int,
    end: int,
    gap: tuple[int, int] | None,
    replacements: dict[int, str],
) -> set[int]:
    """Tokens to leave out of a long statement: whole asides set off by commas ("The summit,
    which included 20 nations, was ..."; "Werner Hoyer, the bank's president, said ...") or
    by a comma before the full stop (", which included ..."), each with its commas, taken in
    order until the statement is short enough. What an aside says only adds to the noun before
    it, so the rest holds without it. Never one that holds the gap, a negation, a date, a
    quotation mark or a replaced pronoun; never a closing ", including ...": the examples are
    what makes the statement worth asking ("key regional challenges" alone says nothing)."""
    table = article.tokens
    dropped: set[int] = set()
    words = _words(article, start, end)
    for head in range(start, end):
        if words <= TRIM_ABOVE_WORDS:
            break
        if table.dep[head] not in _ASIDE_DEPS or head in dropped:
            continue
        first, after = table.span(head)
        if first - 1 <= start or after >= end or first - 1 in dropped:
            continue
        last = after == end - 1 and table.pos[after] == "PUNCT" and table.text[after] != ","
        inside = (
            table.text[after] == ","
            and after + 1 < end
            and table.pos[after + 1] in ("VERB", "AUX", "ADV")
        )  # the clause goes on after it ("..., was planned"), not a list ("..., one million")
        if table.text[first - 1] != "," or not (inside or last):
            continue  # set off on both sides, or running to the full stop
        if table.dep[head] == "relcl" and table.lower[first] not in _RELATIVE_PRONOUNS:
            continue
        part = range(first - 1, after if last else after + 1)
        if table.dep[head] == "appos" and any(
            table.text[i] in (",", ";") or table.lower[i] in ("and", "or")
            for i in range(first, after)
        ):
            continue  # ", 1.6 million liters of water, and generators": a list, read as an aside
        if sum(1 for i in part if table.pos[i] not in ("PUNCT", "SPACE")) < 2:
            continue  # ", 1." is a number cut off, not an aside
        if gap is not None and gap[0] <= after and gap[1] > first - 1:
            continue
        if any(
            table.lower[i] in _NEGATIONS
            or i in replacements
            or table.text[i] in ('"', "“", "”")
            or ((m := article.mention_at.get(i)) is not None and m.cls.startswith("date"))
            for i in part
        ):
            continue
        dropped.update(part)
        words -= sum(1 for i in part if table.pos[i] not in ("PUNCT", "SPACE"))
    return dropped


def _opening(article: ArticleDoc, sentence: Sentence) -> tuple[int, int, tuple[str, ...]] | None:
    """Where a sentence's statement starts and ends once a leading connective is dropped, and
    whether it can stand alone at all (worked out once per sentence)."""
    return article.once(("opening", sentence.index), lambda: _read_opening(article, sentence))


def _read_opening(article: ArticleDoc, sentence: Sentence):
    table = article.tokens
    start, end = sentence.start, sentence.end
    changes: list[str] = []
    while start < end and (
        table.pos[start] in ("PUNCT", "SYM") and table.text[start] not in ('"', "”", "“")
    ):
        start += 1
    if start < end and table.lower[start] in SEQUENCE_ADVERBS and table.dep[start] == "advmod":
        return None
    if start < end and table.pos[start] == "CCONJ":
        start += 1
        changes.append("connective")
    elif start + 1 < end and table.lower[start] in CONNECTIVES and table.text[start + 1] == ",":
        start += 2
        changes.append("connective")
    elif start + 1 < end and table.lower[start] == "then" and table.text[start + 1][:1].isupper():
        start += 1  # "Then England opened the scoring": what follows holds without "then"
        changes.append("connective")
    elif (linked := _linking_phrase(article, start, end)) is not None:
        start = linked  # "As a result, Ecuador sent troops": what follows holds without it
        changes.append("connective")
    if start >= end or not is_clause(article, start, end) or not _clean_start(article, sentence):
        return None
    if table.tag[start] in ("VB", "VBD", "VBZ", "VBP") or table.lower[start] == "following":
        return None  # "Said that ...", "Achieve a just peace": no subject; "The following is"
    if start + 1 < end and table.lower[start] == "the" and table.lower[start + 1] == "following":
        return None
    if _shouted(article, start, end) or _title_case(article, start, end):
        return None
    if _sloppy(article, start, end) or _vague_subject(article, sentence):
        return None
    if _verb_read_as_noun(article, start, end):
        return None
    if any(table.lower[i] in CONTRASTS and table.dep[i] == "advmod" for i in range(start + 1, end)):
        return None  # "The crowds can be avoided however by ...": set against the sentence before
    return start, end, tuple(changes)


def _linking_phrase(article: ArticleDoc, start: int, end: int) -> int | None:
    """Where the sentence goes on after a fronted phrase that only links it to the one before: a
    preposition and a bare common noun, with at most "a" between, then a comma ("As a result,",
    "In response,", "In addition,"); None when it does not open so."""
    table = article.tokens
    words = 3 if start + 2 < end and table.lower[start + 1] == "a" else 2
    noun, comma = start + words - 1, start + words
    if comma >= end or table.text[comma] != "," or table.pos[start] != "ADP":
        return None
    if table.tag[noun] != "NN" or table.dep[noun] != "pobj" or table.head[noun] != start:
        return None
    return comma + 1


#: Conjunctions joining two clauses each of which holds on its own.
_CLAUSE_JOINERS = frozenset({"and", "but", "while", "whereas"})


def _split(
    article: ArticleDoc, root: int, start: int, end: int, gap: tuple[int, int]
) -> tuple[int, int, int] | None:
    """The one of two joined clauses that holds the gap, as (start, end, its verb), when a long
    sentence joins two whole clauses, each with its own subject ("A signed X, and B signed Y"):
    either holds without the other. None when the sentence is not built so."""
    table = article.tokens
    final = end - 1 if table.pos[end - 1] == "PUNCT" else end
    for second in table.rights(root):
        if table.dep[second] != "conj" or table.pos[second] not in ("VERB", "AUX"):
            continue
        first_word, after = table.span(second)
        if after < final or first_word >= final:
            continue
        subjects = [c for c in table.lefts(second) if table.dep[c] in ("nsubj", "nsubjpass")]
        if not subjects or table.span(subjects[0])[0] != first_word:
            continue  # "... and then B ...", "... and signed ...": it leans on the first clause
        joiners = [
            c for c in table.children(root) if root < c < first_word and table.dep[c] == "cc"
        ]
        if len(joiners) != 1 or table.lower[joiners[0]] not in _CLAUSE_JOINERS:
            continue
        cut = joiners[0]
        if any(
            table.dep[c] == "conj" and table.pos[c] in ("VERB", "AUX")
            for c in table.children(root)
            if c != second
        ):
            return None  # "A, B, and C": the first part would be two clauses joined by a comma
        if any(
            table.dep[c] in ("ccomp", "parataxis") and table.text[table.span(c)[1]] == ","
            for c in table.lefts(root)
        ):
            return None  # the same, read as "A, [root B], and C"
        if cut > start and table.text[cut - 1] in (",", ";"):
            cut -= 1
        if gap[0] >= first_word and gap[1] <= final:
            if not _named_subject(article, subjects[0]):
                return None  # "..., and the two sides signed": which sides the first clause said
            if _leans_back(article, first_word, final) or _echoes(
                article, start, cut, first_word, final
            ):
                return None  # "..., and the navy saved 200 more": more than the first clause's
            if all(
                first_word <= table.head[i] < end or i == second or table.pos[i] == "PUNCT"
                for i in range(first_word, end)
            ):
                return first_word, end, second
        elif gap[1] <= cut and _closed(article, start, cut, root):
            return start, cut, root
        return None
    return None


#: Words by which a clause adds to what another said ("saved 200 more", "also signed").
_ADDING_WORDS = frozenset(
    "more fewer less also too again instead either likewise similarly other another else".split()
)


def _leans_back(article: ArticleDoc, start: int, end: int) -> bool:
    """Tokens ``start:end`` add to something said before them ("200 more", "also"), other than
    a comparison they make themselves ("more than 20"), or point back to it ("it", "they")."""
    table = article.tokens
    lower = table.lower
    return any(
        lower[i] in _ADDING_WORDS
        and not (i + 1 < end and lower[i + 1] == "than")
        or lower[i] in OTHER_PRONOUNS
        and table.pos[i] == "PRON"  # "concerns they would stay": the team the first clause named
        for i in range(start, end)
    )


def _echoes(article: ArticleDoc, start: int, cut: int, second: int, end: int) -> bool:
    """The second clause (``second:end``) holds a passive verb with no "by" of its own that the
    first (``start:cut``) also uses ("nations covered by the travel ban, but teams ..., which
    are covered"): it means what the first clause said."""
    table = article.tokens
    first_lemmas = {table.lemma[i].lower() for i in range(start, cut) if table.pos[i] == "VERB"}
    return any(
        table.pos[i] == "VERB"
        and table.lemma[i].lower() in first_lemmas
        and any(table.dep[c] == "auxpass" for c in table.children(i))
        and not any(table.dep[c] == "agent" for c in table.children(i))
        for i in range(second, end)
    )


def _named_subject(article: ArticleDoc, subject: int) -> bool:
    """A subject that says whom it means on its own: it holds a name, or it is a pronoun (which
    stands only when it resolves to one person)."""
    table = article.tokens
    if table.pos[subject] == "PRON":
        return table.lower[subject] in PERSON_PRONOUNS  # "it", "they": what the first clause said
    first, after = table.span(subject)
    return any(
        table.pos[i] == "PROPN"
        or (m := article.mention_at.get(i)) is not None
        and not m.cls.startswith("number:")
        for i in range(first, after)
    )  # "the two sides": a number says how many, not who


def _trim(
    article: ArticleDoc, root: int, start: int, end: int, gap: tuple[int, int] | None
) -> tuple[int, int, list[str]]:
    """Drop a whole trailing clause or fronted phrase of a long sentence, outside the gap."""
    table = article.tokens
    changes = []
    if _words(article, start, end) <= TRIM_ABOVE_WORDS:
        return start, end, changes
    final = end - 1 if table.pos[end - 1] == "PUNCT" else end
    for i in table.rights(root):
        if i <= root or table.dep[i] not in _TAIL_DEPS or i >= final:
            continue
        if not _detachable_tail(article, i):
            continue
        comma = table.span(i)[0] - 1
        if comma < start or table.text[comma] != ",":
            continue
        if table.span(i)[1] < final:
            continue
        if gap is not None and gap[1] > comma:
            continue
        if _has_negation_link(article, comma, final):
            continue
        if not _closed(article, start, comma, root):
            continue
        end = comma
        changes.append("trimmed-tail")
        break
    if _words(article, start, end) > TRIM_ABOVE_WORDS:
        for i in table.lefts(root):
            if table.dep[i] not in _HEAD_DEPS:
                continue
            first, after = table.span(i)
            last = after - 1
            if first != start or last + 1 >= root or table.text[last + 1] != ",":
                continue
            if gap is not None and gap[0] <= last + 1:
                continue
            if any(table.lower[t] in _NEGATIONS for t in range(first, last + 1)):
                continue
            if any(
                (m := article.mention_at.get(t)) is not None and m.cls.startswith("date")
                for t in range(first, last + 1)
            ):
                continue
            if not _closed(article, last + 2, end, root):
                continue
            if any(
                (m := article.mention_at.get(t)) is not None and not m.cls.startswith("number:")
                for t in range(first, last + 1)
            ):
                continue  # "Through Artemis, ...", "According to Yonhap, ...": it names something
            start = last + 2
            changes.append("trimmed-head")
            break
    return start, end, changes


_SENTENCE_BEFORE = frozenset('.!?"”’):;')


def _clean_start(article: ArticleDoc, sentence: Sentence) -> bool:
    """The sentence starts where one ends and ends where the next begins (or at a paragraph):
    the parser did not cut a sentence in two ("... and James. Tien was ...", "... Minister of
    Foreign Affairs | Marta Ramírez signed ...")."""
    text = article.text
    before = _last_char_before(text, sentence.start_char)
    if before and before != "\n" and before not in _SENTENCE_BEFORE:
        return False
    if text[sentence.start_char : sentence.start_char + 1].islower():
        return False
    after = _first_char_from(text, sentence.end_char)
    if not after or after == "\n":
        return True
    cut = text[sentence.end_char : sentence.end_char + 1].isdigit()
    if cut and text[sentence.end_char - 2 : sentence.end_char - 1].isdigit():
        return False  # "... one million meals, 1." + "5 million liters": a number cut in two
    return not after.islower() and _last_char_before(text, sentence.end_char) in _SENTENCE_BEFORE


def _last_char_before(text: str, index: int) -> str:
    """The last character before ``index`` that is not a space or tab ("" at the start), read
    in place: copying all the text before each sentence costs as much as the article."""
    while index > 0 and text[index - 1] in " \t":
        index -= 1
    return text[index - 1] if index > 0 else ""


def _first_char_from(text: str, index: int) -> str:
    """The first character from ``index`` on that is not a space or tab ("" at the end)."""
    while index < len(text) and text[index] in " \t":
        index += 1
    return text[index : index + 1]


def _shouted(article: ArticleDoc, start: int, end: int) -> bool:
    """Two capitalised words in a row of five letters or more: a heading run into the sentence."""
    run = 0
    for i in range(start, end):
        word = article.tokens.text[i]
        run = run + 1 if word.isalpha() and word.isupper() and len(word) >= 5 else 0
        if run >= 2:
            return True
    return False


def raw_statement(
    article: ArticleDoc, sentence: Sentence, gap: tuple[int, int], strict: bool = True
) -> Statement | None:
    """The sentence exactly as written, with ``gap`` located in it, for a teacher to look at
    among further candidates when it cannot stand alone (a pronoun, a demonstrative, its
    length). None for one half of a sentence the parser cut in two and, when ``strict``, for a
    caption, a headline, a sentence that is mostly quotation or a gap inside a quotation."""
    start, end = sentence.start, sentence.end
    if not start <= gap[0] < gap[1] <= end or not _clean_start(article, sentence):
        return None
    if strict and not is_clause(article, start, end):
        return None
    quoted = sum(1 for i in range(start, end) if article.token_in_quote(i))
    if strict and (quoted * 2 > end - start or article.token_in_quote(gap[0])):
        return None
    return _render(
        article,
        list(range(start, end)),
        {},
        gap,
        ("as written",),
        False,
        MAX_WRITTEN_WORDS,
        enclose=not strict,
    )


def _scan(article: ArticleDoc, start: int, end: int):
    """Pronouns and pointing words of tokens ``start:end``, read once per range: the names that
    replace pronouns, whether a relative time is named, and the changes made; None when the
    words lean on the text around them."""
    return article.once(("scan", start, end), lambda: _scan_range(article, start, end))


def _scan_range(article: ArticleDoc, start: int, end: int):
    table = article.tokens
    kept = range(start, end)
    replacements: dict[int, str] = {}
    relative = False
    changes: list[str] = []
    for index in kept:
        if article.token_in_quote(index):
            continue
        lower = table.lower[index]
        if lower in PERSON_PRONOUNS or lower in OTHER_PRONOUNS:
            if table.pos[index] != "PRON":
                continue
            need, person = resolve_pronoun(article, index)
            if need == "unresolved":
                return None
            if need == "person":
                possessive = table.tag[index] == "PRP$" or lower in ("his", "hers")
                replacements[index] = person.name + ("’s" if possessive else "")
                changes.append("pronoun")
        elif lower in DEMONSTRATIVES and table.tag[index] == "DT":
            noun = table.head[index]
            if table.dep[index] == "det" and table.lemma[noun].lower() in TIME_UNITS:
                relative = True
            else:
                return None
        elif lower in ("former", "latter") and index > start and table.lower[index - 1] == "the":
            return None
        elif (
            lower == "following"
            and table.dep[index] == "amod"
            and (table.lemma[table.head[index]].lower() not in TIME_UNITS)
        ):
            return None  # "the following statement" points at text the quiz does not show
        elif (
            lower == "such"
            and table.dep[index] in ("amod", "predet")
            and not _such_as(article, index)
        ):
            return None  # "one such accident" points back
        elif lower in _FIRST_PERSON and table.pos[index] == "PRON":
            return None  # "we", "our": the writer, whom the statement does not name
        elif lower == "other" and index > start and table.lower[index - 1] == "the":
            return None  # "the other two" points back
        elif lower in ("other", "another") and index == start:
            return None  # "Other pro-Beijing candidates elected were ...": others than whom?
        elif lower == "same" and same_points_back(article, index, start):
            return None  # "made the same claim" points back; "the same day as ..." does not
        elif lower == "so" and index > start and table.lower[index - 1] == "doing":
            return None  # "by doing so" points back
        elif lower in _RELATIVE_DAYS and table.dep[index] != "amod" or lower == "ago":
            relative = True
    if len(replacements) > 1:
        return None
    return replacements, relative, changes


def same_points_back(article: ArticleDoc, index: int, start: int) -> bool:
    """ "the same" at ``index`` points back ("made the same claim"), unless "as" says to what
    ("the same day as ...")."""
    table = article.tokens
    return (
        index > start
        and table.lower[index - 1] == "the"
        and "as" not in table.lower[index + 1 : index + 5]
    )


def _detachable_tail(article: ArticleDoc, head: int) -> bool:
    """A trailing part that only adds to a finished clause: a participle (", adding that ...",
    ", noting ...") or an attribution (", according to ...")."""
    table = article.tokens
    first = table.span(head)[0]
    return (table.tag[head] == "VBG" and first == head) or table.lower[first] == "according"


def _such_as(article: ArticleDoc, index: int) -> bool:
    """ "such ... as" gives its own examples."""
    following = article.tokens.lower[index + 1 : index + 5]
    return "as" in following


_QUANTIFIER_SUBJECTS = frozenset(
    "most some many all others both several few each either neither".split()
)


def _vague_subject(article: ArticleDoc, sentence: Sentence) -> bool:
    """The subject of the sentence, or of what it reports ("said the suggestion was ..."),
    only points back: a bare "the request", "the region", "the match", or a quantifier standing
    alone ("Most were Indonesians")."""
    table = article.tokens
    clauses = [sentence.root]
    clauses += [c for c in table.children(sentence.root) if table.dep[c] == "ccomp"]
    subjects = [
        child
        for clause in clauses
        for child in table.children(clause)
        if table.dep[child] in ("nsubj", "nsubjpass")
    ]
    reported = set(subjects) - set(table.children(sentence.root))
    for child in subjects:
        if child in reported and article.first_noun.get(table.lemma[child].lower(), child) < child:
            continue  # "said the bridge cost ...": a bridge the article has already spoken of
        if _vague_noun(article, child, _names_something(article, sentence)):
            return True
    return False


def _vague_noun(article: ArticleDoc, child: int, names_something: bool) -> bool:
    """A subject that only points back: a quantifier or a share standing alone ("Most were ...",
    "40 percent agreed ...") or a bare "the region"; a plural ("The delegations ...") only
    when the sentence names nothing."""
    table = article.tokens
    below = table.children(child)
    if table.lower[child] in _QUANTIFIER_SUBJECTS and not below:
        return True
    if (
        table.ent_type[child] == "PERCENT"
        and table.left_edge[child] == article.sentence_of(child).start
        and not any(table.dep[c] == "prep" and table.lower[c] == "of" for c in below)
    ):
        return True  # "40 percent agreed ...": of whom, the sentence does not say
    modifiers = [
        c for c in below if table.dep[c] != "det" and not _ordinal(table, c)
    ]  # "The first case is ...": the first of what the sentence before spoke of
    dets = [c for c in below if table.dep[c] == "det"]
    return (
        table.pos[child] == "NOUN"
        and not modifiers
        and bool(dets)
        and table.lower[dets[0]] in ("the", "this", "that")
        and (table.tag[child] == "NN" or not names_something)
    )


def _ordinal(table, token: int) -> bool:
    """An ordinal, whatever the recogniser made of it ("first" read into a date): a word spaCy's
    English lexicon takes for a number that is no cardinal ("first", "twentieth", "3rd")."""
    word = table.lower[token]
    return table.ent_type[token] == "ORDINAL" or (like_num(word) and number_value(word) is None)


def _names_something(article: ArticleDoc, sentence: Sentence) -> bool:
    """The sentence names a person, place, organisation or date."""
    return any(
        not m.cls.startswith("number:")
        for m in article.mentions_by_sentence.get(sentence.index, ())
    )


def _sloppy(article: ArticleDoc, start: int, end: int) -> bool:
    """Marks of a garbled source: an elision ("[...]", "..."), a word cut after a hyphen
    ("claim- ", not "low- and middle-income"), a currency sign apart from its number ("$ 50"),
    or a lone common word capitalised inside the sentence that the article writes in lower case
    elsewhere."""
    table = article.tokens
    for i in range(start, end):
        word = table.text[i]
        if word in ("[", "]", "...", "…") or "[" in word:
            return True
        if word.endswith("-") and len(word) > 1 and table.space[i]:
            if not (i + 1 < end and table.lower[i + 1] in ("and", "or", "to")):
                return True  # but "low- and middle-income" hangs its hyphen on purpose
        if word in ("$", "€", "£") and table.space[i]:
            return True
        if (
            i > start
            and word[:1].isupper()
            and word[1:].islower()
            and table.pos[i] in ("NOUN", "VERB", "ADJ")
            and article.mention_at.get(i) is None
            and table.text[i - 1] not in (":", '"', "“", "(", "-", "–")
            and not article.token_in_quote(i)
            and word.lower() in article.lower_words
            and not _capitalised(table.text[i - 1])
            and not (i + 1 < end and _capitalised(table.text[i + 1]))
        ):
            return True  # "the Court has ruled" where the article writes "court" elsewhere
    return False


def _verb_read_as_noun(article: ArticleDoc, start: int, end: int) -> bool:
    """A finite verb in a noun's place, or a subject hanging from a noun ("Myanmar is mainly
    Buddhist and the United Nations rates ..." parsed with "rates" the complement of "is"): the
    parse is wrong, and a statement or question built on it would come out garbled."""
    table = article.tokens
    return any(
        table.tag[i] in _FINITE
        and table.dep[i] in _NOUN_DEPS
        or table.dep[i] in ("nsubj", "nsubjpass")
        and table.pos[table.head[i]] in ("NOUN", "PROPN")
        for i in range(start, end)
    )


def _capitalised(word: str) -> bool:
    return word[:1].isupper()


def _title_case(article: ArticleDoc, start: int, end: int) -> bool:
    """Most longer words other than names capitalised: a headline, not a sentence."""
    table = article.tokens
    words = [
        table.text[i]
        for i in range(start, end)
        if table.text[i].isalpha() and len(table.text[i]) >= 4 and table.pos[i] != "PROPN"
    ]
    return len(words) >= 3 and sum(w[0].isupper() for w in words) >= 0.7 * len(words)


def _closed(article: ArticleDoc, start: int, end: int, root: int) -> bool:
    """Every kept token hangs from a kept token: only whole phrases were cut away."""
    heads = article.tokens.head
    return all(start <= heads[i] < end or i == root for i in range(start, end))


def _has_negation_link(article: ArticleDoc, start: int, end: int) -> bool:
    """A dropped tail may not hold a negation (it could be what the kept part rests on)."""
    return any(article.tokens.lower[i] in _NEGATIONS for i in range(start, end))


def _words(article: ArticleDoc, start: int, end: int) -> int:
    """The words (not punctuation or space) of tokens ``start:end``, counted once per range."""
    pos = article.tokens.pos
    return article.once(
        ("words", start, end),
        lambda: sum(1 for i in range(start, end) if pos[i] not in ("PUNCT", "SPACE")),
    )


def _render(
    article: ArticleDoc,
    kept: list[int],
    replacements: dict[int, str],
    gap: tuple[int, int] | None,
    changes: tuple[str, ...],
    relative: bool,
    limit: int = MAX_WORDS,
    enclose: bool = False,
) -> Statement | None:
    """The statement of tokens ``kept`` with the gap located in it, of ``limit`` words at most
    (the text is laid out once per range of tokens, the gap found by token position); with
    ``enclose``, a quotation the sentence opens or closes but does not hold whole is closed or
    opened at its end or start."""
    first, last = kept[0], kept[-1]
    skipped: tuple[int, ...] = ()
    if len(kept) < last - first + 1:  # ``kept`` is ascending: as long as its range, it skips none
        skipped = tuple(sorted(set(range(first, last + 1)).difference(kept)))
    layout = _layout(
        article,
        first,
        last + 1,
        tuple(sorted(replacements.items())),
        skipped,
        limit,
        enclose,
    )
    if layout is None:
        return None
    text, starts, ends, negated = layout
    gap_start = gap_end = -1
    if gap is not None:
        gap_start, gap_end = starts.get(gap[0], -1), ends.get(gap[1] - 1, -1)
        if gap_start < 0 or gap_end < 0:
            return None
    return Statement(
        text,
        gap_start,
        gap_end,
        changes,
        relative,
        tuple(kept),
        tuple(replacements.items()),
        negated,
    )


def _layout(
    article: ArticleDoc,
    start: int,
    end: int,
    replacements: tuple[tuple[int, str], ...],
    skipped: tuple[int, ...] = (),
    limit: int = MAX_WORDS,
    enclose: bool = False,
) -> tuple[str, dict[int, int], dict[int, int], bool] | None:
    """Tokens ``start:end`` but ``skipped`` as one line of text (runs of white space made one
    space, the first letter a capital, a full stop at the end), where each token starts and
    ends in it, and whether it holds a negation; None when quotation marks do not pair up (with
    ``enclose``: once ``_enclosed``) or it is longer than ``limit`` words."""
    key = ("layout", start, end, replacements, skipped, limit, enclose)
    return article.once(
        key, lambda: _read_layout(article, start, end, replacements, skipped, limit, enclose)
    )


#: Quotation marks that open a quotation, and the mark that closes each.
_PAIRED_QUOTES = {'"': '"', "“": "”"}


def _enclosed(text: str) -> tuple[str, int]:
    """A sentence of a quotation that runs on past it, with the quotation closed at its end
    (``"Pollution fell by a quarter ...`` + ``"``), or one that runs on from before it opened at
    its start: the text and how far the words moved right."""
    marks = [ch for ch in text if ch in '"“”']
    if marks and marks[0] in _PAIRED_QUOTES and text.startswith(marks[0]):
        return text.rstrip() + _PAIRED_QUOTES[marks[0]], 0
    closing = {close: open_ for open_, close in _PAIRED_QUOTES.items()}
    if marks and marks[-1] in closing and text.rstrip(" .!?,").endswith(marks[-1]):
        return closing[marks[-1]] + text, 1
    return text, 0


def _read_layout(
    article: ArticleDoc,
    start: int,
    end: int,
    replacements: tuple[tuple[int, str], ...],
    skipped: tuple[int, ...],
    limit: int,
    enclose: bool = False,
) -> tuple[str, dict[int, int], dict[int, int], bool] | None:
    table = article.tokens
    replaced = dict(replacements)
    left_out = frozenset(skipped)
    parts: list[str] = []
    starts: dict[int, int] = {}
    ends: dict[int, int] = {}
    length = 0
    for index in range(start, end):
        if index in left_out:
            continue
        if (
            index - 1 in left_out
            and parts
            and not parts[-1].endswith(" ")
            and table.pos[index] != "PUNCT"
        ):
            parts.append(" ")  # words were taken out before this one
            length += 1
        word = replaced.get(index, table.text[index])
        if not word.strip():
            if parts and not parts[-1].endswith(" "):
                parts.append(" ")
                length += 1
            continue
        starts[index] = length
        parts.append(word)
        length += len(word)
        ends[index] = length
        if table.space[index] and index + 1 < end:
            parts.append(" ")
            length += 1
    text = "".join(parts).rstrip()
    found = None
    if enclose and sum(text.count(q) for q in '"“”') % 2:
        text, moved = _enclosed(text)
        starts = {token: at + moved for token, at in starts.items()}
        ends = {token: at + moved for token, at in ends.items()}
    if text and sum(text.count(q) for q in '"“”') % 2 == 0:
        if text[0].islower():
            text = text[0].upper() + text[1:]
        if text.rstrip("".join(_CLOSERS) + "’")[-1:] not in (".", "!", "?"):
            text = text.rstrip(" ,;:–-") + "."
        if len(text.split()) <= limit:
            negated = any(
                (table.dep[i] == "neg" or table.lower[i] in _NEGATING_WORDS)
                and not article.token_in_quote(i)
                for i in range(start, end)
                if i not in left_out
            )
            found = (text, starts, ends, negated)
    return found
