"""Item building details: matching groups, role distractors, aliases, clause text and compaction."""

from __future__ import annotations

import pytest

from question_bank import generate
from question_bank.facts import ArticleContext
from question_bank.facts.clauses import _phrase
from question_bank.facts.compact import compact_clause
from question_bank.facts.names import repair_names
from question_bank.facts.tokens import TokenTable
from question_bank.generate.distractors import is_alias, is_role_phrase
from question_bank.generate.kinds import MAX_PAIRS, _pair_groups
from question_bank.model import ArticleMeta
from question_bank.nlp import parse

#: A short last group joins the one before it, so a group may hold one pair more than the cap.
MIN_LAST_GROUP = 1


def _context(text: str) -> ArticleContext:
    doc = parse(text)
    repair_names(doc)
    return ArticleContext(doc=doc, meta=ArticleMeta(), published=None)


@pytest.mark.parametrize(
    ("count", "sizes"),
    [(2, [2]), (4, [4]), (5, [5]), (6, [4, 2]), (9, [4, 5]), (12, [4, 4, 4])],
)
def test_pairs_are_split_into_small_groups_in_order(count, sizes):
    pairs = [(f"left {n}", f"right {n}") for n in range(count)]
    groups = _pair_groups(pairs)
    assert [len(g) for g in groups] == sizes
    assert [p for g in groups for p in g] == pairs


ROLES_TEXT = (
    "Secretary of State Antony J. Blinken hosted Armenian Foreign Minister Ararat Mirzoyan. "
    "USAID Administrator Samantha Power met Deputy Minister of Justice Grigor Minasyan. "
    "Under Secretary of State for Political Affairs Victoria Nuland joined Deputy Central Bank "
    "Governor Nerses Yeritsyan. Ambassador to Armenia Lynne Tracy welcomed the delegations."
)


def test_matching_items_hold_few_pairs_explained_by_their_sentences():
    generation = generate(ROLES_TEXT)
    matching = [i for i in generation.items if i.kind == "matching"]
    assert matching
    for item in matching:
        assert 2 <= len(item.pairs) <= MAX_PAIRS + MIN_LAST_GROUP
        assert item.evidence in ROLES_TEXT  # one sentence of the article, as for every item
        for left, _right in item.pairs:
            assert left in item.explanation


def test_role_questions_offer_only_titles_as_distractors():
    generation = generate(ROLES_TEXT)
    posts = [
        i
        for i in generation.items
        if i.kind == "multichoice" and i.prompt.startswith("What post does")
    ]
    assert posts
    for item in posts:
        assert all(is_role_phrase(choice) for choice in item.choices)
        others = [c for c in item.choices if c != item.answer]
        assert not any(is_alias(c, item.answer) for c in others)


def test_titles_and_aliases_are_recognised():
    assert is_role_phrase("Foreign Minister")
    assert is_role_phrase("Minister of Education, Culture, Sports, Science and Technology")
    assert not is_role_phrase("U.S. Secretary of State")  # opens with a place, not a title
    assert not is_role_phrase("water security")
    assert is_alias("Secretary of State", "the U.S. Secretary of State")
    assert is_alias("Deputy Minister", "deputy minister")
    assert not is_alias("Foreign Minister", "Deputy Minister of Justice")


def test_words_kept_apart_in_a_clause_are_written_apart():
    doc = parse("Columbia lifted off on STS-1, the first shuttle mission.")
    ctx = ArticleContext(doc=doc, meta=ArticleMeta(), published=None)
    mission = next(t for t in doc if t.text.startswith("STS"))
    tokens = [t for t in doc[mission.i :] if not t.is_punct]
    assert _phrase(ctx, tokens).startswith(f"{mission.text} the first")


def test_token_table_matches_the_parse():
    ctx = _context("Relations between Azerbaijan and Belarus are far from any problems.")
    table = ctx.tokens
    assert len(table) == len(ctx.doc)
    for token in ctx.doc:
        assert table.head[token.i] == token.head.i
        assert table.subtree(token.i) == {t.i for t in token.subtree}
        assert table.children[token.i] == [c.i for c in token.children]


def test_table_tells_when_a_cut_would_split_a_name():
    doc = parse("A team from the Massachusetts Institute of Technology analysed the crops.")
    table = TokenTable.from_doc(doc)
    inside = [
        t for t in doc if t.dep_ == "prep" and t.lower_ == "of" and t.ent_type_ and t.head.ent_type_
    ]
    if not inside:
        pytest.skip("the recogniser did not read the institute as one name")
    assert table.cuts_entity(inside[0].i)
    assert not table.cuts_entity(doc[0].i)


def test_compacted_clause_never_splits_a_named_entity():
    ctx = _context(
        "A research team from the Massachusetts Institute of Technology and Colorado State "
        "University in the US and the University of Sheffield in the UK has analysed effects "
        "of global warming and ozone pollution over 2000 - 2050 on the worldwide production of "
        "wheat, rice, maize and soybean."
    )
    sentence = ctx.sentences[0]
    names = [e for e in ctx.doc.ents if e.label_ == "ORG"]
    for ent in names:
        kept = set(
            compact_clause(
                ctx.tokens,
                range(sentence.start, sentence.end),
                sentence.root.i,
                (ent.start, ent.end),
            )
        )
        for other in names:
            inside = {t.i for t in other}
            assert inside <= kept or not inside & kept, (ent.text, other.text)


def test_late_choices_rank_as_if_every_item_were_built_first(bundled_generation):
    from question_bank.generate import KINDS, generate_items
    from question_bank.generate.distractors import build_pool
    from question_bank.generate.filters import rejection
    from question_bank.generate.prompts import Env
    from question_bank.generate.ranking import rank_items

    facts = bundled_generation.facts
    env = Env(pool=build_pool(facts))
    built = [item for kind in KINDS for item in KINDS[kind](facts, env)]
    eager = rank_items([item for item in built if not rejection(item)])
    assert generate_items(facts) == tuple(eager)
    assert any(item.kind == "multichoice" and len(item.choices) >= 3 for item in eager)
