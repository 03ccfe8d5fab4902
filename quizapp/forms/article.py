"""Adding an article by pasting or uploading it."""

from __future__ import annotations

from flask_wtf import FlaskForm
from flask_wtf.file import FileAllowed, FileField
from wtforms import StringField, SubmitField, TextAreaField
from wtforms.validators import Length, Optional, ValidationError

from question_bank.reading.dates import parse_date_text

MAX_ARTICLE_CHARS = 200_000


def unify_line_ends(text: str | None) -> str | None:
    """Browsers send pasted text with CRLF line ends; store plain LF like uploaded files."""
    return text.replace("\r\n", "\n").replace("\r", "\n") if text else text


class ArticleForm(FlaskForm):
    """Paste an article's text or upload a .txt, .md or .html file."""

    text = TextAreaField(
        "Article text",
        filters=[unify_line_ends],
        validators=[
            Optional(),
            Length(max=MAX_ARTICLE_CHARS, message="Articles can be at most 200,000 characters."),
        ],
    )
    upload = FileField(
        "…or upload a file (.txt, .md or .html, up to 1 MB)",
        validators=[FileAllowed(["txt", "md", "html", "htm"], "Upload a .txt, .md or .html file.")],
    )
    published = StringField(
        "Publication date (optional)",
        description="YYYY-MM-DD, for example 2021-04-14: dates such as “on Friday” are read "
        "from it.",
        validators=[Optional(), Length(max=32)],
    )
    submit = SubmitField("Generate questions")

    def validate_published(self, field: StringField) -> None:
        """A date the generator can read, refused here rather than when it runs."""
        if field.data and parse_date_text(field.data.strip()) is None:
            raise ValidationError("Write the date as YYYY-MM-DD, for example 2021-04-14.")

    def validate(self, extra_validators=None) -> bool:
        """Validate the fields, then require either pasted text or a file."""
        if not super().validate(extra_validators):
            return False
        if not (self.text.data or "").strip() and not self.upload.data:
            self.text.errors = [*self.text.errors, "Paste the article or choose a file."]
            return False
        return True
