"""Sample moments used by the quiz statistics: means, variances, covariances and shape.

Variances and covariances divide by ``n - 1`` (sample figures), as Moodle's quiz statistics
do. Skewness and kurtosis use the k-statistics of Moodle's "Quiz statistics calculations"
page (the same estimators as spreadsheet ``SKEW`` and ``KURT``): with ``m_r`` the ``r``-th
central moment dividing by ``n``,

* ``k2 = n m2 / (n - 1)``
* ``k3 = n² m3 / ((n - 1)(n - 2))``
* ``k4 = n² ((n + 1) m4 - 3 (n - 1) m2²) / ((n - 1)(n - 2)(n - 3))``
* skewness ``= k3 / k2^(3/2)`` and kurtosis ``= k4 / k2²`` (excess kurtosis: 0 for a normal
  distribution).

A figure that is undefined for the data (too few values, or no spread) is ``None``. A list
whose values are all equal has exactly zero spread, so rounding noise never turns it into a
tiny non-zero variance.
"""

from __future__ import annotations

import math
from collections.abc import Sequence


def mean(values: Sequence[float]) -> float | None:
    """Return the arithmetic mean, or ``None`` for no values."""
    if not values:
        return None
    return math.fsum(values) / len(values)


def median(values: Sequence[float]) -> float | None:
    """Return the median (the mean of the two middle values for an even count)."""
    if not values:
        return None
    ordered = sorted(values)
    middle = len(ordered) // 2
    if len(ordered) % 2:
        return ordered[middle]
    return (ordered[middle - 1] + ordered[middle]) / 2


def is_constant(values: Sequence[float]) -> bool:
    """Return whether every value is the same (no spread at all)."""
    return not values or min(values) == max(values)


def deviations(values: Sequence[float]) -> list[float]:
    """Return each value's difference from the mean (all zero for constant values)."""
    if is_constant(values):
        return [0.0] * len(values)
    centre = math.fsum(values) / len(values)
    return [value - centre for value in values]


def covariance(xs: Sequence[float], ys: Sequence[float]) -> float | None:
    """Return the sample covariance (divisor ``n - 1``), or ``None`` below two pairs."""
    if len(xs) != len(ys):
        raise ValueError("covariance needs two lists of the same length")
    if len(xs) < 2:
        return None
    products = (dx * dy for dx, dy in zip(deviations(xs), deviations(ys), strict=True))
    return math.fsum(products) / (len(xs) - 1)


def variance(values: Sequence[float]) -> float | None:
    """Return the sample variance (divisor ``n - 1``), or ``None`` below two values."""
    return covariance(values, values)


def maximum_covariance(xs: Sequence[float], ys: Sequence[float]) -> float | None:
    """Return the covariance the two lists would have if both were sorted the same way.

    This is the largest covariance any pairing of these values can reach; Moodle divides by it
    to get the discriminative efficiency.
    """
    return covariance(sorted(xs), sorted(ys))


def central_moment(values: Sequence[float], power: int) -> float:
    """Return the ``power``-th central moment, dividing by ``n``."""
    return math.fsum(d**power for d in deviations(values)) / len(values)


def skewness(values: Sequence[float]) -> float | None:
    """Return the sample skewness ``k3 / k2^(3/2)``; ``None`` below 3 values or with no spread."""
    n = len(values)
    if n < 3 or is_constant(values):
        return None
    m2, m3 = central_moment(values, 2), central_moment(values, 3)
    k2 = n * m2 / (n - 1)
    k3 = n * n * m3 / ((n - 1) * (n - 2))
    return k3 / k2**1.5


def kurtosis(values: Sequence[float]) -> float | None:
    """Return the sample excess kurtosis ``k4 / k2²``; ``None`` below 4 values or no spread."""
    n = len(values)
    if n < 4 or is_constant(values):
        return None
    m2, m4 = central_moment(values, 2), central_moment(values, 4)
    k2 = n * m2 / (n - 1)
    k4 = n * n * ((n + 1) * m4 - 3 * (n - 1) * m2 * m2) / ((n - 1) * (n - 2) * (n - 3))
    return k4 / (k2 * k2)
