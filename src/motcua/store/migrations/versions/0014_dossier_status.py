"""tracked_dossiers (what a status lookup shows, factors hashed) and dossier_lookups (audit)

Revision ID: 0014_dossier_status
Revises: 0013_index_versions
"""

import sqlalchemy as sa
from alembic import op

revision = "0014_dossier_status"
down_revision = "0013_index_versions"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "tracked_dossiers",
        sa.Column("code", sa.String(40), primary_key=True),
        sa.Column("procedure_name", sa.Text(), nullable=False),
        sa.Column("status", sa.String(2), nullable=False),
        sa.Column("received_at", sa.Date(), nullable=True),
        sa.Column("due_at", sa.Date(), nullable=True),
        sa.Column("result_at", sa.Date(), nullable=True),
        sa.Column("returned_at", sa.Date(), nullable=True),
        sa.Column("pickup_place", sa.Text(), nullable=False),
        sa.Column("salt", sa.String(32), nullable=False),
        sa.Column("id_hash", sa.String(64), nullable=True),
        sa.Column("phone_hash", sa.String(64), nullable=True),
        sa.Column("imported_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_table(
        "dossier_lookups",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("channel", sa.String(16), nullable=False),
        sa.Column("code_digest", sa.String(32), nullable=False),
        sa.Column("asker_digest", sa.String(32), nullable=True),
        sa.Column("outcome", sa.String(16), nullable=False),
    )
    op.create_index("ix_dossier_lookups_code_at", "dossier_lookups", ["code_digest", "at"])
    op.create_index("ix_dossier_lookups_asker_at", "dossier_lookups", ["asker_digest", "at"])


def downgrade() -> None:
    op.drop_index("ix_dossier_lookups_asker_at", table_name="dossier_lookups")
    op.drop_index("ix_dossier_lookups_code_at", table_name="dossier_lookups")
    op.drop_table("dossier_lookups")
    op.drop_table("tracked_dossiers")
