"""Log-in and registration forms."""

from __future__ import annotations

from flask_wtf import FlaskForm
from wtforms import BooleanField, PasswordField, StringField, SubmitField
from wtforms.validators import DataRequired, EqualTo, Length, Regexp, ValidationError

from quizapp.services.accounts import find_user, look_alike_user
from quizapp.services.credentials import (
    MAX_PASSWORD_LENGTH,
    normalise_username,
    password_problem,
)


class LoginForm(FlaskForm):
    """Username and password."""

    username = StringField("Username", validators=[DataRequired(), Length(max=64)])
    password = PasswordField(
        "Password", validators=[DataRequired(), Length(max=MAX_PASSWORD_LENGTH)]
    )
    remember = BooleanField("Keep me logged in")
    submit = SubmitField("Log in")


class RegisterForm(FlaskForm):
    """A new student account."""

    username = StringField(
        "Username",
        filters=[normalise_username],
        validators=[
            DataRequired(),
            Length(min=3, max=64),
            Regexp(r"^[\w.@+-]+$", message="Use letters, digits and . @ + - _ only."),
        ],
    )
    password = PasswordField(
        "Password",
        description="At least 10 characters; a few unusual words make a good one.",
        validators=[DataRequired()],
    )
    confirm = PasswordField(
        "Repeat password", validators=[DataRequired(), EqualTo("password", "The passwords differ.")]
    )
    submit = SubmitField("Create account")

    def validate_username(self, field) -> None:
        """Refuse a username that is taken (case-insensitively) or looks like one that is."""
        if find_user(field.data or "") is not None:
            raise ValidationError(f"The username {field.data!r} is already taken.")
        if look_alike_user(field.data or "") is not None:
            raise ValidationError(
                f"The username {field.data!r} looks too much like one already taken."
            )

    def validate_password(self, field) -> None:
        """Apply the password rules (length, common passwords, closeness to the username)."""
        problem = password_problem(field.data or "", self.username.data or "")
        if problem:
            raise ValidationError(problem)
