"""Print, per article of a split, the posts the generator reads ("role" facts) and the items made
from them: role questions and people-to-posts matching, published (``*``) or further candidates.

    .venv/bin/python benchmarks/role_items.py [--split tuning] [--articles NAME ...]

A report for reading, not a test: the figures at the end count articles with a role fact, a
published role item and a published matching item.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
if str(REPO_ROOT) not in sys.path:
    sys.path.insert(0, str(REPO_ROOT))

from benchmarks.evaluation.splits import articles_of  # noqa: E402
from question_bank import generate  # noqa: E402


def _role_items(result) -> list[tuple[bool, object]]:
    """Published and further items asked from a role fact, and matching items of posts."""
    roles = {fact.id for fact in result.facts if fact.type == "role"}
    chosen = []
    for published, items in ((True, result.items), (False, result.more)):
        for item in items:
            posts = item.kind == "matching" and "post" in item.prompt
            if item.fact_id in roles or item.fact_type == "role" or posts:
                chosen.append((published, item))
    return chosen


def main(argv: list[str] | None = None) -> int:
    """Print the report."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", default="tuning")
    parser.add_argument("--articles", nargs="*", default=None)
    args = parser.parse_args(argv)
    paths = articles_of(args.split)
    if args.articles:
        paths = [p for p in paths if any(p.name.startswith(a) for a in args.articles)]
    counts = {"role facts": 0, "published role items": 0, "published matching": 0}
    for path in paths:
        result = generate(path.read_text(encoding="utf-8"))
        facts = [fact for fact in result.facts if fact.type == "role"]
        items = _role_items(result)
        print(f"== {path.stem}: {len(facts)} role facts")
        for fact in facts:
            print(f"   fact  {fact.attr('person')} = {fact.text}")
        for published, item in items:
            mark = "*" if published else " "
            shown = "; ".join(f"{a} = {b}" for a, b in item.pairs) or item.answer
            print(f"   {mark}{item.kind:12} {item.prompt}  -> {shown}")
        counts["role facts"] += bool(facts)
        counts["published role items"] += any(p and i.kind != "matching" for p, i in items)
        counts["published matching"] += any(p and i.kind == "matching" for p, i in items)
    print(f"articles: {len(paths)}; " + "; ".join(f"with {k}: {v}" for k, v in counts.items()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
