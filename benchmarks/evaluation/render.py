"""Plain-text and JSON renderings of the evaluation report."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from .checks import CHECKS
from .scoring import ArticleFigures
from .targets import target_verdicts

#: Short column headings for the checks.
CHECK_HEADINGS = {
    "leak": "leak",
    "pronoun_stem": "pron",
    "distractor_type": "dtype",
    "distractor_alias": "dalias",
    "duplicate": "dup",
    "vague_stem": "vague",
    "long_stem": "long",
}

_NAME_WIDTH = 38


@dataclass(frozen=True)
class SourceReport:
    """Everything measured for one item source."""

    source: str
    rows: tuple[ArticleFigures, ...]
    development_total: ArticleFigures | None
    unavailable: str = ""


def _percent(value: float | None) -> str:
    """Format a share as a percentage, or "n/a"."""
    return "n/a" if value is None else f"{value:.0%}"


def _row(figures: ArticleFigures) -> str:
    """One table row of figures."""
    checks = " ".join(
        f"{_percent(figures.failure_share(check)):>{len(CHECK_HEADINGS[check]) + 1}}"
        for check in CHECKS
    )
    return (
        f"{figures.name[:_NAME_WIDTH]:<{_NAME_WIDTH}} {figures.words:>6} {figures.items:>5} "
        f"{figures.items_per_100_words:>7.1f} {_percent(figures.recall):>6} {checks} "
        f"{_percent(figures.failing_any_share):>5} {figures.passing_per_100_words:>9.1f}"
    )


def _heading() -> str:
    """The table's heading row."""
    checks = " ".join(
        f"{CHECK_HEADINGS[check]:>{len(CHECK_HEADINGS[check]) + 1}}" for check in CHECKS
    )
    return (
        f"{'article':<{_NAME_WIDTH}} {'words':>6} {'items':>5} {'it/100w':>7} {'recall':>6} "
        f"{checks} {'any':>5} {'pass/100w':>9}"
    )


def _target_lines(figures: ArticleFigures) -> list[str]:
    """PASS/FAIL lines for the issue's targets."""
    lines = ["targets (development set, pooled):"]
    for label, value, met in target_verdicts(figures).values():
        marker = "n/a " if met is None else ("PASS" if met else "FAIL")
        shown = (
            "n/a" if value is None else (f"{value:.1f}" if "per 100" in label else f"{value:.1%}")
        )
        lines.append(f"  [{marker}] {label}: {shown}")
    return lines


def _detail_lines(report: SourceReport) -> list[str]:
    """Recall by fact type, and the gold questions no item answered."""
    lines: list[str] = []
    if report.development_total and report.development_total.recall_by_type:
        by_type = report.development_total.recall_by_type
        parts = [f"{kind} {done}/{total}" for kind, (done, total) in sorted(by_type.items())]
        lines.append("recall by fact type: " + ", ".join(parts))
    for row in report.rows:
        lines.extend(f"  missed [{row.name}] {question}" for question in row.missed)
    return lines


def render_text(reports: Sequence[SourceReport], threshold_note: str, verbose: bool) -> str:
    """Render every source's table, targets and (verbose) details as plain text."""
    lines: list[str] = []
    for report in reports:
        lines.append(f"== {report.source} ==")
        if report.unavailable:
            lines += [f"not measured: {report.unavailable}", ""]
            continue
        if report.source == "generator":
            lines.append(threshold_note)
        lines.append(_heading())
        lines.extend(_row(row) for row in report.rows)
        if report.development_total:
            lines.append(_row(report.development_total))
            lines.extend(_target_lines(report.development_total))
        lines.extend(_bundled_lines(report.rows))
        if verbose:
            lines.extend(_detail_lines(report))
        lines.append("")
    return "\n".join(lines)


def _bundled_lines(rows: Sequence[ArticleFigures]) -> list[str]:
    """Passing items and distinct facts behind them, for the issue's bundled-article target."""
    return [
        f"{row.name}: {row.passing} items pass every check, from "
        f"{row.distinct_passing_facts} distinct facts (target: >= 25 items from >= 18 facts)"
        for row in rows
        if row.name.startswith("000_")
    ]


def figures_to_dict(figures: ArticleFigures) -> dict[str, Any]:
    """Return one row of figures as JSON-ready data."""
    return {
        "article": figures.name,
        "words": figures.words,
        "items": figures.items,
        "items_per_100_words": round(figures.items_per_100_words, 3),
        "gold_facts": figures.gold_facts,
        "answered": figures.answered,
        "recall": None if figures.recall is None else round(figures.recall, 4),
        "recall_by_type": {k: list(v) for k, v in sorted(figures.recall_by_type.items())},
        "failures": dict(figures.failures),
        "failure_shares": {c: round(figures.failure_share(c), 4) for c in CHECKS},
        "failing_any_share": round(figures.failing_any_share, 4),
        "passing": figures.passing,
        "passing_per_100_words": round(figures.passing_per_100_words, 3),
        "distinct_passing_facts": figures.distinct_passing_facts,
        "missed": list(figures.missed),
    }


def report_to_dict(report: SourceReport) -> dict[str, Any]:
    """Return one source's report as JSON-ready data."""
    total = report.development_total
    return {
        "available": not report.unavailable,
        "unavailable_reason": report.unavailable,
        "articles": [figures_to_dict(row) for row in report.rows],
        "development_set": figures_to_dict(total) if total else None,
        "targets": {
            name: {"label": label, "value": value, "met": met}
            for name, (label, value, met) in (target_verdicts(total).items() if total else ())
        },
    }
