"""What a screen reader is told: group and field names, errors tied to their fields, the skip
link, the current page in the navigation, and alerts. Read from the served HTML; the browser
walk in tests/browser/test_every_page.py runs axe-core on every page as well."""

from __future__ import annotations

import lxml.html

from question_bank.kinds import KINDS
from question_bank.model import Answer, Question
from tests.conftest import post_form
from tests.quizapp.test_quiz_flow import start

TEACHER_LINKS = ["My quizzes", "Add article", "Question bank", "Classes", "Gradebook"]
STUDENT_LINKS = ["Quizzes", "Flashcards", "My progress", "My history", "My classes"]


def html(response):
    """The response parsed as an HTML tree."""
    assert response.status_code == 200, response.status_code
    return lxml.html.fromstring(response.get_data(as_text=True))


def text(element) -> str:
    """An element's text with its whitespace collapsed."""
    return " ".join(element.text_content().split())


def accessible_name(tree, element) -> str:
    """A form control's name: aria-labelledby, else aria-label, else its <label for>."""
    if element.get("aria-labelledby"):
        return " ".join(
            text(tree.get_element_by_id(ref)) for ref in element.get("aria-labelledby").split()
        )
    if element.get("aria-label"):
        return element.get("aria-label")
    labels = tree.xpath(f'//label[@for="{element.get("id")}"]')
    return " ".join(text(label) for label in labels)


def nav_links(tree) -> list[str]:
    """The texts of the main navigation's page links, in order."""
    return [text(a) for a in tree.xpath('//nav[@aria-label="Main"]//ul[@class="nav-links"]//a')]


def test_answer_groups_and_boxes_are_named_by_their_question(client, auth, make_quiz, create_user):
    quiz_id, question_ids = make_quiz(
        [
            Question(
                kind="multichoice",
                prompt="Which city hosted the talks?",
                answers=(Answer("Baku", 1.0), Answer("Minsk", 0.0)),
            ),
            KINDS["truefalse"].example(),
            Question(
                kind="shortanswer", prompt="Capital of Azerbaijan?", answers=(Answer("Baku"),)
            ),
            Question(kind="shortanswer", prompt="Capital of Belarus?", answers=(Answer("Minsk"),)),
        ]
    )
    create_user("sam")
    auth.login("sam")
    tree = html(client.get(f"/quizzes/attempts/{start(client, quiz_id)}", follow_redirects=True))
    legends = [text(legend) for legend in tree.xpath("//fieldset[.//input[@type='radio']]/legend")]
    assert legends == ["Which city hosted the talks?", "The talks were held in Baku."]
    assert "Options" not in legends
    boxes = tree.xpath("//input[@type='text'][starts-with(@name, 'q')]")
    names = [accessible_name(tree, box) for box in boxes]
    assert names == ["Capital of Azerbaijan?", "Capital of Belarus?"]
    assert all(box.get("aria-labelledby") for box in boxes)


def test_field_errors_are_tied_to_their_fields(client):
    tree = html(post_form(client, "/auth/register", {"username": "a!", "password": "x"}))
    invalid = tree.xpath("//input[@aria-invalid='true']")
    assert {field.get("name") for field in invalid} >= {"username", "password"}
    for field in invalid:
        ids = field.get("aria-describedby").split()
        messages = [text(tree.get_element_by_id(ref)) for ref in ids]
        assert messages and all(messages), field.get("name")
    username = tree.get_element_by_id("username")
    described = [tree.get_element_by_id(ref) for ref in username.get("aria-describedby").split()]
    assert any("letters, digits" in text(message) for message in described)
    assert not tree.xpath("//input[@name='csrf_token'][@aria-invalid]")


def test_multiple_choice_editor_names_each_rows_fields(client, auth, create_user):
    create_user("tess", role="teacher")
    auth.login("tess")
    tree = html(client.get("/teach/questions/new/multichoice"))
    names = {
        accessible_name(tree, field)
        for field in tree.xpath("//input[starts-with(@name, 'answers-')]")
    }
    assert {"Answer 1 text", "Answer 1 mark %", "Answer 2 text", "Answer 2 mark %"} <= names
    assert "Answer 1 feedback" in names
    response = post_form(
        client,
        "/teach/questions/new/multichoice",
        {"prompt": "Which city?", "answers-0-text": "Baku", "answers-0-fraction": "many"},
    )
    tree = lxml.html.fromstring(response.get_data(as_text=True))
    mark = tree.get_element_by_id("answers-0-fraction")
    assert mark.get("aria-invalid") == "true"
    assert text(tree.get_element_by_id(mark.get("aria-describedby").split()[0]))


def test_every_page_has_a_skip_link_to_its_main_content(client, auth, create_user):
    create_user("sam")
    for path in ("/auth/login", "/"):
        tree = html(client.get(path))
        skip = tree.xpath("//body//a")[0]
        assert skip.get("href") == "#main" and "Skip to main content" in text(skip)
        assert tree.xpath("//main[@id='main']")


def test_navigation_is_the_roles_own_and_marks_the_current_page(client, auth, create_user):
    create_user("sam")
    create_user("tess", role="teacher")
    auth.login("tess")
    tree = html(client.get("/teach/questions/"))
    assert nav_links(tree) == TEACHER_LINKS
    current = tree.xpath('//nav[@aria-label="Main"]//a[@aria-current="page"]')
    assert [text(a) for a in current] == ["Question bank"]
    assert tree.xpath("//details[@class='menu']/summary")  # folds on a phone, no script
    auth.logout()
    auth.login("sam")
    tree = html(client.get("/cards/"))
    assert nav_links(tree) == STUDENT_LINKS
    current = tree.xpath('//nav[@aria-label="Main"]//a[@aria-current="page"]')
    assert [text(a) for a in current] == ["Flashcards"]


def test_flashed_errors_are_alerts_and_news_is_a_status(client, auth, create_user):
    create_user("tess", role="teacher")
    auth.login("tess")
    tree = html(post_form(client, "/teach/quizzes/from-bank", {}, follow_redirects=True))
    error = tree.xpath("//p[contains(@class, 'flash-error')]")
    assert [e.get("role") for e in error] == ["alert"]
    auth.logout()
    tree = html(client.get("/"))
    info = tree.xpath("//p[contains(@class, 'flash-info')]")
    assert [e.get("role") for e in info] == ["status"]
