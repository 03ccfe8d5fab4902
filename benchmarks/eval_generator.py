"""Audit the question generator against the development set's gold lists.

Prints, per article and pooled over the development set, counting only items at or above the
generator's default threshold: fact recall, items per 100 words, the share of items failing each
automatic check, and rubric-passing items per 100 words, next to the issue's targets. The same
figures are measured in the same run for a flooding baseline (every named entity of every
sentence blanked as a cloze item). It is a report, not a test: the exit status is always 0.

    .venv/bin/python benchmarks/eval_generator.py [--json] [--articles NAME ...] [--verbose]
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

from benchmarks.evaluation.gold import (  # noqa: E402
    GoldArticle,
    find_date_line,
    load_all_gold,
)
from benchmarks.evaluation.render import (  # noqa: E402
    SourceReport,
    render_text,
    report_to_dict,
)
from benchmarks.evaluation.scoring import score_article, total_figures  # noqa: E402
from benchmarks.evaluation.sources import ITEM_SOURCES, SourceUnavailable  # noqa: E402


@dataclass(frozen=True)
class Case:
    """One article to evaluate: its text, publication date and gold list (if any)."""

    name: str
    text: str
    published: date | None
    gold: GoldArticle | None
    in_development_set: bool


def _case_from_gold(gold: GoldArticle) -> Case:
    """Build a case from a gold file; the gold's date wins, else the file's date line."""
    text = gold.read_text()
    published = date.fromisoformat(gold.published) if gold.published else find_date_line(text)
    return Case(gold.name, text, published, gold, gold.collection == "shared")


def _case_from_path(path: Path) -> Case:
    """Build a case from any text file (no gold list: recall is not measured)."""
    text = path.read_text(encoding="utf-8")
    return Case(path.stem, text, find_date_line(text), None, False)


def select_cases(wanted: Sequence[str] | None) -> list[Case]:
    """Return the cases named (gold name, article file name or path), or every gold article."""
    golds = load_all_gold(available_only=True)
    if not wanted:
        return [_case_from_gold(gold) for gold in golds]
    by_name = {
        key: gold for gold in golds for key in (gold.name, gold.article, gold.article_path.stem)
    }
    cases = []
    for name in wanted:
        gold = by_name.get(name) or by_name.get(Path(name).name)
        cases.append(_case_from_gold(gold) if gold else _case_from_path(Path(name)))
    return cases


def measure_source(source: str, cases: Sequence[Case]) -> SourceReport:
    """Run one item source over every case and score its items."""
    rows = []
    try:
        for case in cases:
            items = ITEM_SOURCES[source](case.text, case.published)
            rows.append(score_article(case.name, case.text, items, case.gold))
    except SourceUnavailable as reason:
        return SourceReport(source, (), None, unavailable=str(reason))
    development = [row for row, case in zip(rows, cases, strict=True) if case.in_development_set]
    total = total_figures(f"development set ({len(development)} articles)", development)
    return SourceReport(source, tuple(rows), total if development else None)


def _threshold_note() -> str:
    """Say which threshold filtered the generator's items."""
    try:
        import question_bank

        return f"items with score >= DEFAULT_MIN_SCORE = {question_bank.DEFAULT_MIN_SCORE}"
    except (ImportError, AttributeError):
        return "items at or above the default threshold"


def build_parser() -> argparse.ArgumentParser:
    """Return the command line parser."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true", help="print machine-readable JSON")
    parser.add_argument(
        "--articles",
        nargs="+",
        metavar="NAME",
        help="gold names, article file names or paths to text files",
    )
    parser.add_argument("--no-baseline", action="store_true", help="skip the flooding baseline")
    parser.add_argument(
        "--verbose",
        action="store_true",
        help="also list recall by fact type and the gold questions missed",
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the evaluation and print the report; always return 0."""
    args = build_parser().parse_args(argv)
    cases = select_cases(args.articles)
    sources = [name for name in ITEM_SOURCES if not (args.no_baseline and name == "baseline")]
    reports = [measure_source(source, cases) for source in sources]
    if args.json:
        print(json.dumps({r.source: report_to_dict(r) for r in reports}, indent=2))
    else:
        print(render_text(reports, _threshold_note(), args.verbose))
    return 0


if __name__ == "__main__":
    sys.exit(main())
