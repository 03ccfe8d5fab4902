"""Look-alike usernames refused by their skeleton; server-side log-in sessions.

Revision ID: 0005p
Revises: 0004
"""

import sqlalchemy as sa
from alembic import op

from quizapp.services.credentials import username_skeleton

revision = "0005p"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "login_session",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("token_digest", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["user_id"], ["user.id"], name=op.f("fk_login_session_user_id_user"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_login_session")),
        sa.UniqueConstraint("token_digest", name=op.f("uq_login_session_token_digest")),
    )
    with op.batch_alter_table("login_session", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_login_session_user_id"), ["user_id"], unique=False)

    with op.batch_alter_table("user", schema=None) as batch_op:
        batch_op.add_column(sa.Column("username_key", sa.String(length=256), nullable=True))
    users = sa.table(
        "user", sa.column("id", sa.Integer), sa.column("username"), sa.column("username_key")
    )
    connection = op.get_bind()
    seen = set()
    for user_id, username in connection.execute(sa.select(users.c.id, users.c.username)).all():
        key = username_skeleton(username)
        if key in seen:  # an older look-alike keeps working; new ones are refused
            key = f"{key}#{user_id}"
        seen.add(key)
        connection.execute(users.update().where(users.c.id == user_id).values(username_key=key))
    with op.batch_alter_table("user", schema=None) as batch_op:
        batch_op.alter_column("username_key", existing_type=sa.String(length=256), nullable=False)
        batch_op.create_unique_constraint(batch_op.f("uq_user_username_key"), ["username_key"])


def downgrade():
    with op.batch_alter_table("user", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("uq_user_username_key"), type_="unique")
        batch_op.drop_column("username_key")
    with op.batch_alter_table("login_session", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_login_session_user_id"))
    op.drop_table("login_session")
