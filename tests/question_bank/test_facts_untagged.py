"""Names the recogniser missed, fraction shares, dates before an apposition, long quotes, roles."""

from __future__ import annotations

import pytest

from question_bank import generate
from question_bank.facts.quotes import short_quote
from question_bank.facts.untagged import repair_untagged
from question_bank.nlp import parse


def _entities(text: str) -> dict[str, str]:
    doc = parse(text)
    repair_untagged(doc)
    return {ent.text: ent.label_ for ent in doc.ents}


def _facts(text: str, fact_type: str, published: str | None = None):
    return [f for f in generate(text, published=published).facts if f.type == fact_type]


@pytest.mark.parametrize(
    ("sentence", "name", "label"),
    [
        (
            "Columbia lifted off from the Kennedy Space Center on STS-1, the first mission.",
            "STS-1",
            "PRODUCT",
        ),
        (
            "The United States is a Co-Chair of the OSCE Minsk Group, which has a mandate.",
            "OSCE Minsk Group",
            "ORG",
        ),
        (
            "The United States will take part in Belgrade’s Expo 2027, an historic event.",
            "Expo 2027",
            "EVENT",
        ),
    ],
)
def test_untagged_names_are_added(sentence, name, label):
    assert _entities(sentence).get(name) == label


def test_an_organisation_run_on_past_for_is_cut_at_the_next_name():
    found = _entities(
        "The two countries welcomed a $50 million loan guarantee from the Export-Import Bank "
        "of the United States for Telekom Srbija Group to roll out the network."
    )
    assert found.get("Telekom Srbija Group") == "ORG"
    assert found.get("the Export-Import Bank of the United States") == "ORG"


@pytest.mark.parametrize(
    "sentence",
    [
        "The theme of the 2007 lantern festival revolves around the zodiac.",
        "The vote took place in June 2021 in the capital.",
        "The World Bank approved the loan on Monday.",
    ],
)
def test_ordinary_years_and_tagged_bodies_are_left_alone(sentence):
    before = {e.text: e.label_ for e in parse(sentence).ents}
    assert _entities(sentence) == before


def test_coded_names_share_a_class_of_their_own():
    text = (
        "Shuttle missions\n\n"
        "On April 12, 1981, the shuttle Columbia lifted off from the Kennedy Space Center on "
        "STS-1, the first space shuttle mission."
    )
    named = [f for f in generate(text).facts if f.attr("origin") != "phrase"]
    classes = {f.text: f.attr("class") for f in named}
    assert classes.get("STS-1") == "event:numbered"  # offered beside "STS-133", not a treaty


def test_a_fraction_of_a_group_is_a_number_and_a_half_of_a_match_is_not():
    text = (
        "Iodine study\n\n"
        "Almost half of all Australian primary school children are mildly iodine deficient, "
        "researchers say. The second half of the match ended with the Belgians winning."
    )
    numbers = _facts(text, "number")
    shares = [f for f in numbers if f.attr("class") == "number:fraction"]
    assert [(f.attr("answer"), f.attr("hedge"), f.attr("value")) for f in shares] == [
        ("half", "almost", "0.5")
    ]
    assert not any("second half" in f.sentence and f.attr("answer") == "half" for f in numbers[1:])


def test_a_relative_day_before_an_apposition_is_resolved():
    text = (
        "World Cup\n\n"
        "Yesterday, day five of the 2018 FIFA World Cup, Sweden defeated South Korea 1 – 0."
    )
    dates = {f.attr("written"): f.attr("iso") for f in _facts(text, "date", "2018-06-19")}
    assert dates.get("Yesterday") == "2018-06-18"


def test_a_length_used_as_a_modifier_is_a_duration_not_a_date():
    text = (
        "Lantern festival\n\n"
        "The theme of the festival revolves around the 12 year Chinese zodiac cycle, organisers "
        "said on Sunday."
    )
    written = {f.attr("written") for f in _facts(text, "date", "2007-03-04")}
    assert "the 12 year" not in written
    assert "12 year" in {f.text for f in _facts(text, "duration", "2007-03-04")}


def test_a_long_quote_may_stand_for_its_words_before_a_marked_omission():
    quote = (
        "The climate projections are quite consistent [...] the future of ozone pollution is "
        "very different [...] leading to either offsetting or reinforcing effects on crops"
    )
    assert short_quote(quote) == "The climate projections are quite consistent […]"
    unmarked = quote.replace("[...]", "and")
    assert short_quote(unmarked) == ""


ROLE_TEXT = (
    "Lunar rover\n\n"
    "NASA Administrator Bill Nelson, left, and Japan’s Minister of Education Masahito Moriyama "
    "hold signed copies of the agreement. Photo Credit: NASA\n\n"
    "NASA Administrator Bill Nelson and Japan’s Minister of Education Masahito Moriyama have "
    "signed an agreement on a pressurized rover. JAXA President Hiroshi Yamakawa also took part "
    "in the signing."
)


def test_a_role_is_read_from_the_body_rather_than_a_photo_caption():
    roles = [f for f in _facts(ROLE_TEXT, "role") if f.text == "Masahito Moriyama"]
    assert roles
    assert all("have signed" in f.sentence for f in roles)


def test_a_bare_title_is_not_asked_as_if_it_were_unique():
    roles = {f.text: f for f in _facts(ROLE_TEXT, "role")}
    bare = [f for f in roles.values() if len(f.attr("role_phrase").split()) == 1]
    assert all(not f.attr("question") for f in bare)
    named = roles["Bill Nelson"]
    assert named.attr("question") == "Who is the NASA Administrator?"
