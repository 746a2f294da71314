"""OIDC login: to the provider with a fresh state, nonce and PKCE verifier; back, checked, decided.

The request in flight lives in the session under its state, and is taken
out on the way back: an answer whose state this browser did not ask for,
or asks for a second time, is refused. The decision is the same as SAML's
(`inloggning_avgor`).
"""

import logging

from django.conf import settings
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect
from django.views.decorators.http import require_GET

from elegitimation.inloggning import (
    AVBRUTEN,
    EJ_INSTALLD,
    OGILTIGT_SVAR,
    OKAND_UTGIVARE,
    logga_in,
    nekad_sida,
)
from elegitimation.models import Identitetsutgivare, Protokoll
from elegitimation.oidc.klient import OidcFel, begaran_skapa, id_token_hamta, offentlig_jwks
from elegitimation.services import Nekad, inloggning_avgor
from finsam.konto.nasta import nasta_adress
from finsam.tillit import Metod

logg = logging.getLogger("finsam.inloggning")

_BEGARNINGAR = "elegitimation_oidc"


def _utgivare(entity_id: str | None) -> Identitetsutgivare | None:
    return (
        Identitetsutgivare.objects.aktiva()
        .filter(protokoll=Protokoll.OIDC, entity_id=entity_id or "")
        .first()
    )


@require_GET
def oidc_login(request: HttpRequest) -> HttpResponse:
    utgivare = _utgivare(request.GET.get("idp"))
    if utgivare is None:
        return nekad_sida(request, OKAND_UTGIVARE, status=404)
    if not settings.FINSAM_OIDC_NYCKLAR:
        return nekad_sida(request, EJ_INSTALLD, status=503)
    try:
        begaran = begaran_skapa(utgivare)
    except OidcFel as fel:
        logg.warning("OIDC-inloggning kunde inte börja: %s.", fel)
        return nekad_sida(
            request,
            f"{utgivare.namn} kan inte nås just nu. Försök igen om en stund, "
            "eller logga in med en annan e-legitimation.",
            status=503,
            rubrik="E-legitimationen kan inte nås",
        )
    begarningar = request.session.get(_BEGARNINGAR, {})
    begarningar[begaran.state] = {
        "utgivare": utgivare.pk,
        "nonce": begaran.nonce,
        "verifierare": begaran.verifierare,
        "nasta": nasta_adress(request),
    }
    # A few logins begun in other tabs may wait at once; no more.
    request.session[_BEGARNINGAR] = dict(list(begarningar.items())[-5:])
    return redirect(begaran.adress)


@require_GET
def oidc_callback(request: HttpRequest) -> HttpResponse:
    begarningar = request.session.get(_BEGARNINGAR, {})
    begaran = begarningar.pop(request.GET.get("state", ""), None)
    request.session[_BEGARNINGAR] = begarningar
    if begaran is None:
        logg.warning("OIDC-svar avvisat: okänt eller redan använt state.")
        return nekad_sida(request, OGILTIGT_SVAR)
    utgivare = Identitetsutgivare.objects.aktiva().filter(pk=begaran["utgivare"]).first()
    # RFC 9207: where the provider names itself, it must be the one asked (a mix-up
    # of providers sharing Finsam's one redirect address is refused here).
    if utgivare is None or request.GET.get("iss", utgivare.entity_id) != utgivare.entity_id:
        logg.warning("OIDC-svar avvisat: inaktiv eller annan utgivare.")
        return nekad_sida(request, OGILTIGT_SVAR)
    if request.GET.get("error") in ("access_denied", "login_required", "interaction_required"):
        logg.info("OIDC-inloggning avbruten hos utgivaren.")
        return nekad_sida(request, AVBRUTEN, rubrik="Inloggningen avbröts")
    if "code" not in request.GET:
        logg.warning("OIDC-svar avvisat: ingen kod.")
        return nekad_sida(request, OGILTIGT_SVAR)
    try:
        pastaenden = id_token_hamta(utgivare, kod=request.GET["code"], begaran=begaran)
        inloggad = inloggning_avgor(
            utgivare=utgivare,
            identifierare=pastaenden.get(utgivare.attribut),
            uri=pastaenden.get("acr"),
        )
    except OidcFel as fel:
        logg.warning("OIDC-svar avvisat: %s.", fel)
        return nekad_sida(request, OGILTIGT_SVAR)
    except Nekad as nekad:
        logg.warning("OIDC-inloggning nekad: %s.", nekad.orsak)
        return nekad_sida(request, nekad.text)
    logga_in(request, inloggad, utgivare=utgivare, metod=Metod.OIDC)
    return redirect(begaran["nasta"])


@require_GET
def jwks(request: HttpRequest) -> JsonResponse:
    """Finsam's public keys, which a provider checks its client assertions with."""
    return JsonResponse(offentlig_jwks())
