"""Names shared by the Moodle XML reader and writer."""

from __future__ import annotations

#: Moodle question type -> bank question kind.
TYPE_TO_KIND = {
    "multichoice": "multichoice",
    "truefalse": "truefalse",
    "shortanswer": "shortanswer",
    "numerical": "numerical",
    "matching": "matching",
    "ordering": "ordering",
    "cloze": "cloze",
    "essay": "essay",
    "description": "description",
}
KIND_TO_TYPE = {kind: qtype for qtype, kind in TYPE_TO_KIND.items()}

#: Moodle text format attribute -> bank prompt format.
FORMAT_TO_PROMPT = {
    "html": "html",
    "moodle_auto_format": "moodle",
    "plain_text": "plain",
    "markdown": "markdown",
}
PROMPT_TO_FORMAT = {prompt: fmt for fmt, prompt in FORMAT_TO_PROMPT.items()}

#: Elements of <question> the reader maps onto Question fields; all others go to ``extra``.
MAPPED_ELEMENTS = frozenset(
    {
        "name",
        "questiontext",
        "generalfeedback",
        "defaultgrade",
        "shuffleanswers",
        "single",
        "answer",
        "subquestion",
        "tags",
    }
)

#: ``extra`` key prefixes.
LEAF = "moodle."
RAW_XML = "moodle.xml."
FILE = "moodle.file."
CATEGORY_XML = "moodle.category.xml"
QUESTIONTEXT_FORMAT = "moodle.questiontext.format"
