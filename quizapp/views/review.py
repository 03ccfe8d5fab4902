"""Reviewing an article's generated items: accept, edit, reject, regenerate; then make a quiz."""

from __future__ import annotations

import math

from flask import (
    Blueprint,
    abort,
    flash,
    get_template_attribute,
    jsonify,
    redirect,
    render_template,
    request,
    url_for,
)
from flask_login import current_user

from question_bank.grading import right_answer_text
from quizapp.access import teacher_required
from quizapp.extensions import db
from quizapp.forms.choices import options
from quizapp.forms.questions import bank_question, form_data, question_forms
from quizapp.forms.quiz import ActionForm
from quizapp.jobqueue import dispatch
from quizapp.models import Article, GenerationJob, ReviewItem
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
    item_after,
    owned_article_or_404,
    owned_item_or_404,
    page_of_item,
    pending_items,
    regenerate_item,
    review_counts,
    review_facets,
    review_queue,
)
from quizapp.wording import counted

bp = Blueprint("review", __name__, url_prefix="/teach")


def _back(article_id: int):
    return redirect(url_for("review.queue", article_id=article_id))


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


def _article_filters(article: Article) -> ReviewFilters:
    """The queue filters of the request, checked against the article's kinds and fact types."""
    return _filters(*review_facets(article))


def _back_to(article: Article, filters: ReviewFilters, item_id: int | None = None):
    """Redirect to the queue as it was shown (same filters), at the page and anchor of
    ``item_id``."""
    page = page_of_item(article, filters, item_id) if item_id else 1
    return redirect(
        url_for(
            "review.queue",
            article_id=article.id,
            page=page if page > 1 else None,
            _anchor=f"item-{item_id}" if item_id else None,
            **filters.query_args(),
        )
    )


def _wants_json() -> bool:
    """True when the page's script asked for a JSON answer instead of a redirect."""
    best = request.accept_mimetypes.best_match(["text/html", "application/json"])
    return best == "application/json"


def _item_reply(item: ReviewItem, filters: ReviewFilters, message: str):
    """The JSON answer to the page's script: the item rendered again, the new counts and a
    message to announce."""
    article = item.article
    counts = review_counts(article)
    html = render_template(
        "review/_item.html",
        item=item,
        context={item.id: evidence_in_context(article.body, item.evidence)},
        form=ActionForm(),
        here=filters.query_args(),
        right_answer_text=right_answer_text,
        number="",
    )
    return jsonify(
        item_id=item.id,
        status=item.status,
        html=html.strip(),
        message=message,
        counts=get_template_attribute("review/_macros.html", "counts_line")(counts),
        accepted=counts["accepted"],
        make_quiz=get_template_attribute("review/_macros.html", "make_quiz_label")(counts),
    )


def _after_action(
    item: ReviewItem, filters: ReviewFilters, next_id: int | None, done: str, category="success"
):
    """Answer an action on one item: JSON for the page's script, else flash the message and
    go back to the queue at the next item (the item itself when it was the last)."""
    if _wants_json():
        return _item_reply(item, filters, done)
    flash(done, category)
    return _back_to(item.article, filters, next_id or item.id)


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
        here=filters.query_args(),
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
    filters = _article_filters(article)
    action = request.form.get("action", "")
    if not ActionForm().validate_on_submit() or action not in {"accept", "reject", "regenerate"}:
        flash("Choose what to do with the items.", "error")
        return _back_to(article, filters)
    if action == "regenerate":
        try:
            job = start_regeneration(article)
        except ValueError as exc:
            flash(str(exc), "error")
            return _back_to(article, filters)
        db.session.commit()
        dispatch(job.id)
        flash("Generating the set again: new items appear here when they are ready.", "success")
        return _back_to(article, filters)
    if request.form.get("scope") == "all":  # all pending items of the part of the queue shown
        shown = request.form.get("shown", "")
        items = pending_items(article, None, shown if shown in SHOWN else "suggested")
    else:
        items = pending_items(article, form_ids("item"))
    changed = apply_to_items(items, action, current_user)
    db.session.commit()
    flash(
        f"{'Accepted' if action == 'accept' else 'Rejected'} {counted(changed, 'item')}.", "success"
    )
    return _back_to(article, filters)


@bp.post("/review/<int:item_id>/<any(accept, reject):action>")
@teacher_required
def decide(item_id: int, action: str):
    """Accept or reject one item, then show the queue as it was, at the next item."""
    item = owned_item_or_404(item_id, current_user)
    filters = _article_filters(item.article)
    if not ActionForm().validate_on_submit():
        if _wants_json():
            return jsonify(error="The form has expired: reload the page."), 400
        return _back_to(item.article, filters, item.id)
    next_id = item_after(item.article, filters, item.id)
    changed = apply_to_items([item], action, current_user)
    db.session.commit()
    if not changed:
        return _after_action(item, filters, next_id, "Nothing to change.", "info")
    verb = "Accepted into the bank" if action == "accept" else "Rejected"
    return _after_action(item, filters, next_id, f"{verb}.")


@bp.post("/review/<int:item_id>/regenerate")
@teacher_required
def regenerate(item_id: int):
    """Replace one item by a newly generated one about the same fact, if the generator finds one."""
    item = owned_item_or_404(item_id, current_user)
    filters = _article_filters(item.article)
    if ActionForm().validate_on_submit():
        next_id = item_after(item.article, filters, item.id)
        fresh = regenerate_item(item)
        db.session.commit()
        if fresh is None:
            flash(
                "No other question could be made from that sentence; the item was rejected.", "info"
            )
            return _back_to(item.article, filters, next_id or item.id)
        flash("Here is a new version of that item.", "success")
        return _back_to(item.article, filters, fresh.id)
    return _back_to(item.article, filters, item.id)


@bp.route("/review/<int:item_id>/edit", methods=["GET", "POST"])
@teacher_required
def edit(item_id: int):
    """Edit one generated item with its kind's authoring form, then accept it. With
    ``fragment`` the form comes alone, for the queue page to show in place of the item."""
    item = owned_item_or_404(item_id, current_user)
    filters = _article_filters(item.article)
    label, form_class = question_forms()[item.kind]
    form = form_class(data=None if request.method == "POST" else form_data(item.bank))
    form.category.choices = options([(0, "— None —")])
    if form.validate_on_submit():
        next_id = item_after(item.article, filters, item.id)
        edit_item(item, bank_question(form, item.kind, base=item.bank))
        apply_to_items([item], "accept", current_user)
        db.session.commit()
        return _after_action(item, filters, next_id, "Saved your changes and accepted the item.")
    fragment = bool(request.args.get("fragment")) or _wants_json()
    page = render_template(
        "review/edit.html",
        form=form,
        item=item,
        kind_label=label,
        here=filters.query_args(),
        layout="_fragment.html" if fragment else None,
    )
    if _wants_json():
        return jsonify(error="Check the marked fields.", html=page), 422
    return page


@bp.post("/articles/<int:article_id>/quiz")
@teacher_required
def make_quiz(article_id: int):
    """Make a draft quiz of the article's accepted questions and open it for settings."""
    article = owned_article_or_404(article_id, current_user)
    questions = accepted_questions(article)
    if not ActionForm().validate_on_submit() or not questions:
        flash("Accept at least one item first.", "error")
        return _back(article.id)
    quiz = create_quiz(article.title, questions, current_user, article)
    db.session.commit()
    flash(
        f"Draft quiz made with {counted(len(quiz.entries), 'question')}: check its settings "
        "and publish it.",
        "success",
    )
    return redirect(url_for("quizzes.edit", quiz_id=quiz.id))
