"""zalo_tokens: the Zalo OA access/refresh pair, replaced atomically on each refresh

Revision ID: 0012_zalo_tokens
Revises: 0011_channels
"""

import sqlalchemy as sa
from alembic import op

revision = "0012_zalo_tokens"
down_revision = "0011_channels"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "zalo_tokens",
        sa.Column("app_id", sa.String(64), primary_key=True),
        sa.Column("access_token", sa.Text(), nullable=False),
        sa.Column("refresh_token", sa.Text(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("zalo_tokens")
