"""The Flask web app: ``create_app`` builds it from the environment or a test mapping."""

from __future__ import annotations

import os
from typing import Any, Optional

from flask import Flask, redirect, url_for

from webapp import background, cli, database, errors, formatting, health, input_guard, log_privacy, logs, mail, proxy
from webapp import routing, security, throttling
from webapp.auth import session_limits
from webapp.extensions import babel, csrf, login_manager
from webapp.i18n import select_locale


def create_app(test_config: Optional[dict[str, Any]] = None) -> Flask:
    """Build the app: settings, extensions, blueprints, error pages and commands."""
    app = Flask(__name__, instance_relative_config=True)
    # The instance folder holds the demo's database, secret key and mail files: the site's user's alone.
    os.makedirs(app.instance_path, mode=0o700, exist_ok=True)
    from webapp.config import check_settings, from_environment

    app.config.from_mapping(from_environment(app.instance_path))
    if test_config is not None:
        app.config.from_mapping(test_config)
    check_settings(app.config)
    routing.init_app(app)
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
    session_limits.init_app(app)
    babel.init_app(app, locale_selector=select_locale)
    formatting.init_app(app)
    security.init_app(app)
    log_privacy.init_app(app)
    input_guard.init_app(app)
    throttling.init_app(app)


def register_blueprints(app: Flask) -> None:
    """One blueprint per audience."""
    from webapp.admin import bp as admin
    from webapp.auth import password_views  # noqa: F401  (registers the password pages on the auth blueprint)
    from webapp.attendance import bp as attendance
    from webapp.auth.views import bp as auth
    from webapp.coordinator import bp as coordinator
    from webapp.family import bp as family
    from webapp.tutor.views import bp as tutor

    app.register_blueprint(auth)
    app.register_blueprint(coordinator)
    app.register_blueprint(family)
    app.register_blueprint(tutor)
    app.register_blueprint(admin)
    app.register_blueprint(attendance)
    app.register_blueprint(health.bp)
    # Browsers and tools ask for /favicon.ico whatever the page links; answer with the one icon.
    app.add_url_rule("/favicon.ico", "favicon",
                     lambda: redirect(url_for("static", filename="favicon.svg"), code=301))
