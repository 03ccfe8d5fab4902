"""Print generator speed: words/s end to end, generation time / spaCy parse time, CLI cold start.

Run: ``.venv/bin/python benchmarks/bench_generate.py``. Figures only; not part of the test run.

Each text is timed twice. **Cold**: ``question_bank.clear_caches()`` runs before every timed
generation, so no memoised lookup survives from an earlier run (only the loaded spaCy pipeline
does, as it does for the parse it is compared with); this is the figure held against the target
ratio of 1.3. **Warm**: the caches are left as the previous run filled them, as in a process
that generates from the same text again.

The long input is made of distinct text: the development articles from ``../shared/data/articles``
(when present) and the bundled article, their sentences shuffled by a fixed seed that changes on
every pass, cycled until the input holds 20,000 words.
"""

from __future__ import annotations

import random
import re
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from question_bank import clear_caches, generate  # noqa: E402
from question_bank.nlp import load_pipeline  # noqa: E402
from question_bank.reading import prepare_article  # noqa: E402

BUNDLED = REPO / "question_bank" / "articles" / "000_ab9bc902712cf4f0.txt"
DEVELOPMENT_ARTICLES = REPO.parent / "shared" / "data" / "articles"
LONG_WORDS = 20_000
SHUFFLE_SEED = 20_000
SENTENCES_PER_PARAGRAPH = 4
_SENTENCE_END = re.compile(r"(?:(?<=[.!?])|(?<=[.!?][\"”]))\s+(?=[\"“A-Z])")


def _best_of(runs: int, action: Callable[[], object], before: Callable[[], object]) -> float:
    best = float("inf")
    for _ in range(runs):
        before()
        start = time.perf_counter()
        action()
        best = min(best, time.perf_counter() - start)
    return best


def measure(label: str, text: str, runs: int) -> None:
    """Print words/s and the ratio of generation to the parse alone, cold and warm caches."""
    nlp = load_pipeline()
    body = prepare_article(text).body
    parse_time = _best_of(runs, lambda: nlp(body), before=lambda: None)
    cold_time = _best_of(runs, lambda: generate(text), before=clear_caches)
    warm_time = _best_of(runs, lambda: generate(text), before=lambda: generate(text))
    words = len(text.split())
    print(
        f"{label}: {words} words, parse {parse_time:.3f}s\n"
        f"  cold caches: generate {cold_time:.3f}s, {words / cold_time:,.0f} words/s, "
        f"ratio {cold_time / parse_time:.2f}  (target <= 1.3)\n"
        f"  warm caches: generate {warm_time:.3f}s, {words / warm_time:,.0f} words/s, "
        f"ratio {warm_time / parse_time:.2f}"
    )


def _article_bodies() -> list[str]:
    """The bodies (headline and date line dropped) of the bundled and development articles."""
    paths = [BUNDLED, *sorted(DEVELOPMENT_ARTICLES.glob("*.txt"))]
    return [prepare_article(path.read_text(encoding="utf-8")).body for path in paths]


def _shuffled(body: str, rng: random.Random) -> str:
    sentences = [s for s in _SENTENCE_END.split(" ".join(body.split())) if s]
    rng.shuffle(sentences)
    step = SENTENCES_PER_PARAGRAPH
    return "\n\n".join(" ".join(sentences[i : i + step]) for i in range(0, len(sentences), step))


def long_input(words: int = LONG_WORDS) -> str:
    """A headline and about ``words`` words of the articles' sentences, reshuffled on every pass."""
    bodies, parts, total = _article_bodies(), [], 0
    rng = random.Random(SHUFFLE_SEED)
    while total < words:
        index = len(parts) % len(bodies)
        if index == 0:
            rng = random.Random(SHUFFLE_SEED + len(parts))
        parts.append(_shuffled(bodies[index], rng))
        total += len(parts[-1].split())
    return "News from many places\n\n" + "\n\n".join(parts)


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
    generate(text)  # load the pipeline
    measure("bundled article", text, runs=5)
    if not DEVELOPMENT_ARTICLES.is_dir():
        print(f"(no development articles at {DEVELOPMENT_ARTICLES}: long input from one article)")
    measure("20,000-word input (distinct text)", long_input(), runs=2)
    cold_start()


if __name__ == "__main__":
    main()
