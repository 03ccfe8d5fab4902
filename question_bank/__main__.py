"""Command line: ``python -m question_bank COMMAND ...``.

Each command is a module in ``question_bank.commands`` listed in ``COMMANDS``; it exposes
``add_parser(subparsers)`` which registers its arguments and sets ``func`` to a callable taking the
parsed arguments and returning an exit status. Only the module of the command being run is
imported, so a quick command does not pay for the NLP pipeline of another.
"""

from __future__ import annotations

import argparse
import importlib
import sys

#: Command name -> (module in question_bank.commands, one-line help).
COMMANDS = {
    "generate": ("question_bank.commands.generate", "generate quiz items from articles"),
    "convert": ("question_bank.commands.convert", "convert a question file between formats"),
    "stats": ("question_bank.commands.stats", "quiz statistics from a CSV of marks"),
    "mark": ("question_bank.commands.mark", "mark a CSV of responses against a question file"),
}


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """Return the parser; the full arguments are loaded for ``command`` (or for all if None)."""
    parser = argparse.ArgumentParser(prog="python -m question_bank")
    subparsers = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name, (module_name, help_text) in COMMANDS.items():
        if command is None or name == command:
            importlib.import_module(module_name).add_parser(subparsers)
        else:
            subparsers.add_parser(name, help=help_text)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run one command and return its exit status."""
    argv = sys.argv[1:] if argv is None else argv
    chosen = next((a for a in argv if not a.startswith("-")), None)
    args = build_parser(chosen if chosen in COMMANDS else None).parse_args(argv)
    return int(args.func(args) or 0)


if __name__ == "__main__":
    sys.exit(main())
