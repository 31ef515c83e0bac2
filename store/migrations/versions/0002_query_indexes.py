"""query indexes: remiss answers by deadline, open recipients, retryable deliveries

Revision ID: 0002
Revises: 0001
"""

from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Add the indexes the remiss answers and the reminder pass query with."""
    with op.batch_alter_table("remiss", schema=None) as batch_op:
        batch_op.create_index(
            "ix_remiss_organisation_id_deadline", ["organisation_id", "deadline"], unique=False
        )
    with op.batch_alter_table("remiss_recipient", schema=None) as batch_op:
        batch_op.create_index(
            "ix_remiss_recipient_remiss_id_status", ["remiss_id", "status"], unique=False
        )
    with op.batch_alter_table("reminder_delivery", schema=None) as batch_op:
        batch_op.create_index(
            "ix_reminder_delivery_status_deadline", ["status", "deadline"], unique=False
        )


def downgrade() -> None:
    """Drop the indexes again."""
    with op.batch_alter_table("reminder_delivery", schema=None) as batch_op:
        batch_op.drop_index("ix_reminder_delivery_status_deadline")
    with op.batch_alter_table("remiss_recipient", schema=None) as batch_op:
        batch_op.drop_index("ix_remiss_recipient_remiss_id_status")
    with op.batch_alter_table("remiss", schema=None) as batch_op:
        batch_op.drop_index("ix_remiss_organisation_id_deadline")
