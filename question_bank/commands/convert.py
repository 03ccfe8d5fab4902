"""``python -m question_bank convert FILE --from FMT --to FMT [-o OUT] [--leave-out]``: convert
question files.

``--from`` may be left out to guess the format. ``--to json`` prints ``{"questions": [...]}``;
other text formats print to standard output unless ``-o`` names a file, and binary formats
(apkg, qti21) need ``-o``. A malformed file prints one ``file:line: reason`` line per problem on
standard error and exits with status 2; so does a question the target format cannot hold,
unless ``--leave-out`` is given: then the others are written and each one left out is named on
standard error ("left out: NAME: REASON").
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from question_bank.formats import FORMATS, FormatError, read_questions, write_what_fits

EXIT_BAD_INPUT = 2


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    """Register the ``convert`` command and its arguments."""
    readable = [name for name, fmt in FORMATS.items() if fmt.can_read]
    writable = [name for name, fmt in FORMATS.items() if fmt.can_write]
    parser = subparsers.add_parser("convert", help="convert a question file between formats")
    parser.add_argument("file", type=Path, help="the file to read")
    parser.add_argument(
        "--from", dest="source", choices=readable, help="format of FILE (guessed when left out)"
    )
    parser.add_argument(
        "--to", dest="target", choices=writable, required=True, help="format to write"
    )
    parser.add_argument("-o", "--output", type=Path, help="file to write (default: stdout)")
    parser.add_argument(
        "--leave-out",
        action="store_true",
        help="write the questions the target format can hold and name the others",
    )
    parser.set_defaults(func=run_convert)


def _fail(lines: list[str]) -> int:
    for line in lines:
        print(line, file=sys.stderr)
    return EXIT_BAD_INPUT


def run_convert(args: argparse.Namespace) -> int:
    """Read FILE, write it in the target format; return the exit status."""
    try:
        data = args.file.read_bytes()
    except OSError as error:
        return _fail([f"{args.file}:0: cannot read the file: {error.strerror}"])
    target = FORMATS[args.target]
    if target.binary and args.output is None:
        return _fail([f"{args.file}:0: {target.label} output is binary; name a file with -o"])
    try:
        written = write_what_fits(read_questions(data, str(args.file), args.source), args.target)
    except FormatError as error:
        return _fail([str(problem) for problem in error.problems])
    if written.left_out and not args.leave_out:
        lines = [f"{args.file}:0: {item}" for item in written.left_out]
        return _fail([*lines, f"{args.file}:0: add --leave-out to write the others"])
    for item in written.left_out:
        print(f"left out: {item}", file=sys.stderr)
    if args.output is None:
        sys.stdout.write(written.data.decode("utf-8"))
    else:
        args.output.write_bytes(written.data)
        print(f"wrote {written.count} questions to {args.output}", file=sys.stderr)
    return 0
