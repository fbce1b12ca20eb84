"""The first schema: actors, collaborations, themes, documents (each row with id and version), revisions, changes.

Revision ID: 0001
Revises:
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

_ACTOR = ("name", "type", "sector", "level", "country", "region", "municipality", "aliases", "description")
_TIE = ("kind", "themes", "status", "start", "end", "weight", "evidence", "document")


def _texts(names):
    return [sa.Column(n, sa.Text, nullable=False, server_default="") for n in names]


def _version():
    return sa.Column("version", sa.Integer, nullable=False, server_default="1")


def _extra():
    return sa.Column("extra", sa.Text, nullable=True)


def _id():
    return sa.Column("id", sa.String(200), primary_key=True)


def upgrade() -> None:
    op.create_table("actors", _id(), *_texts(_ACTOR), _extra(), _version())
    op.create_table("collaborations", _id(), *_texts(_TIE),
                    sa.Column("source", sa.String(200), sa.ForeignKey("actors.id", name="fk_tie_source"),
                              nullable=False),
                    sa.Column("target", sa.String(200), sa.ForeignKey("actors.id", name="fk_tie_target"),
                              nullable=False),
                    _extra(), _version())
    op.create_index("ix_collaborations_source", "collaborations", ["source"])
    op.create_index("ix_collaborations_target", "collaborations", ["target"])
    op.create_table("themes", _id(), *_texts(("label_sv", "label_en", "label_nb")), _extra(), _version())
    op.create_table("documents", _id(), *_texts(("title", "publisher", "date", "language", "text")), _extra(), _version())
    op.create_table("revisions",
                    sa.Column("number", sa.Integer, primary_key=True, autoincrement=False),
                    sa.Column("time", sa.String(32), nullable=False),
                    sa.Column("author", sa.Text, nullable=False),
                    sa.Column("message", sa.Text, nullable=False, server_default=""),
                    sa.Column("undoes", sa.Integer, nullable=True))
    op.create_table("changes",
                    sa.Column("revision", sa.Integer, sa.ForeignKey("revisions.number", name="fk_change_revision"),
                              primary_key=True),
                    sa.Column("seq", sa.Integer, primary_key=True, autoincrement=False),
                    sa.Column("table_name", sa.String(32), nullable=False),
                    sa.Column("row_id", sa.String(200), nullable=False),
                    sa.Column("op", sa.String(8), nullable=False),
                    sa.Column("before", sa.Text, nullable=True),
                    sa.Column("after", sa.Text, nullable=True))
    op.create_index("ix_changes_row", "changes", ["table_name", "row_id", "revision"])


def downgrade() -> None:
    for name in ("changes", "revisions", "collaborations", "actors", "themes", "documents"):
        op.drop_table(name)
