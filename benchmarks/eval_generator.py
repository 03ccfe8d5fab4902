"""Audit the question generator against the gold lists, split by split.

Prints, per article and pooled per split (tuning, validation, bundled): published items per 100
words, candidates per 100 words, recall of the gold facts by published items and by every
candidate, and the share of published items failing each automatic check (``evaluation/``,
written apart from the generator's own checks), next to the issue's targets. The same figures
are measured in the same run for a flooding baseline (every named entity of every sentence
blanked). Then the stored blind-rating figures (``benchmarks/ratings/``) with their date,
commit, seed and sample size. A report, not a test: the exit status is always 0.

    .venv/bin/python benchmarks/eval_generator.py [--json] [--split NAME] [--articles NAME ...]
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
if str(REPO_ROOT) not in sys.path:
    sys.path.insert(0, str(REPO_ROOT))

from benchmarks.evaluation.gold import GoldArticle, find_date_line, load_all_gold  # noqa: E402
from benchmarks.evaluation.rating_figures import stored_figures  # noqa: E402
from benchmarks.evaluation.render import SourceReport, render_text, report_to_dict  # noqa: E402
from benchmarks.evaluation.scoring import score_article, total_figures  # noqa: E402
from benchmarks.evaluation.sources import ITEM_SOURCES, SourceUnavailable  # noqa: E402
from benchmarks.evaluation.splits import split_of  # noqa: E402

SPLITS = ("tuning", "validation", "bundled")


@dataclass(frozen=True)
class Case:
    """One article to evaluate: its text, publication date, gold list and split."""

    name: str
    text: str
    published: date | None
    gold: GoldArticle | None
    split: str


def _case_from_gold(gold: GoldArticle) -> Case:
    """Build a case from a gold file; the gold's date wins, else the file's date line."""
    text = gold.read_text()
    published = date.fromisoformat(gold.published) if gold.published else find_date_line(text)
    split = "bundled" if gold.collection == "bundled" else split_of(gold.article)
    return Case(gold.name, text, published, gold, split)


def select_cases(wanted: Sequence[str] | None, split: str | None) -> list[Case]:
    """The cases named (gold name, article file name or path), or every gold article."""
    golds = load_all_gold(available_only=True)
    cases = [_case_from_gold(gold) for gold in golds]
    if wanted:
        by_name = {
            key: case
            for case, gold in zip(cases, golds, strict=True)
            for key in (gold.name, gold.article, gold.article_path.stem)
        }
        chosen = []
        for name in wanted:
            found = by_name.get(name) or by_name.get(Path(name).name)
            if found is None:
                path = Path(name)
                text = path.read_text(encoding="utf-8")
                found = Case(path.stem, text, find_date_line(text), None, "other")
            chosen.append(found)
        cases = chosen
    if split:
        cases = [case for case in cases if case.split == split]
    return cases


def measure_source(source: str, cases: Sequence[Case]) -> SourceReport:
    """Run one item source over every case and score its items."""
    rows = []
    try:
        for case in cases:
            made = ITEM_SOURCES[source](case.text, case.published)
            rows.append(
                score_article(case.name, case.text, made.published, case.gold, made.candidates)
            )
    except SourceUnavailable as reason:
        return SourceReport(source, (), {}, unavailable=str(reason))
    totals = {}
    for split in SPLITS:
        chosen = [row for row, case in zip(rows, cases, strict=True) if case.split == split]
        if chosen:
            totals[split] = total_figures(f"{split} ({len(chosen)} articles)", chosen)
    return SourceReport(source, tuple(rows), totals)


def build_parser() -> argparse.ArgumentParser:
    """Return the command line parser."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true", help="print machine-readable JSON")
    parser.add_argument("--split", choices=SPLITS, help="only the articles of one split")
    parser.add_argument(
        "--articles", nargs="+", metavar="NAME", help="gold names, file names or paths"
    )
    parser.add_argument("--no-baseline", action="store_true", help="skip the flooding baseline")
    parser.add_argument(
        "--verbose", action="store_true", help="also recall by fact type and missed questions"
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the evaluation and print the report; always return 0."""
    args = build_parser().parse_args(argv)
    cases = select_cases(args.articles, args.split)
    sources = [name for name in ITEM_SOURCES if not (args.no_baseline and name == "baseline")]
    reports = [measure_source(source, cases) for source in sources]
    ratings = stored_figures()
    if args.json:
        data = {r.source: report_to_dict(r) for r in reports}
        data["ratings"] = [figures.__dict__ for figures in ratings]
        print(json.dumps(data, indent=2))
        return 0
    note = "published: the generator's default list; candidates: published and 'more'"
    print(render_text(reports, note, args.verbose))
    print("== stored blind ratings (benchmarks/ratings) ==")
    for figures in ratings:
        print("\n".join(figures.lines()))
    if not ratings:
        print("none stored")
    return 0


if __name__ == "__main__":
    sys.exit(main())
