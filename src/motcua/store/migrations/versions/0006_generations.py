"""generations: one counter per room that every committed change raises (index freshness)

Also the merge of the two branches that grew from 0001 (0003_service, and 0002_documents ->
0005_document_jobs): from here on the chain is linear. Why a merge and not rewriting the old
``down_revision`` lines into one line: an existing database records the heads it reached
(``0003_service`` and ``0005_document_jobs``); re-parenting revisions it already applied would
let Alembic believe a migration ran that never did.

Revision ID: 0006_generations
Revises: 0003_service, 0005_document_jobs
"""

import sqlalchemy as sa
from alembic import op

revision = "0006_generations"
down_revision = ("0003_service", "0005_document_jobs")
branch_labels = None
depends_on = None


def upgrade() -> None:
    table = op.create_table(
        "store_generations",
        sa.Column("name", sa.String(32), primary_key=True),
        sa.Column("value", sa.Integer(), nullable=False),
    )
    # Start at 1: an index saved before generations existed carries no stamp and is rebuilt.
    op.bulk_insert(table, [{"name": "catalog", "value": 1}, {"name": "documents", "value": 1}])


def downgrade() -> None:
    op.drop_table("store_generations")
