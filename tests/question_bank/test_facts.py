"""Fact extraction on the bundled article: the facts a teacher would ask about."""

from __future__ import annotations


def _facts(generation, fact_type):
    return [f for f in generation.facts if f.type == fact_type]


def test_roles_of_both_presidents(bundled_generation):
    roles = {
        (f.text, f.attr("role"), f.attr("country")) for f in _facts(bundled_generation, "role")
    }
    assert ("Ilham Aliyev", "president", "Azerbaijan") in roles
    assert ("Alexander Lukashenko", "president", "Belarus") in roles


def test_dates_resolved_and_durations(bundled_generation):
    dates = {f.attr("written"): f.attr("iso") for f in _facts(bundled_generation, "date")}
    assert dates["Wednesday"] == "2021-04-14"
    assert dates["the previous day"] == "2021-04-13"
    assert dates["Nov. 10, 2020"] == "2020-11-10"
    durations = {f.text for f in _facts(bundled_generation, "duration")}
    assert {"44-day", "three-decade"} <= durations
    assert not any(f.attr("written") in durations for f in _facts(bundled_generation, "date"))


def test_places_organisations_numbers(bundled_generation):
    places = {f.text for f in _facts(bundled_generation, "place")}
    assert {"Baku", "Azerbaijan", "Belarus"} <= places
    agency = next(f for f in _facts(bundled_generation, "organisation") if f.text == "Azertac")
    assert agency.attr("description") == "state-run news agency"
    number = next(f for f in _facts(bundled_generation, "number") if f.attr("value") == "300")
    assert (number.attr("hedge"), number.attr("unit")) == ("nearly", "settlements and villages")


def test_agreement_with_fields_and_signers(bundled_generation):
    agreement = _facts(bundled_generation, "agreement")[0]
    assert agreement.text == "Memorandums of Understanding"
    assert agreement.attr("fields") == "veterinary medicine; tourism; energy"
    assert (
        agreement.attr("signers")
        == "the agriculture and foreign ministers of Azerbaijan and Belarus"
    )
    assert agreement.attr("parties") == "Azerbaijan; Belarus"


def test_quotes_and_speakers(bundled_generation):
    speakers = {f.text.split()[0]: f.attr("speaker") for f in _facts(bundled_generation, "quote")}
    assert speakers["Together"] == "Ilham Aliyev"
    assert speakers["Therefore,"] == "Ilham Aliyev"  # "he said" after the quote
    assert speakers["We"] == "Ilham Aliyev"  # "said Aliyev"
    assert speakers["However,"] == "Alexander Lukashenko"
    assert speakers["As"] == "Alexander Lukashenko"


def test_evidence_offsets_point_into_the_text(bundled_generation, bundled_text):
    for fact in bundled_generation.facts:
        if fact.start >= 0 and fact.type not in ("role",):
            assert bundled_text[fact.start : fact.end].startswith(
                fact.text.split()[0][:3]
            ) or fact.type in ("date", "person", "quote")
        assert (
            " ".join(bundled_text[fact.sentence_start : fact.sentence_end].split()) == fact.sentence
        )
