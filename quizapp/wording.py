"""How counts read in the app's messages: "1 item", "3 items", never "item(s)"."""

from __future__ import annotations


def counted(number: int, noun: str, plural: str | None = None) -> str:
    """``number`` and ``noun``, the noun in the plural (``noun + "s"`` unless given) unless
    the number is one."""
    return f"{number:,} {noun if number == 1 else plural or noun + 's'}"
