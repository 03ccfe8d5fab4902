"""Students' activity stamp, under which their own pages are cached.

Revision ID: 0007p
Revises: 0006p
"""

import sqlalchemy as sa
from alembic import op

revision = "0007p"
down_revision = "0006p"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("user", schema=None) as batch_op:
        batch_op.add_column(sa.Column("activity_at", sa.DateTime(timezone=True), nullable=True))


def downgrade():
    with op.batch_alter_table("user", schema=None) as batch_op:
        batch_op.drop_column("activity_at")
