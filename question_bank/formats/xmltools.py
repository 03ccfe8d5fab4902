"""Safe XML parsing (defusedxml) that remembers the source line of every element."""

from __future__ import annotations

import copy
import re
from xml.etree.ElementTree import Element, ParseError, TreeBuilder, tostring

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import DefusedXMLParser

from question_bank.formats.errors import FormatError, Problem


class LineElement(Element):
    """An element that knows the line it started on (``line``, 1-based)."""

    line: int = 0


#: Deepest element nesting read; deeper documents are refused (they only serve to exhaust the
#: stack of every recursive XML and HTML routine that later touches them).
MAX_DEPTH = 100


class TooDeep(ValueError):
    """The document nests elements more than ``MAX_DEPTH`` deep."""


class _LineTreeBuilder(TreeBuilder):
    def __init__(self) -> None:
        super().__init__(element_factory=LineElement)
        self.expat = None
        self.depth = 0

    def start(self, tag, attrs):  # type: ignore[no-untyped-def]
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise TooDeep(f"elements are nested more than {MAX_DEPTH} deep")
        element = super().start(tag, attrs)
        element.line = self.expat.CurrentLineNumber if self.expat is not None else 0
        return element

    def end(self, tag):  # type: ignore[no-untyped-def]
        self.depth -= 1
        return super().end(tag)


def parse_xml(data: bytes, filename: str) -> LineElement:
    """Parse XML bytes (any declared encoding) safely; raise FormatError when not well formed."""
    builder = _LineTreeBuilder()
    parser = DefusedXMLParser(target=builder, forbid_dtd=False)
    builder.expat = parser.parser
    try:
        parser.feed(data)
        return parser.close()
    except ParseError as error:
        line = error.position[0] if error.position else 0
        raise FormatError([Problem(filename, line, f"not well-formed XML: {error.msg}")]) from None
    except TooDeep as error:
        line = builder.expat.CurrentLineNumber if builder.expat is not None else 0
        raise FormatError([Problem(filename, line, str(error))]) from None
    except DefusedXmlException as error:
        line = builder.expat.CurrentLineNumber if builder.expat is not None else 0
        raise FormatError([Problem(filename, line, f"refused unsafe XML: {error}")]) from None


def depth(element: Element) -> int:
    """How deep elements nest under ``element`` (1 for a leaf), counted without recursion."""
    deepest, stack = 0, [(element, 1)]
    while stack:
        node, level = stack.pop()
        deepest = max(deepest, level)
        stack.extend((child, level + 1) for child in node)
    return deepest


def local_name(element: Element) -> str:
    """Return an element's tag without its ``{namespace}``."""
    return element.tag.rsplit("}", 1)[-1] if isinstance(element.tag, str) else ""


def serialize(element: Element, compact: bool = True) -> str:
    """Return one element as compact XML text: indentation between child elements is dropped,
    so the text does not change when a writer indents the document again."""
    detached = copy.deepcopy(element)
    detached.tail = None
    for node in detached.iter() if compact else ():
        if len(node) and node.text is not None and not node.text.strip():
            node.text = None
        if node is not detached and node.tail is not None and not node.tail.strip():
            node.tail = None
    return tostring(detached, encoding="unicode")


def inner_xml(element: Element) -> str:
    """Return the text and child markup inside ``element`` (its namespace prefixes dropped)."""
    parts = [element.text or ""]
    for child in element:
        parts.append(_strip_namespaces(serialize(child, compact=False)))
        parts.append(child.tail or "")
    return "".join(parts)


def _strip_namespaces(xml_text: str) -> str:
    xml_text = re.sub(r'\sxmlns(:\w+)?="[^"]*"', "", xml_text)
    return re.sub(r"<(/?)\w+:", r"<\1", xml_text)
