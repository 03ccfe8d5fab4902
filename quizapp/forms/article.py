"""Adding an article by pasting or uploading it."""

from __future__ import annotations

from flask_wtf import FlaskForm
from flask_wtf.file import FileAllowed, FileField
from wtforms import StringField, SubmitField, TextAreaField
from wtforms.validators import Length, Optional, ValidationError

MAX_ARTICLE_CHARS = 200_000


class ArticleForm(FlaskForm):
    """Paste an article's text or upload a .txt, .md or .html file."""

    text = TextAreaField("Article text", validators=[Optional(), Length(max=MAX_ARTICLE_CHARS)])
    upload = FileField("…or upload a file", validators=[FileAllowed(["txt", "md", "html", "htm"])])
    published = StringField("Publication date (optional)", validators=[Optional(), Length(max=32)])
    submit = SubmitField("Generate questions")

    def validate_text(self, field) -> None:
        """Require either pasted text or a file."""
        if not (field.data or "").strip() and not self.upload.data:
            raise ValidationError("Paste the article or choose a file.")
