"""Alembic's environment: migrate the connection handed over by :func:`graph.store.migrate`.

Batch mode lets the same migration scripts alter tables on SQLite.
"""

from alembic import context

from graph.store.schema import metadata

connection = context.config.attributes["connection"]
context.configure(connection=connection, target_metadata=metadata, render_as_batch=True,
                  transaction_per_migration=False)
with context.begin_transaction():
    context.run_migrations()
