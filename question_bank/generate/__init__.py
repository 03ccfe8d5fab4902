"""Facts -> quiz items: kinds as a registry (``KINDS``), typed distractors, checks, a learned
ranker and the choice of what is published.

Overgenerate, check, rank, publish: every kind builds candidates from every fact, ``checks``
drops unsound ones, the ranker (``ranker.json``) scores the rest with the probability that a
teacher would hand them out unedited, and ``publish`` keeps a short, varied list above the
threshold; the rest stay available, ranked.
"""

from question_bank.generate.kinds import KINDS

__all__ = ["KINDS"]
