"""The permission matrix's rows and how one is asked: every caller, one method, one route.

A row gives, per method, the answers of the eight callers in the order of
`AKTORER` (tests/sakerhet/varld.py), as HTTP status codes separated by spaces,
with L for a redirect to the sign-in page and R for any other redirect.
"""

import copy
import json
from dataclasses import dataclass

from django.db import transaction

from tests.sakerhet.vagar import Vag, svarskod, url
from tests.sakerhet.varld import AKTORER, Varld


@dataclass(frozen=True)
class Rad:
    pk: str | None = None  # which of the world's rows `pk` in the URL is
    get: str | None = None
    post: str | None = None
    put: str | None = None
    patch: str | None = None
    delete: str | None = None
    # The JSON body of an API write, "@namn" standing for the world's row of that
    # name; without one an empty object. A valid body is needed where a view
    # validates before the service checks the role: an empty body would be a
    # 400 for everyone and hide who may write.
    kropp: dict | None = None

    def forvantat(self, metod: str) -> str | None:
        return getattr(self, metod.lower())


def med_varldens_rader(varde, objekt: dict):
    if isinstance(varde, str) and varde.startswith("@"):
        return objekt[varde[1:]]
    if isinstance(varde, dict):
        return {k: med_varldens_rader(v, objekt) for k, v in varde.items()}
    if isinstance(varde, list):
        return [med_varldens_rader(v, objekt) for v in varde]
    return varde


def fraga_alla(varld: Varld, vag: Vag, rad: Rad, metod: str) -> str:
    """Every caller's answer to `metod` on the route, each on the same untouched world.

    Each request runs in a savepoint rolled back afterwards, and the caller's
    cookies are put back, so a write (or signing out) changes nothing for the
    next caller or route.
    """
    adress = url(vag, rad.pk, varld.objekt)
    kropp = med_varldens_rader(rad.kropp or {}, varld.objekt)
    koder = []
    for aktor in AKTORER:
        klient = varld.klienter[aktor]
        kakor = copy.deepcopy(klient.cookies)
        with transaction.atomic():
            if metod == "GET":
                svar = klient.get(adress)
            elif vag.ar_api:
                svar = klient.generic(
                    metod, adress, json.dumps(kropp), content_type="application/json"
                )
            else:
                svar = klient.post(adress, {})
            transaction.set_rollback(True)
        klient.cookies = kakor
        koder.append(svarskod(svar))
    return " ".join(koder)
