"""Generation runs off the request path: queued jobs, their progress, limits and the queue."""

from __future__ import annotations

import threading
import uuid

import pytest

import question_bank
from quizapp.extensions import db
from quizapp.jobqueue import run_worker, wait_for_local_jobs
from quizapp.models import Article, GenerationJob, ReviewItem, User
from quizapp.services import articles as articles_service
from tests.conftest import BUNDLED_ARTICLE, post_form

REDIS_URL = "redis://127.0.0.1:6379/0"


@pytest.fixture
def teacher(client, auth, create_user):
    """Teacher 'tess', logged in."""
    create_user("tess", role="teacher")
    auth.login("tess")


def _count(model) -> int:
    return db.session.execute(db.select(db.func.count(model.id))).scalar_one()


def test_article_over_the_word_limit_is_refused_before_anything_runs(app, client, teacher):
    app.config["ARTICLE_MAX_WORDS"] = 100
    page = post_form(client, "/teach/articles/new", {"text": "word " * 150}).get_data(as_text=True)
    assert "This article has 150 words; articles can have at most 100." in page
    with app.app_context():
        assert _count(Article) == 0 and _count(GenerationJob) == 0


def test_default_word_limit_is_20000(app):
    assert app.config["ARTICLE_MAX_WORDS"] == 20_000


def test_import_returns_at_once_and_the_thread_shows_progress(app, client, teacher, monkeypatch):
    app.config["JOB_RUNNER"] = ""  # no Redis configured: the app's own worker thread
    release = threading.Event()
    real = question_bank.generate

    def held_generate(*args, **kwargs):
        assert release.wait(60)
        return real(*args, **kwargs)

    monkeypatch.setattr(articles_service.question_bank, "generate", held_generate)
    text = BUNDLED_ARTICLE.read_text(encoding="utf-8")
    response = post_form(client, "/teach/articles/new", {"text": text})
    assert response.status_code == 302  # answered while the generator is still held
    waiting = client.get(response.headers["Location"]).get_data(as_text=True)
    assert '<meta http-equiv="refresh" content="3">' in waiting
    assert "Writing questions" in waiting
    release.set()
    wait_for_local_jobs(app)
    done = client.get(response.headers["Location"]).get_data(as_text=True)
    assert 'http-equiv="refresh"' not in done
    assert "suggested questions to review" in done
    with app.app_context():
        job = db.session.execute(db.select(GenerationJob)).scalar_one()
        assert job.status == "done" and job.items == _count(ReviewItem) > 0
        assert db.session.get(Article, job.article_id).published_on == "2021-04-14"


def use_redis_queue(app) -> None:
    """Send the app's jobs to a queue of its own in the local Redis (skip without Redis)."""
    redis = pytest.importorskip("redis")
    try:
        redis.Redis.from_url(REDIS_URL, socket_connect_timeout=1).ping()
    except redis.exceptions.ConnectionError:
        pytest.skip("no Redis server on 127.0.0.1:6379")
    app.config.update(
        JOB_RUNNER="", JOB_QUEUE_URL=REDIS_URL, JOB_QUEUE_NAME=f"test-{uuid.uuid4().hex}"
    )


def test_jobs_go_through_redis_to_a_worker(app, client, teacher):
    use_redis_queue(app)
    from quizapp.jobqueue import rq_queue

    text = BUNDLED_ARTICLE.read_text(encoding="utf-8")
    post_form(client, "/teach/articles/new", {"text": text})
    queue = rq_queue(app)
    try:
        assert queue.count == 1
        with app.app_context():
            assert db.session.execute(db.select(GenerationJob.status)).scalar_one() == "queued"
            assert _count(ReviewItem) == 0
        run_worker(app, burst=True)
        with app.app_context():
            assert db.session.execute(db.select(GenerationJob.status)).scalar_one() == "done"
            assert _count(ReviewItem) > 0
    finally:
        queue.delete(delete_jobs=True)


def test_failed_job_shows_why_and_can_be_tried_again(app, client, teacher, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("generator bug")

    monkeypatch.setattr(articles_service.question_bank, "generate", broken)
    text = BUNDLED_ARTICLE.read_text(encoding="utf-8")
    response = post_form(client, "/teach/articles/new", {"text": text})
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "The generator failed on this article. Try again later." in page
    monkeypatch.undo()
    with app.app_context():
        job_id = db.session.execute(db.select(GenerationJob.id)).scalar_one()
    post_form(client, f"/teach/jobs/{job_id}/retry")
    with app.app_context():
        statuses = db.session.execute(
            db.select(GenerationJob.status).order_by(GenerationJob.id)
        ).scalars()
        assert list(statuses) == ["failed", "done"]
        assert _count(ReviewItem) > 0


def test_an_article_waiting_or_failed_is_named_by_its_text_not_its_header_lines(
    app, client, teacher, monkeypatch
):
    def broken(*args, **kwargs):
        raise RuntimeError("generator bug")

    monkeypatch.setattr(articles_service.question_bank, "generate", broken)
    text = "date 2021-06-16 By Ann Lee\n\nBAKU (AA) – The two presidents met in Baku.\n"
    post_form(client, "/teach/articles/new", {"text": text})
    with app.app_context():
        title = db.session.execute(db.select(Article.title)).scalar_one()
    assert title == "The two presidents met in Baku."  # no date, byline or dateline


def test_another_teacher_cannot_retry_a_job(app, client, auth, create_user, monkeypatch):
    monkeypatch.setattr(
        articles_service.question_bank,
        "generate",
        lambda *a, **k: (_ for _ in ()).throw(question_bank.GenerationError("not English")),
    )
    create_user("tess", role="teacher")
    create_user("other", role="teacher")
    auth.login("tess")
    post_form(client, "/teach/articles/new", {"text": "Etwas Text. " * 20})
    auth.logout()
    auth.login("other")
    with app.app_context():
        job_id = db.session.execute(db.select(GenerationJob.id)).scalar_one()
    assert post_form(client, f"/teach/jobs/{job_id}/retry").status_code == 403
    with app.app_context():
        assert _count(GenerationJob) == 1


def _seed_items(app, count: int) -> int:
    """An article of tess's with ``count`` review items of varied kind, fact type and score."""
    from question_bank.model import Answer
    from question_bank.model import Question as BankQuestion

    with app.app_context():
        owner = db.session.execute(db.select(User).filter_by(username="tess")).scalar_one()
        article = Article(title="Seeded", body="Body.", owner_id=owner.id)
        db.session.add(article)
        db.session.flush()
        kinds, facts = ("multichoice", "shortanswer", "truefalse"), ("date", "person")
        for n in range(count):
            question = BankQuestion(kind="shortanswer", prompt=f"Q{n}", answers=(Answer("a"),))
            db.session.add(
                ReviewItem(
                    article_id=article.id,
                    kind=kinds[n % 3],
                    payload=question.to_dict(),
                    score=(n % 10) / 10,
                    fact_type=facts[n % 2],
                )
            )
        db.session.commit()
        return article.id


def _shown(page: str) -> int:
    return page.count('class="card item item-pending"')


def test_review_queue_is_paged_and_filtered(app, client, teacher):
    article_id = _seed_items(app, 120)
    url = f"/teach/articles/{article_id}/review"
    assert _shown(client.get(url).get_data(as_text=True)) == 50
    last = client.get(f"{url}?page=3").get_data(as_text=True)
    assert _shown(last) == 20 and "120 items, page 3 of 3" in last
    assert _shown(client.get(f"{url}?kind=truefalse").get_data(as_text=True)) == 40
    assert _shown(client.get(f"{url}?fact_type=date&page=2").get_data(as_text=True)) == 10
    high = client.get(f"{url}?min_score=0.8").get_data(as_text=True)
    assert "24 items" in high
    both = client.get(f"{url}?kind=multichoice&fact_type=person").get_data(as_text=True)
    assert "20 items" in both
    for junk in ("min_score=nan", "min_score=abc", "kind=nope", "page=-1", "page=99999"):
        response = client.get(f"{url}?{junk}")
        assert response.status_code == 200, junk


def test_worker_command_needs_a_queue_and_works_it(app, runner):
    refused = runner.invoke(args=["worker", "--burst"])
    assert refused.exit_code != 0 and "Set JOB_QUEUE_URL" in refused.output
    use_redis_queue(app)
    result = runner.invoke(args=["worker", "--burst"])
    assert result.exit_code == 0, result.output
