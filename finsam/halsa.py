"""`/halsa/`: can this web process serve? The database, the cache and the broker, each ok or fel.

For Docker's HEALTHCHECK, a load balancer and monitoring (docs/drift.md).
It answers anyone, signed in or not, so it says no more than ok or fel per
check: django-health-check's own messages name hosts, ports and driver
errors, and those go to the log (logger "health_check") instead. 200 when
every check passes, otherwise 503, like the rest of Finsam when a service is
away (finsam/driftfel.py). JSON whatever the Accept header: the library's
checks, not its view (HTML or text by content negotiation, and async).

Nothing a user does is recorded: no access-log row (no deltagare is read),
no session for an anonymous caller, no sign-in attempt for axes.

Celery workers are not checked: a web container restarted because no
worker answers would not bring one back. The worker and beat have health
checks of their own (docker-compose.yml).
"""

import asyncio
from concurrent.futures import ThreadPoolExecutor

from django.db import transaction
from django.http import HttpRequest, JsonResponse
from django.views.decorators.http import require_safe
from health_check.checks import Cache, Database
from health_check.contrib.redis import Redis
from redis.asyncio import Redis as RedisKlient

from finsam.celery import app

OK, FEL = "ok", "fel"
# A broker that does not answer within this many seconds counts as away.
BROKER_TIDSGRANS = 2


def kontroller() -> dict:
    """The checks by their Swedish names; the broker only when it is Redis.

    Without REDIS_URL tasks run in-process (settings.py) and there is no
    broker to reach. Read from the Celery app, the broker it really sends to.
    """
    valda = {"databas": Database(), "cache": Cache()}
    broker = app.conf.broker_url or ""
    if broker.startswith(("redis://", "rediss://")):
        valda["broker"] = Redis(
            client_factory=lambda: RedisKlient.from_url(
                broker,
                socket_connect_timeout=BROKER_TIDSGRANS,
                socket_timeout=BROKER_TIDSGRANS,
            )
        )
    return valda


async def _kor(valda: dict, utforare: ThreadPoolExecutor) -> list:
    return await asyncio.gather(*(kontroll.get_result(utforare) for kontroll in valda.values()))


@require_safe
@transaction.non_atomic_requests  # a database away must reach the check, not fail the request
def halsa(request: HttpRequest) -> JsonResponse:
    """Runs the library's checks (each within its time limit, failures logged).

    Some are async: they run in an event loop of their own on a thread of
    their own, which works whether or not the calling thread has a loop
    (gunicorn's sync workers have none; Playwright's browser tests do). A
    check still stuck after its time limit (a connection to a host that
    does not answer) is left behind, not waited for.
    """
    valda = kontroller()
    utforare = ThreadPoolExecutor(max_workers=len(valda))
    try:
        with ThreadPoolExecutor(max_workers=1) as slinga:
            resultat = slinga.submit(asyncio.run, _kor(valda, utforare)).result()
    finally:
        utforare.shutdown(wait=False, cancel_futures=True)
    svar = {namn: FEL if r.error else OK for namn, r in zip(valda, resultat, strict=True)}
    frisk = FEL not in svar.values()
    return JsonResponse(
        {"status": OK if frisk else FEL, "kontroller": svar}, status=200 if frisk else 503
    )
