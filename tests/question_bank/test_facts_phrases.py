"""Noun-phrase facts, repaired person names, plural "they" and sentence starts at blank lines."""

from __future__ import annotations

from question_bank.facts import ArticleContext
from question_bank.facts.names import repair_names
from question_bank.facts.phrases import candidate_phrases
from question_bank.model import ArticleMeta
from question_bank.nlp import parse


def _context(text: str) -> ArticleContext:
    doc = parse(text)
    repair_names(doc)
    return ArticleContext(doc=doc, meta=ArticleMeta(), published=None)


def _phrases(text: str) -> list[str]:
    ctx = _context(text)
    return [ctx.doc[a:b].text for s in ctx.sentences for a, b in candidate_phrases(ctx, s)]


def test_object_and_list_phrases_are_candidates():
    assert "a pressurized rover" in _phrases("Japan will design and operate a pressurized rover.")
    found = _phrases(
        "The team analysed the worldwide production of wheat, rice, maize and soybean."
    )
    assert "wheat, rice, maize and soybean" in found


def test_pronouns_generic_heads_and_numbers_are_not_phrases():
    found = _phrases("They discussed the importance of it in 2020 with 300 people.")
    assert not any(p in found for p in ("They", "the importance", "300 people", "it"))


def test_person_after_a_title_is_repaired():
    doc = parse(
        "USAID Administrator Samantha Power met Ambassador to Armenia Lynne Tracy in Yerevan."
    )
    repair_names(doc)
    people = {ent.text for ent in doc.ents if ent.label_ == "PERSON"}
    assert {"Samantha Power", "Lynne Tracy"} <= people


def test_title_vocabulary_is_not_a_name():
    doc = parse("The Under Secretary of Homeland Security spoke on Monday.")
    repair_names(doc)
    assert not any(ent.text == "Homeland Security" and ent.label_ == "PERSON" for ent in doc.ents)


def test_plural_they_is_named_in_a_cloze():
    text = (
        "The three advisers met in Tokyo on Friday.\n\n"
        "In addition, they reiterated the importance of peace across the Taiwan Strait."
    )
    ctx = _context(text)
    assert set(ctx.groups.values()) == {"the three advisers"}


def test_blank_line_starts_a_sentence():
    doc = parse("Efforts to keep the sea open\n\nThe first joint training was held in June.")
    assert [s.text.strip() for s in doc.sents][-1] == "The first joint training was held in June."


def test_phrase_facts_give_cloze_items_but_no_true_false(bundled_generation):
    phrase_facts = {f.id for f in bundled_generation.facts if f.attr("origin") == "phrase"}
    kinds = {i.kind for i in bundled_generation.items if i.fact_id in phrase_facts}
    assert "cloze" in kinds
    assert "truefalse" not in kinds
