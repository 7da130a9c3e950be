"""Behind reverse proxies: trust their X-Forwarded-* headers, as many hops as PROXY_COUNT says, and no more."""

from __future__ import annotations

from flask import Flask
from werkzeug.middleware.proxy_fix import ProxyFix


def init_app(app: Flask) -> None:
    """Wrap the app in ProxyFix when PROXY_COUNT > 0, so the client address and https scheme are the real ones."""
    count = int(app.config.get("PROXY_COUNT") or 0)
    if count > 0:
        # Host and port stay as the proxy passes them on (it forwards the Host header); links use the scheme.
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=count, x_proto=count)
