"""review marks kept across ingests

Revision ID: e4df5fecf8a4
Revises: e2ed2a8c6ebc
Create Date: 2026-12-03 14:58:48.203045
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "e4df5fecf8a4"
down_revision: str | None = "e2ed2a8c6ebc"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "reviews",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("batch_id", sa.Integer(), nullable=False),
        sa.Column("work_id", sa.Integer(), nullable=False),
        sa.Column("note_number", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=True),
        sa.Column("problem", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_reviews")),
    )
    with op.batch_alter_table("reviews", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_reviews_batch_id"), ["batch_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_reviews_work_id"), ["work_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("reviews", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_reviews_work_id"))
        batch_op.drop_index(batch_op.f("ix_reviews_batch_id"))

    op.drop_table("reviews")
