"""Incremental reconciliation: each deal's stored aggregates (`deal_fields`, `deal_keys`), filled from its
claims; the claims' indexes a new report's reconciliation reads through; every deal's detail in the shape
this version writes (each field lists its latest sources and counts them all).

Revision ID: 0008
Revises: 0007
"""
import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "deal_fields",
        sa.Column("deal_id", sa.Integer, primary_key=True, comment="no foreign key: rows go with the deal (writer.py)"),
        sa.Column("field", sa.Text, primary_key=True, comment="a claim's field, or '*' for the deal as a whole"),
        sa.Column("last_claim", sa.Integer, comment="'*': the newest claim folded into the deal's rows"),
        sa.Column("state", sa.Text, nullable=False, comment="JSON: the field's aggregates (reconcile.fold_field)"),
    )
    op.create_table(
        "deal_keys",
        sa.Column("deal_id", sa.Integer, primary_key=True),
        sa.Column("key", sa.Text, primary_key=True, comment="a wire group or article counted once"),
        sa.Column("field", sa.Text, primary_key=True),
        sa.Column("grp", sa.Integer, primary_key=True,
                  comment="agreement group; -1 the whole field; '*': 0 wires, 1 articles"),
    )
    with op.batch_alter_table("claims") as batch_op:
        batch_op.drop_index("ix_claims_deal_field")
        batch_op.create_index("ix_claims_deal_field_reported", ["deal_id", "field", "reported"])
        batch_op.create_index("ix_claims_deal_id", ["deal_id", "id"])
    _fill()


def _fill() -> None:
    """Every deal folded from its claims, 500 at a time, by the ledger's own reconciliation."""
    from armsledger.ledger.writer import reconcile_deals

    conn = op.get_bind()
    ids = [r[0] for r in conn.execute(sa.text("SELECT id FROM deals ORDER BY id"))]
    for i in range(0, len(ids), 500):
        reconcile_deals(conn, ids[i:i + 500], full=True)


def downgrade() -> None:
    with op.batch_alter_table("claims") as batch_op:
        batch_op.drop_index("ix_claims_deal_id")
        batch_op.drop_index("ix_claims_deal_field_reported")
        batch_op.create_index("ix_claims_deal_field", ["deal_id", "field"])
    op.drop_table("deal_keys")
    op.drop_table("deal_fields")
