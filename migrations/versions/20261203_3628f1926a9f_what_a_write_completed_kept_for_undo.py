"""what a write completed kept, for undo

Revision ID: 3628f1926a9f
Revises: e4df5fecf8a4
Create Date: 2026-12-03 16:55:12.667318
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "3628f1926a9f"
down_revision: str | None = "e4df5fecf8a4"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("batch_rows", schema=None) as batch_op:
        batch_op.add_column(sa.Column("was", sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("batch_rows", schema=None) as batch_op:
        batch_op.drop_column("was")
