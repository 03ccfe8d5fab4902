"""Generation ends on any input, in time that grows with the input, not faster.

Each case runs under an alarm: a generator that loops (as one did when three dated events
shared a label) fails the test instead of hanging it. The alarm bounds termination only; speed
is measured by ``benchmarks/bench_generate.py``.
"""

from __future__ import annotations

import signal
from contextlib import contextmanager

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from question_bank import GenerationError, generate
from question_bank.generate.kinds import Env, ordering
from question_bank.generate.pipeline import read_article_facts

SENTENCE = "Foreign Minister Lena Marsh of Estonia signed the treaty in Riga on March 2, 2025."


@contextmanager
def deadline(seconds: int):
    """Fail with TimeoutError when the block runs longer than ``seconds``."""

    def stop(signum, frame):
        raise TimeoutError(f"generation did not end within {seconds} s")

    previous = signal.signal(signal.SIGALRM, stop)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def test_events_sharing_one_label_still_give_an_ordering_that_ends():
    text = "\n\n".join(
        f"Estonia signed the treaty in Riga on March {day}, 2025." for day in (2, 9, 16)
    )
    _, article, facts = read_article_facts(text, "2025-03-20")
    with deadline(10):
        made = list(ordering(facts, Env(pool=None, seed=0, published=article.published)))
    for candidate in made:
        assert candidate.item.choices != candidate.item.sequence


ADVERSARIAL = {
    "one sentence fifty times": " ".join([SENTENCE] * 50),
    "a list": "\n".join(f"- item {n}: Riga, Estonia, 2025" for n in range(200)),
    "a table": "\n".join("| Riga | 2025 | 40 | Estonia |" for _ in range(200)),
    "all capitals": SENTENCE.upper() * 20,
    "no verbs": "Riga. Estonia. Latvia. March 2, 2025. Forty rivers. " * 40,
    "one long paragraph": " ".join([SENTENCE.replace("Riga", f"Riga {n}") for n in range(300)]),
}


@pytest.mark.parametrize("name", ADVERSARIAL)
def test_repetitive_and_odd_text_ends(name):
    with deadline(60):
        try:
            result = generate(ADVERSARIAL[name])
        except GenerationError:
            return
    assert len(result.items) <= len(ADVERSARIAL[name].split())


def test_twenty_thousand_words_in_one_paragraph_end():
    def name(n: int) -> str:
        letters = "".join(chr(97 + (n // 26**k) % 26) for k in range(3))
        return letters.capitalize() + "son"

    sentences = [
        f"Minister Lena {name(n)} of Estonia met Karl {name(n + 7)} in Riga on March "
        f"{n % 28 + 1}, 2025."
        for n in range(1450)
    ]
    text = " ".join(sentences)
    assert len(text.split()) >= 20_000
    with deadline(240):
        result = generate(text)
    assert result.items


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(
        st.sampled_from(
            [
                SENTENCE,
                "He said it would.",
                '"We agree," she said.',
                "The the the.",
                "2025 2025 2025",
                "Riga, Riga, and Riga signed Riga.",
                "¿Qué? — «Non».",
                "Estonia and Latvia signed 40 treaties on March 2, 2025, March 2, 2025.",
                "",
            ]
        ),
        min_size=1,
        max_size=30,
    )
)
def test_any_mix_of_odd_sentences_ends_without_an_error(parts):
    text = "\n\n".join(parts)
    with deadline(60):
        try:
            generate(text)
        except GenerationError:
            pass
