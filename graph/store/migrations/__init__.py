"""Alembic migrations of the store's schema, shipped as package data (run by :func:`graph.store.migrate`)."""
