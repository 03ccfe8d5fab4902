"""The teacher's workspace: articles in, quizzes out."""

from __future__ import annotations

from flask import Blueprint, abort, flash, redirect, render_template, url_for
from flask_login import current_user

from quizapp.access import teacher_required
from quizapp.extensions import db
from quizapp.forms.article import ArticleForm
from quizapp.forms.quiz import ActionForm
from quizapp.models import Quiz
from quizapp.services.articles import (
    add_generated_article,
    article_text_from_upload,
    generate_from_text,
)
from quizapp.services.quizzes import create_quiz, owned_quizzes, pick_quiz_questions

bp = Blueprint("teach", __name__, url_prefix="/teach")


@bp.get("/")
@teacher_required
def dashboard():
    """The teacher's quizzes."""
    return render_template(
        "teach/dashboard.html", quizzes=owned_quizzes(current_user), form=ActionForm()
    )


def _article_text(form: ArticleForm) -> tuple[str, str]:
    upload = form.upload.data
    if upload:
        return article_text_from_upload(upload.read(), upload.filename), upload.filename
    return form.text.data, ""


@bp.route("/articles/new", methods=["GET", "POST"])
@teacher_required
def new_article():
    """Paste or upload an article; its questions become a draft quiz."""
    form = ArticleForm()
    if form.validate_on_submit():
        try:
            text, filename = _article_text(form)
            generation = generate_from_text(text, published=form.published.data or None)
        except ValueError as exc:
            form.text.errors.append(str(exc))
        else:
            article, questions = add_generated_article(text, generation, current_user, filename)
            quiz = create_quiz(
                f"Quiz: {article.title}", pick_quiz_questions(questions), current_user, article
            )
            db.session.commit()
            flash(f"{len(questions)} questions generated; a draft quiz is ready.", "success")
            return redirect(url_for("teach.dashboard", _anchor=f"quiz-{quiz.id}"))
    return render_template("teach/new_article.html", form=form)


@bp.post("/quizzes/<int:quiz_id>/publish")
@teacher_required
def toggle_publish(quiz_id: int):
    """Publish a draft quiz, or withdraw a published one."""
    quiz = db.get_or_404(Quiz, quiz_id)
    if quiz.owner_id != current_user.id:
        abort(403)
    form = ActionForm()
    if form.validate_on_submit():
        quiz.is_published = not quiz.is_published
        db.session.commit()
        flash(f"{'Published' if quiz.is_published else 'Withdrew'} {quiz.title!r}.", "success")
    return redirect(url_for("teach.dashboard"))
