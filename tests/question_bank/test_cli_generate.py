"""The ``generate`` command: JSON and GIFT output, options and one-line errors."""

from __future__ import annotations

import json

from question_bank.commands.generate import main

from .conftest import BUNDLED


def test_json_output_fields(capsys):
    assert main([str(BUNDLED), "--format", "json", "--kinds", "multichoice,cloze"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert set(data) == {"article", "facts", "items", "more"}
    assert {"title", "date", "byline"} <= set(data["article"])
    assert {"id", "type", "text", "sentence"} <= set(data["facts"][0])
    item = (data["items"] + data["more"])[0]
    assert {"id", "kind", "prompt", "answer", "choices", "evidence", "fact_type", "score"} <= set(
        item
    )
    assert isinstance(item["choices"], list) and isinstance(item["answer"], str)
    assert {i["kind"] for i in data["items"] + data["more"]} <= {"multichoice", "cloze"}


def test_several_files_give_a_list(capsys):
    assert main([str(BUNDLED), str(BUNDLED), "--min-score", "0.8"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert isinstance(data, list) and len(data) == 2
    assert all(item["score"] >= 0.8 for item in data[0]["items"])


def test_gift_output_holds_the_published_items_and_with_all_the_others(capsys):
    assert main([str(BUNDLED), "--format", "json", "--min-score", "0"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert main([str(BUNDLED), "--format", "gift", "--min-score", "0"]) == 0
    published = capsys.readouterr().out
    assert main([str(BUNDLED), "--format", "gift", "--min-score", "0", "--all"]) == 0
    everything = capsys.readouterr().out
    writable = [i for i in data["items"] if i["kind"] != "ordering"]
    assert published.count("::") // 2 == len(writable) > 0
    assert everything.count("::") // 2 > published.count("::") // 2
    assert f"={writable[0]['answer']}" in published or writable[0]["kind"] != "shortanswer"


def test_errors_are_one_line(tmp_path, capsys):
    empty = tmp_path / "empty.txt"
    empty.write_text("", "utf-8")
    assert main([str(empty)]) == 2
    assert main([str(tmp_path / "missing.txt")]) == 2
    assert main([str(BUNDLED), "--published", "not a date"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 3 and all(line.startswith("error:") for line in err)
