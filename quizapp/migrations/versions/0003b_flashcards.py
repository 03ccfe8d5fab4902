"""Flashcards: cards, card reviews and study settings

Revision ID: 0003b
Revises: 0002
Create Date: 2026-11-28 22:09:33.459484

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0003b'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('study_settings',
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('desired_retention', sa.Float(), nullable=False),
    sa.Column('new_cards_per_day', sa.Integer(), nullable=False),
    sa.Column('parameters', sa.JSON(), nullable=True),
    sa.Column('optimised_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint('desired_retention > 0.5 AND desired_retention < 1', name=op.f('ck_study_settings_retention_in_range')),
    sa.CheckConstraint('new_cards_per_day >= 0', name=op.f('ck_study_settings_new_cards_not_negative')),
    sa.ForeignKeyConstraint(['user_id'], ['user.id'], name=op.f('fk_study_settings_user_id_user'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('user_id', name=op.f('pk_study_settings'))
    )
    op.create_table('card',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('question_id', sa.Integer(), nullable=False),
    sa.Column('state', sa.Integer(), nullable=False),
    sa.Column('step', sa.Integer(), nullable=True),
    sa.Column('stability', sa.Float(), nullable=True),
    sa.Column('difficulty', sa.Float(), nullable=True),
    sa.Column('due_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('last_review_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('reps', sa.Integer(), nullable=False),
    sa.Column('lapses', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint('reps >= 0 AND lapses >= 0', name=op.f('ck_card_counts_not_negative')),
    sa.CheckConstraint('state IN (1, 2, 3)', name=op.f('ck_card_state_known')),
    sa.ForeignKeyConstraint(['question_id'], ['question.id'], name=op.f('fk_card_question_id_question'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['user_id'], ['user.id'], name=op.f('fk_card_user_id_user'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_card')),
    sa.UniqueConstraint('user_id', 'question_id', name=op.f('uq_card_user_id_question_id'))
    )
    with op.batch_alter_table('card', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_card_question_id'), ['question_id'], unique=False)
        batch_op.create_index('ix_card_user_id_due_at', ['user_id', 'due_at'], unique=False)

    op.create_table('card_review',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('card_id', sa.Integer(), nullable=False),
    sa.Column('rating', sa.Integer(), nullable=False),
    sa.Column('source', sa.String(length=16), nullable=False),
    sa.Column('reviewed_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('duration_ms', sa.Integer(), nullable=True),
    sa.Column('state_before', sa.Integer(), nullable=False),
    sa.Column('due_after', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint("source IN ('flashcard', 'quiz')", name=op.f('ck_card_review_source_known')),
    sa.CheckConstraint('duration_ms IS NULL OR duration_ms >= 0', name=op.f('ck_card_review_duration_not_negative')),
    sa.CheckConstraint('rating BETWEEN 1 AND 4', name=op.f('ck_card_review_rating_known')),
    sa.ForeignKeyConstraint(['card_id'], ['card.id'], name=op.f('fk_card_review_card_id_card'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_card_review'))
    )
    with op.batch_alter_table('card_review', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_card_review_card_id'), ['card_id'], unique=False)



def downgrade():
    with op.batch_alter_table('card_review', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_card_review_card_id'))

    op.drop_table('card_review')
    with op.batch_alter_table('card', schema=None) as batch_op:
        batch_op.drop_index('ix_card_user_id_due_at')
        batch_op.drop_index(batch_op.f('ix_card_question_id'))

    op.drop_table('card')
    op.drop_table('study_settings')
