"""Helpers shared by the QTI 1.2 and 2.1 readers (namespace-agnostic element lookups)."""

from __future__ import annotations

from collections.abc import Iterator
from xml.etree.ElementTree import Element

from question_bank.formats.xmltools import inner_xml, local_name


def children(element: Element, name: str) -> list[Element]:
    """Direct children called ``name`` (any namespace)."""
    return [child for child in element if local_name(child) == name]


def child(element: Element | None, name: str) -> Element | None:
    """The first direct child called ``name`` (any namespace), or None."""
    if element is None:
        return None
    return next((c for c in element if local_name(c) == name), None)


def descendants(element: Element, name: str) -> Iterator[Element]:
    """Every element below ``element`` called ``name`` (any namespace), in document order."""
    return (e for e in element.iter() if e is not element and local_name(e) == name)


def first(element: Element, name: str) -> Element | None:
    """The first descendant called ``name``, or None."""
    return next(descendants(element, name), None)


def markup(element: Element | None) -> str:
    """The trimmed text and child markup inside ``element`` ('' when it is None)."""
    return inner_xml(element).strip() if element is not None else ""
