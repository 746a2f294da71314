"""Where the current request comes from, for the access log.

Set by `BegaranMiddleware` for each request; outside a request (commands,
Celery tasks) it says so. A context variable, so it is per request even
under threads or async.
"""

from contextvars import ContextVar
from dataclasses import dataclass, field

from axes.helpers import get_client_ip_address

from finsam.anonymitet import ar_anonym


@dataclass(frozen=True)
class Begaran:
    ursprung: str  # the client's address
    vag: str  # the page or API call
    # What this request has already logged, so a view that reads a
    # deltagare twice (check, write, re-render) leaves one row per read.
    # None outside a request: a command's reads are each their own.
    loggat: set | None = field(default=None, compare=False)


UTANFOR_BEGARAN = Begaran(ursprung="", vag="system")
_aktuell: ContextVar[Begaran] = ContextVar("finsam_begaran", default=UTANFOR_BEGARAN)


def aktuell_begaran() -> Begaran:
    return _aktuell.get()


class BegaranMiddleware:
    """Record the request's origin for the access log, and keep personal data
    out of every cache: `Cache-Control: no-store` on all but static files."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _aktuell.set(
            # The same address the login lockout sees (proxy-aware settings).
            Begaran(
                ursprung=""
                if ar_anonym(request.path_info)
                else get_client_ip_address(request) or "",
                vag=request.path[:300],
                loggat=set(),
            )
        )
        try:
            response = self.get_response(request)
        finally:
            _aktuell.reset(token)
        if not request.path.startswith("/static/"):
            response["Cache-Control"] = "no-store, private"
        return response
