"""``python -m question_bank stats MARKS.csv``: JSON output and input errors."""

from __future__ import annotations

import importlib
import json
import subprocess
import sys
from pathlib import Path

import pytest

from question_bank.commands import stats as stats_command

DATA = Path(__file__).parent / "data" / "stats"
REPO = Path(__file__).resolve().parents[2]


def run_stats(capsys, *argv: str) -> tuple[int, str, str]:
    """Run the command in-process and return its status, stdout and stderr."""
    status = stats_command.main(list(argv))
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def write(tmp_path: Path, text: str, name: str = "marks.csv") -> str:
    """Write a marks file and return its path."""
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_moodle_walkthrough_quiz_gives_published_figures(capsys):
    # Figures from Moodle's stats_from_steps_walkthrough_test.php (see data/stats/SOURCES.md).
    marks = str(DATA / "moodle_quiz00_marks.csv")
    status, out, err = run_stats(capsys, marks, "--max-marks", "1,1,1,1,1,1,1")
    assert status == 0 and err == ""
    data = json.loads(out)
    quiz = data["quiz"]
    assert quiz["attempts"] == 25
    assert quiz["median"] == 4.5
    assert quiz["standard_deviation"] == pytest.approx(0.8117265554, rel=1.5e-5)
    assert quiz["coefficient_of_internal_consistency"] == pytest.approx(-87.2230935542, rel=1.5e-5)
    assert quiz["standard_error"] == pytest.approx(1.1106813066, rel=1.5e-5)
    names = [question["name"] for question in data["questions"]]
    assert names == [f"slot{number}" for number in range(1, 8)]  # "attempt" column skipped
    assert data["questions"][5]["discrimination_index"] == pytest.approx(-45.3785178421)
    assert "negative discrimination" in data["questions"][5]["flags"]


def test_without_max_marks_each_maximum_is_the_largest_mark_seen(capsys, tmp_path):
    path = write(tmp_path, "student,Q1,Q2,Q3\nann,2,0.5,0\nbob,1,0,0\ncy,,1,0\n")
    status, out, _ = run_stats(capsys, path)
    assert status == 0
    questions = json.loads(out)["questions"]
    assert [q["max_mark"] for q in questions] == [2.0, 1.0, 0.0]
    assert questions[0]["facility_index"] == pytest.approx(50.0)  # (2 + 1 + 0) / 3 of 2
    assert questions[0]["answered"] == 2
    assert questions[2]["facility_index"] is None  # nobody scored: no maximum to divide by


def test_first_column_is_a_question_unless_named_as_an_identifier(capsys, tmp_path):
    path = write(tmp_path, "Q0,Q1\n1,0\n0,1\n")
    status, out, _ = run_stats(capsys, path)
    assert status == 0
    assert [q["name"] for q in json.loads(out)["questions"]] == ["Q0", "Q1"]
    for header in ("Attempt", "student_id", "ID", "user no"):
        path = write(tmp_path, f"{header},Q1\nx7,1\ny8,0\n")
        status, out, _ = run_stats(capsys, path)
        assert status == 0
        assert [q["name"] for q in json.loads(out)["questions"]] == ["Q1"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("id,Q1,Q2\na,1,0\nb,1,x\n", ":3: 'x' is not a number"),
        ("id,Q1,Q2\na,1,0\nb,1\n", ":3: expected 3 cells, found 2"),
        ("id,Q1,Q2\n", ":2: no attempts"),
        ("", ":1: no header row"),
        ("id,Q1\na,inf\n", ":2: 'inf' is not a finite number"),
        ("id\na\n", ":1: the header names no question"),
    ],
)
def test_bad_files_report_file_and_line(capsys, tmp_path, text, expected):
    path = write(tmp_path, text)
    status, out, err = run_stats(capsys, path)
    assert status == 2
    assert out == ""
    assert err.startswith(f"{path}{expected}")
    assert err.count("\n") == 1
    assert "Traceback" not in err


def test_max_marks_must_fit_the_file(capsys, tmp_path):
    path = write(tmp_path, "id,Q1,Q2\na,1,0\nb,3,1\n")
    status, _, err = run_stats(capsys, path, "--max-marks", "1,1,1")
    assert (status, err.strip()) == (2, f"{path}:1: --max-marks gives 3 values for 2 questions")
    status, _, err = run_stats(capsys, path, "--max-marks", "2,1")
    assert (status, err.strip()) == (2, f"{path}:3: mark 3 on Q1 is above 2")


def test_unusable_max_marks_option_exits_with_usage(capsys, tmp_path):
    path = write(tmp_path, "id,Q1\na,1\n")
    with pytest.raises(SystemExit) as stopped:
        stats_command.main([path, "--max-marks", "1,a"])
    assert stopped.value.code == 2
    assert "not a list of numbers" in capsys.readouterr().err


def test_missing_file_is_reported_without_traceback(capsys, tmp_path):
    path = str(tmp_path / "absent.csv")
    status, _, err = run_stats(capsys, path)
    assert status == 2
    assert err.startswith(f"{path}: cannot read")


def test_command_runs_as_a_process_without_traceback(tmp_path):
    path = write(tmp_path, "id,Q1\na,one\n")
    result = subprocess.run(
        [sys.executable, "-m", "question_bank.commands.stats", path],
        capture_output=True,
        text=True,
        cwd=REPO,
    )
    assert result.returncode == 2
    assert result.stderr.strip() == f"{path}:2: 'one' is not a number"


def test_registered_with_the_question_bank_command_line(capsys):
    entry = importlib.import_module("question_bank.__main__")
    assert "stats" in entry.COMMANDS
    status = entry.main(["stats", str(DATA / "moodle_quiz00_marks.csv")])
    data = json.loads(capsys.readouterr().out)
    assert status == 0
    assert data["quiz"]["median"] == 4.5
