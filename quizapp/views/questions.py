"""The teacher's question bank: list with filters, write, preview, edit, delete, categories."""

from __future__ import annotations

from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask_login import current_user
from sqlalchemy.exc import IntegrityError

from question_bank.grading import right_answer_text
from quizapp.access import teacher_required
from quizapp.extensions import db
from quizapp.forms.choices import options
from quizapp.forms.questions import bank_question, form_data, question_forms
from quizapp.forms.quiz import ActionForm
from quizapp.kinds import web_kind
from quizapp.models import Quiz
from quizapp.ownership import form_id, owned_ids, query_id
from quizapp.services.articles import owned_articles
from quizapp.services.authoring import (
    BankFilter,
    add_question,
    bank_questions,
    delete_question,
    owned_question_or_404,
    owner_tags,
    question_versions,
    update_question,
)
from quizapp.services.categories import category_choices, category_tree, create_category
from quizapp.services.quizzes import owned_quizzes

bp = Blueprint("questions", __name__, url_prefix="/teach/questions")


def _filters() -> BankFilter:
    args = request.args
    return BankFilter(
        article_id=query_id("article"),
        tag=args.get("tag", "")[:64],
        kind=args.get("kind", "") if args.get("kind") in question_forms() else "",
        category_id=query_id("category"),
        text=args.get("q", "")[:200],
    )


@bp.get("/")
@teacher_required
def index():
    """The bank, filtered by article, tag, kind, category or text; tick questions to make a quiz
    or, with ``quiz``, to add them to that quiz (chosen in the form)."""
    filters = _filters()
    quizzes = owned_quizzes(current_user)
    # Opened from a quiz: add to that quiz, if it is the teacher's own.
    target = next(iter(owned_ids(Quiz, [request.args.get("quiz")], current_user)), None)
    return render_template(
        "questions/index.html",
        questions=bank_questions(current_user, filters),
        filters=filters,
        kinds=question_forms(),
        tags=owner_tags(current_user),
        articles=owned_articles(current_user),
        categories=category_tree(current_user),
        quizzes=quizzes,
        target=next((quiz for quiz in quizzes if quiz.id == target), None),
        form=ActionForm(),
    )


@bp.get("/new")
@teacher_required
def choose_kind():
    """Pick the kind of question to write."""
    return render_template("questions/choose_kind.html", kinds=question_forms())


@bp.route("/new/<kind>", methods=["GET", "POST"])
@teacher_required
def new(kind: str):
    """Write a new question of one kind."""
    if kind not in question_forms():
        return redirect(url_for("questions.choose_kind"))
    label, form_class = question_forms()[kind]
    form = form_class()
    form.category.choices = options(category_choices(current_user))
    if form.validate_on_submit():
        question = add_question(bank_question(form, kind), current_user, form.category.data)
        db.session.commit()
        flash("Question saved to your bank.", "success")
        return redirect(url_for("questions.preview", question_id=question.id))
    return render_template("questions/new.html", form=form, kind=kind, kind_label=label)


@bp.route("/<int:question_id>/edit", methods=["GET", "POST"])
@teacher_required
def edit(question_id: int):
    """Edit a question; an answered one is saved as a new version and the old one kept."""
    question = owned_question_or_404(question_id, current_user)
    label, form_class = question_forms().get(question.kind, (None, None))
    if form_class is None:
        flash(f"Questions of kind {question.kind!r} cannot be edited here.", "error")
        return redirect(url_for("questions.index"))
    data = None if request.method == "POST" else form_data(question.bank, question.category_id)
    form = form_class(data=data)
    form.category.choices = options(category_choices(current_user))
    if form.validate_on_submit():
        saved = update_question(
            question, bank_question(form, question.kind, question.bank), form.category.data
        )
        db.session.commit()
        if saved.id != question.id:
            flash(
                f"Students had answered it, so this is saved as version {saved.version}.", "success"
            )
        else:
            flash("Question saved.", "success")
        return redirect(url_for("questions.preview", question_id=saved.id))
    return render_template(
        "questions/edit.html", form=form, kind=question.kind, kind_label=label, question=question
    )


@bp.get("/<int:question_id>")
@teacher_required
def preview(question_id: int):
    """The question exactly as a student sees it, with its right answer and versions."""
    question = owned_question_or_404(question_id, current_user)
    bank = question.bank
    return render_template(
        "questions/preview.html",
        question=question,
        q=bank,
        order=list(range(web_kind(bank).option_count(bank))),
        versions=question_versions(question),
        right_answer_text=right_answer_text,
        form=ActionForm(),
    )


@bp.route("/<int:question_id>/delete", methods=["GET", "POST"])
@teacher_required
def delete(question_id: int):
    """Ask, then delete a question (kept out of sight, not erased, when students answered it)."""
    question = owned_question_or_404(question_id, current_user)
    if request.method == "GET":
        return render_template(
            "confirm.html",
            heading="Delete this question?",
            consequence="It leaves your question bank and the quizzes it is in; answers "
            "students gave to it stay in their results.",
            button="Delete the question",
            action=url_for("questions.delete", question_id=question.id),
            back=url_for("questions.preview", question_id=question.id),
            form=ActionForm(),
        )
    if ActionForm().validate_on_submit():
        erased = delete_question(question)
        db.session.commit()
        flash(
            "Question deleted."
            if erased
            else "Question removed from the bank; its past answers are kept.",
            "success",
        )
    return redirect(url_for("questions.index"))


@bp.route("/categories", methods=["GET", "POST"])
@teacher_required
def categories():
    """The category tree; add a category under another."""
    form = ActionForm()
    if form.validate_on_submit():
        name = request.form.get("name", "").strip()[:120]
        if not name:
            flash("Give the category a name.", "error")
        else:
            try:
                create_category(current_user, name, form_id("parent"))
                db.session.commit()
            except IntegrityError:
                db.session.rollback()
                flash(f"There is already a category {name!r} there.", "error")
            else:
                flash(f"Category {name!r} added.", "success")
        return redirect(url_for("questions.categories"))
    return render_template(
        "questions/categories.html", nodes=category_tree(current_user), form=form
    )
