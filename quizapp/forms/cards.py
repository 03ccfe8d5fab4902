"""Forms for flashcards: rating a card and a student's study settings."""

from __future__ import annotations

from flask_wtf import FlaskForm
from wtforms import HiddenField, IntegerField, SubmitField
from wtforms.validators import AnyOf, InputRequired, NumberRange, Optional

from quizapp.forms.fields import FiniteDecimalField
from quizapp.services.flashcards import RATINGS


class RatingForm(FlaskForm):
    """One rating of the card on screen; the page shows one submit button per rating."""

    rating = IntegerField("Rating", validators=[InputRequired(), AnyOf(list(RATINGS))])
    deck = HiddenField("Deck")
    revealed = HiddenField("Answer shown", validators=[AnyOf(["1"], "Show the answer first.")])
    duration_ms = IntegerField(
        "Time taken (ms)", validators=[Optional(), NumberRange(min=0, max=24 * 3600 * 1000)]
    )


class StudySettingsForm(FlaskForm):
    """Desired retention and how many new cards to start per day."""

    desired_retention = FiniteDecimalField(
        "Desired retention (share of cards you want to still remember when they fall due)",
        places=2,
        validators=[InputRequired(), NumberRange(min=0.70, max=0.97)],
    )
    new_cards_per_day = IntegerField(
        "New cards per day", validators=[InputRequired(), NumberRange(min=0, max=500)]
    )
    submit = SubmitField("Save settings")
