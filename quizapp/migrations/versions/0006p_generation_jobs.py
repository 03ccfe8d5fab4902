"""Generation jobs: the generator runs off the request path.

Revision ID: 0006p
Revises: 0005p
"""

import sqlalchemy as sa
from alembic import op

revision = "0006p"
down_revision = "0005p"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "generation_job",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("article_id", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("stage", sa.String(length=200), nullable=False),
        sa.Column("is_regeneration", sa.Boolean(), nullable=False),
        sa.Column("seed", sa.Integer(), nullable=False),
        sa.Column("published", sa.String(length=32), nullable=False),
        sa.Column("items", sa.Integer(), nullable=False),
        sa.Column("error", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("started_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("finished_at", sa.DateTime(timezone=True), nullable=True),
        sa.CheckConstraint(
            "status IN ('queued', 'running', 'done', 'failed')",
            name=op.f("ck_generation_job_status_known"),
        ),
        sa.CheckConstraint("items >= 0", name=op.f("ck_generation_job_items_not_negative")),
        sa.ForeignKeyConstraint(
            ["article_id"],
            ["article.id"],
            name=op.f("fk_generation_job_article_id_article"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_generation_job")),
    )
    with op.batch_alter_table("generation_job", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_generation_job_article_id"), ["article_id"], unique=False
        )
    with op.batch_alter_table("review_item", schema=None) as batch_op:
        batch_op.create_index(
            "ix_review_item_article_id_status_score", ["article_id", "status", "score"]
        )


def downgrade():
    with op.batch_alter_table("review_item", schema=None) as batch_op:
        batch_op.drop_index("ix_review_item_article_id_status_score")
    with op.batch_alter_table("generation_job", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_generation_job_article_id"))
    op.drop_table("generation_job")
