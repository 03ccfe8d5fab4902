"""Security headers on every response.

The pages carry no inline script or style (a test walks them), so the Content-Security-Policy
allows only this site's own files; no page may be framed (clickjacking).
"""

from __future__ import annotations

from flask import Flask, Response

CONTENT_SECURITY_POLICY = "; ".join(
    (
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    )
)

SECURITY_HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Frame-Options": "DENY",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "Cross-Origin-Opener-Policy": "same-origin",
}


#: The headers by their lower-case names (header names are compared without case).
_BY_KEY = tuple((name.lower(), name, value) for name, value in SECURITY_HEADERS.items())


def add_security_headers(response: Response) -> Response:
    """Set the security headers a view has not set itself (the response's headers are read
    once, not once per security header)."""
    headers = response.headers
    present = {name.lower() for name in headers.keys()}
    for key, name, value in _BY_KEY:
        if key not in present:
            headers.add(name, value)
    return response


def register_security_headers(app: Flask) -> None:
    """Send the security headers on every response, error pages and static files included."""
    app.after_request(add_security_headers)
