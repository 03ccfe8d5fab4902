"""Question text as HTML to show: sanitised markup, rendered Markdown, embedded images.

``render_rich_text`` is the one way a prompt (or feedback) becomes HTML for a page:

- ``plain`` text is escaped;
- ``markdown`` is rendered by markdown-it-py with raw HTML switched off (a ``<b>`` in the source is
  shown as text), then passed through the sanitiser like any other markup;
- ``html`` and ``moodle`` (Moodle's auto-format) text that holds a tag goes through
  ``question_bank.sanitize.sanitize_html``; without a tag it is escaped like plain text.

Every result is sanitised without ``style`` attributes (the pages' Content-Security-Policy refuses
inline styles). Images whose source is ``@@PLUGINFILE@@/name`` point at a file the question carries
(Moodle XML ``<file encoding="base64">``, kept in ``extra`` under ``moodle.file.``): they become
``data:`` URLs of that file when it is an image, and lose their source otherwise.
"""

from __future__ import annotations

import base64
import binascii
import html
import mimetypes
import re
from collections.abc import Iterable, Mapping
from urllib.parse import unquote
from xml.etree.ElementTree import ParseError

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring
from markdown_it import MarkdownIt

from question_bank.sanitize import looks_like_markup, sanitize_html

#: ``extra`` key prefix of the files a Moodle XML question carries.
FILE_PREFIX = "moodle.file."
#: How Moodle's text refers to one of the question's own files.
PLUGINFILE = "@@PLUGINFILE@@/"
#: Image types a stored file may be shown as.
IMAGE_TYPES = frozenset({"image/png", "image/jpeg", "image/gif", "image/webp", "image/svg+xml"})

_MARKDOWN = MarkdownIt("commonmark", {"html": False})
_PLUGINFILE_SRC = re.compile(r"""(\ssrc\s*=\s*)(["'])@@PLUGINFILE@@/([^"']*)\2""", re.IGNORECASE)
_LEFT_PLUGINFILE_SRC = re.compile(r"""\ssrc\s*=\s*(["'])@@PLUGINFILE@@/[^"']*\1""", re.IGNORECASE)


def image_files(extra: Iterable[tuple[str, str]] | Mapping[str, str]) -> dict[str, str]:
    """The question's stored image files as ``path/name`` (without the leading ``/``) -> data URL.

    Files that are not base64 images, or whose XML cannot be read, are left out.
    """
    items = extra.items() if isinstance(extra, Mapping) else extra
    found: dict[str, str] = {}
    for key, xml in items:
        if not key.startswith(FILE_PREFIX):
            continue
        try:
            element = fromstring(xml)
        except (ParseError, DefusedXmlException):
            continue
        name = element.get("name", "")
        kind = mimetypes.guess_type(name)[0]
        if element.get("encoding", "base64") != "base64" or kind not in IMAGE_TYPES:
            continue
        data = "".join((element.text or "").split())
        try:
            base64.b64decode(data, validate=True)
        except (binascii.Error, ValueError):
            continue
        path = element.get("path", "/").strip("/")
        found[f"{path}/{name}" if path else name] = f"data:{kind};base64,{data}"
    return found


def _embed_files(markup: str, files: Mapping[str, str]) -> str:
    """``@@PLUGINFILE@@`` image sources replaced by the stored file's data URL (or dropped)."""

    def embed(match: re.Match[str]) -> str:
        found = files.get(unquote(html.unescape(match.group(3))))
        return f"{match.group(1)}{match.group(2)}{found}{match.group(2)}" if found else ""

    markup = _PLUGINFILE_SRC.sub(embed, markup)
    return _LEFT_PLUGINFILE_SRC.sub("", markup)


def render_rich_text(
    text: str, text_format: str, files: Mapping[str, str] | None = None, inline: bool = False
) -> str:
    """``text`` of format ``text_format`` as safe HTML to place in a page (module rules).

    ``inline`` renders Markdown without a surrounding paragraph (for pieces of a sentence, such as
    the text between two gaps of a cloze question).
    """
    if text_format == "markdown":
        markup = _MARKDOWN.renderInline(text) if inline else _MARKDOWN.render(text)
    elif text_format in ("html", "moodle") and looks_like_markup(text):
        markup = _embed_files(text, files or {})
    else:
        return html.escape(text, quote=False)
    return sanitize_html(markup, keep_style=False)
