"""Join the teacher-workspace and flashcard branches of the schema.

Revision ID: 0004
Revises: 0003a, 0003b
"""

revision = "0004"
down_revision = ("0003a", "0003b")
branch_labels = None
depends_on = None


def upgrade():
    """Nothing to change: both parents are applied."""


def downgrade():
    """Nothing to change: both parents stay applied."""
