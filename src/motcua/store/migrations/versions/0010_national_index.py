"""national_procedures: the national index of procedure names (motcua catalog import-index)

Revision ID: 0010_national_index
Revises: 0009_handover_no_commune
"""

import sqlalchemy as sa
from alembic import op

revision = "0010_national_index"
down_revision = "0009_handover_no_commune"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "national_procedures",
        sa.Column("code", sa.String(32), primary_key=True),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("issuer", sa.Text(), nullable=False),
        sa.Column("agency", sa.Text(), nullable=False),
        sa.Column("field", sa.Text(), nullable=False),
        sa.Column("url", sa.Text(), nullable=False),
        sa.Column("source", sa.Text(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("national_procedures")
