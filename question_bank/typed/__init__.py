"""Typed answers: reading the forms numbers, amounts and dates are written in, and comparing a
typed answer with an expected one (exact on digits, tolerant of small typos in long words).

``read_number`` reads one number as a student types it; ``answer_tokens`` turns a whole answer
into comparable tokens; ``typed_matches`` says whether two answers agree (rules in ``compare``).
"""

from question_bank.typed.compare import Token, answer_tokens, typed_matches
from question_bank.typed.numbers import read_number

__all__ = ["Token", "answer_tokens", "read_number", "typed_matches"]
