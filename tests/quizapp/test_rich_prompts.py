"""Imported HTML and Markdown prompts are shown rendered and sanitised on every page that shows
a question: taking a quiz, the teacher's preview, the results page and the flashcard."""

from __future__ import annotations

import base64

import pytest

from question_bank.model import Answer, Question
from quizapp.templating import rich_cloze_parts
from tests.conftest import attempt_id_of, post_form

PIXEL = base64.b64encode(b"\x89PNG\r\n\x1a\n-a-tiny-picture").decode()
IMAGE = f'<img src="data:image/png;base64,{PIXEL}" alt="a dot">'

HTML_PROMPT = Question(
    kind="multichoice",
    prompt=(
        '<p style="color: red">Is this <b>bold</b>?<script>alert("x")</script>'
        f'<img src="data:image/png;base64,{PIXEL}" alt="a dot" style="width: 2px"></p>'
    ),
    prompt_format="html",
    answers=(Answer("Yes", 1.0), Answer("No", 0.0)),
    general_feedback='<p>It <i style="color: blue">was</i> bold.</p>',
    shuffle=False,
)
MARKDOWN_PROMPT = Question(
    kind="shortanswer",
    prompt="Name **one** of these colours:\n\n- red\n- blue\n",
    prompt_format="markdown",
    answers=(Answer("red", 1.0), Answer("blue", 1.0)),
)


def assert_html_prompt_rendered(page: str) -> None:
    assert "Is this <b>bold</b>?" in page and IMAGE in page
    assert "&lt;b&gt;" not in page and "alert(" not in page and "<script>alert" not in page
    assert "style=" not in page


def assert_markdown_prompt_rendered(page: str) -> None:
    assert "<strong>one</strong>" in page and "<li>red</li>" in page and "<li>blue</li>" in page
    assert "**one**" not in page and "- red" not in page


@pytest.fixture
def rich_quiz(make_quiz):
    return make_quiz([HTML_PROMPT, MARKDOWN_PROMPT])


def test_teacher_preview_renders_both_prompts(client, auth, rich_quiz):
    _, (html_id, markdown_id) = rich_quiz
    auth.login("tess")
    page = client.get(f"/teach/questions/{html_id}").get_data(as_text=True)
    assert_html_prompt_rendered(page)
    assert "It <i>was</i> bold." in page
    assert_markdown_prompt_rendered(
        client.get(f"/teach/questions/{markdown_id}").get_data(as_text=True)
    )


def test_student_sees_them_rendered_on_a_flashcard_in_the_quiz_and_the_results(
    client, auth, create_user, rich_quiz
):
    quiz_id, (html_id, markdown_id) = rich_quiz
    create_user("sam")
    auth.login("sam")
    card = client.get(f"/cards/review?deck=all&show={html_id}").get_data(as_text=True)
    assert f'action="/cards/{html_id}/rate"' in card
    assert_html_prompt_rendered(card)

    attempt_id = attempt_id_of(post_form(client, f"/quizzes/{quiz_id}/start"))
    taking = client.get(f"/quizzes/attempts/{attempt_id}").get_data(as_text=True)
    assert_html_prompt_rendered(taking)
    assert_markdown_prompt_rendered(taking)

    answers = {f"q{html_id}": "0", f"q{markdown_id}": "red"}
    post_form(client, f"/quizzes/attempts/{attempt_id}", answers)
    results = client.get(f"/quizzes/attempts/{attempt_id}/review").get_data(as_text=True)
    assert "2</strong> out of 2" in results
    assert_html_prompt_rendered(results)
    assert_markdown_prompt_rendered(results)
    assert "It <i>was</i> bold." in results


def test_a_cloze_prompt_is_rendered_whole_then_cut_at_its_gaps():
    cloze = Question(
        kind="cloze",
        prompt='<p style="margin: 0">The <b>capital</b> is {{1}} on the <i>river</i> {{2}}.</p>',
        prompt_format="html",
        answers=(Answer("Lima", 1.0), Answer("Rímac", 1.0)),
    )
    assert rich_cloze_parts(cloze) == [
        ("<p>The <b>capital</b> is ", 0),
        (" on the <i>river</i> ", 1),
        (".</p>", None),
    ]
