"""Importing question files into the bank and exporting the bank or a quiz, from the web UI."""

from __future__ import annotations

import io
import json
import sqlite3
import zipfile

import pytest

from question_bank.formats import read_questions
from quizapp.extensions import db
from quizapp.models import Category, Question
from tests.conftest import post_form, upload_questions

GIFT = """// A small bank written for these tests
$CATEGORY: $course$/top/Europe/Capitals

::Belarus capital:: What is the capital of Belarus? {
  =Minsk#Right.
  ~Gomel#A regional centre.
  ~Brest
  ####Minsk has been the capital since 1919.
}

::Baku:: Baku is the capital of Azerbaijan. {TRUE}

::Year:: In which year did Azerbaijan regain independence? {#1991:1}

::Match:: Match each country to its capital. {
  =Azerbaijan -> Baku
  =Belarus -> Minsk
  =Georgia -> Tbilisi
}
"""

AIKEN = """Which city hosted the talks?
A. Baku
B. Minsk
C. Ankara
ANSWER: A

Who visited Baku?
A) Lukashenko
B) Erdogan
ANSWER: A
"""


@pytest.fixture
def teacher(auth, create_user):
    create_user("tess", role="teacher")
    auth.login("tess")
    return "tess"


def _upload(client, data: bytes, filename: str, fmt: str = ""):
    return upload_questions(client, data, filename, fmt, follow_redirects=True)


def _count(app) -> int:
    with app.app_context():
        return db.session.execute(db.select(db.func.count(Question.id))).scalar_one()


def test_import_gift_keeps_categories_feedback_and_kinds(client, app, teacher):
    page = _upload(client, GIFT.encode("utf-8-sig"), "capitals.gift").get_data(as_text=True)
    assert "Imported 4 questions from capitals.gift." in page
    with app.app_context():
        questions = db.session.execute(db.select(Question).order_by(Question.id)).scalars().all()
        assert [q.kind for q in questions] == ["multichoice", "truefalse", "numerical", "matching"]
        first = questions[0].bank
        assert first.answers[0].feedback == "Right." and "1919" in first.general_feedback
        paths = {c.name for c in db.session.execute(db.select(Category)).scalars()}
        assert {"Europe", "Capitals"} <= paths
        assert questions[0].category.name == "Capitals"


def test_import_aiken_with_format_named(client, app, teacher):
    page = _upload(client, AIKEN.replace("\n", "\r\n").encode(), "quiz.txt", "aiken").get_data(
        as_text=True
    )
    assert "Imported 2 questions" in page
    assert _count(app) == 2


def test_importing_a_file_again_adds_only_what_the_bank_lacks(client, app, teacher):
    _upload(client, GIFT.encode(), "capitals.gift")
    page = _upload(client, GIFT.encode(), "capitals.gift").get_data(as_text=True)
    assert "Imported 0 questions from capitals.gift." in page
    assert "4 were already in your question bank and were not added again." in page
    assert _count(app) == 4
    changed = GIFT.replace("~Brest", "~Vitebsk")  # another option: another question
    assert changed != GIFT
    page = _upload(client, changed.encode(), "capitals-2.gift").get_data(as_text=True)
    assert "Imported 1 question from capitals-2.gift. 3 were already" in page
    assert _count(app) == 5


def test_malformed_file_imports_nothing_and_lists_every_problem(client, app, teacher):
    broken = GIFT + "\n::Broken:: Where is Baku? {=Azerbaijan ~Armenia\n"
    page = _upload(client, broken.encode(), "broken.gift", "gift").get_data(as_text=True)
    assert "Nothing was imported" in page and "broken.gift:" in page
    assert _count(app) == 0


def test_imported_html_is_sanitised_and_rendered_without_scripts(client, app, teacher):
    gift = '[html]<p onclick="steal()">Pick <b>one</b><script>alert(1)</script></p>{=A ~B}\n'
    _upload(client, gift.encode(), "x.gift", "gift")
    with app.app_context():
        question = db.session.execute(db.select(Question)).scalar_one()
        assert "script" not in question.prompt and "onclick" not in question.prompt
        question_id = question.id
    page = client.get(f"/teach/questions/{question_id}").get_data(as_text=True)
    assert "<p>Pick <b>one</b></p>" in page
    assert "steal()" not in page and "alert(1)" not in page


def test_exports_of_two_formats_sharing_an_extension_get_two_names(client, app, teacher):
    _upload(client, GIFT.encode(), "capitals.gift", "gift")
    names = {
        fmt: client.get(f"/teach/bank/export?fmt={fmt}&quiz=0").headers["Content-Disposition"]
        for fmt in ("anki-text", "quizlet", "gift")
    }
    assert 'filename="question-bank-anki-text.txt"' in names["anki-text"]
    assert 'filename="question-bank-quizlet.txt"' in names["quizlet"]
    assert 'filename="question-bank.gift"' in names["gift"]


def test_export_bank_to_moodle_xml_round_trips(client, app, teacher):
    _upload(client, GIFT.encode(), "capitals.gift", "gift")
    response = client.get("/teach/bank/export?fmt=moodlexml&quiz=0")
    assert response.status_code == 200
    assert 'filename="question-bank.xml"' in response.headers["Content-Disposition"]
    again = read_questions(response.data, "bank.xml", "moodlexml")
    assert [q.kind for q in again] == ["multichoice", "truefalse", "numerical", "matching"]
    assert again[0].category.endswith("Europe/Capitals")
    assert again[0].answers[0].feedback == "Right."


def test_export_anki_package_and_quiz_json(client, app, teacher, tmp_path):
    _upload(client, GIFT.encode(), "capitals.gift", "gift")
    response = client.get("/teach/bank/export?fmt=apkg&quiz=0")
    assert (
        response.status_code == 200
        and response.headers["Content-Type"] == "application/octet-stream"
    )
    with zipfile.ZipFile(io.BytesIO(response.data)) as package:
        collection = tmp_path / "collection.anki2"
        collection.write_bytes(package.read("collection.anki2"))
    with sqlite3.connect(collection) as conn:
        assert conn.execute("select count(*) from notes").fetchone()[0] >= 4
    with app.app_context():
        ids = [
            q.id for q in db.session.execute(db.select(Question).order_by(Question.id)).scalars()
        ]
    made = post_form(
        client, "/teach/quizzes/from-bank", {"question": ids[:2], "quiz": "0", "title": "Two"}
    )
    quiz_id = int(made.headers["Location"].rsplit("/", 1)[1])
    exported = client.get(f"/teach/bank/export?fmt=json&quiz={quiz_id}")
    data = json.loads(exported.data)
    listed = data["questions"] if isinstance(data, dict) else data
    assert len(listed) == 2 and 'filename="two.json"' in exported.headers["Content-Disposition"]


def test_export_form_page_and_other_teachers_quiz_refused(client, auth, bundled_quiz, create_user):
    create_user("other", role="teacher")
    auth.login("other")
    assert "Moodle XML" in client.get("/teach/bank/export").get_data(as_text=True)
    response = client.get(f"/teach/bank/export?fmt=gift&quiz={bundled_quiz}")
    assert "Content-Disposition" not in response.headers
    assert "Not a valid choice." in response.get_data(as_text=True)


def test_archive_import_refused_by_the_configured_limits(app, client, auth, create_user):
    from tests.question_bank.formats.test_archives import bomb

    create_user("tess", role="teacher")
    auth.login("tess")
    app.config["ARCHIVE_MAX_ENTRY_BYTES"] = 1024 * 1024
    page = post_form(
        client,
        "/teach/bank/import",
        {"fmt": "qti21", "upload": (io.BytesIO(bomb(2 * 1024 * 1024)), "bomb.zip")},
        content_type="multipart/form-data",
    ).get_data(as_text=True)
    assert "archive refused: item1.xml expands to 2.0 MB; one file may be at most 1.0 MB" in page


AWKWARD = (
    "kind,title,prompt,answer1,answer2,answer3\n"
    "ordering,Steps of the visit,Put the steps in order.,Arrive,Meet,Sign\n"
    "cloze,,{{1}} met {{2}} in Baku.,Aliyev,Lukashenko,\n"
)


def test_gift_export_lists_what_it_cannot_hold_then_leaves_it_out(client, teacher):
    _upload(client, GIFT.encode(), "capitals.gift", "gift")
    _upload(client, AWKWARD.encode(), "awkward.csv", "csv")
    page = client.get("/teach/bank/export?fmt=gift&quiz=0")
    assert page.status_code == 200 and "Content-Disposition" not in page.headers
    text = page.get_data(as_text=True)
    assert "2 questions cannot be written as Moodle GIFT" in text
    assert "<strong>Steps of the visit</strong>: Moodle GIFT has no ordering questions" in text
    assert "<strong>_____ met _____ in Baku.</strong>: GIFT can hold a gap-fill question" in text
    assert "{{" not in text and "gift export" not in text and "kind " not in text
    assert "Download the other 4 questions without them" in text
    download = client.get("/teach/bank/export?fmt=gift&quiz=0&leave_out=y")
    assert 'filename="question-bank.gift"' in download.headers["Content-Disposition"]
    again = read_questions(download.data, "bank.gift", "gift")
    assert [q.kind for q in again] == ["multichoice", "truefalse", "numerical", "matching"]


def test_export_that_fits_downloads_at_once_and_nothing_fitting_offers_no_file(client, teacher):
    _upload(client, AWKWARD.encode(), "awkward.csv", "csv")
    whole = client.get("/teach/bank/export?fmt=moodlexml&quiz=0")
    assert [q.kind for q in read_questions(whole.data, "b.xml", "moodlexml")] == [
        "ordering",
        "cloze",
    ]
    page = client.get("/teach/bank/export?fmt=aiken&quiz=0&leave_out=y")
    text = page.get_data(as_text=True)
    assert "Content-Disposition" not in page.headers
    assert "None of these questions can be written as Aiken; choose another format." in text
    assert "Aiken has no ordering questions" in text and "Aiken has no cloze questions" in text


def test_generated_bank_exports_as_gift_without_its_ordering_question(client, auth, bundled_quiz):
    auth.login("tess")
    _upload(client, AWKWARD.encode().split(b"\ncloze")[0], "steps.csv", "csv")
    page = client.get("/teach/bank/export?fmt=gift&quiz=0")
    text = page.get_data(as_text=True)
    assert "1 question cannot be written as Moodle GIFT" in text
    assert "Moodle GIFT has no ordering questions" in text and "{{" not in text
    download = client.get("/teach/bank/export?fmt=gift&quiz=0&leave_out=y")
    kinds = {q.kind for q in read_questions(download.data, "bank.gift", "gift")}
    assert kinds and "ordering" not in kinds
