"""The Flask web app: ``create_app`` builds it from the environment or a test mapping."""

from __future__ import annotations

import os
from typing import Any, Optional

from flask import Flask

from webapp import background, cli, database, errors, formatting, health, log_privacy, logs, mail, proxy, security
from webapp.extensions import babel, csrf, login_manager
from webapp.i18n import select_locale


def create_app(test_config: Optional[dict[str, Any]] = None) -> Flask:
    """Build the app: settings, extensions, blueprints, error pages and commands."""
    app = Flask(__name__, instance_relative_config=True)
    # The instance folder holds the demo's database, secret key and mail files: the site's user's alone.
    os.makedirs(app.instance_path, mode=0o700, exist_ok=True)
    from webapp.config import from_environment

    app.config.from_mapping(from_environment(app.instance_path))
    if test_config is not None:
        app.config.from_mapping(test_config)
    if not app.config["SECRET_KEY"]:
        raise RuntimeError("SECRET_KEY is not set: export a long random value (the demo script makes one)")
    register_extensions(app)
    mail.init_app(app)
    background.init_app(app)
    register_blueprints(app)
    errors.init_app(app)
    cli.init_app(app)
    return app


def register_extensions(app: Flask) -> None:
    """Bind the database, CSRF, login, translations, filters and security headers to the app."""
    proxy.init_app(app)
    logs.init_app(app)
    database.init_app(app)
    csrf.init_app(app)
    login_manager.init_app(app)
    babel.init_app(app, locale_selector=select_locale)
    formatting.init_app(app)
    security.init_app(app)
    log_privacy.init_app(app)


def register_blueprints(app: Flask) -> None:
    """One blueprint per audience."""
    from webapp.admin import bp as admin
    from webapp.auth.views import bp as auth
    from webapp.coordinator import bp as coordinator
    from webapp.family import bp as family
    from webapp.tutor.views import bp as tutor

    app.register_blueprint(auth)
    app.register_blueprint(coordinator)
    app.register_blueprint(family)
    app.register_blueprint(tutor)
    app.register_blueprint(admin)
    app.register_blueprint(health.bp)
