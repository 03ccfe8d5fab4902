"""Print generator speed: words/s end to end, generation time / spaCy parse time, CLI cold start.

Run: ``.venv/bin/python benchmarks/bench_generate.py``. Figures only; not part of the test run.
"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from question_bank import generate  # noqa: E402
from question_bank.nlp import load_pipeline  # noqa: E402
from question_bank.reading import prepare_article  # noqa: E402

BUNDLED = REPO / "question_bank" / "articles" / "000_ab9bc902712cf4f0.txt"
LONG_WORDS = 20_000


def _best_of(runs: int, action) -> float:
    best = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        action()
        best = min(best, time.perf_counter() - start)
    return best


def measure(label: str, text: str, runs: int) -> None:
    """Print words/s and the ratio of full generation to the parse alone for one text."""
    nlp = load_pipeline()
    body = prepare_article(text).body
    parse_time = _best_of(runs, lambda: nlp(body))
    total_time = _best_of(runs, lambda: generate(text))
    words = len(text.split())
    print(
        f"{label}: {words} words, {words / total_time:,.0f} words/s end to end, "
        f"parse {parse_time:.3f}s, generate {total_time:.3f}s, ratio {total_time / parse_time:.2f}"
    )


def cold_start() -> None:
    """Print the wall time of one CLI run in a fresh interpreter."""
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "question_bank.commands.generate", str(BUNDLED)],
        cwd=REPO,
        check=True,
        capture_output=True,
    )
    print(f"CLI cold start (bundled article): {time.perf_counter() - start:.2f}s")


def main() -> None:
    """Run every measurement."""
    text = BUNDLED.read_text(encoding="utf-8")
    generate(text)  # warm the pipeline
    measure("bundled article", text, runs=5)
    body = "\n\n".join(text.split("\n\n")[1:])
    copies = LONG_WORDS // len(body.split()) + 1
    long_text = text.split("\n\n")[0] + "\n\n" + "\n\n".join([body] * copies)
    measure("20,000-word input", long_text, runs=1)
    cold_start()


if __name__ == "__main__":
    main()
