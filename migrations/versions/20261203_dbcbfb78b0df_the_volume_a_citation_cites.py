"""the volume a citation cites

Revision ID: dbcbfb78b0df
Revises: b6277d0e0bbb
Create Date: 2026-12-03 10:28:23.677040
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "dbcbfb78b0df"
down_revision: str | None = "b6277d0e0bbb"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column("citations", sa.Column("volume", sa.String(length=64), nullable=True))


def downgrade() -> None:
    # In place: a batch copy would drop the table, and SQLite its CASCADE children with it.
    op.execute("ALTER TABLE citations DROP COLUMN volume")
