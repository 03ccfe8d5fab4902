"""Join the quiz engine's and the production branches of the schema.

Revision ID: 0008
Revises: 0005, 0007p
"""

revision = "0008"
down_revision = ("0005", "0007p")
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Nothing to change: both branches' tables are already in place."""


def downgrade() -> None:
    """Nothing to change."""
