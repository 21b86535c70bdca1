"""channel_events (each provider event once) and channel_users (their conversation)

Revision ID: 0011_channels
Revises: 0010_national_index
"""

import sqlalchemy as sa
from alembic import op

revision = "0011_channels"
down_revision = "0010_national_index"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "channel_events",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("provider", sa.String(16), nullable=False),
        sa.Column("event_id", sa.String(128), nullable=False),
        sa.Column("user_id", sa.String(128), nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("callback_id", sa.String(128), nullable=True),
        sa.Column("reply", sa.JSON(), nullable=True),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("error", sa.Text(), nullable=True),
        sa.Column("received_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.UniqueConstraint("provider", "event_id", name="uq_channel_event"),
    )
    op.create_index("ix_channel_events_pending", "channel_events",
                    ["provider", "user_id", "status"])
    op.create_table(
        "channel_users",
        sa.Column("provider", sa.String(16), primary_key=True),
        sa.Column("user_id", sa.String(128), primary_key=True),
        sa.Column("conversation_id", sa.String(32), nullable=False),
        sa.Column("last_seen", sa.DateTime(timezone=True), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("channel_users")
    op.drop_table("channel_events")
