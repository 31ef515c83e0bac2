"""audit_event.write_id: the audit events of one write (one session) share an id

Revision ID: 0003
Revises: 0002
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Add the column; events written before it have none (each is then a write of its own)."""
    with op.batch_alter_table("audit_event", schema=None) as batch_op:
        batch_op.add_column(sa.Column("write_id", sa.String(length=32), nullable=True))


def downgrade() -> None:
    """Drop the column again."""
    with op.batch_alter_table("audit_event", schema=None) as batch_op:
        batch_op.drop_column("write_id")
