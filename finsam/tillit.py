"""How sure Finsam is of who is signed in (the tillitsnivå), and what needs a strong login.

Every login records its level on the session: an e-legitimation the level
its identity provider asserted, a password 2 and a password with a TOTP
code 3 (two factors, as HSLF-FS 2016:40 asks of *stark autentisering*).
Pages and API calls that show deltagare identities need level 3 or more
where `FINSAM_KRAV_STARK_AUTENTISERING` is on (always in production); a
weaker session gets a page that says which login to use instead.

Only the level, the method and the identity provider's id are kept on the
session: never an identifier of the person.
"""

import logging

from django.conf import settings
from django.db import models
from django.http import JsonResponse
from django.shortcuts import render

from finsam.api.felform import ar_api, felsvar

logg = logging.getLogger("finsam.inloggning")

SESSIONSNYCKEL = "finsam_tillit"


class Tillitsniva(models.IntegerChoices):
    """The Swedish eID framework's levels (Digg), which eIDAS's low/substantial/high match."""

    NIVA_1 = 1, "tillitsnivå 1"
    NIVA_2 = 2, "tillitsnivå 2"
    NIVA_3 = 3, "tillitsnivå 3"
    NIVA_4 = 4, "tillitsnivå 4"


STARK = Tillitsniva.NIVA_3
# Below this a login is refused outright: nothing in Finsam is open to it.
LAGSTA_GODTAGNA = Tillitsniva.NIVA_2


class Metod(models.TextChoices):
    SAML = "saml", "e-legitimation (SAML)"
    OIDC = "oidc", "e-legitimation (OpenID Connect)"
    LOSENORD = "losenord", "lösenord"
    LOSENORD_TVAFAKTOR = "losenord_tvafaktor", "lösenord och engångskod"


# The authentication context URIs Swedish identity providers assert, as
# SAML AuthnContextClassRef or OIDC acr, and the level each stands for.
_ELN = "http://id.elegnamnden.se/loa/1.0/"
NIVA_FOR_URI = {
    f"{_ELN}loa1": Tillitsniva.NIVA_1,
    f"{_ELN}loa2": Tillitsniva.NIVA_2,
    f"{_ELN}loa3": Tillitsniva.NIVA_3,
    f"{_ELN}loa4": Tillitsniva.NIVA_4,
    f"{_ELN}eidas-low": Tillitsniva.NIVA_2,
    f"{_ELN}eidas-nf-low": Tillitsniva.NIVA_2,
    f"{_ELN}eidas-sub": Tillitsniva.NIVA_3,
    f"{_ELN}eidas-nf-sub": Tillitsniva.NIVA_3,
    f"{_ELN}eidas-high": Tillitsniva.NIVA_4,
    f"{_ELN}eidas-nf-high": Tillitsniva.NIVA_4,
    # Not certified against the framework: counted one level lower.
    "http://id.swedenconnect.se/loa/1.0/uncertified-loa3": Tillitsniva.NIVA_2,
}


def session_tillit_satt(request, *, niva: int, metod: str, utgivare: int | None = None) -> None:
    request.session[SESSIONSNYCKEL] = {"niva": int(niva), "metod": str(metod), "utgivare": utgivare}


def session_tillit(request) -> dict:
    return request.session.get(SESSIONSNYCKEL) or {}


def session_niva(request) -> int:
    return int(session_tillit(request).get("niva", 0))


def ar_stark(request) -> bool:
    return session_niva(request) >= STARK


E_LEGITIMATION = (Metod.SAML, Metod.OIDC)


def ersatter_tvafaktor(request) -> bool:
    """An e-legitimation at level 3 or more is two factors already (the card and its
    PIN, the app and its code): no TOTP step after it, where one is required."""
    return session_tillit(request).get("metod") in E_LEGITIMATION and ar_stark(request)


def tillit_efter_engangskod(request) -> None:
    """A TOTP code confirmed: level 3 at least, the login's method kept (an
    e-legitimation's logout still goes through its IdP)."""
    tillit = session_tillit(request)
    if tillit.get("metod") in E_LEGITIMATION:
        niva = max(int(tillit["niva"]), STARK)
        session_tillit_satt(request, niva=niva, metod=tillit["metod"], utgivare=tillit["utgivare"])
    else:
        session_tillit_satt(request, niva=STARK, metod=Metod.LOSENORD_TVAFAKTOR)


# What shows deltagare identities (personnummer, names, their records), as
# pages and as API resources, and what opens them: a personal API key reaches
# the deltagare resources, so only a strong session makes one. Aggregates
# and the anonyma are not here.
IDENTITETSVAGAR = (
    "/konto/api-nycklar/ny/",
    "/deltagare/",
    "/registerutdrag/",
    "/atkomstlogg/",
    "/gallring/",
    "/api/v1/deltagare/",
    "/api/v1/inskrivningar/",
)


def visar_identiteter(path: str) -> bool:
    return path.startswith(IDENTITETSVAGAR)


class KravStarkInloggningMiddleware:
    """A signed-in session below level 3 is stopped at pages that show identities.

    API keys pass: they are authenticated by the API and see aggregates only.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if (
            settings.FINSAM_KRAV_STARK_AUTENTISERING
            and request.user.is_authenticated
            and visar_identiteter(request.path)
            and not ar_stark(request)
        ):
            return _kraver_stark(request)
        return self.get_response(request)


def _kraver_stark(request):
    detalj = (
        "Uppgifterna visar deltagares identitet och kräver stark inloggning "
        "(tillitsnivå 3): logga in med e-legitimation eller med lösenord och engångskod."
    )
    if ar_api(request):
        return JsonResponse(felsvar(kod="stark_inloggning_kravs", detalj=detalj), status=403)
    return render(
        request,
        "konto/kraver_stark_inloggning.html",
        {"niva": session_niva(request), "nasta": request.get_full_path()},
        status=403,
    )
