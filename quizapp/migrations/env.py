"""Alembic environment: run migrations with the Flask app's engine and metadata."""

from __future__ import annotations

import logging
from logging.config import fileConfig

from alembic import context
from flask import current_app

config = context.config
fileConfig(config.config_file_name, disable_existing_loggers=False)
logger = logging.getLogger("alembic.env")

extension = current_app.extensions["migrate"]
target_metadata = extension.db.metadata


def run_migrations_offline() -> None:
    """Emit SQL for the configured URL without connecting."""
    context.configure(
        url=str(extension.db.engine.url),
        target_metadata=target_metadata,
        literal_binds=True,
        **extension.configure_args,
    )
    with context.begin_transaction():
        context.run_migrations()


def _skip_empty_autogenerate(context_, revision, directives) -> None:
    """Write no revision file when autogenerate finds no change."""
    if getattr(config.cmd_opts, "autogenerate", False) and directives[0].upgrade_ops.is_empty():
        directives[:] = []
        logger.info("No changes in schema detected.")


def run_migrations_online() -> None:
    """Run the migrations on a live connection.

    On SQLite, foreign keys are not enforced while migrations run: batch mode rebuilds a table
    by copying it and dropping the old one, and a drop with enforcement on would cascade to (and
    delete) every row referring to it.
    """
    options = dict(extension.configure_args)
    options.setdefault("process_revision_directives", _skip_empty_autogenerate)
    with extension.db.engine.connect() as connection:
        sqlite = connection.dialect.name == "sqlite"
        if sqlite:
            connection.exec_driver_sql("PRAGMA foreign_keys=OFF")
            connection.commit()
        context.configure(connection=connection, target_metadata=target_metadata, **options)
        with context.begin_transaction():
            context.run_migrations()
        if sqlite:
            connection.commit()
            connection.exec_driver_sql("PRAGMA foreign_keys=ON")
            connection.commit()


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
