"""Wh-questions made by moves that keep what the sentence says: each form, and where it must not
fire."""

from __future__ import annotations

from question_bank.generate.pipeline import read_article_facts


def questions(text: str) -> list[str]:
    _, _, found = read_article_facts(text, "2025-03-03")
    return [q.text for fact in found for q in fact.questions]


def test_a_fronted_phrase_stays_in_front_of_a_subject_question_and_is_asked_with_when():
    asked = questions("On March 3, Hungary stunned Austria in a 2–0 win in Vienna.")
    assert "On March 3, which country stunned Austria in a 2–0 win in Vienna?" in asked
    assert "When did Hungary stun Austria in a 2–0 win in Vienna?" in asked


def test_a_fronted_participle_without_its_own_subject_gives_no_question():
    assert not questions("Started in 1990, the festival in Taipei continues a tradition of China.")


def test_a_second_clause_with_its_own_subject_gives_no_question():
    asked = questions("On Tuesday, Hungary stunned Austria, and Portugal drew with Iceland.")
    assert not [q for q in asked if "stun" in q]


def test_a_passive_auxiliary_moves_before_the_subject():
    asked = questions("Daniel Montalvo was released on bail in Riga on September 30.")
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


def test_a_fronted_setting_that_names_a_time_or_place_stays_in_front():
    asked = questions("In the 69th minute, Romelu Lukaku doubled the lead for Belgium in Sochi.")
    assert "In the 69th minute, who doubled the lead for Belgium in Sochi?" in asked
    asked = questions(
        "In June, the Commerce Department issued recommendations on the U.S. chip supply chain."
    )
    assert (
        "In June, which organisation issued recommendations on the U.S. chip supply chain?" in asked
    )


def test_a_fronted_connective_attribution_or_bare_noun_gives_no_question_with_it():
    for sentence, front in (
        (
            "In addition, the Department of State announced that it has obligated $1.5 million "
            "toward civilian demining in Serbia.",
            "In addition",
        ),
        (
            "According to ABC News, Fuad Basya believes the asylum seekers left the boat near "
            "Indonesia.",
            "According to",
        ),
        (
            "For the Pro-Beijing camp, Elizabeth Quat of DAB was elected with 58,825 votes in New "
            "Territories East.",
            "For the",
        ),
        ("In the injury time, Harry Kane scored a second goal for England.", "In the injury"),
        ("At the ceremony, NASA Administrator Charles Bolden announced the locations.", "At the"),
    ):
        asked = questions(sentence)
        assert not [q for q in asked if q.startswith(front)], sentence


def test_a_word_pointing_outside_the_sentence_gives_no_question():
    for sentence in (
        "According to ABC News, Fuad Basya also believes the asylum seekers left the boat near "
        "Indonesia.",
        "The United States and Armenia also signed two joint action plans in Yerevan.",
        "Hungary beat Austria again in Vienna on March 3.",
        "Kuwait is a member of the Global Coalition to Defeat ISIS as well.",
        "Yau Wai-ching defeated another localist candidate, Raymond Wong, by 424 votes.",
        "Japan will design a different rover for the other mission with NASA in 2029.",
    ):
        assert not questions(sentence), sentence


def test_also_in_a_later_clause_may_add_to_the_main_clause():
    asked = questions(
        "38 observers had arrived from Angola, Botswana, Malawi, Mauritius, Namibia, Swaziland, "
        "Tanzania and Zambia, with others from South Africa and Zimbabwe also anticipated to "
        "attend."
    )
    assert [q for q in asked if q.startswith("How many observers")]


def test_a_bare_weekday_or_relative_day_gets_no_when_question():
    for sentence in (
        "On Friday, Japan's parliament passed a law to allow Emperor Akihito to abdicate.",
        "Daniel Montalvo was released on bail in Riga on Thursday.",
        "Yesterday, Japan's parliament passed a law to allow Emperor Akihito to abdicate.",
    ):
        assert not [q for q in questions(sentence) if q.startswith("When")], sentence


def test_an_event_is_not_asked_with_which_organisation():
    asked = questions("Hundreds protested the Annapolis Conference in Ramallah on November 27.")
    assert not [q for q in asked if "which organisation" in q.lower()]


def test_where_is_not_asked_when_the_question_names_another_place_as_a_location():
    asked = questions(
        "Meanwhile, in the West Bank, hundreds protested the Annapolis Conference in "
        "conjunction with a funeral in Hebron."
    )
    assert not [q for q in asked if q.startswith("Where")]
    asked = questions("Sweden faced South Korea at the Nizhny Novgorod Stadium on June 18.")
    assert "Where did Sweden face South Korea on June 18?" in asked


def test_a_sum_asked_with_only_a_date_beside_it_gives_no_question():
    asked = questions("Bilateral trade reached $4.5 billion in 2019.")
    assert not [q for q in asked if q.startswith("How much")]


def test_a_name_put_for_a_pronoun_keeps_its_capital_after_a_moved_auxiliary():
    asked = questions(
        "Daniel Montalvo, 19, a member of Scientology all his life, was arrested in Riga after "
        "leaving the Sea Org. He was released on US$ 20,000 bail on September 30."
    )
    assert "When was Daniel Montalvo released on US$ 20,000 bail?" in asked
