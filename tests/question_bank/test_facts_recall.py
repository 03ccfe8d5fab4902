"""Facts a teacher asks about that earlier rounds missed, and stems that stand alone.

Covers: "it" tied to the thing named before, "this year" dated, demonstratives made definite,
roles written in full (commas, parentheses, apposition, lowercase titles) and asked the other way
round, hedged and quoted numbers, ordinals and "twice", partial quotations and the source a
sentence cites.
"""

from __future__ import annotations

from datetime import date

from question_bank import generate
from question_bank.facts import ArticleContext, extract_facts
from question_bank.facts.names import repair_names
from question_bank.facts.quotes import is_partial_quote
from question_bank.facts.things import link_things
from question_bank.model import ArticleMeta
from question_bank.nlp import parse


def _context(text: str, published: date | None = None) -> ArticleContext:
    doc = parse(text)
    repair_names(doc)
    return ArticleContext(doc=doc, meta=ArticleMeta(), published=published)


def _facts(text: str, published: date | None = None):
    return extract_facts(parse(text), ArticleMeta(), published)


def _statements(text: str, published: date | None = None) -> list[str]:
    return [fact.attr("statement") for fact in _facts(text, published)]


ROVER = (
    "An enclosed and pressurized rover will serve as a mobile habitat. "
    "It will be able to accommodate two astronauts for up to 30 days."
)


def test_opening_it_stands_for_the_thing_named_before():
    ctx = _context(ROVER)
    linked = {ctx.doc[i].text: text for i, text in link_things(ctx.doc, ctx.in_quote).items()}
    assert linked == {"It": "the enclosed and pressurized rover"}
    number = next(f for f in _facts(ROVER) if f.text == "two")
    assert number.attr("statement").startswith("The enclosed and pressurized rover will be able")


def test_empty_it_and_people_are_not_things():
    for text in (
        "A new report was published. It is time to act on the findings.",
        "The minister arrived in Baku. It was raining in the city all day.",
    ):
        ctx = _context(text)
        assert link_things(ctx.doc, ctx.in_quote) == {}


def test_this_year_is_dated_by_the_publication_year():
    text = "The competition was founded by Dean Kamen. This year's theme was water security."
    statements = _statements(text, date(2017, 7, 21))
    assert "The 2017 theme was water security." in statements
    assert not any("This year" in s for s in statements)


def test_demonstrative_before_a_noun_becomes_the():
    text = "The centerpiece of this rock concert is a 15 meter high rotating pig."
    number = next(f for f in _facts(text) if f.attr("answer") == "15 meter" or "15" in f.text)
    assert number.attr("statement").startswith("The centerpiece of the rock concert is a")


def _roles(text: str) -> dict[str, tuple[str, str]]:
    return {f.text: (f.attr("role"), f.attr("country")) for f in _facts(text) if f.type == "role"}


def test_titles_with_commas_and_a_parenthesis_are_read_whole():
    roles = _roles(
        "Japan’s Minister of Education, Culture, Sports, Science and Technology (MEXT) "
        "Masahito Moriyama signed the agreement on Tuesday."
    )
    assert roles["Masahito Moriyama"] == (
        "Minister of Education, Culture, Sports, Science and Technology",
        "Japan",
    )


def test_comma_runs_keep_only_the_piece_holding_the_title():
    roles = _roles(
        "National Security Advisor Jake Sullivan of the United States, National Security "
        "Advisor Akiba Takeo of Japan, and National Security Advisor Eduardo Año met in Tokyo."
    )
    assert roles["Akiba Takeo"][0] == "National Security Advisor"
    assert roles["Eduardo Año"][0] == "National Security Advisor"


def test_lowercase_and_apposed_roles_are_read():
    assert _roles("After the match, Tunisia's coach Nabil Maaloul said the team played well.")[
        "Nabil Maaloul"
    ] == ("coach", "Tunisia")
    apposed = _roles(
        "According to the Afghan team's coach, Alireza Mehraban, the robot scored two points."
    )
    assert apposed["Alireza Mehraban"][0] == "Afghan team's coach"


def test_plural_roles_are_not_one_persons_post():
    roles = _roles("Localist camp councillors Alvin Yeung and Eddie Chu won their seats.")
    assert "Alvin Yeung" not in roles


def test_roles_are_asked_the_other_way_round():
    generation = generate(
        "USAID Administrator Samantha Power met Armenian Foreign Minister Ararat Mirzoyan in "
        "Yerevan on Monday. Deputy Minister of Justice Grigor Minasyan joined the talks."
    )
    posts = {i.prompt: i for i in generation.items if i.prompt.startswith("What post does")}
    item = posts["What post does Ararat Mirzoyan hold?"]
    assert item.answer == "Armenian Foreign Minister"
    if item.kind == "multichoice":
        assert "USAID Administrator" in item.choices or "Deputy Minister of Justice" in item.choices


def test_abstract_nouns_after_a_title_are_not_a_person():
    facts = _facts(
        "Professor Cres Eastman, Director of the National Iodine Nutrition study, says iodine "
        "matters."
    )
    people = {f.text for f in facts if f.type == "person"}
    assert "Iodine Nutrition" not in people
    assert "Cres Eastman" in people


def test_only_is_a_hedge_and_quoted_speech_numbers_count():
    facts = _facts("Professor Cres Eastman says iodine is added to only 10 per cent of salt.")
    number = next(f for f in facts if f.type == "number")
    assert (number.attr("answer"), number.attr("hedge")) == ("10 per cent", "only")
    quoted = _facts(
        'Colette Heald said: "Surface ozone has declined by 25 percent on average across the '
        'country from 1980 to 2012."'
    )
    assert any(f.type == "number" and f.attr("answer") == "25 percent" for f in quoted)
    speaker_bound = _facts('The coach said: "We lost 3 matches because our defence was weak."')
    assert not any(f.type == "number" and f.text == "3" for f in speaker_bound)


def test_ordinals_with_their_noun_and_twice_are_numbers():
    text = (
        "The ceremony coincided with the 50th anniversary of the first manned space flight. "
        "The girls were twice denied visas to enter the country."
    )
    counted = {f.text: f.attr("class") for f in _facts(text) if f.type == "number"}
    assert counted["50th anniversary"] == "ordinal:anniversary"
    assert counted["twice"] == "times"


def test_partial_quotations_are_not_asked_as_who_said():
    assert is_partial_quote("may seem a bit like a burden")
    assert not is_partial_quote("We are proud of the team.")
    generation = generate(
        "Relations between the two countries are good, said Ilham Aliyev. Alexander Lukashenko "
        'said the visit "may seem a bit like a burden for the hosts" to some observers.'
    )
    asked = [i.prompt for i in generation.items if "a burden" in i.prompt]
    assert asked and all(not p.startswith("Who said") for p in asked)


def test_a_cited_agency_is_asked_with_what_it_reported(bundled_generation):
    prompts = {i.prompt: i.answer for i in bundled_generation.items}
    question = "Which state-run news agency reported the statement by Azerbaijan’s president?"
    assert prompts[question] == "Azertac"
    assert "Which state-run news agency does the article name?" not in prompts


def test_a_post_typed_in_full_accepts_no_stray_word():
    generation = generate(
        "The delegation met Under Secretary of State for Political Affairs Victoria Nuland and "
        "USAID Administrator Samantha Power in Washington on Monday."
    )
    typed = [
        i
        for i in generation.items
        if i.kind == "shortanswer" and i.prompt == "What post does Victoria Nuland hold?"
    ]
    assert typed
    assert typed[0].answer == "Under Secretary of State for Political Affairs"
    assert "Affairs" not in typed[0].accepted


def test_a_parenthesis_inside_a_sentence_does_not_end_it():
    doc = parse(
        "NASA Administrator Bill Nelson and Japan’s Minister of Education, Culture, Sports, "
        "Science and Technology (MEXT) Masahito Moriyama have signed an agreement."
    )
    assert len(list(doc.sents)) == 1


def test_captions_without_a_verb_give_no_statements():
    facts = _facts(
        "Photo Credit: (NASA/Bill Ingalls)\n\nNASA will provide two Japanese astronaut missions."
    )
    assert all("Photo Credit" not in f.attr("statement") for f in facts)
    assert any(f.attr("statement").startswith("NASA will provide") for f in facts)


def test_hyphenated_given_names_are_whole_people():
    facts = _facts(
        "Crowds watched city mayor Hau Lung-bin flip the switch on Saturday. Later, Hau "
        "thanked the volunteers. The Democratic Party's Kwong Chun-yu received 491,667 votes."
    )
    people = {f.text for f in facts if f.type == "person"}
    assert {"Hau Lung-bin", "Kwong Chun-yu"} <= people
    assert not {"Kwong Chun", "Lung-bin"} & people
    ctx = _context("Crowds watched city mayor Hau Lung-bin flip the switch. Later, Hau spoke.")
    hau = ctx.people.people["Hau Lung-bin"]
    assert hau.surname == "Hau"
    later = next(t for t in ctx.doc if t.text == "Hau" and t.i > hau.first.end)
    assert ctx.people.person_at(later.i) is hau


def test_a_hyphenated_surname_stays_the_surname():
    ctx = _context("The shuttle went to the Steven F. Udvar-Hazy Center near Washington.")
    for person in ctx.people.people.values():
        assert person.surname != "Steven"
