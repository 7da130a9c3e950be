"""Alembic environment: migrates the database named in the configuration or DATABASE_URL."""

from __future__ import annotations

import os

from alembic import context

from matching.db import make_engine
from matching.models import Base

config = context.config


def run_migrations() -> None:
    """Run the migrations online against one connection."""
    url = config.get_main_option("sqlalchemy.url") or os.environ["DATABASE_URL"]
    engine = make_engine(url)
    with engine.connect() as connection:
        context.configure(
            connection=connection,
            target_metadata=Base.metadata,
            render_as_batch=connection.dialect.name == "sqlite",
            compare_type=True,
        )
        with context.begin_transaction():
            context.run_migrations()
    engine.dispose()


run_migrations()
