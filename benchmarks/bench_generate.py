"""Speed of the question generator as a user meets it: whole processes, timed from outside.

For each input, two commands are run in turn, ``--runs`` times each (alternating, so a busy
moment of the machine falls on both), and the median wall time of each is kept:

* **generate**: ``python -m question_bank generate FILE`` (start Python, import, load the spaCy
  pipeline, read the article, parse it, extract facts, build and rank items, print JSON);
* **parse**: a process that loads the same pipeline and runs ``nlp.pipe`` over the same
  paragraphs (the file cut at blank lines), and does nothing else.

The ratio generate/parse is the figure held against the target of 1.3. The inputs are the
bundled article and about 20,000 words of news: the shared articles one after another, in
file-name order, until 20,000 words are reached (``../shared/data/articles``; left out with a
note when absent). A report, not a test: the exit status is always 0.

    .venv/bin/python benchmarks/bench_generate.py [--runs 3] [--words 20000]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
SHARED_ARTICLES = REPO_ROOT.parent / "shared" / "data" / "articles"
BUNDLED = sorted((REPO_ROOT / "question_bank" / "articles").glob("*.txt"))
TARGET_RATIO = 1.3

PARSE_ONLY = """
import re, sys
import spacy
from question_bank.nlp import resolve_model_name
nlp = spacy.load(resolve_model_name())
text = open(sys.argv[1], encoding="utf-8").read()
for doc in nlp.pipe(p for p in re.split(r"\\n[ \\t]*\\n", text) if p.strip()):
    pass
"""


def news_text(words: int) -> str | None:
    """Shared articles in name order until ``words`` words, or None when they are absent."""
    paths = sorted(SHARED_ARTICLES.glob("[0-9][0-9]-*.txt"))
    if not paths:
        return None
    parts, count = [], 0
    for path in paths:
        text = path.read_text(encoding="utf-8")
        parts.append(text)
        count += len(text.split())
        if count >= words:
            break
    return "\n\n".join(parts)


def timed(command: list[str]) -> float:
    """Wall time of one process, which must succeed."""
    started = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, cwd=REPO_ROOT)
    return time.perf_counter() - started


def compare(path: Path, runs: int) -> tuple[float, float]:
    """Median wall times of the generate and the parse-only process on one file."""
    generate = [sys.executable, "-m", "question_bank", "generate", str(path)]
    parse = [sys.executable, "-c", PARSE_ONLY, str(path)]
    timed(parse)  # the first start reads the model from disk into the page cache
    generated, parsed = [], []
    for _ in range(runs):
        generated.append(timed(generate))
        parsed.append(timed(parse))
    return statistics.median(generated), statistics.median(parsed)


def report(name: str, path: Path, runs: int) -> None:
    """Print one input's figures."""
    words = len(path.read_text(encoding="utf-8").split())
    generated, parsed = compare(path, runs)
    ratio = generated / parsed
    verdict = "PASS" if ratio <= TARGET_RATIO else "FAIL"
    print(
        f"{name}: {words:,} words; generate {generated:.2f} s ({words / generated:,.0f} words/s), "
        f"parse only {parsed:.2f} s; ratio {ratio:.2f} [{verdict} <= {TARGET_RATIO}]"
    )


def main(argv: list[str] | None = None) -> int:
    """Run the comparison on the bundled article and on the news text."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--words", type=int, default=20_000)
    args = parser.parse_args(argv)
    print(f"whole processes, median of {args.runs} runs each, alternating")
    for path in BUNDLED:
        report(f"bundled article {path.name}", path, args.runs)
    text = news_text(args.words)
    if text is None:
        print(f"news text: left out, no articles at {SHARED_ARTICLES}")
        return 0
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "news.txt"
        path.write_text(text, encoding="utf-8")
        report("news text", path, args.runs)
    return 0


if __name__ == "__main__":
    sys.exit(main())
