"""Reviewing generated items: evidence highlighted, accept / edit / reject / regenerate, quiz."""

from __future__ import annotations

import io
import re

from quizapp.extensions import db
from quizapp.models import Article, Question, Quiz, ReviewItem, ReviewStatus
from tests.conftest import post_form


def _items(app, article_id: int) -> list[ReviewItem]:
    with app.app_context():
        return list(
            db.session.execute(
                db.select(ReviewItem)
                .where(ReviewItem.article_id == article_id)
                .order_by(ReviewItem.id)
            ).scalars()
        )


def test_queue_shows_kind_score_and_evidence_marked_in_article(client, app, auth, queued_article):
    auth.login("tess")
    page = client.get(f"/teach/articles/{queued_article}/review").get_data(as_text=True)
    items = _items(app, queued_article)
    assert all(i.status == ReviewStatus.PENDING.value for i in items)
    suggested = [i for i in items if i.suggested]
    shown = min(len(suggested), 50)  # the suggested items first, 50 a page
    assert page.count('class="card item item-pending"') == shown
    assert page.count("<mark>") == shown  # every evidence sentence found in the article
    best = max(suggested, key=lambda i: (i.score, -i.id))
    assert f"score {best.score:.2f}" in page
    labels = {
        "multichoice": "Multiple choice",
        "truefalse": "True or false",
        "cloze": "Cloze",
        "shortanswer": "Short answer",
        "numerical": "Numerical",
        "matching": "Matching",
        "ordering": "Ordering",
    }
    assert f'<span class="badge">{labels[best.kind]}</span>' in page  # not the code's name
    assert f'<span class="badge">{best.kind}</span>' not in page
    assert '<option value="shortanswer">Short answer</option>' in page


def test_article_text_is_escaped_around_the_highlight(client, app, auth, queued_article):
    with app.app_context():
        article = db.session.get(Article, queued_article)
        item = (
            db.session.execute(db.select(ReviewItem).where(ReviewItem.article_id == article.id))
            .scalars()
            .first()
        )
        start = article.body.find(item.evidence)
        article.body = article.body[:start] + "<script>alert(1)</script> " + article.body[start:]
        db.session.commit()
    auth.login("tess")
    page = client.get(f"/teach/articles/{queued_article}/review").get_data(as_text=True)
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page


def test_accept_one_reject_one_and_bulk_then_quiz_in_two_clicks(client, app, auth, queued_article):
    auth.login("tess")
    first, second, *rest = _items(app, queued_article)
    post_form(client, f"/teach/review/{first.id}/accept")
    post_form(client, f"/teach/review/{second.id}/reject")
    post_form(
        client,
        f"/teach/articles/{queued_article}/review",
        {"action": "accept", "item": [rest[0].id, rest[1].id]},
    )
    statuses = {i.id: i.status for i in _items(app, queued_article)}
    assert statuses[first.id] == statuses[rest[0].id] == statuses[rest[1].id] == "accepted"
    assert statuses[second.id] == "rejected" and statuses[rest[2].id] == "pending"
    response = post_form(client, f"/teach/articles/{queued_article}/quiz")
    assert response.status_code == 302 and "/teach/quizzes/" in response.headers["Location"]
    with app.app_context():
        quiz = db.session.execute(db.select(Quiz)).scalar_one()
        assert {e.question.payload["prompt"] for e in quiz.entries} == {
            first.payload["prompt"],
            rest[0].payload["prompt"],
            rest[1].payload["prompt"],
        }
        assert not quiz.is_published
        assert db.session.execute(db.select(db.func.count(Question.id))).scalar_one() == 3


def test_edit_item_saves_changes_and_accepts(client, app, auth, queued_article):
    auth.login("tess")
    item = next(i for i in _items(app, queued_article) if i.kind == "multichoice")
    form = client.get(f"/teach/review/{item.id}/edit").get_data(as_text=True)
    assert "Question text" in form and item.evidence[:30].replace('"', "&#34;") in form
    answers = item.payload["answers"]
    title = re.search(r'<input[^>]*id="title"[^>]*>', form).group(0)
    typed = re.search(r'value="([^"]*)"', title)  # sent back as the browser shows it
    shown = typed.group(1) if typed else ""
    data = {"prompt": "Edited prompt?", "default_mark": "1", "title": shown}
    for index, answer in enumerate(answers):
        data[f"answers-{index}-text"] = answer["text"]
        data[f"answers-{index}-fraction"] = str(answer["fraction"] * 100)
    assert post_form(client, f"/teach/review/{item.id}/edit", data).status_code == 302
    with app.app_context():
        saved = db.session.get(ReviewItem, item.id)
        assert saved.status == "accepted" and saved.payload["prompt"] == "Edited prompt?"
        assert saved.payload["title"] == "Edited prompt?"  # a name made from the old prompt goes
        question = db.session.get(Question, saved.question_id)
        assert question.prompt == "Edited prompt?" and question.evidence == item.evidence


def test_regenerate_one_replaces_it_and_regenerate_all_rejects_pending(
    client, app, auth, queued_article
):
    auth.login("tess")
    before = _items(app, queued_article)
    post_form(client, f"/teach/review/{before[0].id}/regenerate")
    after = _items(app, queued_article)
    assert {i.id: i.status for i in after}[before[0].id] == "rejected"
    prompts = [i.payload["prompt"] for i in after]
    assert len(prompts) == len(set(prompts))  # never queues a prompt twice
    post_form(client, f"/teach/articles/{queued_article}/review", {"action": "regenerate"})
    final = _items(app, queued_article)
    assert all(i.status == "rejected" for i in final if i.id in {b.id for b in before})


def test_other_teacher_cannot_touch_the_queue(client, app, auth, queued_article, create_user):
    create_user("other", role="teacher")
    auth.login("other")
    item = _items(app, queued_article)[0]
    assert client.get(f"/teach/articles/{queued_article}/review").status_code == 403
    assert post_form(client, f"/teach/review/{item.id}/accept").status_code == 403
    assert post_form(client, f"/teach/articles/{queued_article}/quiz").status_code == 403
    assert _items(app, queued_article)[0].status == "pending"


def test_upload_too_large_or_wrong_type_is_refused_with_a_message(client, app, auth, create_user):
    create_user("tess", role="teacher")
    auth.login("tess")
    app.config["ARTICLE_MAX_BYTES"] = 2_000
    big = io.BytesIO(b"word " * 1_000)
    page = post_form(
        client,
        "/teach/articles/new",
        {"upload": (big, "long.txt")},
        content_type="multipart/form-data",
    ).get_data(as_text=True)
    assert "long.txt is 5 kB; articles can be at most 2 kB." in page
    page = post_form(
        client,
        "/teach/articles/new",
        {"upload": (io.BytesIO(b"x"), "a.pdf")},
        content_type="multipart/form-data",
    ).get_data(as_text=True)
    assert "Upload a .txt, .md or .html file." in page


def test_non_english_text_shows_the_generator_message(client, auth, create_user):
    create_user("tess", role="teacher")
    auth.login("tess")
    text = "Der Bundestag hat am Mittwoch ein neues Gesetz beschlossen, das die Steuern senkt. " * 5
    page = post_form(client, "/teach/articles/new", {"text": text}, follow_redirects=True)
    assert re.search(
        r'id="job-failed">\s*<p>[^<]+</p>', page.get_data(as_text=True)
    )  # the generator's reason, shown where the questions would be


def test_the_generators_suggestions_come_first_and_the_rest_wait_under_more(
    client, app, auth, queued_article, bundled_generation
):
    _, generation = bundled_generation
    items = _items(app, queued_article)
    suggested = {i.payload["prompt"] for i in items if i.suggested}
    more = [i for i in items if not i.suggested]
    assert len(suggested) == len({item.prompt for item in generation.items})
    assert more, "the generator's other candidates are queued as well"
    auth.login("tess")
    page = client.get(f"/teach/articles/{queued_article}/review").get_data(as_text=True)
    assert f"More ({len(more)})" in page
    assert not [i for i in more if f'id="item-{i.id}"' in page]
    rest = client.get(f"/teach/articles/{queued_article}/review?shown=more").get_data(as_text=True)
    ids = re.findall(r'id="item-(\d+)"', rest)
    assert ids and {int(i) for i in ids} <= {i.id for i in more}
    assert rest.count('<span class="badge">more</span>') == len(ids)
    every = client.get(f"/teach/articles/{queued_article}/review?shown=nonsense")
    assert every.status_code == 200  # an unknown part shows the suggestions


def test_accept_all_takes_only_the_part_of_the_queue_shown(client, app, auth, queued_article):
    auth.login("tess")
    post_form(
        client,
        f"/teach/articles/{queued_article}/review",
        {"action": "accept", "scope": "all", "shown": "suggested"},
    )
    items = _items(app, queued_article)
    assert all(i.status == "accepted" for i in items if i.suggested)
    assert all(i.status == "pending" for i in items if not i.suggested)
    one_more = next(i for i in items if not i.suggested)
    post_form(
        client,
        f"/teach/articles/{queued_article}/review",
        {"action": "reject", "item": [one_more.id]},
    )
    assert {i.id: i.status for i in _items(app, queued_article)}[one_more.id] == "rejected"
