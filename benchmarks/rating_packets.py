"""Blind rating of generated items: make packets for raters, then collect their answers.

    python benchmarks/rating_packets.py make --split validation --sample published \
        --count 70 --seed 11 --raters 3 --out benchmarks/out/rating-v1
    python benchmarks/rating_packets.py collect benchmarks/out/rating-v1 --name NAME

``make`` generates with the default settings for every article of the split, draws items at random
with the given seed (``candidates``: every item the generator could publish, published or not, the
same number from each article (loose candidates, never published, are left out); ``loose``:
those loose candidates alone whose answer is a name, date or number (not a plain noun phrase),
the same number from each article, to learn which doubts hold;
``published``: the published items of all articles pooled; ``top5``: the first five published
items of each article), and writes one packet per rater (``--kinds`` draws only items of the
named kinds, ``--fact-types`` only items made from facts of the named types, ``--leave-out``
leaves out the items whose stem is a line of the given file, such as the stems an earlier
version made, so that only new items are rated):
``packet-N.md`` (what to read and the rubric's instructions) and ``items-N.json`` (the items as a
rater sees them: article, evidence, stem, choices, keyed answer; never scores or kinds'
internals; the ``manifest.json`` beside them keeps the drawn items without scores or facts
either). Raters write ``answers-N.jsonl``. ``collect`` joins the answers to the drawn items
and stores the rows in ``benchmarks/ratings/NAME.jsonl`` with the date, commit, seed, split,
sample and rubric version.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from datetime import date
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
if str(REPO_ROOT) not in sys.path:
    sys.path.insert(0, str(REPO_ROOT))

from benchmarks.evaluation.gold import find_date_line  # noqa: E402
from benchmarks.evaluation.ratings import (  # noqa: E402
    CRITERIA,
    RATINGS_DIR,
    RUBRIC,
    Drawn,
    current_commit,
    draw,
    rating_row,
    sample_meta,
    shown_item,
    write_rows,
)
from benchmarks.evaluation.splits import articles_of  # noqa: E402

INSTRUCTIONS = """# Rating packet {number}

You are a strict, experienced teacher judging quiz items generated from news articles. Judge
each item on its own, the way you would before handing it to students. You know nothing about
how the items were made; do not try to guess.

1. Read the rubric: {rubric}
2. Read these articles in full (each item names its article; read the text around its evidence
   sentence with care):
{articles}
3. Rate every item in `{items}` (a JSON list). For each, write one JSON object per line to
   `{answers}` with exactly these fields:
   `{{"id": "...", "grammatical": true/false, "answerable": true/false, "one_answer": true/false,
   "no_leak": true/false, "evidence_supports": true/false, "distractors": true/false/null,
   "acceptable": true/false, "useful": true/false, "wrong_key": true/false,
   "reasons": "one line per 'false', separated by '; '"}}`
   - `distractors` is null for items without choices other than True/False (true/false, typed
     answers, numerical, ordering); for matching it says whether there are at least three pairs
     with distinct answers and the items are of one type.
   - `acceptable` is true only if every criterion that applies is true.
   - `wrong_key` is true when the keyed answer is false according to the article.
   - `useful`: would a teacher keep it in a quiz about this article (a meaningful fact, not trivia)?
4. Be strict. Check every distractor against the article: it must be plausible, of the same type as
   the key, and clearly wrong. A false true/false statement must really be false. A typed-answer
   or gap item must have one clear answer given the article.
Write nothing else to the answers file. When done, reply with the number of lines written.
"""


def _generations(split: str, min_score: float | None = None) -> dict[str, tuple[list, list, list]]:
    """Published items, further items and loose items of every article of a split (published
    at another threshold than the ranker's with ``min_score``)."""
    from question_bank import generate

    out = {}
    for path in articles_of(split):
        text = path.read_text(encoding="utf-8")
        published = find_date_line(text)
        result = generate(
            text, published=published.isoformat() if published else None, min_score=min_score
        )
        loose = {f.id for f in result.facts if f.attr("loose") == "1"}
        named = {f.id for f in result.facts if f.attr("class") != "phrase"}
        more = [item for item in result.more if item.fact_id not in loose]
        doubted = [i for i in result.more if i.fact_id in loose and i.fact_id in named]
        out[path.name] = (list(result.items), more, doubted)
    return out


def _filtered(
    generations: dict[str, tuple[list, list, list]],
    kinds: set[str],
    types: set[str],
    left_out: set[str],
) -> dict[str, tuple[list, list, list]]:
    """Only the items of the given kinds and made from facts of the given types (all when none
    are given) whose stems are not left out, and only articles that have some."""

    def keep(item) -> bool:
        return (
            (not kinds or item.kind in kinds)
            and (not types or item.fact_type in types)
            and item.prompt not in left_out
        )

    kept = {
        article: tuple([i for i in group if keep(i)] for group in groups)
        for article, groups in generations.items()
    }
    return {article: groups for article, groups in kept.items() if any(groups)}


def _left_out(path: str | None) -> set[str]:
    if not path:
        return set()
    lines = Path(path).read_text(encoding="utf-8").splitlines()
    return {line.strip() for line in lines if line.strip()}


def _pool(generations: dict[str, tuple[list, list, list]], sample: str, count: int, seed: int):
    if sample == "top5":
        return [Drawn(a, i) for a, (items, _, _) in generations.items() for i in items[:5]]
    if sample == "published":
        pooled = [Drawn(a, i) for a, (items, _, _) in generations.items() for i in items]
        return draw(pooled, count, seed)
    per_article = max(1, count // max(len(generations), 1))
    chosen = []
    for offset, (article, (items, more, loose)) in enumerate(sorted(generations.items())):
        offered = loose if sample == "loose" else items + more
        pooled = [Drawn(article, i) for i in offered]
        chosen.extend(draw(pooled, per_article, seed + offset))
    return chosen


def _packets(chosen: list[Drawn], raters: int) -> list[list[Drawn]]:
    """Whole articles per rater, balancing the number of items."""
    by_article: dict[str, list[Drawn]] = defaultdict(list)
    for drawn in chosen:
        by_article[drawn.article].append(drawn)
    packets: list[list[Drawn]] = [[] for _ in range(raters)]
    for article in sorted(by_article, key=lambda a: -len(by_article[a])):
        smallest = min(range(raters), key=lambda n: len(packets[n]))
        packets[smallest].extend(by_article[article])
    return [p for p in packets if p]


def make(args: argparse.Namespace) -> int:
    """Write the packets and the manifest."""
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    kinds = {k for k in (args.kinds or "").split(",") if k}
    types = set(args.fact_types or ())
    generations = _filtered(
        _generations(args.split, args.min_score), kinds, types, _left_out(args.leave_out)
    )
    chosen = _pool(generations, args.sample, args.count, args.seed)
    manifest = {
        "split": args.split,
        "fact_types": sorted(args.fact_types or ()),
        "sample": args.sample,
        "kinds": sorted(kinds),
        "left_out": len(_left_out(args.leave_out)),
        "seed": args.seed,
        "min_score": args.min_score,
        "commit": current_commit(),
        "date": date.today().isoformat(),
        "items": {},
    }
    paths = {p.name: p for p in articles_of(args.split)}
    for number, packet in enumerate(_packets(chosen, args.raters), start=1):
        shown = []
        for position, drawn in enumerate(packet, start=1):
            item_id = f"{number}-{position}"
            manifest["items"][item_id] = _stored(drawn)
            shown.append(shown_item(drawn, item_id))
        articles = "\n".join(f"   - {paths[a]}" for a in sorted({d.article for d in packet}))
        (out / f"items-{number}.json").write_text(
            json.dumps(shown, indent=1, ensure_ascii=False), encoding="utf-8"
        )
        (out / f"packet-{number}.md").write_text(
            INSTRUCTIONS.format(
                number=number,
                rubric=RUBRIC,
                articles=articles,
                items=(out / f"items-{number}.json").resolve(),
                answers=(out / f"answers-{number}.jsonl").resolve(),
            ),
            encoding="utf-8",
        )
    (out / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False), encoding="utf-8")
    print(f"{len(chosen)} items in {len(list(out.glob('packet-*.md')))} packets under {out}")
    return 0


#: What the manifest keeps of an item: enough to store its rating row, and nothing a rater who
#: opened it could read the generator's judgement from (no score, item or fact id, fact type).
MANIFEST_FIELDS = (
    "kind",
    "prompt",
    "answer",
    "evidence",
    "choices",
    "accepted",
    "pairs",
    "sequence",
)


def _stored(drawn: Drawn) -> dict:
    from question_bank.model import item_to_dict

    data = item_to_dict(drawn.item)
    return {"article": drawn.article, "item": {name: data[name] for name in MANIFEST_FIELDS}}


def collect(args: argparse.Namespace) -> int:
    """Join the raters' answers to the manifest and store the rows."""
    from question_bank.model import Item

    folder = Path(args.folder)
    target = RATINGS_DIR / f"{args.name}.jsonl"
    if target.exists():
        print(f"{target} exists: its rows would be counted twice; choose another --name")
        return 1
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    rows, missing = [], []
    for path in sorted(folder.glob("answers-*.jsonl")):
        rater = f"{folder.name}/{path.stem}"
        meta = sample_meta(manifest["split"], manifest["seed"], manifest["sample"], rater)
        meta.update(
            commit=manifest.get("commit", meta["commit"]), date=manifest.get("date", meta["date"])
        )
        if manifest.get("min_score") is not None:
            meta["min_score"] = manifest["min_score"]
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            answer = json.loads(line)
            stored = manifest["items"].get(str(answer.get("id")))
            if stored is None:
                missing.append(str(answer.get("id")))
                continue
            data = {"id": "", "fact_type": "", "score": 0.0, **stored["item"]}
            for name in ("choices", "accepted", "sequence"):
                data[name] = tuple(data.get(name) or ())
            data["pairs"] = tuple(tuple(p) for p in data.get("pairs") or ())
            item = Item(**data)
            rows.append(rating_row(Drawn(stored["article"], item), answer, meta))
    unrated = set(manifest["items"]) - {r for r in _ids(folder)}
    written = write_rows(rows, target)
    print(f"stored {written} rows in {target}")
    if missing or unrated:
        print(f"unknown ids: {missing[:10]}; items without an answer: {sorted(unrated)[:10]}")
    return 0


def _ids(folder: Path) -> list[str]:
    ids = []
    for path in folder.glob("answers-*.jsonl"):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                ids.append(str(json.loads(line).get("id")))
    return ids


def main(argv: list[str] | None = None) -> int:
    """Parse the command line and run ``make`` or ``collect``."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    maker = commands.add_parser("make", help="write rater packets")
    maker.add_argument("--split", choices=("tuning", "validation", "bundled"), required=True)
    maker.add_argument(
        "--sample", choices=("candidates", "published", "top5", "loose"), required=True
    )
    maker.add_argument("--count", type=int, default=60)
    maker.add_argument("--seed", type=int, default=1)
    maker.add_argument("--raters", type=int, default=1)
    maker.add_argument(
        "--fact-types", nargs="*", default=None, help="draw only items made from these fact types"
    )
    maker.add_argument("--out", required=True)
    maker.add_argument("--kinds", help="draw only these item kinds (comma-separated)")
    maker.add_argument("--leave-out", help="a file of stems, one a line, not to draw")
    maker.add_argument(
        "--min-score",
        type=float,
        help="publish at this threshold instead of the ranker's (to rate what it would add)",
    )
    maker.set_defaults(func=make)
    collector = commands.add_parser("collect", help="store the raters' answers")
    collector.add_argument("folder")
    collector.add_argument("--name", required=True)
    collector.set_defaults(func=collect)
    args = parser.parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())

__all__ = ["CRITERIA"]
