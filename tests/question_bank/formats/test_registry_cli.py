"""The format registry (names, guessing) and ``python -m question_bank convert``."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from question_bank.__main__ import main
from question_bank.formats import FORMATS, FormatError, guess_format, read_questions

REPO = Path(__file__).resolve().parents[3]


def test_registry_names_and_abilities():
    readable = {name for name, fmt in FORMATS.items() if fmt.can_read}
    writable = {name for name, fmt in FORMATS.items() if fmt.can_write}
    assert readable == {
        "gift",
        "moodlexml",
        "aiken",
        "qti12",
        "qti21",
        "csv",
        "tsv",
        "anki-text",
        "quizlet",
        "json",
    }
    assert writable == {
        "gift",
        "moodlexml",
        "aiken",
        "qti21",
        "csv",
        "tsv",
        "anki-text",
        "quizlet",
        "apkg",
        "json",
    }
    for fmt in FORMATS.values():
        assert fmt.label and fmt.extensions and fmt.media_type
    with pytest.raises(FormatError):
        FORMATS["apkg"].read(b"", "deck.apkg")


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("gift/moodle-examples.gift.txt", "gift"),
        ("aiken/qas-editor-aiken_1.txt", "aiken"),
        ("anki/qas-editor-math.txt", "anki-text"),
        ("anki/anki-text-2fields.txt", "anki-text"),
        ("moodle-xml/moodle-shortanswer-testquestion.moodle.xml", "moodlexml"),
        ("qti/qti12-essay.xml", "qti12"),
        ("qti/qti21-match.xml", "qti21"),
    ],
)
def test_format_is_guessed_from_content(sample, name, expected):
    assert guess_format(sample(name), name).name == expected


def test_unknown_format_name_is_a_format_error():
    with pytest.raises(FormatError) as caught:
        read_questions(b"x", "x.txt", "blackboard")
    assert "known formats" in str(caught.value)


def test_a_package_that_can_only_be_exported_is_named_so_on_import():
    with pytest.raises(FormatError) as caught:
        guess_format(b"PK\x03\x04 not a question file", "deck.apkg")
    reason = str(caught.value.problems[0])
    assert "Anki package files can be exported but not imported" in reason
    assert "gift" in reason and "cannot tell" not in reason
    with pytest.raises(FormatError) as caught:
        guess_format(b"\x00\x01", "notes.xyz")
    assert "cannot tell the file's format" in str(caught.value.problems[0])


def test_convert_gift_to_json(sample_path, capsys):
    path = sample_path("gift/pegjs-giftFormatPhpExamples.gift")
    assert main(["convert", str(path), "--to", "json"]) == 0
    listing = json.loads(capsys.readouterr().out)
    first = listing["questions"][0]
    assert {
        "kind",
        "title",
        "prompt",
        "prompt_format",
        "category",
        "tags",
        "answers",
        "pairs",
        "general_feedback",
    } <= set(first)
    assert first["answers"][2] == {
        "text": "no one",
        "fraction": 1.0,
        "feedback": "",
        "tolerance": None,
    }
    assert [q["kind"] for q in listing["questions"]][:6] == [
        "multichoice",
        "multichoice",
        "truefalse",
        "shortanswer",
        "numerical",
        "matching",
    ]


def test_convert_writes_binary_formats_only_to_a_file(sample_path, tmp_path, capsys):
    path = sample_path("aiken/qas-editor-aiken_1.txt")
    assert main(["convert", str(path), "--from", "aiken", "--to", "apkg"]) == 2
    assert "-o" in capsys.readouterr().err
    out = tmp_path / "deck.apkg"
    assert main(["convert", str(path), "--to", "apkg", "-o", str(out)]) == 0
    assert out.read_bytes().startswith(b"PK")


def test_convert_bad_file_prints_problems_and_exits_2_without_traceback(tmp_path):
    bad = tmp_path / "bad.gift"
    bad.write_text("Fine {T}\n\nBroken {=a\n\nAlso {#x}\n", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "question_bank", "convert", str(bad), "--to", "moodlexml"],
        capture_output=True,
        text=True,
        cwd=REPO,
        check=False,
    )
    assert result.returncode == 2 and result.stdout == ""
    assert result.stderr.splitlines() == [
        f"{bad}:3: unmatched brace: every '{{' needs a '}}' "
        "(write \\{ or \\} for a literal brace)",
        f"{bad}:5: numerical answer must be a number, 'number:tolerance' or 'min..max', not 'x'",
    ]
    assert "Traceback" not in result.stderr


def test_formats_package_loads_no_web_stack():
    code = (
        "import sys, question_bank.formats, question_bank.commands.convert\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in "
        "('flask', 'sqlalchemy', 'wtforms', 'quizapp')))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO, check=True
    )
    assert result.stdout.strip() == "[]"
