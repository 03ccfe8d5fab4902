"""Generation jobs: an article is stored at once and the generator runs later, off the request.

A job goes queued -> running -> done (its items in the review queue) or failed (with the
reason a teacher can act on). ``quizapp.jobqueue`` decides where a job runs; this module says
what a job does.
"""

from __future__ import annotations

import secrets
import unicodedata
from datetime import timedelta

from flask import current_app

import question_bank
from question_bank.reading.metadata import prepare_article
from quizapp.extensions import db
from quizapp.models import Article, GenerationJob, JobStatus, ReviewStatus, User
from quizapp.models.base import utcnow
from quizapp.services.articles import generate_from_text, lead_title
from quizapp.services.review import pending_items, queue_generation


class ArticleTooLong(ValueError):
    """An article has more words than the ``ARTICLE_MAX_WORDS`` setting allows."""


def check_is_text(text: str) -> None:
    """Refuse input that is not text (NUL or other control characters: a binary file)."""
    controls = sum(
        1 for char in text if unicodedata.category(char) == "Cc" and char not in "\t\n\r"
    )
    if "\x00" in text or controls > max(2, len(text) // 100):
        raise ValueError(
            "This does not look like text (it holds control characters: a binary file?). "
            "Paste the article's words, or upload it as .txt, .md or .html."
        )


def check_word_limit(text: str) -> None:
    """Refuse an article longer than ``ARTICLE_MAX_WORDS`` words, saying by how much."""
    limit = int(current_app.config["ARTICLE_MAX_WORDS"])
    words = len(text.split())
    if words > limit:
        raise ArticleTooLong(
            f"This article has {words:,} words; articles can have at most {limit:,}. "
            "Keep the part you want questions about and try again."
        )


def _provisional_title(text: str, limit: int = 90) -> str:
    """The article's headline, else its first line without the header lines (a date, a
    byline): the title it has until its questions are made, and keeps if that fails."""
    prepared = prepare_article(text)
    lines = (line.strip() for line in prepared.body.splitlines())
    first = " ".join((prepared.meta.title or next((x for x in lines if x), "")).split())
    if len(first) <= limit:
        return first or "Untitled article"
    return first[:limit].rsplit(" ", 1)[0].rstrip(",;:–-") + "…"


def start_article_import(
    text: str, owner: User, source_name: str = "", published: str | None = None
) -> GenerationJob:
    """Store the article and a queued job that will generate its questions."""
    check_is_text(text)
    check_word_limit(text)
    article = Article(
        title=_provisional_title(text)[:300],
        body=text,
        source_name=source_name[:200],
        owner_id=owner.id,
    )
    db.session.add(article)
    db.session.flush()
    job = GenerationJob(article_id=article.id, published=(published or "")[:32])
    db.session.add(job)
    db.session.flush()
    return job


def start_regeneration(article: Article) -> GenerationJob:
    """Queue a new run over the article with another seed (its pending items are replaced)."""
    check_word_limit(article.body)
    job = GenerationJob(
        article_id=article.id,
        is_regeneration=True,
        seed=secrets.randbelow(1_000_000) + 1,
        published=article.published_on or "",
    )
    db.session.add(job)
    db.session.flush()
    return job


def _set_stage(job: GenerationJob, stage: str, status: JobStatus | None = None) -> None:
    job.stage = stage
    if status is not None:
        job.status = status.value
    db.session.commit()


def run_generation_job(job_id: int) -> str:
    """Do one queued job: generate, store the items, and record how it went; its status."""
    job = db.session.get(GenerationJob, job_id)
    if job is None or job.status != JobStatus.QUEUED.value:
        return "skipped"
    job.started_at = utcnow()
    _set_stage(job, "Reading the article and writing questions", JobStatus.RUNNING)
    article = job.article
    try:
        generation = generate_from_text(
            article.body, published=job.published or None, seed=job.seed or None
        )
    except question_bank.GenerationError as exc:
        return _fail(job_id, str(exc))
    except Exception:  # the generator's own bug: keep the worker alive and say so
        current_app.logger.exception("generation job %s failed", job_id)
        return _fail(job_id, "The generator failed on this article. Try again later.")
    _set_stage(job, f"Storing {len(generation.items) + len(generation.more)} questions for review")
    if job.is_regeneration:
        for item in pending_items(article):
            item.status = ReviewStatus.REJECTED.value
    else:
        meta = generation.article
        article.title = (meta.title or lead_title(generation))[:300]
        article.published_on = meta.date
        article.byline = meta.byline[:200]
    queued = queue_generation(article, generation, job.seed)
    job.items, job.finished_at = len(queued), utcnow()
    suggested = sum(item.suggested for item in queued)
    _set_stage(
        job,
        f"Done: {suggested} suggested questions to review, {len(queued) - suggested} more",
        JobStatus.DONE,
    )
    return job.status


def _fail(job_id: int, reason: str) -> str:
    db.session.rollback()
    job = db.session.get(GenerationJob, job_id)
    job.error, job.finished_at = reason, utcnow()
    _set_stage(job, "Failed", JobStatus.FAILED)
    return job.status


def article_jobs(article: Article) -> list[GenerationJob]:
    """The article's jobs, newest first."""
    return list(
        db.session.execute(
            db.select(GenerationJob)
            .where(GenerationJob.article_id == article.id)
            .order_by(GenerationJob.id.desc())
        ).scalars()
    )


def is_stalled(job: GenerationJob, now=None) -> bool:
    """Whether an unfinished job has outlived ``JOB_TIMEOUT_SECONDS`` (its worker died)."""
    if job.is_finished:
        return False
    limit = timedelta(seconds=int(current_app.config["JOB_TIMEOUT_SECONDS"]))
    return (now or utcnow()) - (job.started_at or job.created_at) > limit


def retry_job(job: GenerationJob) -> GenerationJob:
    """Queue a failed or stalled job's work again as a new job."""
    if not (job.status == JobStatus.FAILED.value or is_stalled(job)):
        raise ValueError("Only a failed or stalled job can be tried again.")
    if not job.is_finished:
        job.status, job.stage, job.finished_at = JobStatus.FAILED.value, "Stalled", utcnow()
        job.error = "The worker stopped before finishing."
    again = GenerationJob(
        article_id=job.article_id,
        is_regeneration=job.is_regeneration,
        seed=job.seed,
        published=job.published,
    )
    db.session.add(again)
    db.session.flush()
    return again
