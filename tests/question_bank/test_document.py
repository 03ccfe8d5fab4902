"""The parsed article is read from its paragraphs' parses as if they were one parse."""

from __future__ import annotations

from spacy.tokens import Doc

from question_bank.facts import read_article_doc
from question_bank.generate.pipeline import read_article_facts
from question_bank.nlp import lemma_tables, parse
from question_bank.reading.metadata import prepare_article

ARTICLE = """Ministers meet in Riga

March 3, 2025

Foreign Minister Lena Marsh of Estonia met her Latvian counterpart Tomas Vale in Riga on Monday.
The two ministers, who have known each other since 2019, signed a treaty on river protection.

"Clean rivers are a duty we owe our children," Marsh said. Vale agreed.

Officials said 40 rivers and 12 lakes would be protected under the treaty by 2030.
"""


def _read(parsed):
    prepared = prepare_article(ARTICLE, None)
    return read_article_doc(parsed, prepared.meta, prepared.published, lemma_tables())


def test_paragraph_parses_read_as_one_merged_parse():
    body = prepare_article(ARTICLE, None).body
    parts = parse(body)
    assert len(parts) > 1, "the article has several paragraphs"
    apart = _read(parts)
    merged = _read(Doc.from_docs(list(parts), ensure_whitespace=False))
    assert apart.text == merged.text == body
    assert apart.tokens == merged.tokens
    assert apart.sentences == merged.sentences
    assert apart.mentions == merged.mentions
    assert apart.noun_chunks == merged.noun_chunks


def test_subtree_edges_and_heads_are_the_parser_s():
    parts = parse(prepare_article(ARTICLE, None).body)
    merged = Doc.from_docs(list(parts), ensure_whitespace=False)
    tokens = _read(parts).tokens
    assert tokens.head == [t.head.i for t in merged]
    assert tokens.left_edge == [t.left_edge.i for t in merged]
    assert tokens.right_edge == [t.right_edge.i for t in merged]
    assert tokens.pos == [t.pos_ for t in merged] and tokens.dep == [t.dep_ for t in merged]
    assert tokens.space == [t.whitespace_ for t in merged]


def test_no_sentence_starts_right_after_a_word_on_the_same_line():
    """Nothing ends a sentence between two words of one line: the parser's cut after "Foreign
    Affairs" (before the minister's name) is not taken, whatever the pipeline guesses."""
    text = (
        "Today, U.S. Embassy Bogota Charge d'Affaires Francisco Palmieri and Colombian Vice "
        "President and Minister of Foreign Affairs Marta Lucia Ramirez signed a protocol of "
        "amendment to the 2011 Air Transport Agreement in Bogota. It enters into force later."
    )
    for doc in parse(text):
        for sentence in doc.sents:
            first = sentence[0]
            if first.i == 0:
                continue
            before = doc[first.i - 1]
            ended = not before.text[-1:].isalnum() or "\n" in before.whitespace_
            assert ended, (before.text, first.text)
    starts = [s[0].text for doc in parse(text) for s in doc.sents]
    assert starts == ["Today", "It"]


def test_an_opening_quotation_mark_starts_no_sentence_of_its_own():
    text = (
        'Researchers published a study on Monday, June 2, 2014. "Surface ozone has declined by '
        '25 percent across the United States since 1980," said Colette Heald. "It is "good" '
        'news." Heald spoke in Boston.'
    )
    starts = [s.text for doc in parse(text) for s in doc.sents]
    assert all(s.strip() not in ('"', "“") for s in starts), starts
    assert any(s.startswith('"Surface ozone') for s in starts), starts


def test_a_date_read_with_an_aside_after_its_comma_is_the_day_alone():
    _, article, _ = read_article_facts(
        "On Friday, day three of the fair, Estonia signed a deal with Latvia in Tartu.\n\n"
        "The minister will visit from Monday, May 4, through Thursday, May 7, 2026.",
        "2026-04-01",
    )
    dates = [m.text for m in article.mentions if m.label == "DATE"]
    assert "Friday" in dates and not any("day three" in d for d in dates)
    assert "Thursday, May 7, 2026" in dates
