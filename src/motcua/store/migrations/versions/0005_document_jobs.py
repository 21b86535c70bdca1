"""document_jobs: uploads waiting for, being or done with their import (status polled by id)

Revision ID: 0005_document_jobs
Revises: 0002_documents
"""

import sqlalchemy as sa
from alembic import op

revision = "0005_document_jobs"
down_revision = "0002_documents"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "document_jobs",
        sa.Column("id", sa.String(32), primary_key=True),
        sa.Column("owner", sa.String(128), nullable=False),
        sa.Column("filename", sa.Text(), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("replace", sa.Boolean(), nullable=False),
        sa.Column("data", sa.LargeBinary(), nullable=True),
        sa.Column("result", sa.JSON(), nullable=True),
        sa.Column("error", sa.JSON(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_document_jobs_updated_at", "document_jobs", ["updated_at"])


def downgrade() -> None:
    op.drop_table("document_jobs")
