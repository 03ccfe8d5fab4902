"""Quiz engine: pinned attempt questions and saved answers, numbered attempts, essay marking,
one question per page; imported Moodle Cloze text read into gaps.

Existing data: attempts are numbered in the order they were started; when a student had several
open attempts at one quiz (a race the new constraint closes) the older ones are closed as they
stand. Submitted attempts are pinned to the questions they answered, open ones to their quiz's
current questions. Cloze questions imported earlier with Moodle's embedded answers in their text
get real gaps.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-01 22:04:57.859417

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None

attempt = sa.table(
    "attempt",
    sa.column("id", sa.Integer),
    sa.column("quiz_id", sa.Integer),
    sa.column("user_id", sa.Integer),
    sa.column("number", sa.Integer),
    sa.column("started_at", sa.DateTime(timezone=True)),
    sa.column("submitted_at", sa.DateTime(timezone=True)),
    sa.column("pending_marks", sa.Integer),
)
slot = sa.table(
    "attempt_slot",
    sa.column("attempt_id", sa.Integer),
    sa.column("position", sa.Integer),
    sa.column("question_id", sa.Integer),
    sa.column("answer", sa.JSON),
    sa.column("is_flagged", sa.Boolean),
)
response = sa.table(
    "response",
    sa.column("attempt_id", sa.Integer),
    sa.column("position", sa.Integer),
    sa.column("question_id", sa.Integer),
    sa.column("answer", sa.JSON),
    sa.column("fraction", sa.Float),
)
quiz_question = sa.table(
    "quiz_question",
    sa.column("quiz_id", sa.Integer),
    sa.column("position", sa.Integer),
    sa.column("question_id", sa.Integer),
)
question = sa.table(
    "question",
    sa.column("id", sa.Integer),
    sa.column("kind", sa.String),
    sa.column("prompt", sa.Text),
    sa.column("payload", sa.JSON),
)
review_item = sa.table(
    "review_item",
    sa.column("id", sa.Integer),
    sa.column("kind", sa.String),
    sa.column("payload", sa.JSON),
)


def _number_attempts(bind) -> None:
    earlier = attempt.alias("earlier")
    count = (
        sa.select(sa.func.count(earlier.c.id))
        .where(
            earlier.c.quiz_id == attempt.c.quiz_id,
            earlier.c.user_id == attempt.c.user_id,
            earlier.c.id <= attempt.c.id,
        )
        .scalar_subquery()
    )
    bind.execute(sa.update(attempt).values(number=count))
    later_open = attempt.alias("later_open")
    newest_open = (
        sa.select(sa.func.max(later_open.c.id))
        .where(
            later_open.c.quiz_id == attempt.c.quiz_id,
            later_open.c.user_id == attempt.c.user_id,
            later_open.c.submitted_at.is_(None),
        )
        .scalar_subquery()
    )
    bind.execute(
        sa.update(attempt)
        .where(attempt.c.submitted_at.is_(None), attempt.c.id < newest_open)
        .values(submitted_at=attempt.c.started_at)
    )


def _pin_slots(bind) -> None:
    bind.execute(
        sa.insert(slot).from_select(
            ["attempt_id", "position", "question_id", "answer", "is_flagged"],
            sa.select(
                response.c.attempt_id,
                response.c.position,
                response.c.question_id,
                response.c.answer,
                sa.false(),
            ),
        )
    )
    bind.execute(
        sa.insert(slot).from_select(
            ["attempt_id", "position", "question_id", "is_flagged"],
            sa.select(
                attempt.c.id, quiz_question.c.position, quiz_question.c.question_id, sa.false()
            )
            .join(quiz_question, quiz_question.c.quiz_id == attempt.c.quiz_id)
            .where(attempt.c.submitted_at.is_(None)),
        )
    )
    pending = (
        sa.select(sa.func.count())
        .select_from(response.join(question, question.c.id == response.c.question_id))
        .where(
            response.c.attempt_id == attempt.c.id,
            response.c.fraction.is_(None),
            question.c.kind == "essay",
        )
        .scalar_subquery()
    )
    bind.execute(sa.update(attempt).values(pending_marks=pending))


def _cloze_with_gaps(payload: dict) -> dict | None:
    """The payload of a Cloze question imported with its embedded answers kept in the text."""
    from question_bank.embedded import EmbeddedError, read_embedded
    from question_bank.formats.moodlexml.mapping import FORMAT_TO_PROMPT, QUESTIONTEXT_FORMAT
    from question_bank.model import Question

    if payload.get("prompt_format") != "moodle" or "{{" in payload.get("prompt", ""):
        return None
    bank = Question.from_dict(payload)
    try:
        prompt, gaps = read_embedded(bank.prompt)
    except EmbeddedError:
        return None
    if not gaps:
        return None
    extra = dict(bank.extra)
    text_format = FORMAT_TO_PROMPT.get(extra.pop(QUESTIONTEXT_FORMAT, "html"), "html")
    data = payload | {"prompt": prompt, "prompt_format": text_format}
    data["gaps"] = [
        {**gap.__dict__, "answers": [a.__dict__ for a in gap.answers]} for gap in gaps
    ]
    data["extra"] = extra
    return data


def _read_imported_cloze(bind) -> None:
    for table in (question, review_item):
        rows = bind.execute(sa.select(table.c.id, table.c.payload).where(table.c.kind == "cloze"))
        for row_id, payload in rows.all():
            converted = _cloze_with_gaps(payload or {})
            if converted is None:
                continue
            values = {"payload": converted}
            if table is question:
                values["prompt"] = converted["prompt"]
            bind.execute(sa.update(table).where(table.c.id == row_id).values(**values))


def upgrade():
    op.create_table('attempt_slot',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('attempt_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('question_id', sa.Integer(), nullable=False),
    sa.Column('answer', sa.JSON(), nullable=True),
    sa.Column('is_flagged', sa.Boolean(), nullable=False),
    sa.Column('saved_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['attempt_id'], ['attempt.id'], name=op.f('fk_attempt_slot_attempt_id_attempt'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['question_id'], ['question.id'], name=op.f('fk_attempt_slot_question_id_question'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_attempt_slot')),
    sa.UniqueConstraint('attempt_id', 'position', name=op.f('uq_attempt_slot_attempt_id_position')),
    sa.UniqueConstraint('attempt_id', 'question_id', name=op.f('uq_attempt_slot_attempt_id_question_id'))
    )
    with op.batch_alter_table('attempt_slot', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_attempt_slot_question_id'), ['question_id'], unique=False)

    with op.batch_alter_table('attempt', schema=None) as batch_op:
        batch_op.add_column(sa.Column('number', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('deadline_at', sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column('pending_marks', sa.Integer(), nullable=False, server_default='0'))

    with op.batch_alter_table('quiz', schema=None) as batch_op:
        batch_op.add_column(sa.Column('is_one_per_page', sa.Boolean(), nullable=False, server_default=sa.false()))

    with op.batch_alter_table('response', schema=None) as batch_op:
        batch_op.add_column(sa.Column('comment', sa.Text(), nullable=False, server_default=''))
        batch_op.add_column(sa.Column('marked_at', sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column('marked_by_id', sa.Integer(), nullable=True))
        batch_op.create_foreign_key(batch_op.f('fk_response_marked_by_id_user'), 'user', ['marked_by_id'], ['id'], ondelete='SET NULL')

    bind = op.get_bind()
    _number_attempts(bind)
    _pin_slots(bind)
    _read_imported_cloze(bind)

    with op.batch_alter_table('attempt', schema=None) as batch_op:
        batch_op.alter_column('number', existing_type=sa.Integer(), nullable=False)
        batch_op.alter_column('pending_marks', existing_type=sa.Integer(), server_default=None)
        batch_op.create_check_constraint(batch_op.f('ck_attempt_number_positive'), 'number >= 1')
        batch_op.create_check_constraint(batch_op.f('ck_attempt_pending_not_negative'), 'pending_marks >= 0')
        batch_op.create_unique_constraint(batch_op.f('uq_attempt_quiz_id_user_id_number'), ['quiz_id', 'user_id', 'number'])
        batch_op.create_index('ix_attempt_one_open', ['quiz_id', 'user_id'], unique=True, sqlite_where=sa.text('submitted_at IS NULL'), postgresql_where=sa.text('submitted_at IS NULL'))

    with op.batch_alter_table('quiz', schema=None) as batch_op:
        batch_op.alter_column('is_one_per_page', existing_type=sa.Boolean(), server_default=None)

    with op.batch_alter_table('response', schema=None) as batch_op:
        batch_op.alter_column('comment', existing_type=sa.Text(), server_default=None)


def downgrade():
    with op.batch_alter_table('response', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_response_marked_by_id_user'), type_='foreignkey')
        batch_op.drop_column('marked_by_id')
        batch_op.drop_column('marked_at')
        batch_op.drop_column('comment')

    with op.batch_alter_table('quiz', schema=None) as batch_op:
        batch_op.drop_column('is_one_per_page')

    with op.batch_alter_table('attempt', schema=None) as batch_op:
        batch_op.drop_index('ix_attempt_one_open', sqlite_where=sa.text('submitted_at IS NULL'), postgresql_where=sa.text('submitted_at IS NULL'))
        batch_op.drop_constraint(batch_op.f('uq_attempt_quiz_id_user_id_number'), type_='unique')
        batch_op.drop_constraint(batch_op.f('ck_attempt_pending_not_negative'), type_='check')
        batch_op.drop_constraint(batch_op.f('ck_attempt_number_positive'), type_='check')
        batch_op.drop_column('pending_marks')
        batch_op.drop_column('deadline_at')
        batch_op.drop_column('number')

    with op.batch_alter_table('attempt_slot', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_attempt_slot_question_id'))

    op.drop_table('attempt_slot')
