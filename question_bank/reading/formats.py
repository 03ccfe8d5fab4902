"""Input formats as a registry: each reader turns raw file content into plain article text.

The plain text keeps the shape the metadata reader expects: the headline on the first line, the
date line next when known, then the body with paragraphs separated by a blank line.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

_HTML_SNIFF = re.compile(r"^\s*(<!doctype html|<html|<head|<body|<article|<p[\s>])", re.I)
_SUFFIXES = {
    ".txt": "text",
    ".text": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
}


def read_text(raw: str) -> str:
    """Return plain text unchanged apart from normalised line endings."""
    return raw.replace("\r\n", "\n").replace("\r", "\n")


def _inline_text(token) -> str:
    parts = []
    for child in token.children or ():
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            parts.append(" ")
        elif child.type == "image":
            parts.append("")
    return "".join(parts).strip()


def read_markdown(raw: str) -> str:
    """Render Markdown to plain text: one paragraph per block, markup dropped."""
    from markdown_it import MarkdownIt  # only Markdown uploads need the parser

    blocks = []
    for token in MarkdownIt("commonmark").parse(read_text(raw)):
        if token.type == "inline":
            text = _inline_text(token)
            if text:
                blocks.append(text)
        elif token.type in ("fence", "code_block"):
            continue
    return "\n\n".join(blocks)


def read_html(raw: str) -> str:
    """Extract the main text of an HTML page with trafilatura, headline and date first."""
    import trafilatura

    body = trafilatura.extract(raw, include_comments=False, include_tables=False) or ""
    meta = trafilatura.extract_metadata(raw)
    header = []
    if meta is not None and meta.title:
        header.append(meta.title.strip())
    if meta is not None and meta.date:
        header.append(meta.date.strip())
    paragraphs = [line.strip() for line in body.splitlines() if line.strip()]
    return "\n\n".join(header + paragraphs)


#: Format name -> reader from raw content to plain text.
READERS: dict[str, Callable[[str], str]] = {
    "text": read_text,
    "markdown": read_markdown,
    "html": read_html,
}


def detect_format(raw: str, path: Path | None = None) -> str:
    """Return the format name for a file suffix, else sniff the content (HTML or text)."""
    if path is not None and path.suffix.lower() in _SUFFIXES:
        return _SUFFIXES[path.suffix.lower()]
    return "html" if _HTML_SNIFF.match(raw) else "text"


def _looks_like_path(source: str) -> bool:
    return len(source) < 4096 and "\n" not in source and Path(source).is_file()


def read_article(source: str | Path, fmt: str | None = None) -> str:
    """Return the plain text of an article given as a path or as its content (.txt, .md, .html).

    ``fmt`` forces a reader from ``READERS``; otherwise the file suffix or the content decides.
    Raises ``ValueError`` for an unknown format and ``UnicodeDecodeError`` for undecodable files.
    """
    path = Path(source) if isinstance(source, Path) or _looks_like_path(source) else None
    raw = path.read_bytes().decode("utf-8-sig") if path is not None else str(source)
    name = fmt or detect_format(raw, path)
    if name not in READERS:
        raise ValueError(f"unknown article format {name!r}; known: {', '.join(READERS)}")
    return READERS[name](raw)
