"""Reviewing an article's generated items: accept, edit, reject, regenerate; then make a quiz."""

from __future__ import annotations

import math

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_login import current_user

from question_bank.grading import right_answer_text
from quizapp.access import teacher_required
from quizapp.extensions import db
from quizapp.forms.choices import options
from quizapp.forms.questions import bank_question, form_data, question_forms
from quizapp.forms.quiz import ActionForm
from quizapp.jobqueue import dispatch
from quizapp.models import GenerationJob
from quizapp.ownership import form_ids, parse_id
from quizapp.services.articles import evidence_in_context
from quizapp.services.generation import article_jobs, is_stalled, retry_job, start_regeneration
from quizapp.services.quizzes import create_quiz
from quizapp.services.review import (
    SHOWN,
    ReviewFilters,
    accepted_questions,
    apply_to_items,
    edit_item,
    owned_article_or_404,
    owned_item_or_404,
    pending_items,
    regenerate_item,
    review_counts,
    review_facets,
    review_queue,
)

bp = Blueprint("review", __name__, url_prefix="/teach")


def _back(article_id: int, item_id: int | None = None):
    anchor = f"item-{item_id}" if item_id else None
    return redirect(url_for("review.queue", article_id=article_id, _anchor=anchor))


def _filters(kinds: list[str], fact_types: list[str]) -> ReviewFilters:
    """The queue filters in the query string; unknown values are ignored."""
    kind = request.args.get("kind", "")
    fact_type = request.args.get("fact_type", "")
    try:
        min_score = float(request.args.get("min_score", "") or "nan")
    except ValueError:
        min_score = math.nan
    shown = request.args.get("shown", "")
    return ReviewFilters(
        kind=kind if kind in kinds else "",
        fact_type=fact_type if fact_type in fact_types else "",
        min_score=min_score if 0 <= min_score <= 1 else None,
        shown=shown if shown in SHOWN else "suggested",
    )


@bp.get("/articles/<int:article_id>/review")
@teacher_required
def queue(article_id: int):
    """The article's generation progress and its items, 50 a page, filtered by kind, fact type
    and score, each with its evidence highlighted in the article."""
    article = owned_article_or_404(article_id, current_user)
    kinds, fact_types = review_facets(article)
    filters = _filters(kinds, fact_types)
    page = review_queue(article, filters, parse_id(request.args.get("page")) or 1)
    jobs = article_jobs(article)
    running = [job for job in jobs if not job.is_finished and not is_stalled(job)]
    return render_template(
        "review/queue.html",
        article=article,
        page=page,
        items=page.items,
        filters=filters,
        kinds=kinds,
        fact_types=fact_types,
        context={item.id: evidence_in_context(article.body, item.evidence) for item in page},
        counts=review_counts(article),
        latest_job=jobs[0] if jobs else None,
        running=running,
        stalled=[job for job in jobs if is_stalled(job)],
        right_answer_text=right_answer_text,
        form=ActionForm(),
    )


@bp.post("/jobs/<int:job_id>/retry")
@teacher_required
def retry(job_id: int):
    """Run a failed or stalled generation job again."""
    job = db.get_or_404(GenerationJob, job_id)
    article = owned_article_or_404(job.article_id, current_user)
    if not ActionForm().validate_on_submit():
        abort(400)
    try:
        again = retry_job(job)
    except ValueError as exc:
        flash(str(exc), "error")
        return _back(article.id)
    db.session.commit()
    dispatch(again.id)
    flash("Trying again: the questions appear here when they are ready.", "success")
    return _back(article.id)


@bp.post("/articles/<int:article_id>/review")
@teacher_required
def bulk(article_id: int):
    """Accept or reject the ticked items (or all pending ones), or regenerate the whole set."""
    article = owned_article_or_404(article_id, current_user)
    action = request.form.get("action", "")
    if not ActionForm().validate_on_submit() or action not in {"accept", "reject", "regenerate"}:
        flash("Choose what to do with the items.", "error")
        return _back(article.id)
    if action == "regenerate":
        try:
            job = start_regeneration(article)
        except ValueError as exc:
            flash(str(exc), "error")
            return _back(article.id)
        db.session.commit()
        dispatch(job.id)
        flash("Generating the set again: new items appear here when they are ready.", "success")
        return _back(article.id)
    if request.form.get("scope") == "all":  # all pending items of the part of the queue shown
        shown = request.form.get("shown", "")
        items = pending_items(article, None, shown if shown in SHOWN else "suggested")
    else:
        items = pending_items(article, form_ids("item"))
    changed = apply_to_items(items, action, current_user)
    db.session.commit()
    flash(f"{'Accepted' if action == 'accept' else 'Rejected'} {changed} item(s).", "success")
    return _back(article.id)


@bp.post("/review/<int:item_id>/<any(accept, reject):action>")
@teacher_required
def decide(item_id: int, action: str):
    """Accept or reject one item."""
    item = owned_item_or_404(item_id, current_user)
    if ActionForm().validate_on_submit():
        changed = apply_to_items([item], action, current_user)
        db.session.commit()
        verb = "Accepted into the bank" if action == "accept" else "Rejected"
        flash(f"{verb}." if changed else "Nothing to change.", "success" if changed else "info")
    return _back(item.article_id, item.id)


@bp.post("/review/<int:item_id>/regenerate")
@teacher_required
def regenerate(item_id: int):
    """Replace one item by a newly generated one about the same fact, if the generator finds one."""
    item = owned_item_or_404(item_id, current_user)
    if ActionForm().validate_on_submit():
        fresh = regenerate_item(item)
        db.session.commit()
        if fresh is None:
            flash(
                "No other question could be made from that sentence; the item was rejected.", "info"
            )
            return _back(item.article_id)
        flash("Here is a new version of that item.", "success")
        return _back(item.article_id, fresh.id)
    return _back(item.article_id, item.id)


@bp.route("/review/<int:item_id>/edit", methods=["GET", "POST"])
@teacher_required
def edit(item_id: int):
    """Edit one generated item with its kind's authoring form, then accept it."""
    item = owned_item_or_404(item_id, current_user)
    label, form_class = question_forms()[item.kind]
    form = form_class(data=None if request.method == "POST" else form_data(item.bank))
    form.category.choices = options([(0, "— None —")])
    if form.validate_on_submit():
        edit_item(item, bank_question(form, item.kind, base=item.bank))
        apply_to_items([item], "accept", current_user)
        db.session.commit()
        flash("Saved your changes and accepted the item.", "success")
        return _back(item.article_id, item.id)
    return render_template("review/edit.html", form=form, item=item, kind_label=label)


@bp.post("/articles/<int:article_id>/quiz")
@teacher_required
def make_quiz(article_id: int):
    """Make a draft quiz of the article's accepted questions and open it for settings."""
    article = owned_article_or_404(article_id, current_user)
    questions = accepted_questions(article)
    if not ActionForm().validate_on_submit() or not questions:
        flash("Accept at least one item first.", "error")
        return _back(article.id)
    quiz = create_quiz(f"Quiz: {article.title}", questions, current_user, article)
    db.session.commit()
    flash(
        f"Draft quiz made with {len(quiz.entries)} questions: check its settings and publish it.",
        "success",
    )
    return redirect(url_for("quizzes.edit", quiz_id=quiz.id))
