"""One error in the API's shape (API.md), for answers built outside DRF's handler."""

from django.http import HttpRequest


def ar_api(request: HttpRequest) -> bool:
    """Whether the request is the API's: its errors are then JSON, never a page."""
    return request.path.startswith("/api/")


def felsvar(*, kod: str, detalj: str, typ: str = "client_error", attr: str | None = None) -> dict:
    return {"type": typ, "errors": [{"code": kod, "detail": detalj, "attr": attr}]}
