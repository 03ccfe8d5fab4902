"""Posts read from a direct syntactic link between a title and a name, whole, and only then."""

from __future__ import annotations

import pytest

from question_bank.generate.pipeline import read_article_facts


def posts(text: str) -> dict[str, str]:
    """Every person the text links to a title, with the title as the article writes it."""
    _, article, _ = read_article_facts(text, "2025-03-03")
    return {role.person: role.title for role in article.people.roles}


def role_facts(text: str) -> dict[str, str]:
    """The posts asked about (role facts): person -> post."""
    _, _, found = read_article_facts(text, "2025-03-03")
    return {fact.detail("person"): fact.key for fact in found if fact.type == "role"}


@pytest.mark.parametrize(
    ("text", "person", "post"),
    [
        pytest.param(
            "Mayor Lena Marsh and Estonia’s Minister of Education, Research, Culture and Sport "
            "(HTM) Karl Ots signed the accord in Tartu on Monday.",
            "Karl Ots",
            "Estonia’s Minister of Education, Research, Culture and Sport",
            id="long title beside another person, with its abbreviation",
        ),
        pytest.param(
            "Along with Marsh, ESA (European Space Agency) Director Anna Berg also attended the "
            "signing.",
            "Anna Berg",
            "ESA Director",
            id="body spelled out in parentheses before the title",
        ),
        pytest.param(
            "The delegation also met Under Secretary for Trade Policy Maria Lind in Oslo on "
            "Friday.",
            "Maria Lind",
            "Under Secretary for Trade Policy",
            id="capitalised Under inside a sentence",
        ),
        pytest.param(
            "The memorandum was signed by Under Secretary for Economic Growth, Energy, and the "
            "Environment Luis Romero in Lima.",
            "Luis Romero",
            "Under Secretary for Economic Growth, Energy, and the Environment",
            id="name coordinated into the title's list of objects",
        ),
        pytest.param(
            "Vice President and Foreign Minister Marta Ruiz and Minister of Environment and "
            "Sustainable Development Carlos Romero signed the memorandum.",
            "Carlos Romero",
            "Minister of Environment and Sustainable Development",
            id="title with and in its of-phrase, after another person",
        ),
        pytest.param(
            "Minister of Energy and Water Resources Luis Romero signed the deal in Lima on Monday.",
            "Luis Romero",
            "Minister of Energy and Water Resources",
            id="whole title, never the tail after its and",
        ),
        pytest.param(
            "Co-founder of Google, Sergey Brin, personally met the students during their visit.",
            "Sergey Brin",
            "Co-founder of Google",
            id="name apposed to the title's object, hyphenated title word whole",
        ),
        pytest.param(
            "In a statement, Governor of Oregon Tina Kotek said the bridge would open in May.",
            "Tina Kotek",
            "Governor of Oregon",
            id="name run into the title's of-phrase",
        ),
        pytest.param(
            "According to Afghan Ambassador to the United States Ahmad Rahimi, the team did well.",
            "Ahmad Rahimi",
            "Afghan Ambassador to the United States",
            id="title after a sentence's first words, its to-phrase run into the name",
        ),
        pytest.param(
            "The new port was opened by Peru's president, Pedro Castillo, on Monday.",
            "Pedro Castillo",
            "Peru's president",
            id="lower-case title owned by a country, name in apposition",
        ),
        pytest.param(
            "After the match, Chile's coach Mario Salas said the team had played well.",
            "Mario Salas",
            "Chile's coach",
            id="lower-case title owned by a country, no comma",
        ),
        pytest.param(
            "The governor called FEMA Administrator Jane Holt on Sunday.",
            "Jane Holt",
            "FEMA Administrator",
            id="title the recogniser ran into a body's name",
        ),
    ],
)
def test_a_title_linked_to_a_name_is_read_whole(text: str, person: str, post: str) -> None:
    assert posts(text)[person] == post
    assert role_facts(text)[person] == post


def test_of_two_posts_in_apposition_the_first_is_asked_not_a_word_of_address() -> None:
    text = (
        "Professor Anna Berg, Director of the National Water Study, and Chair of the Baltic "
        "Water Council, said the river was clean.\n\nProfessor Berg said more tests would follow."
    )
    assert posts(text.split("\n")[0])["Anna Berg"] == "Director of the National Water Study"
    assert role_facts(text) == {"Anna Berg": "Director of the National Water Study"}


def test_two_posts_joined_by_and_are_read_together() -> None:
    found = posts(
        "Vice President and Foreign Minister Marta Ruiz and Minister of Environment and "
        "Sustainable Development Carlos Romero signed the memorandum."
    )
    assert found["Marta Ruiz"] == "Vice President and Foreign Minister"


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            "The plan was praised by Ambassador to the United Nations Anna Berg on Monday.",
            id="object of a title's to-phrase",
        ),
        pytest.param(
            "The match referee Joel Aguilar awarded a penalty after ten minutes.",
            id="lower-case title owned by no one",
        ),
        pytest.param(
            "Irish midfielder Wes Hoolahan scored in the 48th minute.",
            id="nationality and trade, no post",
        ),
        pytest.param(
            "He married a Yale University graduate Emma Stone in 2001.",
            id="one of many, with an indefinite article",
        ),
        pytest.param(
            "At the NATO Summit Joe Biden spoke about the alliance.",
            id="a phrase before the subject",
        ),
        pytest.param(
            "The delegation met Secretary of Commerce Gina Raimondo and Secretary of State Antony "
            "Blinken on Monday.",
            id="another title and a name the recogniser missed, before and",
        ),
    ],
)
def test_no_post_without_a_whole_title_certainly_linked(text: str) -> None:
    assert posts(text) == {}


@pytest.mark.parametrize(
    "text",
    [
        "Jean-Paul Roux, the Ex-BEA boss, said the crash was caused by ice on the wings.",
        "Former NASA Administrator Carla Moss spoke in Houston on 12 April 2011.",
        "The late Finance Minister of Norway, Ola Berg, signed the first accord in 1990.",
    ],
    ids=["ex- title", "former before the title", "the late"],
)
def test_a_post_its_holder_no_longer_holds_is_never_asked_about(text):
    assert role_facts(text) == {}
