"""Importing a file into the question bank and exporting the bank or a quiz."""

from __future__ import annotations

from flask_wtf import FlaskForm
from flask_wtf.file import FileField, FileRequired
from wtforms import BooleanField, SelectField, SubmitField

from question_bank.formats import readable_formats, writable_formats
from quizapp.forms.choices import options


class ImportForm(FlaskForm):
    """A question file and its format (guessed when left on "Recognise")."""

    upload = FileField("Question file", validators=[FileRequired("Choose a file to import.")])
    fmt = SelectField("Format", default="")
    submit = SubmitField("Import")

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fmt.choices = options(
            [("", "Recognise it from the file")]
            + [(fmt.name, fmt.label) for fmt in readable_formats()]
        )


class ExportForm(FlaskForm):
    """What to export (the whole bank or one quiz) and in which format."""

    fmt = SelectField("Format")
    quiz = SelectField("Questions", coerce=int, default=0)
    leave_out = BooleanField("Leave out the questions this format cannot hold")
    submit = SubmitField("Download")

    class Meta:
        csrf = False  # a GET download form; it changes nothing

    def __init__(self, *args, quizzes=(), **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fmt.choices = options((fmt.name, fmt.label) for fmt in writable_formats())
        self.quiz.choices = options(
            [(0, "My whole bank")] + [(q.id, f"Quiz: {q.title}") for q in quizzes]
        )
