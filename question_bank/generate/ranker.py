"""The acceptability ranker: a logistic model of how likely a teacher is to hand an item out
unedited, given its features (``generate.features``), with a second one of how likely the
item is to be worth asking (the rubric's "useful"), which orders acceptable items.

The fitted model ships as ``ranker.json`` beside this module (feature names, standardisation,
weights, bias and the publication threshold chosen on the tuning articles);
``benchmarks/train_ranker.py`` fits it again from the stored blind ratings. Scoring needs no
library: it is a dot product and a logistic function.
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache, cached_property
from importlib import resources

MODEL_FILE = "ranker.json"


@dataclass(frozen=True)
class Ranker:
    """A fitted logistic model over named features."""

    names: tuple[str, ...]
    means: tuple[float, ...]
    scales: tuple[float, ...]
    weights: tuple[float, ...]
    bias: float
    threshold: float
    about: Mapping[str, object]
    useful_weights: tuple[float, ...] = ()
    useful_bias: float = 0.0

    def probability(self, values: Mapping[str, float]) -> float:
        """The modelled probability that an item with these features is acceptable."""
        return _logistic(values, *self._acceptable)

    def usefulness(self, values: Mapping[str, float]) -> float:
        """The modelled probability that a teacher would find the item worth asking (1.0 when
        the model has no usefulness part)."""
        if not self.useful_weights:
            return 1.0
        return _logistic(values, *self._useful)

    @cached_property
    def _acceptable(self) -> tuple[dict[str, float], float]:
        return self._folded(self.weights, self.bias)

    @cached_property
    def _useful(self) -> tuple[dict[str, float], float]:
        return self._folded(self.useful_weights, self.useful_bias)

    def _folded(self, weights: tuple[float, ...], bias: float) -> tuple[dict[str, float], float]:
        """Weights with the standardisation folded in: a slope per feature and a constant, so a
        candidate's score sums only the features it has."""
        slopes = {
            name: weight / scale
            for name, scale, weight in zip(self.names, self.scales, weights, strict=True)
        }
        constant = bias - sum(
            weight * mean / scale
            for mean, scale, weight in zip(self.means, self.scales, weights, strict=True)
        )
        return slopes, constant


def _logistic(values: Mapping[str, float], slopes: dict[str, float], constant: float) -> float:
    total = 0.0
    for name, value in values.items():
        slope = slopes.get(name)
        if slope is not None:
            total += slope * value
    total += constant
    return 1.0 / (1.0 + math.exp(-max(min(total, 40.0), -40.0)))


def ranker_from_dict(data: Mapping[str, object]) -> Ranker:
    """Build a ranker from the JSON form ``benchmarks/train_ranker.py`` writes."""
    names = tuple(data["features"])  # type: ignore[arg-type]
    count = len(names)
    means = tuple(data.get("means") or [0.0] * count)  # type: ignore[arg-type]
    scales = tuple(data.get("scales") or [1.0] * count)  # type: ignore[arg-type]
    weights = tuple(data["weights"])  # type: ignore[arg-type]
    if not len(means) == len(scales) == len(weights) == count:
        raise ValueError("ranker model: features, means, scales and weights differ in length")
    useful = tuple(data.get("useful_weights") or ())  # type: ignore[arg-type]
    if useful and len(useful) != count:
        raise ValueError("ranker model: useful_weights differ in length from features")
    return Ranker(
        names,
        means,
        tuple(s or 1.0 for s in scales),
        weights,
        float(data["bias"]),  # type: ignore[arg-type]
        float(data["threshold"]),  # type: ignore[arg-type]
        dict(data.get("about") or {}),  # type: ignore[arg-type]
        useful,
        float(data.get("useful_bias") or 0.0),  # type: ignore[arg-type]
    )


@cache
def shipped_ranker() -> Ranker:
    """The model shipped with the package."""
    text = resources.files("question_bank.generate").joinpath(MODEL_FILE).read_text("utf-8")
    return ranker_from_dict(json.loads(text))
