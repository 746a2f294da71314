"""Django's error pages, answered as JSON under `/api/`.

DRF shapes the errors of its own views; a path no view matches, a refused
request before any view, or a fault outside a view reaches these handlers
instead. A client of the API gets the same JSON shape there too (API.md),
never an HTML page.
"""

import sys

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.views import defaults

from finsam.api.felform import ar_api, felsvar
from finsam.api.undantag import Serverfel
from finsam.driftfel import DRIFTFEL, tillfalligt_otillganglig


def _for_api(request: HttpRequest, status: int, kod: str, detalj: str) -> JsonResponse | None:
    if not ar_api(request):
        return None
    typ = "server_error" if status >= 500 else "client_error"
    return JsonResponse(felsvar(kod=kod, detalj=detalj, typ=typ), status=status)


def felaktig_begaran(request: HttpRequest, exception: Exception) -> HttpResponse:
    return _for_api(request, 400, "parse_error", "Begäran kunde inte läsas.") or (
        defaults.bad_request(request, exception)
    )


def ej_behorig(request: HttpRequest, exception: Exception) -> HttpResponse:
    return _for_api(
        request, 403, "permission_denied", "Du har inte behörighet att göra detta."
    ) or defaults.permission_denied(request, exception)


def sida_saknas(request: HttpRequest, exception: Exception) -> HttpResponse:
    # Django's Http404 may name a model or a pattern in English: not for callers.
    return _for_api(request, 404, "not_found", "Hittades inte.") or (
        defaults.page_not_found(request, exception)
    )


def serverfel(request: HttpRequest) -> HttpResponse:
    # Django calls this inside the `except` that caught the fault: a database
    # that is away is a 503 (finsam/driftfel.py), not a fault of Finsam's.
    if isinstance(sys.exc_info()[1], DRIFTFEL):
        return tillfalligt_otillganglig(request)
    return _for_api(
        request, 500, Serverfel.default_code, Serverfel.default_detail
    ) or defaults.server_error(request)
