"""A database that is away answers 503 with a Swedish message, never a 500 or a traceback.

PostgreSQL restarting (or unreachable) raises OperationalError or
InterfaceError wherever the request happens to be: opening the request's
transaction, loading the session in a middleware, or in a view. Django turns
an exception from any layer into a call of `handler500`, inside the
`except` that caught it, so `finsam.felsidor.serverfel` sees the exception
there and answers 503 with Retry-After: the API as JSON in its error
format, pages with a plain page that needs no database (no context processors, no user). With
persistent connections checked before reuse (CONN_HEALTH_CHECKS), the next
request after the database returns connects anew: it recovers by itself.
"""

from django.db import InterfaceError, OperationalError
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.template import loader

from finsam.api.felform import ar_api, felsvar

DRIFTFEL = (OperationalError, InterfaceError)
MEDDELANDE = "Tjänsten är tillfälligt otillgänglig. Försök igen om en stund."
# Seconds a client should wait before trying again.
FORSOK_IGEN_OM = 10


def tillfalligt_otillganglig(request: HttpRequest) -> HttpResponse:
    """The 503 for a request that met the database away."""
    if ar_api(request):
        svar = JsonResponse(
            felsvar(kod="tillfalligt_otillganglig", detalj=MEDDELANDE, typ="server_error"),
            status=503,
        )
    else:
        sida = loader.get_template("503.html").render({"meddelande": MEDDELANDE})
        svar = HttpResponse(sida, status=503)
    svar["Retry-After"] = str(FORSOK_IGEN_OM)
    return svar
