"""PostgreSQL: the search vector a plain column that a trigger fills, so that a bulk load can leave it to a
step after its commit (`writer.fill_search`); an article whose vector is not there yet is still found
(`query.search` computes it for those, through the partial index on them).

`articles.search` was a generated column, computed row by row during every COPY (about half of the server's
work in a bulk load); a generated column cannot be switched off. Every other write sets it as before, by the
trigger. SQLite: nothing changes (its FTS5 index is rebuilt in the bulk load's transaction).

Revision ID: 0009
Revises: 0008
"""
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None

VECTOR = "to_tsvector('english', coalesce({p}title, '') || ' ' || {p}text)"


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute("ALTER TABLE articles ALTER COLUMN search DROP EXPRESSION")  # the stored vectors are kept
    op.execute(f"""CREATE OR REPLACE FUNCTION armsledger_article_search() RETURNS trigger LANGUAGE plpgsql AS $$
                   BEGIN NEW.search := {VECTOR.format(p='NEW.')}; RETURN NEW; END $$""")
    op.execute("""CREATE TRIGGER articles_search BEFORE INSERT OR UPDATE OF title, text ON articles
                  FOR EACH ROW EXECUTE FUNCTION armsledger_article_search()""")
    op.execute("CREATE INDEX ix_articles_search_pending ON articles (id) WHERE search IS NULL")


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute("DROP INDEX ix_articles_search_pending")
    op.execute("DROP TRIGGER articles_search ON articles")
    op.execute("DROP FUNCTION armsledger_article_search()")
    op.execute("ALTER TABLE articles DROP COLUMN search")
    op.execute(f"ALTER TABLE articles ADD COLUMN search tsvector GENERATED ALWAYS AS ({VECTOR.format(p='')}) STORED")
    op.execute("CREATE INDEX ix_articles_search ON articles USING GIN (search)")
