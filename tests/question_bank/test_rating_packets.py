"""Rating packets: the manifest beside a rater's items holds nothing of the generator's judgement,
and collecting the answers still stores each rated item whole."""

from __future__ import annotations

import argparse
import json

from benchmarks import rating_packets
from benchmarks.evaluation.ratings import Drawn, shown_item
from question_bank.model import Item

ITEM = Item(
    id="it-7",
    kind="multichoice",
    prompt="Who visited Baku?",
    answer="Alexander Lukashenko",
    evidence="Alexander Lukashenko arrived in Baku.",
    fact_type="person",
    score=0.9371,
    choices=("Alexander Lukashenko", "Ilham Aliyev", "Vladimir Putin", "Recep Erdogan"),
    fact_id="fact-42",
)


def test_the_manifest_keeps_no_score_or_fact_and_answers_are_still_stored(tmp_path, monkeypatch):
    drawn = Drawn("000_bundled.txt", ITEM)
    stored = rating_packets._stored(drawn)
    text = json.dumps(stored)
    assert "0.9371" not in text and "fact-42" not in text and "person" not in text
    folder = tmp_path / "packet"
    folder.mkdir()
    manifest = {"split": "bundled", "sample": "published", "seed": 5, "items": {"1-1": stored}}
    (folder / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    answer = {"id": shown_item(drawn, "1-1")["id"], "acceptable": True, "useful": True}
    answer |= {"distractors": True, "wrong_key": False, "reasons": ""}
    (folder / "answers-1.jsonl").write_text(json.dumps(answer) + "\n", encoding="utf-8")
    monkeypatch.setattr(rating_packets, "RATINGS_DIR", tmp_path / "ratings")
    (tmp_path / "ratings").mkdir()
    assert rating_packets.collect(argparse.Namespace(folder=str(folder), name="probe")) == 0
    lines = (tmp_path / "ratings" / "probe.jsonl").read_text(encoding="utf-8").splitlines()
    (row,) = [json.loads(line) for line in lines]
    assert (row["kind"], row["stem"], row["key"]) == ("multichoice", ITEM.prompt, ITEM.answer)
    assert row["choices"] == list(ITEM.choices) and row["acceptable"] is True
