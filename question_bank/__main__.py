"""Command line: ``python -m question_bank COMMAND ...``.

Each command is a module in ``question_bank.commands`` listed in ``COMMANDS``; it exposes
``add_parser(subparsers)`` which registers its arguments and sets ``func`` to a callable taking the
parsed arguments and returning an exit status.
"""

from __future__ import annotations

import argparse
import importlib
import sys

#: Command name -> module in question_bank.commands.
COMMANDS = {
    "generate": "question_bank.commands.generate",
    "convert": "question_bank.commands.convert",
    "stats": "question_bank.commands.stats",
}


def build_parser() -> argparse.ArgumentParser:
    """Return the argument parser with every registered command."""
    parser = argparse.ArgumentParser(prog="python -m question_bank")
    subparsers = parser.add_subparsers(dest="command", required=True)
    for module_name in COMMANDS.values():
        importlib.import_module(module_name).add_parser(subparsers)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run one command and return its exit status."""
    args = build_parser().parse_args(argv)
    return int(args.func(args) or 0)


if __name__ == "__main__":
    sys.exit(main())
