"""``python -m question_bank.data.derive``: write the table of shipped names' recognised kinds.

Run after upgrading the spaCy pipeline; ``tests/question_bank/test_generate_shipped.py`` fails
while the stored table disagrees with the installed pipeline.
"""

from __future__ import annotations

import sys
from importlib import resources

from question_bank.data import NEWS_AGENCIES, RECOGNISED_KINDS_FILE, countries

_HEADER = "# name\tkind the recogniser reads in the name alone (question_bank.data.derive)"


def shipped_names() -> list[str]:
    """Every shipped name a distractor may be: countries, capitals and news agencies."""
    names = [c.name for c in countries()] + [c.capital for c in countries()] + list(NEWS_AGENCIES)
    return list(dict.fromkeys(names))


def recognised_kinds_table() -> str:
    """Return the table of shipped names and their kinds, as the installed pipeline reads them."""
    from question_bank.generate.answer_forms import recognised_kinds

    kinds = recognised_kinds(shipped_names())
    return "\n".join([_HEADER, *(f"{name}\t{kind}" for name, kind in kinds.items())]) + "\n"


def main() -> int:
    """Write the table into the ``question_bank/data`` folder."""
    target = resources.files("question_bank.data").joinpath(RECOGNISED_KINDS_FILE)
    with resources.as_file(target) as path:
        path.write_text(recognised_kinds_table(), encoding="utf-8")
    print(f"wrote {len(shipped_names())} names to {target}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
