"""Reading plain text, Markdown and HTML, and the article metadata."""

from __future__ import annotations

from datetime import date

from question_bank import read_article
from question_bank.reading import parse_date_text, prepare_article
from question_bank.reading.dates import resolve_relative


def test_bundled_metadata(bundled_text):
    prepared = prepare_article(bundled_text)
    assert prepared.meta.date == "2021-04-14"
    assert prepared.meta.byline == "Jeyhun Aliyev"
    assert (prepared.meta.place, prepared.meta.agency) == ("ANKARA", "AA")
    assert len(prepared.body) == len(bundled_text)
    assert "ANKARA" not in prepared.body and prepared.body.lstrip().startswith("Relations between")


def test_caller_date_wins(bundled_text):
    assert prepare_article(bundled_text, date(2022, 1, 2)).meta.date == "2022-01-02"


def test_headline_and_date_line():
    text = (
        "Lantern Festival in Taipei lights up the night\n\nMonday, March 5, 2007\n\n"
        "The festival opened."
    )
    meta = prepare_article(text).meta
    assert meta.title == "Lantern Festival in Taipei lights up the night"
    assert meta.date == "2007-03-05"


def test_an_impossible_header_date_is_left_unread_and_the_rest_is_kept():
    text = "Talks in Baku\nDate: 2026-13-45 By Ann Lee\n\nThe two presidents met on Monday.\n"
    prepared = prepare_article(text)
    assert (prepared.meta.title, prepared.meta.date, prepared.meta.byline) == (
        "Talks in Baku",
        "",
        "Ann Lee",
    )
    assert prepared.published is None and "The two presidents met" in prepared.body


def test_dates_absolute_and_relative():
    assert parse_date_text("Nov. 10, 2020").iso == "2020-11-10"
    assert parse_date_text("14 April 2021").display == "14 April 2021"
    assert parse_date_text("Tuesday in the park") is None
    published = date(2021, 4, 14)
    assert resolve_relative("Wednesday", published).iso == "2021-04-14"
    assert resolve_relative("the previous day", published, published).iso == "2021-04-13"
    assert resolve_relative("last year", published).iso == "2020"
    assert resolve_relative("some day", published) is None


def test_markdown_to_text(tmp_path):
    path = tmp_path / "a.md"
    path.write_text(
        "# Talks in Baku\n\nThe **president** met [his counterpart](http://x).\n", "utf-8"
    )
    assert read_article(path) == "Talks in Baku\n\nThe president met his counterpart."


def test_html_main_text(tmp_path):
    body = (
        "<p>The president of Azerbaijan met the president of Belarus in Baku on Wednesday.</p>" * 3
    )
    html = (
        "<html><head><title>Talks</title></head><body><nav>Home | About</nav>"
        f"<article>{body}</article></body></html>"
    )
    path = tmp_path / "a.html"
    path.write_text(html, "utf-8")
    text = read_article(path)
    assert "president of Belarus" in text and "<p>" not in text
