"""Flashcards: the deck list, reviewing with the keyboard (or plain buttons), study settings."""

from __future__ import annotations

from datetime import timedelta

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_login import current_user, login_required

from question_bank.formats.cards import card_back, card_front
from question_bank.reading.metadata import reading_text
from quizapp.extensions import db
from quizapp.forms.cards import RatingForm, StudySettingsForm
from quizapp.forms.quiz import ActionForm
from quizapp.fragments import cached_student_page
from quizapp.models.base import utcnow
from quizapp.services.flashcards import (
    RATINGS,
    OptimiserUnavailable,
    deck_list,
    deck_summary,
    due_card_count,
    format_interval,
    next_card,
    optimise_parameters,
    optimiser_available,
    parse_deck,
    preview_intervals,
    review_question,
    save_study_settings,
    scheduler_for,
    study_plan,
    studyable_card,
    studyable_question,
)
from quizapp.services.flashcards.decks import readable_article

bp = Blueprint("cards", __name__, url_prefix="/cards")


def _deck_or_404(token: str | None):
    deck = parse_deck(token)
    if deck is None:
        abort(404)
    return deck


@bp.get("/")
@login_required
def index():
    """The decks the student may study, with due and new counts (at most a minute old)."""
    now = utcnow()
    return cached_student_page(
        "cards/index.html",
        lambda: {
            "decks": deck_list(current_user.id, now),
            "due_tomorrow": due_card_count(current_user.id, now, timedelta(days=1)),
        },
        depends_on=[now.strftime("%Y%m%d%H%M")],
        timeout=60,
    )


@bp.get("/review")
@login_required
def review():
    """The next card of a deck: its front, then (``show`` = the card's question id, or the page's
    script) its back and one button per rating; a card is rated only once its answer is shown."""
    deck, now = _deck_or_404(request.args.get("deck")), utcnow()
    summary = deck_summary(current_user.id, deck, now)
    item = next_card(current_user.id, deck, now, summary)
    if item is None:
        tomorrow = due_card_count(current_user.id, now, timedelta(days=1))
        return render_template("cards/review.html", deck=deck, summary=summary, tomorrow=tomorrow)
    question, card = item
    is_shown = request.args.get("show") == str(question.id)
    intervals = preview_intervals(card, scheduler_for(study_plan(current_user.id)), now)
    return render_template(
        "cards/review.html",
        deck=deck,
        summary=summary,
        question=question,
        bank=question.bank,
        card=card,
        ratings=[
            (v, label, key, format_interval(intervals[v])) for v, (label, key) in RATINGS.items()
        ],
        card_front=card_front(question.bank),
        right_answer=card_back(question.bank),
        is_shown=is_shown,
    )


@bp.post("/<int:question_id>/rate")
@login_required
def rate(question_id: int):
    """Store one rating of a card and show the next one."""
    form = RatingForm()
    deck = _deck_or_404(form.deck.data)
    if not form.validate_on_submit():
        unseen = form.revealed.errors and not form.rating.errors
        flash(
            "Show the answer before rating the card."
            if unseen
            else "Choose one of the four ratings.",
            "error",
        )
        return redirect(url_for("cards.review", deck=deck.token))
    now = utcnow()
    card = studyable_card(current_user.id, question_id, now)  # locked, when it exists
    if card is None and studyable_question(current_user.id, question_id, now) is None:
        abort(404)
    review_question(
        current_user.id,
        question_id,
        form.rating.data,
        now=now,
        duration_ms=form.duration_ms.data,
        card=card,
    )
    db.session.commit()
    return redirect(url_for("cards.review", deck=deck.token, _anchor="main"))


@bp.route("/settings", methods=["GET", "POST"])
@login_required
def settings():
    """The student's desired retention and daily new-card limit; optimisation when available."""
    plan = study_plan(current_user.id)
    form = StudySettingsForm(
        data={
            "desired_retention": plan.desired_retention,
            "new_cards_per_day": plan.new_cards_per_day,
        }
        if request.method == "GET"
        else None
    )
    if form.validate_on_submit():
        save_study_settings(
            current_user.id, float(form.desired_retention.data), form.new_cards_per_day.data
        )
        db.session.commit()
        flash("Study settings saved.", "success")
        return redirect(url_for("cards.settings"))
    return render_template(
        "cards/settings.html",
        form=form,
        plan=plan,
        can_optimise=optimiser_available(),
        optimise_form=ActionForm(),
    )


@bp.post("/settings/optimise")
@login_required
def optimise():
    """Fit the scheduler's weights to the student's own reviews (needs the optimizer extra)."""
    if not ActionForm().validate_on_submit():
        abort(400)
    try:
        optimise_parameters(current_user.id)
    except OptimiserUnavailable as exc:
        flash(f"Optimising is not available on this server. {exc}", "error")
        return redirect(url_for("cards.settings"))
    db.session.commit()
    flash("Your scheduler now uses parameters fitted to your own reviews.", "success")
    return redirect(url_for("cards.settings"))


@bp.get("/articles/<int:article_id>")
@login_required
def article(article_id: int):
    """The article a card came from, to read the answer in context."""
    found = readable_article(current_user.id, article_id, utcnow())
    if found is None:
        abort(404)
    return render_template("cards/article.html", article=found, text=reading_text(found.body))
