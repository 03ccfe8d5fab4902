"""Write bank questions as Moodle GIFT text that Moodle's importer and ours read back the same.

One question per block, on one line (new lines are written as ``\\n``); ``$CATEGORY:`` blocks
when the category changes; a ``// [id:...] [tag:...]`` comment carries the id number and tags.
A prompt holding ``_____`` with text after it is written in Moodle's "missing word" form (the
answer block in place of the blank), so it reads back the same. A cloze question with one gap
is written the same way and reads back as the gap's own kind (Moodle has no other GIFT form for
it); ordering questions and cloze questions with several gaps have no GIFT form and are refused.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace

from question_bank.formats.errors import FormatError, Problem
from question_bank.formats.gift.reader import MISSING_WORD
from question_bank.formats.gift.syntax import DEFAULT_FORMAT, escape, weight_text
from question_bank.model import Question

AnswerWriter = Callable[[Question], str]


def _feedback(text: str) -> str:
    return f"#{escape(text)}" if text else ""


def write_multichoice(question: Question) -> str:
    """``=right ~wrong ~%50%partial #feedback`` lines (always with a ``~``, or it is no MC)."""
    marks = []
    for answer in question.answers:
        if answer.fraction == 1 and question.single:
            marks.append("=")
        elif answer.fraction == 0:
            marks.append("~")
        else:
            marks.append("~" + weight_text(answer.fraction))
    if "~" not in "".join(marks):
        marks = marks[:1] + ["~" + weight_text(1.0)] * (len(marks) - 1)
    lines = [
        f"\t{mark}{escape(answer.text)}{_feedback(answer.feedback)}"
        for mark, answer in zip(marks, question.answers, strict=True)
    ]
    return "\n" + "\n".join(lines) + "\n"


def write_truefalse(question: Question) -> str:
    """``TRUE#feedback if wrong#feedback if right``."""
    by_text = {answer.text.lower(): answer for answer in question.answers}
    true_answer, false_answer = by_text.get("true"), by_text.get("false")
    is_true = true_answer is not None and true_answer.fraction > 0
    right, wrong = (true_answer, false_answer) if is_true else (false_answer, true_answer)
    right_text = escape(right.feedback) if right else ""
    wrong_text = escape(wrong.feedback) if wrong else ""
    out = "TRUE" if is_true else "FALSE"
    if wrong_text or right_text:
        out += f"#{wrong_text}"
    if right_text:
        out += f"#{right_text}"
    return out


def write_shortanswer(question: Question) -> str:
    """``=answer =%50%other#feedback`` lines."""
    if any("->" in answer.text for answer in question.answers):
        raise ValueError("GIFT would read a short answer holding '->' back as a matching question")
    lines = [
        f"\t={'' if answer.fraction == 1 else weight_text(answer.fraction)}"
        f"{escape(answer.text)}{_feedback(answer.feedback)}"
        for answer in question.answers
    ]
    return "\n" + "\n".join(lines) + "\n"


def write_numerical(question: Question) -> str:
    """``#`` then ``=%w%value:tolerance#feedback`` lines and ``~#feedback`` for any other value."""
    lines = []
    for answer in question.answers:
        if answer.text == "*":
            lines.append(f"\t~{_feedback(answer.feedback) or '#'}")
            continue
        weight = "" if answer.fraction == 1 else weight_text(answer.fraction)
        tolerance = f":{answer.tolerance!r}" if answer.tolerance else ":0"
        lines.append(f"\t={weight}{answer.text}{tolerance}{_feedback(answer.feedback)}")
    return "#\n" + "\n".join(lines) + "\n"


def write_matching(question: Question) -> str:
    """``=left -> right`` lines."""
    lines = [f"\t={escape(pair.left)} -> {escape(pair.right)}" for pair in question.pairs]
    return "\n" + "\n".join(lines) + "\n"


def write_nothing(question: Question) -> str:
    """Essays have an empty answer block."""
    return ""


#: Question kind -> writer of the text between its braces.
ANSWER_WRITERS: dict[str, AnswerWriter] = {
    "multichoice": write_multichoice,
    "truefalse": write_truefalse,
    "shortanswer": write_shortanswer,
    "numerical": write_numerical,
    "matching": write_matching,
    "essay": write_nothing,
}


_GAP = "{{1}}"

#: Gap kind -> the GIFT answer block that writes it.
_GAP_BLOCKS = {"multiresponse": "multichoice"}


def _one_gap(question: Question) -> tuple[str, Question] | None:
    """(answer block kind, question carrying the gap's answers) of a one-gap cloze question,
    or None when GIFT cannot hold it (several gaps)."""
    if question.prompt.count("{{") != 1 or _GAP not in question.prompt:
        return None
    if not question.gaps:
        return dict(question.extra).get("gap_kind", "shortanswer"), question
    gap = question.gaps[0]
    single = gap.kind != "multiresponse"
    return _GAP_BLOCKS.get(gap.kind, gap.kind), replace(
        question, answers=gap.answers, single=single
    )


def _answer_block(question: Question, kind: str) -> str:
    body = ANSWER_WRITERS[kind](question)
    if question.general_feedback:
        indent = "\t" if body.endswith("\n") else ""
        body += f"{indent}####{escape(question.general_feedback)}" + ("\n" if indent else "")
    return "{" + body + "}"


def _bracket_escape(text: str) -> str:
    return text.replace("]", "\\]")


def _head(question: Question) -> str:
    idnumber = dict(question.extra).get("gift.idnumber", "")
    tokens = [f"[id:{_bracket_escape(idnumber)}]"] if idnumber else []
    tokens += [f"[tag:{_bracket_escape(tag)}]" for tag in question.tags]
    comment = f"// {' '.join(tokens)}\n" if tokens else ""
    title = f"::{escape(question.title)}::" if question.title else ""
    explicit = question.prompt_format != DEFAULT_FORMAT or question.prompt.startswith("[")
    return comment + title + (f"[{question.prompt_format}]" if explicit else "")


def _place_block(prompt: str, marker: str, block: str) -> str:
    """Put the answer block where ``marker`` stands when text follows it, else after the text."""
    before, found, after = prompt.partition(marker)
    if found and after.strip():
        return before + block + after
    return prompt + block


def write_question(question: Question) -> str:
    """Return one question as GIFT text; raise ValueError when GIFT cannot hold it."""
    head, prompt = _head(question), escape(question.prompt)
    if question.kind == "description":
        return head + prompt
    if question.kind == "cloze":
        kind, source = _one_gap(question) or ("", question)
        if kind not in ANSWER_WRITERS:
            raise ValueError("GIFT can hold a gap-fill question only when it has one gap")
        before, _, after = prompt.partition(escape(_GAP))
        return head + before + _answer_block(source, kind) + after
    if question.kind not in ANSWER_WRITERS:
        raise ValueError(f"GIFT has no {question.kind} questions")
    return head + _place_block(prompt, MISSING_WORD, _answer_block(question, question.kind))


def write_gift(questions: Sequence[Question]) -> bytes:
    """Return the questions as one UTF-8 GIFT file; refuse those GIFT cannot hold."""
    blocks, problems, category = [], [], ""
    for index, question in enumerate(questions, start=1):
        if question.category != category:
            category = question.category
            blocks.append(f"$CATEGORY: {escape(category)}")
        try:
            blocks.append(write_question(question))
        except ValueError as error:
            name = question.title or question.prompt[:40]
            problems.append(Problem("gift export", index, f"question {name!r}: {error}"))
    if problems:
        raise FormatError(problems)
    return ("\n\n".join(blocks) + "\n").encode("utf-8")
