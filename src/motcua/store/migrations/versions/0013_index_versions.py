"""index_versions: every search-index build recorded (content hash, store generation, count)

Revision ID: 0013_index_versions
Revises: 0012_zalo_tokens
"""

import sqlalchemy as sa
from alembic import op

revision = "0013_index_versions"
down_revision = "0012_zalo_tokens"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "index_versions",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("kind", sa.String(32), nullable=False),
        sa.Column("version", sa.String(64), nullable=False),
        sa.Column("generation", sa.Integer(), nullable=False),
        sa.Column("count", sa.Integer(), nullable=False),
        sa.Column("built_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("builder", sa.String(255), nullable=False),
        sa.UniqueConstraint("kind", "generation", "version", name="uq_index_versions_build"),
    )
    op.create_index("ix_index_versions_kind_id", "index_versions", ["kind", "id"])


def downgrade() -> None:
    op.drop_index("ix_index_versions_kind_id", table_name="index_versions")
    op.drop_table("index_versions")
