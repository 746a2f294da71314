"""Single logout: Finsam's own, through the IdP, and the IdP's request to end a session here.

Nothing here logs anyone out on a message it has not checked: a link from
another site must not end a person's session. pysaml2 checks a LogoutRequest's
redirect signature only where an IdP's setting asks it to, and djangosaml2
logs the session out whatever the request names; so the signature (with the
IdP's key from its metadata, never SHA-1), the IdP and the NameID are checked
here first. Only the Redirect binding is offered: a cross-site POST would
not carry Finsam's session cookie (SameSite=Lax).
"""

import logging

from django.conf import settings
from django.contrib import auth
from django.core.exceptions import ImproperlyConfigured
from django.shortcuts import redirect
from django.utils.decorators import method_decorator
from django.views.decorators.http import require_POST
from djangosaml2 import views as saml
from saml2 import BINDING_HTTP_REDIRECT
from saml2.client import Saml2Client
from saml2.sigver import verify_redirect_signature

from elegitimation.inloggning import EJ_INSTALLD, nekad_sida
from elegitimation.models import Identitetsutgivare
from finsam.tillit import session_tillit

logg = logging.getLogger("finsam.inloggning")

UTLOGGNING_NEKAD = "Utloggningen kunde inte godtas."


@method_decorator(require_POST, name="dispatch")
class SamlUtloggning(saml.LogoutInitView):
    """Log out of Finsam and, where the IdP can, of the IdP too (a POST: no forced logouts)."""

    def post(self, request, *args, **kwargs):
        if saml._get_subject_id(request.saml_session) is None:
            auth.logout(request)
            return redirect("login")
        return self.get(request, *args, **kwargs)


class SamlLogout(saml.LogoutView):
    """The IdP's logout request, or its answer to Finsam's."""

    def post(self, request, *args, **kwargs):
        return nekad_sida(request, UTLOGGNING_NEKAD, status=405)

    def do_logout_service(self, request, data, binding, *args, **kwargs):
        if "SAMLResponse" in data:
            # The answer to Finsam's own request: Finsam's session ended
            # before the person was sent to the IdP (SamlUtloggning).
            return redirect(settings.LOGOUT_REDIRECT_URL)
        if "SAMLRequest" not in data:
            return nekad_sida(request, "Utloggningen kunde inte läsas.", status=400)
        try:
            skal = _fel_i_begaran(request, data, self.get_sp_config(request))
        except ImproperlyConfigured:
            return nekad_sida(request, EJ_INSTALLD, status=503)
        if skal:
            logg.warning("SAML-utloggning avvisad: %s.", skal)
            return nekad_sida(request, UTLOGGNING_NEKAD, status=400)
        return super().do_logout_service(request, data, binding, *args, **kwargs)


def _fel_i_begaran(request, data, konfiguration) -> str | None:
    """Why this LogoutRequest does not end this session, or None if it does."""
    subjekt = saml._get_subject_id(request.saml_session)
    if subjekt is None:
        return "ingen SAML-inloggning i sessionen"
    sigalg, signatur = data.get("SigAlg"), data.get("Signature")
    if not sigalg or not signatur or "sha1" in sigalg.lower():
        return "osignerad eller signerad med SHA-1"
    klient = Saml2Client(konfiguration)
    try:
        begaran = klient.parse_logout_request(data["SAMLRequest"], BINDING_HTTP_REDIRECT)
    except Exception as fel:  # pysaml2's many refusals of a message it cannot read
        return type(fel).__name__
    utgivare = begaran.issuer.text if begaran and begaran.issuer is not None else None
    meddelande = {"SAMLRequest": data["SAMLRequest"], "SigAlg": sigalg, "Signature": signatur}
    if "RelayState" in data:
        meddelande["RelayState"] = data["RelayState"]
    certifikat = konfiguration.metadata.certs(utgivare, "any", "signing") if utgivare else []
    if not any(
        verify_redirect_signature(meddelande, klient.sec.sec_backend, cert)
        for _, cert in certifikat
    ):
        return "signaturen stämmer inte"
    inloggad_via = Identitetsutgivare.objects.filter(
        pk=session_tillit(request).get("utgivare")
    ).values_list("entity_id", flat=True)
    if list(inloggad_via) != [utgivare]:
        return "en annan utgivare än inloggningens"
    if begaran.message.name_id is None or begaran.message.name_id.text != subjekt.text:
        return "en annan person än inloggningens"
    return None
