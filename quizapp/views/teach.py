"""The teacher's workspace: the dashboard, adding articles, publishing quizzes."""

from __future__ import annotations

from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask_login import current_user

from quizapp.access import teacher_required
from quizapp.extensions import db
from quizapp.forms.article import ArticleForm
from quizapp.forms.quiz import ActionForm
from quizapp.jobqueue import dispatch
from quizapp.services.articles import owned_articles, read_upload
from quizapp.services.classes import teacher_classes
from quizapp.services.generation import start_article_import
from quizapp.services.quizzes import owned_quiz_or_404, owned_quizzes

bp = Blueprint("teach", __name__, url_prefix="/teach")


@bp.get("/")
@teacher_required
def dashboard():
    """The teacher's quizzes, classes and articles."""
    return render_template(
        "teach/dashboard.html",
        quizzes=owned_quizzes(current_user),
        classes=teacher_classes(current_user),
        articles=owned_articles(current_user)[:10],
        form=ActionForm(),
    )


def _article_text(form: ArticleForm) -> tuple[str, str]:
    upload = form.upload.data
    if upload:
        return read_upload(upload.read(), upload.filename or "upload"), upload.filename or ""
    return form.text.data, ""


@bp.route("/articles/new", methods=["GET", "POST"])
@teacher_required
def new_article():
    """Paste or upload an article; a job generates its items for the review queue."""
    form = ArticleForm()
    if form.validate_on_submit():
        try:
            text, filename = _article_text(form)
            job = start_article_import(
                text, current_user, filename, published=form.published.data or None
            )
        except ValueError as exc:
            (form.upload if form.upload.data else form.text).errors.append(str(exc))
        else:
            db.session.commit()
            dispatch(job.id)
            flash("Article saved. Its questions are being written: they appear here.", "success")
            return redirect(url_for("review.queue", article_id=job.article_id))
    return render_template("teach/new_article.html", form=form)


@bp.post("/quizzes/<int:quiz_id>/publish")
@teacher_required
def toggle_publish(quiz_id: int):
    """Publish a draft quiz, or withdraw a published one."""
    quiz = owned_quiz_or_404(quiz_id, current_user)
    form = ActionForm()
    if form.validate_on_submit():
        quiz.is_published = not quiz.is_published
        db.session.commit()
        flash(f"{'Published' if quiz.is_published else 'Withdrew'} {quiz.title!r}.", "success")
    if request.form.get("back") == "settings":  # from the quiz's own page: stay on it
        return redirect(url_for("quizzes.edit", quiz_id=quiz.id))
    return redirect(url_for("teach.dashboard"))
