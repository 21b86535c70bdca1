"""handovers: at most one per conversation without a commune (partial unique index)

Why: the pair (conversation, commune) is unique, but NULLs never collide in a unique
constraint, so two handovers at once of a conversation with no commune selected could both be
written. SQLite and PostgreSQL both support the partial index. Duplicates already written are
merged first: the newest row stays.

Revision ID: 0009_handover_no_commune
Revises: 0008_handover_per_commune
"""

import sqlalchemy as sa
from alembic import op

revision = "0009_handover_no_commune"
down_revision = "0008_handover_per_commune"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute("DELETE FROM handovers WHERE commune_code IS NULL AND id NOT IN ("
               "SELECT MAX(id) FROM handovers WHERE commune_code IS NULL "
               "GROUP BY conversation_id)")
    op.create_index("uq_handovers_conversation_no_commune", "handovers", ["conversation_id"],
                    unique=True, sqlite_where=sa.text("commune_code IS NULL"),
                    postgresql_where=sa.text("commune_code IS NULL"))


def downgrade() -> None:
    op.drop_index("uq_handovers_conversation_no_commune", table_name="handovers")
