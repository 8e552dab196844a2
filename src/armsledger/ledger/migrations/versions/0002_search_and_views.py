"""Full-text search over articles and readable views for Datasette and SQL users.

SQLite: an FTS5 table `articles_fts` kept in step by triggers.
PostgreSQL: a generated tsvector column `articles.search` with a GIN index.

Revision ID: 0002
Revises: 0001
"""
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

VIEWS = {
    "deal_register": """
        SELECT d.id, d.supplier, d.recipient, d.platform, d.category, d.status, d.hedged,
               CASE WHEN d.follow_on = 1 THEN 'follow-on' ELSE 'order' END AS order_kind, d.order_year, d.signed,
               d.quantity_min, d.quantity_max, d.quantity_unit, d.delivered_max AS delivered,
               d.value_amount, d.value_currency, d.value_usd, d.expected_completion, d.tech_transfer_max,
               d.sources, d.independent_sources, d.conflicts, d.confidence, d.first_reported, d.last_reported
        FROM deals d WHERE d.rejected = 0""",
    "deal_timeline": """
        SELECT c.deal_id, a.reported, c.field, c.value, c.text AS evidence, c.hedged,
               a.id AS article_id, a.publisher, a.title, a.url
        FROM claims c JOIN articles a ON a.id = c.article_id""",
    "open_conflicts": """
        SELECT k.id, k.deal_id, d.supplier, d.recipient, d.platform, k.field, k.summary, k.claims
        FROM conflicts k JOIN deals d ON d.id = k.deal_id WHERE d.rejected = 0""",
}


def upgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute("CREATE VIRTUAL TABLE articles_fts USING fts5(title, text, content='articles', content_rowid='rowid')")
        op.execute("""CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
                        INSERT INTO articles_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text); END""")
        op.execute("""CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
                        INSERT INTO articles_fts(articles_fts, rowid, title, text)
                        VALUES ('delete', old.rowid, old.title, old.text); END""")
        op.execute("""CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, text ON articles BEGIN
                        INSERT INTO articles_fts(articles_fts, rowid, title, text)
                        VALUES ('delete', old.rowid, old.title, old.text);
                        INSERT INTO articles_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text); END""")
    else:
        op.execute("""ALTER TABLE articles ADD COLUMN search tsvector GENERATED ALWAYS AS
                      (to_tsvector('english', coalesce(title, '') || ' ' || text)) STORED""")
        op.execute("CREATE INDEX ix_articles_search ON articles USING GIN (search)")
    for name, sql in VIEWS.items():
        op.execute(f"CREATE VIEW {name} AS {sql}")


def downgrade() -> None:
    for name in VIEWS:
        op.execute(f"DROP VIEW {name}")
    if op.get_bind().dialect.name == "sqlite":
        for trigger in ("insert", "delete", "update"):
            op.execute(f"DROP TRIGGER articles_fts_{trigger}")
        op.execute("DROP TABLE articles_fts")
    else:
        op.execute("DROP INDEX ix_articles_search")
        op.execute("ALTER TABLE articles DROP COLUMN search")
