"""Response headers that keep pages out of frames, caches and other sites' referrers."""

from __future__ import annotations

from urllib.parse import urlsplit

from flask import Flask, Response, current_app


def add_security_headers(response: Response) -> Response:
    """Set headers on every response: no framing, no sniffing, no referrer (links carry secrets), no caching."""
    response.headers.setdefault("X-Frame-Options", "DENY")
    response.headers.setdefault("X-Content-Type-Options", "nosniff")
    response.headers.setdefault("Referrer-Policy", "no-referrer")
    response.headers.setdefault(
        "Content-Security-Policy", f"default-src 'self'; img-src 'self' data:{_tile_origin()}; frame-ancestors 'none'"
    )
    if response.mimetype == "text/html":
        response.headers.setdefault("Cache-Control", "no-store")
    return response


def _tile_origin() -> str:
    """The configured map tile server, the one other origin images may come from ("" when there is none)."""
    parts = urlsplit(current_app.config.get("MAP_TILE_URL") or "")
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return ""
    # A {s} subdomain placeholder becomes a wildcard so every tile subdomain is allowed.
    return f" {parts.scheme}://{parts.netloc.replace('{s}', '*')}"


def init_app(app: Flask) -> None:
    """Attach the security headers to the app."""
    app.after_request(add_security_headers)
