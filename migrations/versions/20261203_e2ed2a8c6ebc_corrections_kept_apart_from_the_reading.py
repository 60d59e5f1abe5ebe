"""corrections kept apart from the reading

Revision ID: e2ed2a8c6ebc
Revises: cfe5663de6f6
Create Date: 2026-12-03 14:52:54.991060
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "e2ed2a8c6ebc"
down_revision: str | None = "cfe5663de6f6"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "corrections",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("batch_id", sa.Integer(), nullable=False),
        sa.Column("work_id", sa.Integer(), nullable=False),
        sa.Column("note_number", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("field", sa.Text(), nullable=False),
        sa.Column("was", sa.Text(), nullable=True),
        sa.Column("value", sa.Text(), nullable=True),
        sa.Column("status", sa.Text(), nullable=False),
        sa.Column("status_reason", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_corrections")),
    )
    with op.batch_alter_table("corrections", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_corrections_batch_id"), ["batch_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_corrections_work_id"), ["work_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("corrections", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_corrections_work_id"))
        batch_op.drop_index(batch_op.f("ix_corrections_batch_id"))

    op.drop_table("corrections")
