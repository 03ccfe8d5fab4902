"""GIFT reading against files others wrote: Moodle's examples.txt and the PEG.js GIFT tests."""

from __future__ import annotations

import json
import re
from collections import Counter

import pytest

from question_bank.formats import read_questions, write_questions
from question_bank.formats.gift import read_gift

GIFT_SAMPLES = [
    "gift/moodle-examples.gift.txt",
    "gift/pegjs-TFTwoFeedback.gift",
    "gift/pegjs-description1.gift",
    "gift/pegjs-escapeAll.gift",
    "gift/pegjs-giftFormatPhpExamples.gift",
    "gift/pegjs-mc5.gift",
    "gift/pegjs-multiLineFeedback1.gift",
]
PEGJS_KINDS = {
    "MC": "multichoice",
    "Short": "shortanswer",
    "TF": "truefalse",
    "Numerical": "numerical",
    "Matching": "matching",
    "Description": "description",
    "Essay": "essay",
}


def _squash(text: str | None) -> str:
    return re.sub(r"\s+", "", text or "")


def test_moodle_examples_parse_to_43_questions_of_the_kinds_moodle_gives(sample):
    questions = read_gift(sample("gift/moodle-examples.gift.txt"), "examples.txt")
    assert len(questions) == 43
    kinds = Counter(q.kind for q in questions)
    # Moodle's reader takes the kind from the answer block alone; the 11 blocks with text after
    # the closing brace ("missing word") keep it: 7 multiple choice, 2 short answer, 2 numerical.
    assert kinds == {
        "multichoice": 18,
        "truefalse": 5,
        "shortanswer": 9,
        "numerical": 8,
        "matching": 3,
    }
    missing_word = Counter(q.kind for q in questions if "_____" in q.prompt)
    assert missing_word == {"multichoice": 7, "shortanswer": 2, "numerical": 2}
    assert not any("{{" in q.prompt for q in questions)


def test_moodle_examples_weights_feedback_and_missing_word(sample):
    questions = read_gift(sample("gift/moodle-examples.gift.txt"), "examples.txt")
    hometown = next(q for q in questions if q.title == "Jesus' hometown" and "_____" in q.prompt)
    assert hometown.kind == "multichoice" and hometown.single
    assert hometown.prompt == "Jesus Christ was from _____."
    assert [(a.text, a.fraction) for a in hometown.answers] == [
        ("Jerusalem", 0.0),
        ("Bethlehem", 0.25),
        ("Galilee", 0.5),
        ("Nazareth", 1.0),
    ]
    assert hometown.answers[1].feedback == "He was born here, but not raised here."
    entombed = [q for q in questions if q.kind == "multichoice" and not q.single]
    assert [a.fraction for a in entombed[1].answers] == [-0.5, 0.5, 0.5, -0.5]
    markdown = next(q for q in questions if q.prompt_format == "markdown")
    assert markdown.prompt == "Who's buried in **Grant's tomb**?"
    assert [a.feedback for a in markdown.answers] == ["excellent answer!"] * 2


def test_moodle_examples_numerical_forms(sample):
    questions = read_gift(sample("gift/moodle-examples.gift.txt"), "examples.txt")
    numerical = [q for q in questions if q.kind == "numerical"]
    values = [[(a.text, a.fraction, a.tolerance) for a in q.answers] for q in numerical]
    assert values[0] == [("1822", 1.0, 1.0)]
    assert ("3.1415", 1.0, 0.0005) in [v[0] for v in values]
    assert [("1822", 1.0, 0.0), ("1822", 0.5, 2.0)] in values
    example = next(q for q in numerical if q.title == "Numerical example")
    assert example.answers[1].feedback.startswith("He was born in 1822.\n")


def test_moodle_examples_escapes_and_matching(sample):
    questions = read_gift(sample("gift/moodle-examples.gift.txt"), "examples.txt")
    control = next(q for q in questions if q.title == "GIFT Control Characters")
    assert [a.text for a in control.answers] == ["~", "=", "#", "{", "}", "\\"]
    assert control.answers[-1].fraction == 1.0
    equals = next(q for q in questions if q.prompt == "Which answer equals 5?")
    assert [a.text for a in equals.answers] == ["= 2 + 2", "= 2 + 3", "= 2 + 4"]
    capitals = next(q for q in questions if q.kind == "matching" and len(q.pairs) == 4)
    assert capitals.pairs[3].left == "India" and capitals.pairs[3].right == "New Delhi"


def _pegjs_choices(item: dict) -> list[tuple]:
    choices = item.get("choices") or []
    if isinstance(choices, dict):
        choices = [{"isCorrect": True, "weight": None, "text": choices, "feedback": None}]
    rows = []
    for choice in choices:
        weight = choice["weight"]
        fraction = weight / 100 if weight is not None else (1.0 if choice["isCorrect"] else 0.0)
        text = choice["text"]
        if "number" in text:
            text = (float(text["number"]), float(text["range"]))
        else:
            text = text["text"]
        rows.append((text, fraction, _squash((choice["feedback"] or {}).get("text"))))
    return rows


def _our_choices(question) -> list[tuple]:
    rows = []
    for answer in question.answers:
        text = answer.text
        if question.kind == "numerical":
            text = (float(answer.text), answer.tolerance)
        rows.append((text, answer.fraction, _squash(answer.feedback)))
    return rows


@pytest.mark.parametrize(
    "name", ["giftFormatPhpExamples", "mc5", "multiLineFeedback1", "description1", "escapeAll"]
)
def test_pegjs_expected_parse_matches_ours(sample, name):
    """Kinds, titles, stems, formats, choices, weights and feedback agree with the PEG.js JSON.

    Text after the answer block makes a "missing word" question (PEG.js ``hasEmbeddedAnswers``)
    of the kind its answers give, with ``_____`` in the stem, in both. Where PEG.js and Moodle
    differ we follow Moodle: Moodle keeps the new lines inside feedback that PEG.js folds into
    spaces, so whitespace is not compared.
    """
    expected = json.loads(sample(f"gift/pegjs-{name}.json"))
    ours = read_gift(sample(f"gift/pegjs-{name}.gift"), f"{name}.gift")
    assert len(ours) == len(expected)
    for item, question in zip(expected, ours, strict=True):
        kind = PEGJS_KINDS[item["type"]]
        assert question.kind == kind
        assert ("_____" in question.prompt) == item["hasEmbeddedAnswers"]
        assert question.title == (item["title"] or "")
        assert question.prompt_format == item["stem"]["format"]
        assert _squash(question.prompt) == _squash(item["stem"]["text"])
        assert _squash(question.general_feedback) == _squash(
            (item.get("globalFeedback") or {}).get("text")
        )
        if kind in ("multichoice", "shortanswer", "numerical"):
            assert _our_choices(question) == _pegjs_choices(item)
        if kind == "truefalse":
            assert question.right_answers[0].text == ("True" if item["isTrue"] else "False")


def test_pegjs_two_feedback_truefalse_follows_moodle(sample):
    """Moodle reads ``{TRUE#a#b}`` as "a" when the student is wrong, "b" when right.

    PEG.js's JSON calls the first one ``trueFeedback`` whatever the answer; for ``{FALSE#a#b}``
    both agree, for ``{TRUE#a}`` and ``{TRUE# #b}`` Moodle's importer (which we follow) shows
    "a" to a student answering False and "b" to one answering True.
    """
    expected = json.loads(sample("gift/pegjs-TFTwoFeedback.json"))
    ours = read_gift(sample("gift/pegjs-TFTwoFeedback.gift"), "TFTwoFeedback.gift")
    assert [q.right_answers[0].text == "True" for q in ours] == [e["isTrue"] for e in expected]
    feedback = [{a.text: a.feedback for a in q.answers} for q in ours]
    assert feedback[0] == {"True": "feedback for true", "False": "feedback for false"}
    assert expected[0]["trueFeedback"]["text"] == "feedback for true"
    assert feedback[1] == {"True": "", "False": "feedback for true"}
    assert feedback[2] == {"True": "feedback for false", "False": ""}


def test_multiline_feedback_and_html_question(sample):
    ours = read_gift(sample("gift/pegjs-multiLineFeedback1.gift"), "multiLineFeedback1.gift")
    assert ours[0].general_feedback == "Global feedback split\non multiple lines"
    html = ours[1]
    assert html.title == "06- création d'instance" and html.prompt_format == "html"
    assert len(html.answers) == 6 and [a.fraction for a in html.answers].count(1.0) == 1
    assert "@@PLUGINFILE@@/3.png" in html.general_feedback
    assert 'style="margin-left:18.0pt;text-indent:\n-18.0pt' in html.prompt


@pytest.mark.parametrize("name", GIFT_SAMPLES)
def test_gift_round_trip_keeps_every_question(sample, name):
    first = read_questions(sample(name), name, "gift")
    second = read_questions(write_questions(first, "gift"), "again.gift", "gift")
    assert second == first
    assert len(first) > 0


@pytest.mark.parametrize("name", GIFT_SAMPLES)
def test_gift_samples_keep_kinds_and_answers_through_moodle_xml(sample, name):
    first = read_questions(sample(name), name, "gift")
    second = read_questions(write_questions(first, "moodlexml"), "again.xml", "moodlexml")
    assert [q.kind for q in second] == [q.kind for q in first]
    assert [q.prompt for q in second] == [q.prompt for q in first]
    assert [(q.answers, q.pairs) for q in second] == [(q.answers, q.pairs) for q in first]
