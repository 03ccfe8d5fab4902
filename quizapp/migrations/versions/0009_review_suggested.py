"""Review items say whether the generator suggested them or ranked them lower ("more").

Revision ID: 0009
Revises: 0008
"""

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("review_item", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("suggested", sa.Boolean(), server_default=sa.true(), nullable=False)
        )


def downgrade():
    with op.batch_alter_table("review_item", schema=None) as batch_op:
        batch_op.drop_column("suggested")
