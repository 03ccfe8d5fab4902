"""``python -m question_bank mark QUESTIONS RESPONSES.csv``: a teacher checks a key."""

from __future__ import annotations

import json
from pathlib import Path

from question_bank.__main__ import main

GIFT = """::Capital:: What is the capital of Azerbaijan? {=Baku =Baki}

::Count:: How many villages were rebuilt? {#4034:0}

// [id:truce-1]
::Truce:: The truce was signed on {=Nov. 10, 2020} after the talks.

::Same:: One {=a}

::Same:: Two {=b}

::Pick:: Which city hosted the talks? {=Baku ~Minsk ~Ankara}
"""


def run(tmp_path: Path, capsys, rows: str, questions: str = GIFT) -> tuple[int, list, str]:
    (tmp_path / "quiz.gift").write_text(questions, encoding="utf-8")
    (tmp_path / "responses.csv").write_text(rows, encoding="utf-8")
    status = main(["mark", str(tmp_path / "quiz.gift"), str(tmp_path / "responses.csv")])
    captured = capsys.readouterr()
    return status, json.loads(captured.out) if captured.out else [], captured.err


def test_each_row_is_marked_in_order(tmp_path, capsys):
    status, results, err = run(
        tmp_path,
        capsys,
        'Question,Response\nCapital,baku\nCount,"4,034"\nTruce,"Nov. 10, 2021"\n'
        "truce-1,10 November 2020\n6,Minsk\nPick,Baku\n",
    )
    assert status == 0 and err == ""
    assert [(r["row"], r["question"], r["fraction"]) for r in results] == [
        (2, "Capital", 1.0),
        (3, "Count", 1.0),
        (4, "Truce", 0.0),
        (5, "truce-1", 1.0),
        (6, "6", 0.0),
        (7, "Pick", 1.0),
    ]
    assert results[2]["right_answer"] == "Nov. 10, 2020"
    assert results[2]["kind"] == "shortanswer"
    assert results[0]["response"] == "baku"


def test_unknown_and_ambiguous_questions_are_reported_per_row(tmp_path, capsys):
    status, results, _ = run(tmp_path, capsys, "question,response\nNope,x\nSame,a\n4,a\n")
    assert status == 1
    assert results[0]["fraction"] is None and "no question" in results[0]["error"]
    assert "several questions" in results[1]["error"]
    assert results[2]["fraction"] == 1.0


def test_missing_column_is_refused(tmp_path, capsys):
    status, results, err = run(tmp_path, capsys, "question,answer\nCapital,Baku\n")
    assert status == 2 and results == []
    assert "no 'response' column" in err
