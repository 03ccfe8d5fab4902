"""``python -m question_bank generate FILE... [--format json|gift]``: questions from articles.

JSON output: one ``Generation.to_dict()`` object for a single file, a list of them (in the order
given) for several: the published ``items`` and the ranked ``more``. GIFT output: one document
with every file's published items (``--all``: the others too), each file's items in a category
named after its headline. Errors print one line to stderr and
exit with status 2.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable

from question_bank.model import Generation

EXIT_ERROR = 2
#: Item kinds the GIFT format cannot hold.
GIFT_MISSING_KINDS = frozenset({"ordering"})


def _json(generations: list[Generation], everything: bool = False) -> str:
    """The generations as JSON: indented for a terminal, compact (and quicker) otherwise."""
    data = [g.to_dict() for g in generations]
    indent = 2 if sys.stdout.isatty() else None
    return json.dumps(data[0] if len(data) == 1 else data, ensure_ascii=False, indent=indent)


def _gift(generations: list[Generation], everything: bool = False) -> str:
    """Every generation's published items (with ``everything``, the others too) as one GIFT
    document, through the bank's GIFT writer."""
    from question_bank.bank import item_to_question
    from question_bank.formats import write_questions

    items = [
        (g.article.title, item)
        for g in generations
        for item in (g.items + g.more if everything else g.items)
    ]
    kept = [
        item_to_question(item, category=title)
        for title, item in items
        if item.kind not in GIFT_MISSING_KINDS
    ]
    if len(kept) < len(items):
        print(
            f"note: {len(items) - len(kept)} ordering item(s) left out: "
            "GIFT has no ordering questions",
            file=sys.stderr,
        )
    return write_questions(kept, "gift").decode("utf-8")


#: Output format -> renderer of the generations.
OUTPUTS: dict[str, Callable[[list[Generation], bool], str]] = {"json": _json, "gift": _gift}


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    """Register the ``generate`` command."""
    parser = subparsers.add_parser("generate", help="generate quiz items from articles")
    parser.add_argument("files", nargs="+", metavar="FILE", help="article (.txt, .md or .html)")
    parser.add_argument("--format", choices=sorted(OUTPUTS), default="json")
    parser.add_argument(
        "--min-score",
        type=float,
        default=None,
        help="publish items scoring at least this (default: the ranker's threshold)",
    )
    parser.add_argument("--kinds", default=None, help="comma-separated item kinds")
    parser.add_argument(
        "--seed", type=int, default=None, help="pick another reproducible selection"
    )
    parser.add_argument("--published", default=None, help="publication date, YYYY-MM-DD")
    parser.add_argument(
        "--all",
        action="store_true",
        help="GIFT: also the items not published by default (JSON always lists them as 'more')",
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Generate items for every file and print them; return the exit status."""
    from question_bank import GenerationError, generate, read_article

    kinds = [k.strip() for k in args.kinds.split(",") if k.strip()] if args.kinds else None
    generations = []
    for name in args.files:
        try:
            text = read_article(name) if _is_file(name) else _missing(name)
            generations.append(
                generate(
                    text,
                    published=args.published,
                    kinds=kinds,
                    seed=args.seed,
                    min_score=args.min_score,
                )
            )
        except (GenerationError, ValueError, OSError) as error:
            print(f"error: {name}: {error}", file=sys.stderr)
            return EXIT_ERROR
    try:
        rendered = OUTPUTS[args.format](generations, args.all)
    except ValueError as error:  # a format's FormatError is a ValueError
        print(f"error: {args.format} output: {error}", file=sys.stderr)
        return EXIT_ERROR
    sys.stdout.write(rendered + "\n")
    return 0


def _is_file(name: str) -> bool:
    from pathlib import Path

    return Path(name).is_file()


def _missing(name: str) -> str:
    raise OSError("no such file")


def main(argv: list[str] | None = None) -> int:
    """Run the ``generate`` command alone (``python -m question_bank.commands.generate``)."""
    parser = argparse.ArgumentParser(prog="python -m question_bank")
    add_parser(parser.add_subparsers(dest="command", required=True))
    args = parser.parse_args(["generate", *(sys.argv[1:] if argv is None else argv)])
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
