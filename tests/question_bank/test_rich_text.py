"""Question text rendered for pages: sanitised HTML without styles, Markdown, embedded images."""

from __future__ import annotations

import base64

from question_bank.rich_text import image_files, render_rich_text

PIXEL = base64.b64encode(b"\x89PNG\r\n\x1a\n-a-tiny-picture").decode()


def stored_file(name: str, data: str = PIXEL, path: str = "/") -> str:
    return f'<file name="{name}" path="{path}" encoding="base64">{data}</file>'


def test_html_keeps_formatting_and_data_images_and_drops_scripts_and_styles():
    text = (
        '<p style="color: red">A <b>bold</b> word<script>alert("x")</script>'
        f'<img src="data:image/png;base64,{PIXEL}" alt="dot" style="width: 2px"'
        ' onerror="alert(1)"></p>'
    )
    shown = render_rich_text(text, "html")
    assert shown == f'<p>A <b>bold</b> word<img src="data:image/png;base64,{PIXEL}" alt="dot"></p>'


def test_markdown_is_rendered_and_its_raw_html_shown_as_text():
    shown = render_rich_text("Some **bold**:\n\n- one\n- two\n\n<script>x()</script>", "markdown")
    assert "<strong>bold</strong>" in shown and "<ul>\n<li>one</li>\n<li>two</li>\n</ul>" in shown
    assert "<script>" not in shown and "&lt;script&gt;" in shown


def test_plain_text_and_tagless_moodle_text_are_escaped():
    assert render_rich_text("1 < 2 and **not bold**", "plain") == "1 &lt; 2 and **not bold**"
    assert render_rich_text("a & b", "moodle") == "a &amp; b"


def test_pluginfile_images_become_the_questions_own_files():
    files = image_files(
        {
            "moodle.file.questiontext.00": stored_file("a map.png"),
            "moodle.file.questiontext.01": stored_file("notes.txt"),
            "moodle.file.questiontext.02": stored_file("broken.png", "not base64!"),
            "moodle.name": "ignored",
        }
    )
    assert files == {"a map.png": f"data:image/png;base64,{PIXEL}"}
    text = (
        '<img src="@@PLUGINFILE@@/a%20map.png" alt="map">'
        '<img src="@@PLUGINFILE@@/notes.txt" alt="notes">'
    )
    shown = render_rich_text(text, "html", files)
    assert shown == f'<img src="data:image/png;base64,{PIXEL}" alt="map"><img alt="notes">'
