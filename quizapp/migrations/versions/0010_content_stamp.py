"""One stamp for teachers' published content, part of every cached student page's key.

Revision ID: 0010
Revises: 0009
"""

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade():
    table = op.create_table(
        "site_state",
        sa.Column("id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("content_at", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_site_state")),
    )
    op.bulk_insert(table, [{"id": 1, "content_at": None}])


def downgrade():
    op.drop_table("site_state")
