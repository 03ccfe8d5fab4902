"""The parsed article every fact extractor reads: sentences, typed mentions, people and quotes.

``ArticleDoc`` reads the spaCy ``Doc`` of each paragraph once into plain lists for the whole
text (token attributes are slow to reach through spaCy's objects) and answers the questions
extractors ask: which sentence holds a token, whether a character lies in quotation marks,
which typed mentions a sentence has, and who a person mention is.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from functools import cached_property
from typing import TYPE_CHECKING, Any

from spacy.lang.en.stop_words import STOP_WORDS

from question_bank.facts.classes import country_name, date_class, mention_class
from question_bank.facts.people import PeopleIndex, build_people
from question_bank.model import ArticleMeta

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

    from question_bank.nlp import LemmaTables

_QUOTES = re.compile(r"[\"“”]([^\"“”]{1,3000}?)[\"“”]")
_WORD_RUN = re.compile(r"[^\W_]+")


def _leading_run(text: str, offset: int) -> int:
    """How far into a token its first run of letters or digits starts."""
    found = _WORD_RUN.search(text, offset)
    return found.start() - offset if found else 0


_NUMBER_LABELS = frozenset({"CARDINAL", "MONEY", "PERCENT", "QUANTITY"})
_INITIAL = re.compile(r"^[A-Z]\.$")
#: An ordinal written in figures ("30th", "126th").
ORDINAL_FIGURES = re.compile(r"^\d+(?:st|nd|rd|th)$")
#: Entity labels that never make a mention (no class an item could ask about).
_SKIPPED_LABELS = frozenset({"ORDINAL", "TIME", "LANGUAGE"})
#: Labels of names of things (not places, people or dates) that "of"/"on"/"for" may join into one.
_NAMED_THINGS = frozenset({"ORG", "LAW", "EVENT", "WORK_OF_ART"})
_NAME_JOINS = frozenset({"on", "of", "for"})


@dataclass(frozen=True)
class Sentence:
    """One sentence: its token range, characters and paragraph number."""

    index: int
    start: int  # first token
    end: int  # one past the last token
    start_char: int
    end_char: int
    paragraph: int
    root: int


def _before_open_bracket(table, start: int, end: int) -> int:
    """Where a name ends that the parser ran into a bracket it does not close ("World Health
    Organisation (WHO"): before that bracket."""
    for i in range(end - 1, start, -1):
        if table.text[i] == ")":
            return end
        if table.text[i] == "(":
            return i
    return end


@dataclass(frozen=True)
class Mention:
    """A typed entity mention: tokens ``start:end`` of sentence ``sentence``.

    ``cls`` is its answer class (``facts.classes``); ``whole`` is False when the recogniser cut a
    longer name (the neighbouring token is a proper noun of the same phrase), so the mention is
    not a whole constituent and is never asked about.
    """

    start: int
    end: int
    text: str
    label: str
    cls: str
    sentence: int
    whole: bool


@dataclass(frozen=True)
class Tokens:
    """Token attributes of the document as plain lists."""

    text: list[str]
    lower: list[str]
    lemma: list[str]
    pos: list[str]
    tag: list[str]
    dep: list[str]
    head: list[int]
    idx: list[int]
    space: list[str]
    left_edge: list[int]
    right_edge: list[int]
    ent_type: list[str]

    @classmethod
    def from_docs(cls, docs: Sequence[Doc], origins: Sequence[tuple[int, int]]) -> Tokens:
        """Read every token of the parts once, numbered and placed as in their joined text
        (``origins``: each part's first token and character there), as arrays: going through
        spaCy's token objects costs more than the rest of reading."""
        from spacy.attrs import DEP, ENT_TYPE, HEAD, IDX, LEMMA, LOWER, ORTH, POS, SPACY, TAG
        from spacy.parts_of_speech import NAMES

        names: dict[int, str] = {}
        columns: list[list] = [[] for _ in range(12)]
        text, lower, lemma, pos, tag, dep, head, idx, space, _, _, ent_type = columns
        for doc, (first, offset) in zip(docs, origins, strict=True):
            strings = doc.vocab.strings
            array = doc.to_array([ORTH, LOWER, LEMMA, TAG, DEP, ENT_TYPE, POS, IDX, SPACY])
            for column, values in zip(
                (text, lower, lemma, tag, dep, ent_type), array[:, :6].T.tolist(), strict=True
            ):
                for value in values:
                    if value not in names:
                        names[value] = strings[value] if value else ""
                    column.append(names[value])
            pos.extend(NAMES[value] for value in array[:, 6].tolist())
            idx.extend(value + offset for value in array[:, 7].tolist())
            space.extend(" " if value else "" for value in array[:, 8].tolist())
            heads = doc.to_array([HEAD]).astype("int64").tolist()
            head.extend(i + first + step for i, step in enumerate(heads))
        columns[9], columns[10] = _subtree_edges(head)
        return cls(*columns)

    @cached_property
    def _children(self) -> list[list[int]]:
        children: list[list[int]] = [[] for _ in self.text]
        for token, head in enumerate(self.head):
            if head != token:
                children[head].append(token)
        return children

    def children(self, token: int) -> list[int]:
        """The tokens that hang from ``token``, in text order."""
        return self._children[token]

    def lefts(self, token: int) -> list[int]:
        """Children before the token."""
        return [c for c in self._children[token] if c < token]

    def rights(self, token: int) -> list[int]:
        """Children after the token."""
        return [c for c in self._children[token] if c > token]

    def span(self, token: int) -> tuple[int, int]:
        """The token range of the token's subtree."""
        return self.left_edge[token], self.right_edge[token] + 1

    def __len__(self) -> int:
        return len(self.text)


def _running_total(sizes: Iterable[int]) -> list[int]:
    """Where each part starts when parts of these sizes follow one another from 0."""
    starts, total = [], 0
    for size in sizes:
        starts.append(total)
        total += size
    return starts


def _subtree_edges(head: list[int]) -> tuple[list[int], list[int]]:
    """The first and last token of each token's subtree, from every token's head (a root is
    its own head)."""
    left, right = list(range(len(head))), list(range(len(head)))
    for token in range(len(head)):
        node = token
        for _ in head:  # a parse is a tree; the bound only guards against a malformed one
            if head[node] == node:
                break
            node = head[node]
            if token < left[node]:
                left[node] = token
            elif token > right[node]:
                right[node] = token
    return left, right


class ArticleDoc:
    """One parsed article and what every extractor needs to know about it."""

    def __init__(
        self,
        doc: Doc | Sequence[Doc],
        meta: ArticleMeta,
        published: date | None,
        lemma_tables: LemmaTables | None = None,
    ) -> None:
        from spacy.tokens import Doc

        self.docs: tuple[Doc, ...] = (doc,) if isinstance(doc, Doc) else tuple(doc)
        self.lemma_tables = lemma_tables
        #: Values worked out once per article (``once``), by key.
        self.cache: dict[object, Any] = {}
        self.meta = meta
        self.published = published
        texts = [part.text for part in self.docs]  # spaCy joins a Doc's text on every read
        self.text: str = "".join(texts)
        self._origins = list(
            zip(_running_total(map(len, self.docs)), _running_total(map(len, texts)), strict=True)
        )
        self.tokens = Tokens.from_docs(self.docs, self._origins)
        self.sentences = self._read_sentences()
        self._sentence_starts = [s.start for s in self.sentences]
        self.quoted = [(m.start(1), m.end(1)) for m in _QUOTES.finditer(self.text)]
        self._quote_starts = [start for start, _ in self.quoted]
        self.mentions = self._read_mentions()
        self.people: PeopleIndex = build_people(self)

    # --- sentences -------------------------------------------------------------------------

    def _spans(self, spans_of: Callable[[Doc], Iterable[Span]]) -> Iterator[tuple[Span, int, int]]:
        """The spans of every part, each with its part's first token and character in the
        joined text."""
        for doc, (first, offset) in zip(self.docs, self._origins, strict=True):
            for span in spans_of(doc):
                yield span, first, offset

    def _read_sentences(self) -> list[Sentence]:
        sentences = []
        paragraph = 0
        previous_end = 0
        spacing = self.tokens.text
        for span, first, offset in self._spans(lambda doc: doc.sents):
            start_char, end_char = span.start_char + offset, span.end_char + offset
            raw = self.text[start_char:end_char]
            gap = self.text[previous_end:start_char]
            if "\n\n" in gap or "\n" in raw[: len(raw) - len(raw.lstrip())]:
                paragraph += 1
            previous_end = end_char
            stripped = raw.strip()
            if not stripped:
                continue
            lead = len(raw) - len(raw.lstrip())
            start, end = span.start + first, span.end + first
            while start < end and spacing[start].isspace():
                start += 1
            while end > start and spacing[end - 1].isspace():
                end -= 1
            sentences.append(
                Sentence(
                    index=len(sentences),
                    start=start,
                    end=end,
                    start_char=start_char + lead,
                    end_char=start_char + lead + len(stripped),
                    paragraph=paragraph,
                    root=span.root.i + first,
                )
            )
        return sentences

    @cached_property
    def noun_chunks(self) -> list[tuple[int, int]]:
        """The parser's noun phrases as token ranges."""
        return [
            (chunk.start + first, chunk.end + first)
            for chunk, first, _ in self._spans(lambda doc: doc.noun_chunks)
        ]

    def sentence_of(self, token: int) -> Sentence:
        """The sentence holding a token."""
        return self.sentences[max(bisect_right(self._sentence_starts, token) - 1, 0)]

    def sentence_text(self, sentence: Sentence) -> str:
        """A sentence's text with its white space collapsed."""
        return " ".join(self.text[sentence.start_char : sentence.end_char].split())

    def span_text(self, start: int, end: int) -> str:
        """The text of tokens ``start:end`` as written."""
        if start >= end:
            return ""
        first = self.tokens.idx[start]
        last = self.tokens.idx[end - 1] + len(self.tokens.text[end - 1])
        return " ".join(self.text[first:last].split())

    # --- quotation marks -------------------------------------------------------------------

    def in_quote(self, char: int) -> bool:
        """Tell whether a character offset lies inside quotation marks."""
        position = bisect_right(self._quote_starts, char) - 1
        return position >= 0 and char < self.quoted[position][1]

    def quotes_opening(self, start: int, end: int) -> list[tuple[int, int]]:
        """The quotations (character spans inside their marks) that open between two
        character offsets, in order."""
        first = bisect_left(self._quote_starts, start)
        return self.quoted[first : bisect_left(self._quote_starts, end, first)]

    def token_in_quote(self, token: int) -> bool:
        """Tell whether a token lies inside quotation marks."""
        return self._tokens_in_quote[token]

    @cached_property
    def _tokens_in_quote(self) -> list[bool]:
        """Whether each token lies inside quotation marks, read once (many checks ask)."""
        return [self.in_quote(start) for start in self.tokens.idx]

    # --- mentions --------------------------------------------------------------------------

    def _read_mentions(self) -> list[Mention]:
        mentions = []
        table = self.tokens
        for start, end, label in self.entity_spans:
            if label in _SKIPPED_LABELS:
                continue
            while start < end and (
                table.lower[start] in ("the", "a", "an")
                or label in ("ORG", "PERSON", "GPE", "NORP", "FAC", "LOC")
                and not table.text[start][:1].isupper()
            ):
                start += 1
            end = _before_open_bracket(table, start, end)
            while end > start and (table.tag[end - 1] == "POS" or table.pos[end - 1] == "PUNCT"):
                end -= 1
            if label in _NUMBER_LABELS:
                while (
                    start > 0
                    and table.dep[start - 1] in ("quantmod", "advmod")
                    and (start <= table.head[start - 1] < end)
                ):
                    start -= 1  # "more than 10", "nearly 300": the hedge belongs to the number
            while (
                label == "PERSON"
                and end - start > 2
                and table.text[start].lower() in self.lower_words
                and table.text[start][:1].isupper()
            ):
                start += 1  # "Nonpartisan Paul Tse": a word the article also writes in lower case
            if label == "PERSON" and _INITIAL.match(table.text[start]) and start > 0:
                before = table.text[start - 1]
                if table.pos[start - 1] == "PROPN" and before.isalpha() and before[:1].isupper():
                    start -= (
                        1  # a name does not begin with its middle initial ("Antony J. Blinken")
                    )
            if start >= end:
                continue
            named = self._name_after_place(start, end, label)
            if named is not None:  # "Ambassador to [Armenia Lynne Tracy]": the person alone
                start, label = named, "PERSON"
            if label == "DATE":
                end = self._date_before_aside(start, end)
            text = self.span_text(start, end)
            cls = mention_class(self, start, end, label, text)
            if not cls:
                continue
            sentence = self.sentence_of(start).index
            mentions.append(
                Mention(start, end, text, label, cls, sentence, self.whole(start, end, label))
            )
        return mentions

    def _name_after_place(self, start: int, end: int, label: str) -> int | None:
        """Where a person's name starts in a mention read as one with a country before it: a
        country's name, then two or more capitalised words, none a function word or one the
        article writes in lower case, the first not an English common noun ("Ambassador to [the
        United States Lilit Makunts]", "Ambassador to [Armenia Lynne Tracy]"): a post's country
        and the person holding it. None when the mention is not so made. A mention read as a
        person must follow a preposition: a country's name may open a person's own ("Georgia
        Ann Lee")."""
        table = self.tokens
        if label == "PERSON" and (start == 0 or table.tag[start - 1] not in ("IN", "TO")):
            return None
        for lead in range(start + 1, min(start + 4, end - 1)):
            if not country_name(self.span_text(start, lead)):
                continue
            if self.common_noun(table.lower[lead]):
                return None
            if all(
                table.text[i][:1].isupper()
                and table.text[i].replace("-", "").isalpha()
                and table.lower[i] not in self.lower_words
                and table.lower[i] not in STOP_WORDS
                for i in range(lead, end)
            ):
                return lead
            return None
        return None

    def _date_before_aside(self, start: int, end: int) -> int:
        """Where a date read with an aside after its comma ends: "[Friday], day three of the
        fair", "[Yesterday], day two": the part before the comma when it is a day (or one word)
        and the part after it names no date of its own (no figure, no calendar date)."""
        table = self.tokens
        comma = next((i for i in range(start + 1, end - 1) if table.text[i] == ","), None)
        if comma is None:
            return end
        head, aside = self.span_text(start, comma), self.span_text(comma + 1, end)
        if any(ch.isdigit() for ch in aside) or date_class(aside, "") != "date:relative":
            return end
        if comma - start > 1 and date_class(head, "") == "date:relative":
            return end
        return comma

    def whole(self, start: int, end: int, label: str) -> bool:
        """A mention is whole unless the name goes on past it: a capitalised proper noun right
        beside it (a title word before a person's name aside), a hyphen, or a word written
        against it with no space ("6G")."""
        table = self.tokens
        sentence = self.sentence_of(start)
        if table.pos[end - 1] in ("ADP", "CCONJ") and table.text[end - 1].islower():
            return False  # "Joint Statement on [the Treaty ...]", "Coalition to [Defeat ISIS]"
        if start > sentence.start:
            before = start - 1
            joined = not table.space[before] and table.text[before][-1:].isalnum()
            title = label == "PERSON" and self.common_noun(table.lower[before])
            if joined or table.tag[before] == "HYPH":
                return False
            if table.pos[before] in ("PROPN", "ADJ", "NOUN") and (
                table.text[before][:1].isupper() and not title
            ):
                return False  # "Doctor Who [Society of Canada]", "First [Lady]"
            if label == "GPE" and table.text[before] == "," and self._place_in_name_at(start):
                return False  # "University of Tennessee, [Knoxville]"
            if label in _NAMED_THINGS and self.name_came_before(start):
                return False  # "[Treaty on the] Nonproliferation of Nuclear Weapons"
            if ORDINAL_FIGURES.match(table.text[before]) or (
                table.ent_type[before] == "ORDINAL" and table.text[before][:1].isupper()
            ):
                return False  # "501st [Legion]", "First [Lady Melania Trump]"
        if end < sentence.end:
            after = end
            joined = not table.space[end - 1] and table.text[after][:1].isalnum()
            if joined or table.tag[after] == "HYPH":
                return False
            if table.pos[after] == "PROPN" and table.text[after][:1].isupper():
                return False
            if (
                label == "ORG"
                and table.lower[after] in ("and", "&")
                and after + 1 < sentence.end
                and table.text[after + 1][:1].isupper()
                and table.head[after] in range(start, end)
            ):
                return False  # "Union of Rationalist Atheists [and Agnostics]"
            if label == "ORG" and self._place_in_name(start, end, sentence.end):
                return False  # "University of Tennessee[, Knoxville]": the campus is named too
            if label in _NAMED_THINGS and self.name_goes_on(after):
                return False  # "Treaty [on the Nonproliferation of Nuclear Weapons]"
        return True

    def _place_in_name(self, start: int, end: int, stop: int) -> bool:
        """A comma, then a place set beside the name (apposition, not a list): it names which
        one ("University of California, Berkeley")."""
        place = end + 1
        return (
            self.tokens.text[end] == ","
            and place < stop
            and self._place_in_name_at(place)
            and start <= self.tokens.head[place] < end
        )

    def _place_in_name_at(self, place: int) -> bool:
        """The place at ``place`` is set beside an organisation's name before it."""
        table = self.tokens
        head = table.head[place]
        return (
            table.ent_type[place] == "GPE"
            and table.dep[place] in ("appos", "npadvmod")
            and head < place
            and table.ent_type[head] == "ORG"
        )

    def name_goes_on(self, after: int) -> bool:
        """ "on"/"of"/"for" (and "the") at ``after``, then a capitalised word the recogniser read
        as a name of a thing (not a place, person or date): the name before ``after`` goes on
        ("Treaty [on the Nonproliferation of Nuclear Weapons]")."""
        table = self.tokens
        stop = self.sentence_of(after).end
        if table.lower[after] not in _NAME_JOINS:
            return False
        nxt = after + 1
        if nxt < stop and table.lower[nxt] == "the":
            nxt += 1
        return nxt < stop and table.text[nxt][:1].isupper() and table.ent_type[nxt] in _NAMED_THINGS

    def name_came_before(self, start: int) -> bool:
        """The mirror of ``name_goes_on``: a capitalised name of a thing, then "on"/"of"/"for"
        (and "the"), right before ``start`` ("[Treaty on the] Nonproliferation ...")."""
        table = self.tokens
        first = self.sentence_of(start).start
        before = start - 1
        if before >= first and table.lower[before] == "the":
            before -= 1
        if before - 1 < first or table.lower[before] not in _NAME_JOINS:
            return False
        name = before - 1
        return table.text[name][:1].isupper() and table.ent_type[name] in _NAMED_THINGS

    @cached_property
    def lower_text(self) -> str:
        """The article text, case-folded (same length for the scripts news is written in)."""
        folded = self.text.casefold()
        return folded if len(folded) == len(self.text) else self.text.lower()

    @cached_property
    def _by_first_word(self) -> dict[str, list[int]]:
        """Case-folded first run of letters or digits of each token -> where that run starts in
        the text, for each token."""
        index: dict[str, list[int]] = {}
        text = self.lower_text
        for offset, lower in zip(self.tokens.idx, self.tokens.lower, strict=True):
            found = _WORD_RUN.search(lower)
            if found:
                index.setdefault(found.group(0), []).append(offset + _leading_run(text, offset))
        return index

    def once(self, key: object, make: Callable[[], Any]) -> Any:
        """``make()``, worked out the first time ``key`` is asked for and kept with the article
        (values that many facts, items or checks read)."""
        if key not in self.cache:
            self.cache[key] = make()
        return self.cache[key]

    def name_offsets(self, name: str) -> list[int]:
        """Character offsets where ``name`` is written as whole words (case-insensitive; found
        once per name)."""
        return self.once(("name offsets", name), lambda: self._find_name(name))

    def _find_name(self, name: str) -> list[int]:
        folded = name.casefold()
        first = _WORD_RUN.search(folded)
        if first is None or len(folded) != len(name):
            return []
        text = self.lower_text
        found = []
        for run in self._by_first_word.get(first.group(0), ()):
            start = run - first.start()
            if not text.startswith(folded, start):
                continue
            before = text[start - 1] if start > 0 else " "
            after = text[start + len(folded)] if start + len(folded) < len(text) else " "
            if not before.isalnum() and before != "_" and not after.isalnum() and after != "_":
                found.append(start)
        return found

    @cached_property
    def _sentence_chars(self) -> list[int]:
        return [s.start_char for s in self.sentences]

    def sentence_at_char(self, char: int) -> int:
        """The index of the sentence holding a character offset."""
        return max(bisect_right(self._sentence_chars, char) - 1, 0)

    @cached_property
    def first_noun(self) -> dict[str, int]:
        """Lower-case noun lemma -> the first token where the article uses it."""
        first: dict[str, int] = {}
        for index, (pos, lemma) in enumerate(zip(self.tokens.pos, self.tokens.lemma, strict=True)):
            if pos == "NOUN":
                first.setdefault(lemma.lower(), index)
        return first

    @cached_property
    def lower_words(self) -> frozenset[str]:
        """Words the article writes in lower case somewhere."""
        return frozenset(word for word in self.tokens.text if word.islower())

    def common_noun(self, word: str) -> bool:
        """Whether a word (lower case) is an English common noun in the pipeline's lemma tables
        ("president", "senator"): before a name it is a title, not part of the name."""
        tables = self.lemma_tables
        if tables is None:
            return False
        return word in tables.nouns or word.endswith("s") and word[:-1] in tables.nouns

    def type_word(self, name: str) -> str:
        """The common noun that says what kind of thing a name is ("Democratic Party" -> party,
        "Department of State" -> department), "" for a bare name ("Microsoft"); worked out once
        per name."""
        return self.once(("type word", name), lambda: self._read_type_word(name))

    def _read_type_word(self, name: str) -> str:
        words = name.split()
        if "of" in words:
            words = words[: words.index("of")]
        if len(words) < 2 and "of" not in name.split():
            return ""  # a one-word name ("Columbia") says nothing of what it names
        last = words[-1].lower().strip(".,’'")
        for form in (last, last[:-1] if last.endswith("s") else last):
            if self.common_noun(form) and form not in self._name_words:
                return form
        return ""

    @cached_property
    def _name_words(self) -> frozenset[str]:
        """Words of the article's person names, lower-cased: never a type word."""
        return frozenset(
            word.lower() for m in self.mentions if m.label == "PERSON" for word in m.text.split()
        )

    @cached_property
    def mentions_by_sentence(self) -> dict[int, list[Mention]]:
        """Mentions grouped by sentence index."""
        grouped: dict[int, list[Mention]] = {}
        for mention in self.mentions:
            grouped.setdefault(mention.sentence, []).append(mention)
        return grouped

    @cached_property
    def entity_spans(self) -> list[tuple[int, int, str]]:
        """Every span the recogniser read as a name, date or number, as it read it: (first
        token, end token, label)."""
        return [
            (ent.start + first, ent.end + first, ent.label_)
            for ent, first, _ in self._spans(lambda doc: doc.ents)
        ]

    @cached_property
    def mention_at(self) -> dict[int, Mention]:
        """Token index -> the mention covering it."""
        return {i: m for m in self.mentions for i in range(m.start, m.end)}

    @cached_property
    def word_count(self) -> int:
        """Words in the body, as ``wc -w`` counts them."""
        return len(self.text.split())
