"""Every memoised function of the generator, registered so that one call can empty them all.

Functions keyed by answer or stem text, and the shipped data read once, are wrapped with
``memoised`` instead of ``functools.lru_cache`` (a dictionary filled as needed is registered with
``register_cache``); ``clear_caches`` empties every one of them (the
spaCy pipeline itself stays loaded). A benchmark calls it before each timed run, and a host that
generates from many unrelated articles may call it to release memory.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from typing import Any, TypeVar

Function = TypeVar("Function", bound=Callable[..., Any])

#: Qualified function name -> its cache-clearing callable.
CACHES: dict[str, Callable[[], None]] = {}


def memoised(maxsize: int | None) -> Callable[[Function], Function]:
    """Wrap a function in an ``lru_cache`` of ``maxsize`` entries and register it in ``CACHES``."""

    def wrap(function: Function) -> Function:
        cached = lru_cache(maxsize=maxsize)(function)
        CACHES[f"{function.__module__}.{function.__qualname__}"] = cached.cache_clear
        return cached  # type: ignore[return-value]

    return wrap


def register_cache(name: str, cache: dict[Any, Any]) -> dict[Any, Any]:
    """Register a dictionary filled as needed (emptied by ``clear_caches``) and return it."""
    CACHES[name] = cache.clear
    return cache


def clear_caches() -> int:
    """Empty every registered cache and return how many there were."""
    for cache_clear in CACHES.values():
        cache_clear()
    return len(CACHES)
