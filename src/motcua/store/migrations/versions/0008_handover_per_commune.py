"""handovers: one per conversation and commune, with the commune's name

Why: a handover belongs to the commune the citizen handed over in. When the citizen goes on
chatting with another commune selected, the first commune's officers keep it (and only
they), and a new handover in the second commune is a second row.

Revision ID: 0008_handover_per_commune
Revises: 0007_auth_sessions
"""

import sqlalchemy as sa
from alembic import op

revision = "0008_handover_per_commune"
down_revision = "0007_auth_sessions"
branch_labels = None
depends_on = None

# SQLite reflects the old unique constraint without a name; this convention names it.
_NAMING = {"uq": "uq_%(table_name)s_%(column_0_name)s"}


def _old_unique_names() -> list[str]:
    found = sa.inspect(op.get_bind()).get_unique_constraints("handovers")
    return [u["name"] or "uq_handovers_conversation_id" for u in found
            if u["column_names"] == ["conversation_id"]]


def upgrade() -> None:
    names = _old_unique_names()
    with op.batch_alter_table("handovers", naming_convention=_NAMING) as batch:
        for name in names:
            batch.drop_constraint(name, type_="unique")
        batch.add_column(sa.Column("commune_name", sa.Text(), nullable=True))
        batch.create_unique_constraint("uq_handovers_conversation_commune",
                                       ["conversation_id", "commune_code"])
        batch.create_index("ix_handovers_conversation_id", ["conversation_id"])
    op.execute("UPDATE handovers SET commune_name = (SELECT c.commune_name FROM conversations c"
               " WHERE c.id = handovers.conversation_id AND c.commune_code IS NOT DISTINCT FROM"
               " handovers.commune_code)" if op.get_bind().dialect.name == "postgresql" else
               "UPDATE handovers SET commune_name = (SELECT c.commune_name FROM conversations c"
               " WHERE c.id = handovers.conversation_id AND c.commune_code IS"
               " handovers.commune_code)")


def downgrade() -> None:
    with op.batch_alter_table("handovers") as batch:
        batch.drop_index("ix_handovers_conversation_id")
        batch.drop_constraint("uq_handovers_conversation_commune", type_="unique")
        batch.drop_column("commune_name")
        batch.create_unique_constraint("uq_handovers_conversation_id", ["conversation_id"])
