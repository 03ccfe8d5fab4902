"""Plain-text and JSON renderings of the evaluation report."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
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

_NAME_WIDTH = 36


@dataclass(frozen=True)
class SourceReport:
    """Everything measured for one item source: per-article rows and per-split totals."""

    source: str
    rows: tuple[ArticleFigures, ...]
    totals: dict[str, ArticleFigures] = field(default_factory=dict)
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
        f"{figures.items_per_100_words:>7.1f} {figures.candidates_per_100_words:>8.1f} "
        f"{_percent(figures.recall):>6} {_percent(figures.recall_by_candidates):>6} {checks} "
        f"{_percent(figures.failing_any_share):>5}"
    )


def _heading() -> str:
    """The table's heading row."""
    checks = " ".join(
        f"{CHECK_HEADINGS[check]:>{len(CHECK_HEADINGS[check]) + 1}}" for check in CHECKS
    )
    return (
        f"{'article':<{_NAME_WIDTH}} {'words':>6} {'pub':>5} {'pub/100':>7} {'cand/100':>8} "
        f"{'r.pub':>6} {'r.all':>6} {checks} {'any':>5}"
    )


def _target_lines(name: str, figures: ArticleFigures) -> list[str]:
    """PASS/FAIL lines for the issue's targets."""
    lines = [f"targets ({name}, pooled):"]
    for label, value, met, unit in target_verdicts(figures).values():
        marker = "n/a " if met is None else ("PASS" if met else "FAIL")
        shown = "n/a" if value is None else (f"{value:.1f}" if unit == "rate" else f"{value:.1%}")
        lines.append(f"  [{marker}] {label}: {shown}")
    return lines


def _detail_lines(report: SourceReport) -> list[str]:
    """Recall by fact type per split, and the gold questions no published item answered."""
    lines: list[str] = []
    for name, total in report.totals.items():
        if total.recall_by_type:
            parts = [
                f"{kind} {done}/{all_}"
                for kind, (done, all_) in sorted(total.recall_by_type.items())
            ]
            lines.append(f"recall by fact type ({name}): " + ", ".join(parts))
    for row in report.rows:
        lines.extend(f"  missed [{row.name}] {question}" for question in row.missed)
    return lines


def render_text(reports: Sequence[SourceReport], note: str, verbose: bool) -> str:
    """Render every source's table, per-split totals, targets and (verbose) details."""
    lines: list[str] = []
    for report in reports:
        lines.append(f"== {report.source} ==")
        if report.unavailable:
            lines += [f"not measured: {report.unavailable}", ""]
            continue
        if report.source == "generator":
            lines.append(note)
        lines.append(_heading())
        lines.extend(_row(row) for row in report.rows)
        lines.extend(_row(total) for total in report.totals.values())
        if report.source == "generator":
            for name, total in report.totals.items():
                lines.extend(_target_lines(name, total))
        if verbose:
            lines.extend(_detail_lines(report))
        lines.append("")
    return "\n".join(lines)


def figures_to_dict(figures: ArticleFigures) -> dict[str, Any]:
    """Return one row of figures as JSON-ready data."""
    return {
        "article": figures.name,
        "words": figures.words,
        "published": figures.items,
        "published_per_100_words": round(figures.items_per_100_words, 3),
        "candidates": figures.candidates,
        "candidates_per_100_words": round(figures.candidates_per_100_words, 3),
        "gold_facts": figures.gold_facts,
        "recall_published": None if figures.recall is None else round(figures.recall, 4),
        "recall_candidates": (
            None if figures.recall_by_candidates is None else round(figures.recall_by_candidates, 4)
        ),
        "recall_by_type": {k: list(v) for k, v in sorted(figures.recall_by_type.items())},
        "failures": dict(figures.failures),
        "failure_shares": {c: round(figures.failure_share(c), 4) for c in CHECKS},
        "failing_any_share": round(figures.failing_any_share, 4),
        "missed": list(figures.missed),
    }


def report_to_dict(report: SourceReport) -> dict[str, Any]:
    """Return one source's report as JSON-ready data."""
    return {
        "available": not report.unavailable,
        "unavailable_reason": report.unavailable,
        "articles": [figures_to_dict(row) for row in report.rows],
        "splits": {name: figures_to_dict(total) for name, total in report.totals.items()},
        "targets": {
            name: {
                label_name: {"label": label, "value": value, "met": met}
                for label_name, (label, value, met, _) in target_verdicts(total).items()
            }
            for name, total in report.totals.items()
        },
    }
