"""The evaluation's automatic checks, each shown to fire and not to fire on hand-made items."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

from benchmarks.evaluation.baseline import entity_cloze_items
from benchmarks.evaluation.checks import CHECKS, duplicate_items, passing_flags, run_checks
from benchmarks.evaluation.choice_checks import distractor_alias, distractor_wrong_type, is_alias
from benchmarks.evaluation.choice_types import classify_by_form, classify_choice
from benchmarks.evaluation.gold import (
    COLLECTIONS,
    GoldArticle,
    GoldArticleMissing,
    GoldFact,
    gold_files,
    load_all_gold,
    load_gold,
    parse_date_line,
    resolve_span,
)
from benchmarks.evaluation.normalise import answers_match, evidence_overlaps
from benchmarks.evaluation.recall import answered_facts, answers_fact
from benchmarks.evaluation.scoring import score_article, total_figures
from benchmarks.evaluation.stem_checks import answer_leaks, long_stem, pronoun_stem, vague_stem
from benchmarks.evaluation.targets import target_verdicts
from question_bank.model import Item

EVIDENCE = (
    "Ilham Aliyev welcomed Alexander Lukashenko, noting he was very glad that relations "
    "between the two countries are developing."
)


def make_item(prompt: str, answer: str, **fields: object) -> Item:
    """A short-answer item on the Aliyev sentence unless fields say otherwise."""
    values: dict[str, object] = {
        "id": "i1",
        "kind": "shortanswer",
        "prompt": prompt,
        "answer": answer,
        "evidence": EVIDENCE,
        "fact_type": "person",
        "score": 1.0,
    }
    values.update(fields)
    return Item(**values)  # type: ignore[arg-type]


GOOD = make_item("Who is the president of Azerbaijan?", "Ilham Aliyev")


# --- answer leak ---------------------------------------------------------------------------


def test_leak_fires_when_the_answer_is_in_the_stem() -> None:
    assert answer_leaks(
        make_item("Who did Ilham Aliyev welcome in Baku, Ilham Aliyev?", "Ilham Aliyev")
    )


def test_leak_fires_on_a_surname_of_the_answer() -> None:
    assert answer_leaks(
        make_item("Which president, Aliyev by name, spoke in Baku?", "Ilham Aliyev")
    )


def test_leak_fires_on_an_accepted_variant_in_a_cloze() -> None:
    item = make_item("_____ welcomed Aliyev's guest, said Aliyev.", "Ilham Aliyev", kind="cloze")
    assert answer_leaks(item)
    assert answer_leaks(
        make_item("Which city hosted the talks in Baku?", "Baku", accepted=("Baku",))
    )


def test_leak_does_not_fire_on_a_clean_stem_or_a_verdict() -> None:
    assert not answer_leaks(GOOD)
    assert not answer_leaks(
        make_item("Ilham Aliyev is president of Azerbaijan.", "True", kind="truefalse")
    )


# --- pronoun stem --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "prompt",
    [
        "He said relations were far from any problems. Who is he?",
        "Was he glad that relations are developing?",
        "What did the minister say his country wanted?",
        "This project is a major investment in what?",
        "What was this year's theme?",
        "_____ said they would discuss industrial cooperation.",
    ],
)
def test_pronoun_stem_fires(prompt: str) -> None:
    assert pronoun_stem(make_item(prompt, "Ilham Aliyev"))


@pytest.mark.parametrize(
    "prompt",
    [
        "Who is the president of Azerbaijan?",
        "Which country did Serbia say it would open consulates in?",
        'Who said "This is what we are doing, and no pandemic can stop that"?',
        "Whom did Aliyev say he was glad to welcome?",
    ],
)
def test_pronoun_stem_does_not_fire(prompt: str) -> None:
    assert not pronoun_stem(make_item(prompt, "Alexander Lukashenko"))


# --- vague and long stems ------------------------------------------------------------------


@pytest.mark.parametrize(
    "prompt",
    [
        "Which of the following is true?",
        "What is the best description of the talks?",
        "What happened?",
        "Who spoke?",
    ],
)
def test_vague_stem_fires(prompt: str) -> None:
    assert vague_stem(make_item(prompt, "Ilham Aliyev"))


def test_vague_stem_does_not_fire_on_a_specific_question() -> None:
    assert not vague_stem(GOOD)
    assert not vague_stem(make_item("Which of the following is Azerbaijan's capital?", "Baku"))


def test_long_stem_fires_past_thirty_words_and_counts_the_gap() -> None:
    thirty = " ".join(["word"] * 29) + " _____"
    assert not long_stem(make_item(thirty, "Baku", kind="cloze"))
    assert long_stem(make_item(thirty + " more", "Baku", kind="cloze"))


# --- distractors ---------------------------------------------------------------------------


def choice_item(answer: str, *others: str) -> Item:
    return make_item(
        "Which city hosted the talks?", answer, kind="multichoice", choices=(answer, *others)
    )


def test_distractor_type_fires_on_a_date_among_places() -> None:
    assert distractor_wrong_type(choice_item("Baku", "Minsk", "14 April 2021", "Yerevan"))


def test_distractor_type_fires_on_a_number_among_people() -> None:
    item = choice_item("Ilham Aliyev", "Alexander Lukashenko", "nearly 300", "Vladimir Putin")
    assert distractor_wrong_type(item)


def test_distractor_type_fires_on_a_person_among_places_using_article_entities() -> None:
    entities = {"baku": "place", "minsk": "place", "azertac": "organisation"}
    assert distractor_wrong_type(choice_item("Baku", "Minsk", "Azertac"), entities)
    assert not distractor_wrong_type(choice_item("Baku", "Minsk"), entities)


def test_distractor_type_does_not_fire_on_same_type_options_or_true_false() -> None:
    assert not distractor_wrong_type(choice_item("14 April 2021", "10 November 2020", "3 May 2022"))
    assert not distractor_wrong_type(choice_item("44 days", "30 days", "ten years"))
    verdict = make_item("Baku is the capital.", "True", kind="truefalse", choices=("True", "False"))
    assert not distractor_wrong_type(verdict)


def test_distractor_alias_fires_on_equal_alias_acronym_or_repeated_options() -> None:
    assert distractor_alias(choice_item("Ilham Aliyev", "Aliyev", "Alexander Lukashenko"))
    assert distractor_alias(choice_item("Baku", "baku.", "Minsk"))
    assert distractor_alias(
        choice_item("National Aeronautics and Space Administration", "NASA", "JAXA")
    )
    assert distractor_alias(choice_item("Baku", "Minsk", "Minsk ", "Yerevan"))


def test_distractor_alias_does_not_fire_on_distinct_options() -> None:
    assert not distractor_alias(choice_item("Baku", "Minsk", "Yerevan", "Tbilisi"))
    assert not distractor_alias(choice_item("49 percent", "27 percent", "46 percent"))


def test_ordering_events_are_not_distractors() -> None:
    events = (
        "The 44-day conflict ended in a truce",
        "Alexander Lukashenko arrived in Baku",
        "The talks between Ilham Aliyev and Alexander Lukashenko",
    )
    ordering = make_item(
        "Put the events below in order, earliest first.",
        " > ".join(events),
        kind="ordering",
        choices=tuple(reversed(events)),
        sequence=events,
    )
    assert not distractor_alias(ordering)
    assert not distractor_wrong_type(ordering)
    as_choices = replace(ordering, kind="multichoice")
    assert distractor_alias(as_choices)  # the same options on a choice item are still audited


def test_is_alias_rules() -> None:
    assert is_alias("nearly 300", "300")
    assert is_alias("the United States", "United States of America")
    assert not is_alias("South Korea", "North Korea")


# --- duplicates ----------------------------------------------------------------------------


def test_duplicate_flags_the_later_of_two_near_identical_stems_with_one_answer() -> None:
    first = make_item("Who is the president of Azerbaijan?", "Ilham Aliyev")
    second = make_item("Who is president of Azerbaijan ?", "Ilham Aliyev", kind="multichoice")
    assert duplicate_items([first, second], None) == [False, True]  # type: ignore[arg-type]


def test_duplicate_does_not_flag_different_answers_or_different_stems() -> None:
    items = [
        make_item("Who is the president of Azerbaijan?", "Ilham Aliyev"),
        make_item("Who is the president of Belarus?", "Alexander Lukashenko"),
        make_item("Who welcomed the Belarusian leader in Baku?", "Ilham Aliyev"),
    ]
    assert duplicate_items(items, None) == [False, False, False]  # type: ignore[arg-type]


# --- registry, answers, evidence -----------------------------------------------------------


def test_run_checks_reports_every_check_and_passing_flags() -> None:
    bad = make_item("He is who?", "Ilham Aliyev")
    results = run_checks([GOOD, bad])
    assert set(results) == set(CHECKS)
    assert passing_flags(results, 2) == [True, False]


def test_answers_match_ignores_case_punctuation_and_small_typos() -> None:
    assert answers_match("Washington, D.C.", "washington dc")
    assert answers_match("84,121", "84121")
    assert answers_match("Lukashenko", "Lukashenka")
    assert not answers_match("Minsk", "Baku")
    assert not answers_match("49 percent", "46 percent")
    assert not answers_match("", "")


def test_evidence_overlap_accepts_one_shared_sentence_only() -> None:
    two = 'Harry Kane won the award. He said, "In the first half it felt good out there for us."'
    assert evidence_overlaps('He said, "In the first half it felt good out there for us.', two)
    assert not evidence_overlaps("Sweden faced South Korea at the Nizhny Novgorod Stadium.", two)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("14 April 2021", "date"),
        ("Nov. 10, 2020", "date"),
        ("the 62nd minute", "date"),
        ("44-day", "duration"),
        ("three decades", "duration"),
        ("nearly 300 settlements", "number"),
        ("$50 million", "number"),
        ("Azertac", None),
    ],
)
def test_classify_by_form(text: str, expected: str | None) -> None:
    assert classify_by_form(text) == expected


def test_classify_choice_roles_and_head_words() -> None:
    assert classify_choice("foreign minister") == "role"
    assert classify_choice("Secretary of State") == "role"
    assert classify_choice("Civic Party") == "organisation"
    assert classify_choice("Volgograd Arena") == "place"
    assert classify_choice("Azertac", {"azertac": "organisation"}) == "organisation"


# --- recall ----------------------------------------------------------------------------------


FACT = GoldFact("person", "Who welcomed Lukashenko?", "Ilham Aliyev", EVIDENCE, ("Aliyev",))


def test_recall_needs_the_answer_and_the_evidence() -> None:
    assert answers_fact(make_item("Who welcomed the guest from Minsk?", "aliyev"), FACT)
    assert not answers_fact(make_item("Who was welcomed?", "Alexander Lukashenko"), FACT)
    moved = make_item("Who spoke?", "Ilham Aliyev", evidence="Aliyev recalled the pandemic year.")
    assert not answers_fact(moved, FACT)


def test_recall_counts_pairs_and_sequences_but_not_verdicts() -> None:
    matching = make_item("Match", "x", kind="matching", pairs=(("Ilham Aliyev", "president"),))
    ordering = make_item("Order", "x", kind="ordering", sequence=("Aliyev", "Lukashenko"))
    verdict = make_item("Ilham Aliyev welcomed Lukashenko.", "True", kind="truefalse")
    assert answered_facts([matching], [FACT]) == [True]
    assert answered_facts([ordering], [FACT]) == [True]
    assert answered_facts([verdict], [FACT]) == [False]


# --- gold files: quoted or located evidence ---------------------------------------------------


def test_resolve_span_takes_text_or_a_locator() -> None:
    text = "Headline\n\n" + EVIDENCE + " More follows."
    start = text.index(EVIDENCE)
    assert resolve_span(EVIDENCE, "") == EVIDENCE
    assert resolve_span({"start": start, "end": start + len(EVIDENCE)}, text) == EVIDENCE
    for bad in ({"start": 5, "end": len(text) + 1}, {"start": 7, "end": 7}, {"start": 0}):
        with pytest.raises(ValueError, match="fact 3"):
            resolve_span(bad, text, "fact 3")


def test_load_gold_resolves_locators_against_its_article(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    articles, gold_dir = tmp_path / "articles", tmp_path / "gold"
    articles.mkdir()
    gold_dir.mkdir()
    monkeypatch.setitem(COLLECTIONS, "shared", articles)
    text = "Talks in Baku\n\nAliyev spoke first. " + EVIDENCE + "\n"
    (articles / "a.txt").write_text(text, encoding="utf-8")
    start = text.index(EVIDENCE)
    fact = {"type": "person", "question": "Who?", "answer": "Ilham Aliyev", "aliases": []}
    located = {**fact, "evidence": {"start": start, "end": start + len(EVIDENCE)}}
    located["context"] = {"start": text.index("Aliyev spoke"), "end": start - 1}
    quoted = {**fact, "evidence": EVIDENCE}
    meta = {"article": "a.txt", "collection": "shared", "licence": "l", "topic": "t"}
    path = gold_dir / "a.json"
    path.write_text(json.dumps({**meta, "facts": [located, quoted]}), encoding="utf-8")
    gold = load_gold(path)
    assert [f.evidence for f in gold.facts] == [EVIDENCE, EVIDENCE]
    assert [f.context for f in gold.facts] == ["Aliyev spoke first.", ""]
    (articles / "a.txt").unlink()
    with pytest.raises(GoldArticleMissing, match="a.txt"):
        load_gold(path)
    assert load_all_gold(gold_dir, available_only=True) == []


#: Gold files of the shared set, whose third-party articles they must locate, not quote.
SHARED_GOLD_FILES = [
    path
    for path in gold_files()
    if json.loads(path.read_text(encoding="utf-8"))["collection"] == "shared"
]


@pytest.mark.parametrize("path", SHARED_GOLD_FILES, ids=lambda path: path.stem)
def test_shared_gold_files_locate_their_evidence_instead_of_quoting_it(path: Path) -> None:
    data = json.loads(path.read_text(encoding="utf-8"))
    for entry in data["facts"]:
        assert isinstance(entry["evidence"], dict), entry["question"]
        assert isinstance(entry.get("context", {}), dict), entry["question"]


# --- figures, targets, baseline, dates -------------------------------------------------------


def test_scores_and_targets_on_a_small_article() -> None:
    gold = GoldArticle("t", "t.txt", "bundled", "diplomacy", "test", None, (FACT,))
    figures = score_article("t", EVIDENCE, [GOOD, replace(GOOD, id="i2")], gold)
    assert (figures.items, figures.passing, figures.recall) == (2, 1, 1.0)
    assert figures.failures["duplicate"] == 1
    pooled = total_figures("all", [figures, figures])
    verdicts = target_verdicts(pooled)
    assert verdicts["recall_published"][2] is True
    assert verdicts["recall_candidates"][2] is True
    assert verdicts["no_duplicate"][2] is False
    assert pooled.words == 2 * figures.words


def test_recall_by_candidates_counts_items_that_were_not_published() -> None:
    gold = GoldArticle("t", "t.txt", "bundled", "diplomacy", "test", None, (FACT,))
    figures = score_article("t", EVIDENCE, [], gold, candidates=[GOOD])
    assert (figures.recall, figures.recall_by_candidates, figures.candidates) == (0.0, 1.0, 1)


def test_baseline_blanks_each_entity_once() -> None:
    items = entity_cloze_items(EVIDENCE)
    answers = {item.answer for item in items}
    assert {"Ilham Aliyev", "Alexander Lukashenko"} <= answers
    assert all(item.prompt.count("_____") == 1 for item in items)
    assert all(item.answer not in item.prompt for item in items)


def test_parse_date_line_formats() -> None:
    assert str(parse_date_line("Friday, September 9, 2016")) == "2016-09-09"
    assert str(parse_date_line("July 17, 2026")) == "2026-07-17"
    assert str(parse_date_line(" date 2021-04-14 By Jeyhun Aliyev")) == "2021-04-14"
    assert parse_date_line("Office of the Spokesperson") is None


def test_stored_ratings_are_listed_in_the_order_they_were_numbered(tmp_path) -> None:
    from benchmarks.evaluation.rating_figures import stored_figures

    row = {"split": "validation", "sample": "published", "kind": "cloze", "acceptable": True}
    row |= {"useful": True, "wrong_key": False}
    for number in (9, 10, 2):
        path = tmp_path / f"2026-12-02-validation-published-{number}.jsonl"
        path.write_text(json.dumps(row) + "\n", encoding="utf-8")
    names = [figures.name.split(" ")[0] for figures in stored_figures(tmp_path)]
    assert [name.rsplit("-", 1)[1] for name in names] == ["2", "9", "10"]
