"""One error in the API's shape (API.md), for answers built outside DRF's handler."""


def felsvar(*, kod: str, detalj: str, typ: str = "client_error", attr: str | None = None) -> dict:
    return {"type": typ, "errors": [{"code": kod, "detail": detalj, "attr": attr}]}
