"""Security and privacy defaults in one place: strict headers, and no cookie outside the staff area."""

from __future__ import annotations

from flask import Flask, Response, request

CONTENT_SECURITY_POLICY = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
        "base-uri 'none'",
        "object-src 'none'",
    ]
)

# The one place with a session (its cookie is limited to this path): the staff workspace behind a login.
STAFF_PATH = "/beheer"

HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), interest-cohort=()",
    "Cross-Origin-Opener-Policy": "same-origin",
}


def init_app(app: Flask) -> None:
    """Add the security headers to every response; no cookie leaves the site outside the staff area."""
    app.config.update(SESSION_COOKIE_SECURE=True, SESSION_COOKIE_HTTPONLY=True)

    @app.after_request
    def add_security_headers(response: Response) -> Response:
        """Set strict headers; drop any cookie a component may have tried to set on a public page."""
        for name, value in HEADERS.items():
            response.headers.setdefault(name, value)
        if not is_staff_path(request.path):
            response.headers.remove("Set-Cookie")
        return response


def is_staff_path(path: str) -> bool:
    """Whether `path` is in the staff workspace (the only place with a session)."""
    return path == STAFF_PATH or path.startswith(STAFF_PATH + "/")
