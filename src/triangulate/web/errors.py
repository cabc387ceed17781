"""One error shape for every error: ``{"error": {"code", "message", "status"}}``."""

from __future__ import annotations

from http import HTTPStatus
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from fastapi.templating import Jinja2Templates
from pydantic import BaseModel
from starlette.exceptions import HTTPException as StarletteHTTPException

CODES = {
    400: "bad_request",
    401: "unauthorized",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    422: "invalid_parameter",
    500: "internal_error",
}


class ErrorDetail(BaseModel):
    code: str
    message: str
    status: int


class ErrorResponse(BaseModel):
    error: ErrorDetail


class ApiError(Exception):
    """An error a handler raises on purpose: it becomes the one error shape with this status."""

    def __init__(self, status: int, message: str, code: str | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.code = code or CODES.get(status, HTTPStatus(status).phrase.lower().replace(" ", "_"))


def error_payload(status: int, message: str, code: str | None = None) -> dict[str, Any]:
    code = code or CODES.get(status, "error")
    return {"error": {"code": code, "message": message, "status": status}}


def wants_html(request: Request) -> bool:
    """Pages answer browsers with an HTML error page; the API and static files always with JSON."""
    path = request.url.path
    if path.startswith(("/api/", "/static/")):
        return False
    return "text/html" in request.headers.get("accept", "")


def error_response(
    request: Request, status: int, message: str, code: str | None = None
) -> Response:
    payload = error_payload(status, message, code)
    templates: Jinja2Templates | None = getattr(request.app.state, "templates", None)
    if templates is not None and wants_html(request):
        return templates.TemplateResponse(
            request, "error.html.j2", {"error": payload["error"]}, status_code=status
        )
    headers = {"WWW-Authenticate": "Bearer"} if status == 401 else None
    return JSONResponse(payload, status_code=status, headers=headers)


def _validation_message(error: RequestValidationError) -> str:
    parts = []
    for item in error.errors():
        where = ".".join(str(part) for part in item.get("loc", ()) if part not in ("query", "path"))
        parts.append(
            f"{where}: {item.get('msg', 'invalid')}" if where else item.get("msg", "invalid")
        )
    return "; ".join(parts) or "invalid request"


def install_error_handlers(app: FastAPI) -> None:
    async def on_api_error(request: Request, error: Exception) -> Response:
        assert isinstance(error, ApiError)
        return error_response(request, error.status, error.message, error.code)

    async def on_http_error(request: Request, error: Exception) -> Response:
        assert isinstance(error, StarletteHTTPException)
        status = error.status_code
        message = error.detail if isinstance(error.detail, str) else HTTPStatus(status).phrase
        if status == 404 and message == "Not Found":
            message = f"nothing at {request.url.path}"
        return error_response(request, status, message)

    async def on_validation_error(request: Request, error: Exception) -> Response:
        assert isinstance(error, RequestValidationError)
        return error_response(request, 422, _validation_message(error))

    app.add_exception_handler(ApiError, on_api_error)
    app.add_exception_handler(StarletteHTTPException, on_http_error)
    app.add_exception_handler(RequestValidationError, on_validation_error)


def internal_error(request: Request) -> Response:
    return error_response(request, 500, "the server failed to answer this request")
