"""Rules for usernames and passwords (NIST SP 800-63B, Unicode TR39).

Passwords: at least ``MIN_PASSWORD_LENGTH`` characters and at most ``MAX_PASSWORD_LENGTH``; not
on zxcvbn's list of common passwords (its frequency lists are drawn from leaked password sets);
not the username or close to it; not guessable in under a million tries by zxcvbn's estimate.
No composition rules (digits, symbols): length and rarity are what count.

Usernames: NFKC-normalised (so fullwidth ``ｓｔｕｄｅｎｔ`` is ``student``), then compared by their
confusable skeleton: every character is replaced by one representative of its class of
look-alikes (the Unicode confusables data shipped with ``confusable_homoglyphs``), case folded.
Two usernames with one skeleton (``student`` and ``ѕtudent`` with a Cyrillic ѕ) cannot both exist.
"""

from __future__ import annotations

import json
import unicodedata
from functools import cache
from importlib.resources import files

from zxcvbn import zxcvbn

MIN_PASSWORD_LENGTH = 10
MAX_PASSWORD_LENGTH = 1024

#: zxcvbn reads at most this many characters; a longer password is judged by its start.
ESTIMATED_PREFIX = 72

#: Passwords that zxcvbn thinks fall within this many guesses are refused.
MIN_GUESSES_LOG10 = 6


def normalise_username(username: str) -> str:
    """The username as stored: NFKC form, surrounding spaces removed."""
    return unicodedata.normalize("NFKC", username or "").strip()


@cache
def _look_alike_classes() -> dict[str, str]:
    """Character -> representative of its class of single-character look-alikes."""
    data = json.loads(
        files("confusable_homoglyphs").joinpath("confusables.json").read_text(encoding="utf-8")
    )
    parent: dict[str, str] = {}

    def root(char: str) -> str:
        while parent.get(char, char) != char:
            char = parent[char]
        return char

    for char, entries in data.items():
        for entry in entries:
            other = entry["c"]
            if len(char) == 1 and len(other) == 1:
                low, high = sorted((root(char), root(other)))
                parent[high] = low
    return {char: root(char) for char in parent}


def username_skeleton(username: str) -> str:
    """The username's confusable skeleton: equal skeletons look alike (case ignored)."""
    classes = _look_alike_classes()
    folded = unicodedata.normalize("NFD", normalise_username(username).casefold())
    mapped = "".join(classes.get(char, char) for char in folded)
    return unicodedata.normalize("NFD", mapped.casefold())


def password_problem(password: str, username: str = "") -> str | None:
    """Why ``password`` is refused for ``username``, or None when it is acceptable."""
    if len(password) < MIN_PASSWORD_LENGTH:
        return f"Use at least {MIN_PASSWORD_LENGTH} characters."
    if len(password) > MAX_PASSWORD_LENGTH:
        return f"Use at most {MAX_PASSWORD_LENGTH:,} characters."
    name = normalise_username(username).casefold()
    if name and password.casefold() == name:
        return "Your password cannot be your username."
    sample = password[:ESTIMATED_PREFIX]
    estimate = zxcvbn(sample, user_inputs=[name] if name else [])
    matches = estimate["sequence"]
    # close to the username: under five characters left without it, or zxcvbn finds it
    # (reversed, with digits for letters ...) in half of the password or more
    rest = password.casefold().replace(name, "") if len(name) >= 3 else password
    if len(rest) < MIN_PASSWORD_LENGTH // 2 or any(
        match.get("dictionary_name") == "user_inputs" and 2 * len(match["token"]) >= len(sample)
        for match in matches
    ):
        return "Your password is too close to your username."
    if any(
        match.get("dictionary_name") == "passwords" and len(match["token"]) == len(sample)
        for match in matches
    ):
        return "That password is on a list of common passwords; choose another."
    if estimate["guesses_log10"] < MIN_GUESSES_LOG10:
        hint = estimate["feedback"]["warning"] or "Add another word or two."
        return f"That password is too easy to guess. {hint}"
    return None
