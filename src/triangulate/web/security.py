"""Security for the web app: response headers, the Host names it answers, the access token
(kept out of the access log), and which hosts need one."""

from __future__ import annotations

import hashlib
import hmac
import ipaddress
import logging
import os
from collections.abc import Awaitable, Callable, Iterable
from urllib.parse import unquote_plus, urlencode

from fastapi import FastAPI, Request
from fastapi.responses import RedirectResponse, Response

from .errors import error_response, internal_error, wants_html

TOKEN_ENV = "TRIANGULATE_TOKEN"
COOKIE = "triangulate_session"
TOKEN_PARAMETER = "token"
REDACTED = "[redacted]"
LOOPBACK_HOSTS = ("127.0.0.1", "localhost", "::1")
ANY_HOST = "*"
WILDCARD_ADDRESSES = ("", "0.0.0.0", "::")
ACCESS_LOGGER = "uvicorn.access"

CONTENT_SECURITY_POLICY = "; ".join(
    (
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "connect-src 'self'",
        "font-src 'self'",
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    )
)
SECURITY_HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
    "Cross-Origin-Opener-Policy": "same-origin",
}

log = logging.getLogger(__name__)
CallNext = Callable[[Request], Awaitable[Response]]


def is_loopback(host: str) -> bool:
    """True for hosts only this machine can reach (``127.0.0.1``, ``::1``, ``localhost``)."""
    name = host.strip().strip("[]").lower()
    if name == "localhost":
        return True
    try:
        return ipaddress.ip_address(name).is_loopback
    except ValueError:
        return False


def host_name(header: str) -> str:
    """The name in a ``Host`` header without its port: ``[::1]:8000`` → ``::1``."""
    value = header.strip().lower()
    if value.startswith("["):
        return value[1 : value.find("]")] if "]" in value else value
    name, colon, port = value.rpartition(":")
    if colon and name and ":" not in name and port.isdigit():
        return name
    return value


def allowed_hosts_for(bind_host: str) -> tuple[str, ...]:
    """The ``Host`` names a server bound to ``bind_host`` answers: the loopback names and
    ``bind_host``; any name when bound to every address, where the CLI demands a token."""
    if bind_host.strip().strip("[]") in WILDCARD_ADDRESSES:
        return (ANY_HOST,)
    return (*LOOPBACK_HOSTS, bind_host)


def resolve_token(token: str | None) -> str | None:
    """The token given, or else the one in ``$TRIANGULATE_TOKEN``; blank counts as none."""
    value = token if token is not None else os.environ.get(TOKEN_ENV)
    return value.strip() or None if value else None


def _session_value(token: str) -> str:
    """What the cookie holds: derived from the token, so the token itself is not stored."""
    return hmac.new(token.encode(), b"triangulate-session", hashlib.sha256).hexdigest()


def _presented(request: Request, token: str) -> tuple[bool, bool]:
    """(authorised, came as ?token=)"""
    header = request.headers.get("authorization", "")
    scheme, _, value = header.partition(" ")
    if scheme.lower() == "bearer" and hmac.compare_digest(value.strip().encode(), token.encode()):
        return True, False
    query = request.query_params.get("token")
    if query is not None and hmac.compare_digest(query.encode(), token.encode()):
        return True, True
    cookie = request.cookies.get(COOKIE)
    if cookie is not None and hmac.compare_digest(cookie.encode(), _session_value(token).encode()):
        return True, False
    return False, False


def _without_token(request: Request) -> str:
    query = urlencode([(k, v) for k, v in request.query_params.multi_items() if k != "token"])
    return request.url.path + (f"?{query}" if query else "")


def redact_query(text: str) -> str:
    """``text`` with the value of every ``token`` query parameter replaced: the access log
    line of ``GET /x?token=secret`` must not keep the secret."""
    path, mark, query = text.partition("?")
    if not mark:
        return text
    pieces = []
    for piece in query.split("&"):
        name, equals, _ = piece.partition("=")
        is_token = unquote_plus(name).strip().lower() == TOKEN_PARAMETER
        pieces.append(f"{name}={REDACTED}" if is_token and equals else piece)
    return f"{path}?{'&'.join(pieces)}"


class TokenRedactor(logging.Filter):
    """Removes ``?token=`` values from every string argument of a log record (uvicorn logs the
    request path with its query as an argument)."""

    def filter(self, record: logging.LogRecord) -> bool:
        if isinstance(record.args, tuple):
            record.args = tuple(
                redact_query(arg) if isinstance(arg, str) else arg for arg in record.args
            )
        elif isinstance(record.msg, str) and not record.args:
            record.msg = redact_query(record.msg)
        return True


def install_log_redaction(logger_name: str = ACCESS_LOGGER) -> None:
    logger = logging.getLogger(logger_name)
    if not any(isinstance(f, TokenRedactor) for f in logger.filters):
        logger.addFilter(TokenRedactor())


def install_security(
    app: FastAPI, token: str | None, allowed_hosts: Iterable[str] = LOOPBACK_HOSTS
) -> None:
    """Headers on every response; only requests for an allowed ``Host`` (DNS rebinding gives a
    hostile page a foreign name for this server); with a token, every request must present it.
    """
    hosts = {host_name(h) for h in allowed_hosts}
    if ANY_HOST in hosts and token is None:
        raise ValueError("a server that answers any Host name needs an access token")
    install_log_redaction()

    async def guard(request: Request, call_next: CallNext) -> Response:
        if ANY_HOST not in hosts:
            name = host_name(request.headers.get("host", ""))
            if name not in hosts:
                response = error_response(
                    request, 400, f"this server does not answer {name[:100]!r}"
                )
                return _with_headers(response)
        set_cookie = False
        if token is not None:
            authorised, from_query = _presented(request, token)
            if not authorised:
                response = error_response(request, 401, "a valid access token is required")
                return _with_headers(response)
            set_cookie = from_query
            if from_query and request.method == "GET" and wants_html(request):
                response = RedirectResponse(_without_token(request), status_code=303)
                return _with_headers(_remember(response, token))
        try:
            response = await call_next(request)
        except Exception:  # noqa: BLE001 - every failure still answers in the one error shape
            log.exception("request failed: %s", request.url.path)
            response = internal_error(request)
        if set_cookie and token is not None:
            _remember(response, token)
        return _with_headers(response)

    app.middleware("http")(guard)


def _remember(response: Response, token: str) -> Response:
    response.set_cookie(COOKIE, _session_value(token), httponly=True, samesite="strict", path="/")
    return response


def _with_headers(response: Response) -> Response:
    for name, value in SECURITY_HEADERS.items():
        response.headers[name] = value
    return response
