"""Entities resolved by a spelling-independent key ("Andrey"/"Andrei", "Ltd"/"Limited").

Revision ID: 0003
Revises: 0002
"""
import sqlalchemy as sa
from alembic import op

from armsledger.ledger.resolve import entity_key

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("entities") as batch:
        batch.add_column(sa.Column("key", sa.Text(), nullable=True,
                                   comment="where spellings of one entity meet (ledger/resolve.py)"))
    conn = op.get_bind()
    rows = conn.execute(sa.text("SELECT id, kind, name FROM entities ORDER BY id")).all()
    first: dict[tuple[str, str], int] = {}
    for id_, kind, name in rows:
        key = entity_key(kind, name)
        keep = first.setdefault((kind, key), id_)
        if keep != id_:  # two spellings already stored apart: their mentions join the first
            conn.execute(sa.text("UPDATE mentions SET entity_id = :keep WHERE entity_id = :id"),
                         {"keep": keep, "id": id_})
            conn.execute(sa.text("DELETE FROM entities WHERE id = :id"), {"id": id_})
        else:
            conn.execute(sa.text("UPDATE entities SET key = :key WHERE id = :id"), {"key": key, "id": id_})
    with op.batch_alter_table("entities") as batch:
        batch.alter_column("key", existing_type=sa.Text(), nullable=False)
        batch.drop_constraint("uq_entities_kind_name", type_="unique")
        batch.create_unique_constraint("uq_entities_kind_key", ["kind", "key"])


def downgrade() -> None:
    with op.batch_alter_table("entities") as batch:
        batch.drop_constraint("uq_entities_kind_key", type_="unique")
        batch.create_unique_constraint("uq_entities_kind_name", ["kind", "name"])
        batch.drop_column("key")
