"""Teacher workspace: categories, tags, question versions, quiz settings, review queue.

Revision ID: 0003a
Revises: 0002
Create Date: 2026-11-28 22:09:23.156021

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0003a'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('category',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('owner_id', sa.Integer(), nullable=False),
    sa.Column('parent_id', sa.Integer(), nullable=True),
    sa.Column('name', sa.String(length=120), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint('parent_id IS NULL OR parent_id <> id', name=op.f('ck_category_not_own_parent')),
    sa.ForeignKeyConstraint(['owner_id'], ['user.id'], name=op.f('fk_category_owner_id_user'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['parent_id'], ['category.id'], name=op.f('fk_category_parent_id_category'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_category')),
    sa.UniqueConstraint('owner_id', 'parent_id', 'name', name=op.f('uq_category_owner_id_parent_id_name'))
    )
    with op.batch_alter_table('category', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_category_owner_id'), ['owner_id'], unique=False)

    op.create_table('question_tag',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('question_id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=64), nullable=False),
    sa.ForeignKeyConstraint(['question_id'], ['question.id'], name=op.f('fk_question_tag_question_id_question'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_question_tag')),
    sa.UniqueConstraint('question_id', 'name', name=op.f('uq_question_tag_question_id_name'))
    )
    with op.batch_alter_table('question_tag', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_question_tag_name'), ['name'], unique=False)

    op.create_table('review_item',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('article_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=32), nullable=False),
    sa.Column('payload', sa.JSON(), nullable=False),
    sa.Column('score', sa.Float(), nullable=False),
    sa.Column('fact_type', sa.String(length=32), nullable=False),
    sa.Column('evidence', sa.Text(), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('seed', sa.Integer(), nullable=False),
    sa.Column('question_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint("status IN ('pending', 'accepted', 'rejected')", name=op.f('ck_review_item_status_known')),
    sa.ForeignKeyConstraint(['article_id'], ['article.id'], name=op.f('fk_review_item_article_id_article'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['question_id'], ['question.id'], name=op.f('fk_review_item_question_id_question'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_review_item'))
    )
    with op.batch_alter_table('review_item', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_review_item_article_id'), ['article_id'], unique=False)

    with op.batch_alter_table('question', schema=None) as batch_op:
        batch_op.add_column(sa.Column('category_id', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('previous_id', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('version', sa.Integer(), nullable=False, server_default='1'))
        batch_op.create_check_constraint(batch_op.f('ck_question_version_positive'), 'version >= 1')
        batch_op.create_index(batch_op.f('ix_question_category_id'), ['category_id'], unique=False)
        batch_op.create_foreign_key(batch_op.f('fk_question_previous_id_question'), 'question', ['previous_id'], ['id'], ondelete='SET NULL')
        batch_op.create_foreign_key(batch_op.f('fk_question_category_id_category'), 'category', ['category_id'], ['id'], ondelete='SET NULL')

    with op.batch_alter_table('quiz', schema=None) as batch_op:
        batch_op.add_column(sa.Column('is_public', sa.Boolean(), nullable=False, server_default=sa.false()))
        batch_op.add_column(sa.Column('is_shuffle_questions', sa.Boolean(), nullable=False, server_default=sa.false()))
        batch_op.add_column(sa.Column('is_shuffle_options', sa.Boolean(), nullable=False, server_default=sa.true()))
        batch_op.add_column(sa.Column('max_attempts', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('time_limit_minutes', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('feedback_policy', sa.String(length=16), nullable=False, server_default='immediate'))
        batch_op.create_check_constraint(batch_op.f('ck_quiz_attempts_positive'), 'max_attempts IS NULL OR max_attempts >= 1')
        batch_op.create_check_constraint(batch_op.f('ck_quiz_time_limit_positive'), 'time_limit_minutes IS NULL OR time_limit_minutes >= 1')
        batch_op.create_check_constraint(batch_op.f('ck_quiz_feedback_policy_known'), "feedback_policy IN ('immediate', 'after_due', 'never')")



def downgrade():
    with op.batch_alter_table('quiz', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('ck_quiz_feedback_policy_known'), type_='check')
        batch_op.drop_constraint(batch_op.f('ck_quiz_time_limit_positive'), type_='check')
        batch_op.drop_constraint(batch_op.f('ck_quiz_attempts_positive'), type_='check')
        batch_op.drop_column('feedback_policy')
        batch_op.drop_column('time_limit_minutes')
        batch_op.drop_column('max_attempts')
        batch_op.drop_column('is_shuffle_options')
        batch_op.drop_column('is_shuffle_questions')
        batch_op.drop_column('is_public')

    with op.batch_alter_table('question', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_question_category_id_category'), type_='foreignkey')
        batch_op.drop_constraint(batch_op.f('fk_question_previous_id_question'), type_='foreignkey')
        batch_op.drop_index(batch_op.f('ix_question_category_id'))
        batch_op.drop_constraint(batch_op.f('ck_question_version_positive'), type_='check')
        batch_op.drop_column('version')
        batch_op.drop_column('previous_id')
        batch_op.drop_column('category_id')

    with op.batch_alter_table('review_item', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_review_item_article_id'))

    op.drop_table('review_item')
    with op.batch_alter_table('question_tag', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_question_tag_name'))

    op.drop_table('question_tag')
    with op.batch_alter_table('category', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_category_owner_id'))

    op.drop_table('category')
