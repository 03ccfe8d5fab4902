"""The flooding baseline: blank every named entity in every sentence as a cloze item.

It shows what recall costs when nothing is filtered: each entity spaCy finds becomes its own
cloze item whose prompt is the whole sentence with that entity replaced by the gap.
"""

from __future__ import annotations

from question_bank.model import Item

from .normalise import GAP_MARKER
from .pipeline import english_pipeline

#: spaCy entity label -> the fact type the baseline claims for it.
LABEL_FACT_TYPES = {
    "PERSON": "person",
    "GPE": "place",
    "LOC": "place",
    "FAC": "place",
    "ORG": "organisation",
    "NORP": "organisation",
    "DATE": "date",
    "TIME": "date",
    "CARDINAL": "number",
    "QUANTITY": "number",
    "MONEY": "number",
    "PERCENT": "number",
    "ORDINAL": "number",
    "EVENT": "event",
    "LAW": "agreement",
}


def entity_cloze_items(text: str) -> list[Item]:
    """Return one cloze item per named entity per sentence of the text."""
    items: list[Item] = []
    for sentence in english_pipeline()(text).sents:
        sentence_text = sentence.text.strip()
        for entity in sentence.ents:
            start = entity.start_char - sentence.start_char
            end = entity.end_char - sentence.start_char
            prompt = (sentence.text[:start] + GAP_MARKER + sentence.text[end:]).strip()
            items.append(
                Item(
                    id=f"baseline-{len(items) + 1}",
                    kind="cloze",
                    prompt=prompt,
                    answer=entity.text,
                    evidence=sentence_text,
                    fact_type=LABEL_FACT_TYPES.get(entity.label_, "event"),
                    score=1.0,
                )
            )
    return items
