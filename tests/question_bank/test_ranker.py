"""The shipped acceptability ranker: loaded without network, scoring every candidate."""

from __future__ import annotations

import pytest

from question_bank.generate.features import FEATURE_NAMES
from question_bank.generate.kinds import KINDS
from question_bank.generate.pipeline import read_article_facts, scored_candidates
from question_bank.generate.ranker import ranker_from_dict, shipped_ranker


def test_the_shipped_model_says_what_it_was_fitted_on():
    ranker = shipped_ranker()
    assert set(ranker.names) <= set(FEATURE_NAMES)
    assert 0.0 < ranker.threshold < 1.0
    about = ranker.about
    assert about["rubric_version"] == 2 and about["matched"] > 500 and about["commit"]


def test_every_candidate_has_known_features_and_a_probability(bundled_text):
    _, article, facts = read_article_facts(bundled_text, None)
    candidates = scored_candidates(article, facts, list(KINDS), 0, {})
    assert candidates
    for candidate in candidates:
        assert set(candidate.features) <= set(FEATURE_NAMES)
        assert 0.0 <= candidate.item.score <= 1.0
        assert 0.0 <= candidate.worth <= candidate.item.score


def test_the_model_is_a_logistic_function_of_its_features():
    ranker = ranker_from_dict(
        {"features": ["a", "b"], "weights": [2.0, -1.0], "bias": 0.0, "threshold": 0.5}
    )
    assert ranker.probability({}) == pytest.approx(0.5)
    assert ranker.probability({"a": 1.0}) > 0.8
    assert ranker.probability({"b": 1.0}) < 0.3
    with pytest.raises(ValueError):
        ranker_from_dict({"features": ["a"], "weights": [1.0, 2.0], "bias": 0, "threshold": 0.5})
