"""Response headers that keep pages out of frames, caches and other sites' referrers."""

from __future__ import annotations

from flask import Flask, Response


def add_security_headers(response: Response) -> Response:
    """Set headers on every response: no framing, no sniffing, no referrer (links carry secrets), no caching."""
    response.headers.setdefault("X-Frame-Options", "DENY")
    response.headers.setdefault("X-Content-Type-Options", "nosniff")
    response.headers.setdefault("Referrer-Policy", "no-referrer")
    response.headers.setdefault(
        "Content-Security-Policy", "default-src 'self'; img-src 'self' data:; frame-ancestors 'none'"
    )
    if response.mimetype == "text/html":
        response.headers.setdefault("Cache-Control", "no-store")
    return response


def init_app(app: Flask) -> None:
    """Attach the security headers to the app."""
    app.after_request(add_security_headers)
