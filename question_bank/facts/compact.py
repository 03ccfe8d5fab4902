"""Cutting a long sentence down to the short clause that holds an answer.

Stems that rest on a 35-word sentence are poor items; a teacher would ask about the clause. Rules:

* a *frame* is the whole sentence, or the subtree of a clause head on the answer's path to the
  root (a ``ccomp``, ``advcl``, ``conj`` or ``relcl`` verb) that has a subject of its own; a
  relative clause takes its antecedent as subject ("the conflict ended in a truce on ...");
* inside a frame, *side parts* that do not hold the answer are dropped, longest first, until the
  frame fits ``MAX_CLAUSE_WORDS``: adverbial and participle clauses, coordinated clauses,
  relative clauses, comma-set openers ("During a ceremony ..., ") and "according to ..." tails;
* the first frame (largest first) that fits wins; otherwise the smallest frame is returned.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from question_bank.facts.tokens import TokenTable

MAX_CLAUSE_WORDS = 26
_FRAME_DEPS = frozenset({"ccomp", "advcl", "conj", "relcl", "ROOT"})
_SIDE_DEPS = frozenset({"advcl", "parataxis", "relcl", "acl", "npadvmod", "intj", "appos"})
_VERBS = frozenset({"VERB", "AUX"})
_SUBJECTS = frozenset({"nsubj", "nsubjpass", "expl"})
_RELATIVES = frozenset({"who", "which", "that", "whom"})
_LEAD_MARKS = frozenset(
    {"that", "because", "while", "although", "as", "and", "but", "so", "whether", "if"}
)
#: Adverbs that open a subordinate clause ("when Yuri Gagarin lifted off").
_LEAD_ADVERBS = frozenset({"when", "where", "whenever", "wherever"})
_QUOTE_MARKS = frozenset({'"', "“", "”"})
_DEMONSTRATIVES = frozenset({"this", "these", "those", "that"})
_KEPT_AT_END = frozenset({'"', "”", "’", ")", "%"})
_WEAK_EDGES = frozenset({",", ";", ":", "and", "but", "or", "–", "—", "-"})
_POINTING_DEPS = ("npadvmod", "prep", "advmod")


def _words(table: TokenTable, tokens: list[int] | set[int]) -> int:
    """Count the words among tokens (``TokenTable.is_word``, inlined: called very often)."""
    punct, space = table.is_punct, table.is_space
    return sum(1 for i in tokens if not punct[i] and not space[i])


def _is_set_off(table: TokenTable, child: int) -> bool:
    """Tell whether a comma stands right before or right after a child's subtree."""
    before, after = table.left[child] - 1, table.right[child] + 1
    return (before >= 0 and table.text[before] == ",") or (
        after < len(table) and table.text[after] == ","
    )


def _is_side(table: TokenTable, child: int, frame_head: int) -> bool:
    """Tell whether a child's subtree may go without breaking the clause (or a hyphenated word)."""
    edge = table.right[child]
    if not table.space[edge] and edge + 1 < len(table) and table.text[edge + 1] == "-":
        return False
    dep = table.dep[child]
    if dep in _SIDE_DEPS:
        return True
    if dep == "conj" and table.pos[child] in _VERBS:
        return True
    if dep in ("prep", "advmod") and table.head[child] == frame_head:
        return _is_set_off(table, child) or table.lower[child] == "according"
    return False


def _frames(
    table: TokenTable, sentence: range, root: int, gap: range
) -> list[tuple[int, list[int]]]:
    """Return (head, extra subject tokens) for each usable frame, largest first."""
    frames: list[tuple[int, list[int]]] = [(root, [])]
    token = gap.start
    chain = []
    while table.head[token] != token and token in sentence:
        token = table.head[token]
        chain.append(token)
    for head in reversed(chain):
        if head == root or table.dep[head] not in _FRAME_DEPS or table.pos[head] not in _VERBS:
            continue
        subject = next((c for c in table.children[head] if table.dep[c] in _SUBJECTS), None)
        if subject is None:
            continue
        if table.lower[subject] in _RELATIVES and table.dep[head] == "relcl":
            parent = table.head[head]
            antecedent = sorted(
                t for t in table.subtree(parent) if table.left[parent] <= t < table.left[head]
            )
            frames.append((head, antecedent))
        elif table.lower[subject] not in _RELATIVES:
            frames.append((head, []))
    return frames


def _is_noun_detail(table: TokenTable, child: int) -> bool:
    """Tell whether a child is a detail of a noun ("of the United States") that may go last."""
    return table.dep[child] in ("prep", "appos", "acl") and table.pos[table.head[child]] in (
        "NOUN",
        "PROPN",
    )


def _prune(table: TokenTable, head: int, kept: set[int], gap: range, limit: int) -> set[int]:
    """Drop side parts (largest first), then noun details, until the frame fits ``limit`` words."""
    sides, details = [], []
    for token in sorted(table.subtree(head)):
        for child in table.children[token]:
            if child not in kept or table.contains(child, gap) or table.cuts_entity(child):
                continue
            if _is_side(table, child, head):
                sides.append(child)
            elif _is_noun_detail(table, child):
                details.append(child)
    sides.sort(key=lambda c: table.left[c] - table.right[c])
    details.sort(key=lambda c: table.left[c] - table.right[c])
    count = _words(table, kept)
    for side in sides + details:
        if count <= limit:
            break
        if side in kept:
            dropped = (table.subtree(side) | _commas_around(table, side)) & kept
            count -= _words(table, dropped)
            kept -= dropped
    return kept


def _commas_around(table: TokenTable, side: int) -> set[int]:
    """The comma before a dropped part (or, when none, the one after it)."""
    before, after = table.left[side] - 1, table.right[side] + 1
    if before >= 0 and table.text[before] == ",":
        return {before}
    return {after} if after < len(table) and table.text[after] == "," else set()


def _is_lead_mark(table: TokenTable, index: int) -> bool:
    """A conjunction or clause mark left at the front ("and", "that", "when" of a cut clause)."""
    return table.text[index] in _WEAK_EDGES or (
        table.lower[index] in _LEAD_MARKS
        and table.dep[index] in ("mark", "cc")
        or table.lower[index] in _LEAD_ADVERBS
        and table.dep[index] == "advmod"
    )


def _is_loose_end(table: TokenTable, index: int) -> bool:
    return table.text[index] in _WEAK_EDGES or (
        table.is_punct[index] and table.text[index] not in _KEPT_AT_END
    )


def _tidy(table: TokenTable, tokens: list[int]) -> list[int]:
    """Drop dangling punctuation, conjunctions and marks left at the edges or doubled."""
    text = table.text
    cleaned: list[int] = []
    for token in tokens:
        if table.is_space[token]:
            continue
        if cleaned and text[token] in _WEAK_EDGES and text[cleaned[-1]] in _WEAK_EDGES:
            continue
        if cleaned and text[token] == ")" and text[cleaned[-1]] == "(":
            cleaned.pop()
            continue
        cleaned.append(token)
    first = 0
    while first < len(cleaned) and _is_lead_mark(table, cleaned[first]):
        first += 1
    cleaned = cleaned[first:]
    while cleaned and _is_loose_end(table, cleaned[-1]):
        cleaned.pop()
    marks = sum(1 for t in cleaned if text[t] in _QUOTE_MARKS)
    if marks % 2 and text[cleaned[0]] in _QUOTE_MARKS:
        cleaned.pop(0)
    elif marks % 2 and text[cleaned[-1]] in _QUOTE_MARKS:
        cleaned.pop()
    return cleaned


def _pointing_side(table: TokenTable, determiner: int) -> int | None:
    """The adverbial part a demonstrative determiner ("This year,") sits in, if any."""
    side = table.head[determiner]
    while (
        table.dep[side] not in _POINTING_DEPS
        and table.head[side] != side
        and table.pos[table.head[side]] not in _VERBS
    ):
        side = table.head[side]
    if table.dep[side] in _POINTING_DEPS and table.pos[table.head[side]] in _VERBS:
        return side
    return None


def _pointing_sides(table: TokenTable, sentence: range, gap: range) -> set[int]:
    """Side parts leaning on context ("This year,", "In these cases,"): dropped at any length."""
    dropped: set[int] = set()
    for token in sentence:
        if table.lower[token] in _DEMONSTRATIVES and table.dep[token] == "det" and token not in gap:
            side = _pointing_side(table, token)
            if side is not None and not table.contains(side, gap):
                dropped |= table.subtree(side) | _commas_around(table, side)
    return dropped


def compact_clause(
    table: TokenTable,
    sentence: range,
    root: int,
    gap: tuple[int, int] | None,
    limit: int = MAX_CLAUSE_WORDS,
) -> list[int]:
    """Return the positions of the shortest sound clause holding token range ``gap`` (see rules).

    ``sentence`` is the range of token positions to cut down and ``root`` its syntactic root.
    """
    span = range(gap[0], gap[1]) if gap is not None else range(0)
    pointing = _pointing_sides(table, sentence, span)
    whole = _tidy(table, [t for t in sentence if t not in pointing])
    if gap is None or _words(table, whole) <= limit:
        return whole
    best = whole
    for head, subject in _frames(table, sentence, root, span):
        kept = table.whole_entities(set(table.subtree(head)) | set(subject)) - pointing
        if table.dep[head] == "relcl":
            kept -= {
                c
                for c in table.children[head]
                if table.dep[c] in _SUBJECTS and table.lower[c] in _RELATIVES
            }
        kept = _prune(table, head, kept, span, limit)
        tokens = _tidy(table, [t for t in sentence if t in kept])
        if not all(i in kept for i in span):
            continue
        best = tokens
        if _words(table, tokens) <= limit:
            return tokens
    return best
