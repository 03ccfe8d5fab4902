"""Blind ratings of generated items: drawing samples, writing rater packets, storing the rows.

A rating row is one item as a rater saw it (article, evidence, stem, choices, keyed answer) with
the rubric's six criteria, ``acceptable``, ``useful``, ``wrong_key`` and the reasons for every
"no", plus the sample's metadata (date, commit, seed, split, rubric version, which sample).
Rows live in ``benchmarks/ratings/*.jsonl``; they are data for figures and for the ranker.
"""

from __future__ import annotations

import json
import random
import subprocess
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from question_bank.model import Item

REPO_ROOT = Path(__file__).resolve().parents[2]
RATINGS_DIR = REPO_ROOT / "benchmarks" / "ratings"
RUBRIC = REPO_ROOT.parent / "shared" / "rubric" / "RATING.md"
RUBRIC_VERSION = 2
CRITERIA = (
    "grammatical",
    "answerable",
    "one_answer",
    "no_leak",
    "evidence_supports",
    "distractors",
)


@dataclass(frozen=True)
class Drawn:
    """An item drawn for rating, with the article it came from."""

    article: str  # article file name
    item: Item

    @property
    def identity(self) -> tuple[str, str, str, str]:
        """What makes a rated item the same item later: article, kind, stem and key."""
        return item_identity(self.article, self.item)


def item_identity(article: str, item: Item) -> tuple[str, str, str, str]:
    """Article, kind, stem and key of an item: how a stored rating finds it again."""
    return (article, item.kind, " ".join(item.prompt.split()), " ".join(item.answer.split()))


def current_commit() -> str:
    """The repository's HEAD commit, or "" outside a checkout."""
    try:
        found = subprocess.run(
            ["git", "rev-parse", "HEAD"], cwd=REPO_ROOT, capture_output=True, text=True, check=True
        )
    except (OSError, subprocess.CalledProcessError):
        return ""
    return found.stdout.strip()


def draw(pool: Sequence[Drawn], count: int, seed: int) -> list[Drawn]:
    """``count`` items drawn at random (without replacement) with a fixed seed."""
    rng = random.Random(seed)
    if count >= len(pool):
        chosen = list(pool)
        rng.shuffle(chosen)
        return chosen
    return rng.sample(list(pool), count)


def shown_item(drawn: Drawn, number: str) -> dict:
    """The item as a rater sees it: no score, kind internals or generator details."""
    item = drawn.item
    shown: dict = {
        "id": number,
        "article": drawn.article,
        "evidence": item.evidence,
        "stem": item.prompt,
    }
    if item.kind == "truefalse":
        shown["type"] = "true/false"
        shown["keyed_answer"] = item.answer
    elif item.kind == "multichoice":
        shown["type"] = "multiple choice"
        shown["choices"] = list(item.choices)
        shown["keyed_answer"] = item.answer
    elif item.kind == "matching":
        shown["type"] = "matching"
        shown["left_items"] = [left for left, _ in item.pairs]
        shown["right_items_shuffled"] = sorted(right for _, right in item.pairs)
        shown["keyed_answer"] = {left: right for left, right in item.pairs}
    elif item.kind == "ordering":
        shown["type"] = "ordering"
        shown["shown_order"] = list(item.choices)
        shown["keyed_answer"] = list(item.sequence)
    elif item.kind == "numerical":
        shown["type"] = "numerical (type a number)"
        shown["keyed_answer"] = item.answer
    else:
        shown["type"] = "typed answer" if item.kind == "shortanswer" else "fill in the gap (typed)"
        shown["keyed_answer"] = item.answer
        if item.accepted:
            shown["also_accepted"] = list(item.accepted)
    return shown


def rating_row(drawn: Drawn, answer: dict, meta: dict) -> dict:
    """One stored row: the item, the rater's answer and the sample's metadata."""
    item = drawn.item
    return {
        **meta,
        "article": drawn.article,
        "kind": item.kind,
        "stem": item.prompt,
        "key": item.answer,
        "choices": list(item.choices),
        "pairs": [list(p) for p in item.pairs],
        "sequence": list(item.sequence),
        "evidence": item.evidence,
        **{name: answer.get(name) for name in CRITERIA},
        "acceptable": bool(answer.get("acceptable")),
        "useful": bool(answer.get("useful")),
        "wrong_key": bool(answer.get("wrong_key")),
        "reasons": answer.get("reasons", ""),
    }


def sample_meta(split: str, seed: int, sample: str, rater: str) -> dict:
    """The metadata every row of one sample carries."""
    return {
        "date": date.today().isoformat(),
        "commit": current_commit(),
        "seed": seed,
        "split": split,
        "sample": sample,
        "rubric_version": RUBRIC_VERSION,
        "rater": rater,
    }


def write_rows(rows: Iterable[dict], path: Path) -> int:
    """Append rows to a JSONL file; return how many were written."""
    path.parent.mkdir(parents=True, exist_ok=True)
    count = 0
    with path.open("a", encoding="utf-8") as handle:
        for row in rows:
            handle.write(json.dumps(row, ensure_ascii=False) + "\n")
            count += 1
    return count


def load_rows(folder: Path = RATINGS_DIR) -> list[dict]:
    """Every stored rating row."""
    rows = []
    for path in sorted(folder.glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                rows.append(json.loads(line))
    return rows


def row_identity(row: dict) -> tuple[str, str, str, str]:
    """``item_identity`` of a stored row."""
    return (
        row["article"],
        row["kind"],
        " ".join(row["stem"].split()),
        " ".join(row["key"].split()),
    )
