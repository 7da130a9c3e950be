"""The demo programme in a fresh SQLite database of its own, for benchmarks that measure the site's own data."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy.orm import sessionmaker

from matching.db import make_engine, make_session_factory, upgrade
from matching.services.programme import current_programme
from seed_data.demo import load_demo
from seed_data.demo_history import load_demo_history


@contextmanager
def fresh_demo(history: bool = False) -> Iterator[tuple[sessionmaker, int]]:
    """Load the demo into a new database in a temporary folder; yield its session factory and programme id.

    With history, also what the demo site holds (`flask init-demo`): the year's plans solved and published as of
    1 April and the attendance marked up to the demo's day."""
    with tempfile.TemporaryDirectory() as folder:
        url = f"sqlite:///{os.path.join(folder, 'demo.sqlite3')}"
        upgrade(url)
        engine = make_engine(url)
        factory = make_session_factory(engine)
        with factory() as session:
            load_demo(session)
            if history:
                load_demo_history(session)
            programme_id = current_programme(session).id
        try:
            yield factory, programme_id
        finally:
            engine.dispose()
