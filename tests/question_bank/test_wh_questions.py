"""Wh-questions made by moves that keep what the sentence says: each form, and where it must not
fire."""

from __future__ import annotations

from question_bank.generate.pipeline import read_article_facts


def questions(text: str) -> list[str]:
    _, _, found = read_article_facts(text, "2025-03-03")
    return [q.text for fact in found for q in fact.questions]


def test_a_fronted_phrase_stays_in_front_of_a_subject_question_and_is_asked_with_when():
    asked = questions("On Tuesday, Hungary stunned Austria in a 2–0 win in Vienna.")
    assert "On Tuesday, which country stunned Austria in a 2–0 win in Vienna?" in asked
    assert "When did Hungary stun Austria in a 2–0 win in Vienna?" in asked


def test_a_fronted_participle_without_its_own_subject_gives_no_question():
    assert not questions("Started in 1990, the festival in Taipei continues a tradition of China.")


def test_a_second_clause_with_its_own_subject_gives_no_question():
    asked = questions("On Tuesday, Hungary stunned Austria, and Portugal drew with Iceland.")
    assert not [q for q in asked if "stun" in q]


def test_a_passive_auxiliary_moves_before_the_subject():
    asked = questions("Daniel Montalvo was released on bail in Riga on Thursday.")
    assert "When was Daniel Montalvo released on bail in Riga?" in asked


def test_a_negated_passive_gets_no_when_question():
    asked = questions("Daniel Montalvo was not released on bail in Riga on Thursday.")
    assert not [q for q in asked if q.startswith("When")]


def test_a_present_perfect_object_question_moves_has():
    asked = questions("Lena Marsh has signed the Riga Accords with Latvia.")
    assert "What has Lena Marsh signed with Latvia?" in asked


def test_a_counted_subject_is_asked_with_how_many():
    asked = questions("Five Panamanian players were booked in the match in Sochi.")
    assert "How many Panamanian players were booked in the match in Sochi?" in asked


def test_a_counted_object_is_asked_with_how_many_and_the_first_word_is_lowered():
    asked = questions("The United States and Armenia signed two joint action plans in Yerevan.")
    assert "How many joint action plans did the United States and Armenia sign in Yerevan?" in asked


def test_has_as_the_main_verb_takes_does():
    asked = questions("The royal family of Japan has 19 living members.")
    assert "How many living members does the royal family of Japan have?" in asked


def test_a_number_after_another_word_of_its_phrase_is_not_asked_with_how_many():
    asked = questions("A record 45,756 migrants crossed the Channel in 2022.")
    assert not [q for q in asked if q.startswith("How many")]


def test_a_sum_that_is_the_whole_object_is_asked_with_how_much():
    asked = questions(
        "Bilateral trade between Kuwait and the United States reached $4.5 billion in 2019. "
        "The two countries held bilateral talks in Kuwait City."
    )
    assert (
        "How much did bilateral trade between Kuwait and the United States reach in 2019?" in asked
    )


def test_a_sum_that_is_only_part_of_the_object_is_not_asked_with_how_much():
    asked = questions(
        "Bilateral trade between Kuwait and the United States reached $4.5 billion in goods "
        "in 2019."
    )
    assert not [q for q in asked if q.startswith("How much")]


def test_a_prepositional_object_is_asked_with_its_preposition_in_front():
    asked = questions(
        "The United States donated 16 million doses of vaccines to Pakistan on Monday."
    )
    assert (
        "To which country did the United States donate 16 million doses of vaccines on Monday?"
        in asked
    )
    asked = questions("President Biden met virtually on November 15 with Xi Jinping.")
    assert "With whom did President Biden meet virtually on November 15?" in asked


def test_a_place_after_in_is_left_to_where_and_a_name_after_on_is_not_asked():
    asked = questions("Lena Marsh spoke at length in Riga on Monday.")
    assert not [q for q in asked if q.startswith("In which")]
    asked = questions(
        "The Office of the First Lady will share details on the State Dinner in Washington."
    )
    assert not [q for q in asked if q.startswith("On which")]


def test_a_word_before_the_preposition_of_a_date_is_never_dropped():
    asked = questions("President Biden met virtually on November 15 with Xi Jinping.")
    assert not [q for q in asked if q.startswith("When") and "virtually" not in q]


def test_a_counted_object_of_a_preposition_takes_the_preposition_to_the_front():
    asked = questions("Yau Wai-ching defeated Raymond Wong of the Proletariat Party by 424 votes.")
    assert (
        "By how many votes did Yau Wai-ching defeat Raymond Wong of the Proletariat Party?" in asked
    )


def test_a_counted_phrase_followed_by_words_about_it_is_not_asked():
    asked = questions(
        "In the New Territories West constituency, Eddie Chu was elected with 84,121 votes, the "
        "most given to any list."
    )
    assert not [q for q in asked if "how many" in q.lower()]
