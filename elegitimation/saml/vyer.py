"""djangosaml2's views with Finsam's decisions: who gets in, what is kept, what is logged.

The library's assertion consumer verifies the response (pysaml2: signature,
issuer, audience, InResponseTo, time). Finsam then decides in
`elegitimation.services.inloggning_avgor`, never by the library's backend,
which would create a user from any assertion. What pysaml2 keeps in the
SAML session for single logout is stripped of every attribute; a NameID
that could be a personnummer is not kept at all (that login then logs out
of Finsam only).
"""

import datetime
import logging
import re

from django.core.exceptions import ImproperlyConfigured, SuspiciousOperation
from django.shortcuts import redirect
from djangosaml2 import views as saml
from djangosaml2.cache import OutstandingQueriesCache
from saml2.attribute_converter import ac_factory, to_local_name
from saml2.response import StatusAuthnFailed, StatusRequestDenied
from saml2.saml import NAME_FORMAT_URI, SCM_BEARER, Attribute
from saml2.time_util import str_to_time

from elegitimation.inloggning import (
    AVBRUTEN,
    EJ_INSTALLD,
    OGILTIGT_SVAR,
    OKAND_UTGIVARE,
    logga_in,
    nekad_sida,
)
from elegitimation.models import Identitetsutgivare, Protokoll
from elegitimation.saml.konfiguration import sp_entity_id
from elegitimation.services import Nekad, inloggning_avgor, intyg_forbruka
from finsam.tillit import Metod, session_tillit

logg = logging.getLogger("finsam.inloggning")

_IDENTITETER = "_saml2_identities"
_VANTADE_UTGIVARE = "finsam_saml_utgivare"
_SUBJEKT = "_saml2_subject_id"
# Ten or twelve digits, with or without a separator: what a personnummer looks like.
_SOM_PERSONNUMMER = re.compile(r"(?<!\d)(\d{6}|\d{8})[-+]?\d{4}(?!\d)")


class SamlInloggning(saml.LoginView):
    """`?idp=<entityID>`: to that identity provider, by redirect with a signed request.

    Which IdP each request went to is kept with it: only that IdP's answer
    is taken (`SamlMottagning.custom_validation`).
    """

    def get(self, request, *args, **kwargs):
        vald = request.GET.get("idp")
        if not vald:
            return redirect("login")
        vantade = OutstandingQueriesCache(request.saml_session)
        fore = set(vantade.outstanding_queries())
        try:
            svar = super().get(request, *args, **kwargs)
        except ImproperlyConfigured:
            return nekad_sida(request, EJ_INSTALLD, status=503)
        nya = set(vantade.outstanding_queries()) - fore
        if nya:
            utgivare = request.saml_session.get(_VANTADE_UTGIVARE, {})
            utgivare.update(dict.fromkeys(nya, vald))
            # A few logins begun in other tabs may wait at once; no more.
            request.saml_session[_VANTADE_UTGIVARE] = dict(list(utgivare.items())[-5:])
        return svar

    def should_prevent_auth(self, request) -> bool:
        # A signed-in person may log in again: a stronger e-legitimation for
        # pages that show identities (finsam/tillit.py).
        return False

    def unknown_idp(self, request, idp):
        return nekad_sida(request, OKAND_UTGIVARE, status=404)


class SamlMottagning(saml.AssertionConsumerServiceView):
    """The IdP's answer, posted from the person's browser."""

    def post(self, request, *args, **kwargs):
        if "SAMLResponse" not in request.POST:
            return nekad_sida(request, OGILTIGT_SVAR, status=400)
        try:
            svar = super().post(request)
        except ImproperlyConfigured:
            svar = nekad_sida(request, EJ_INSTALLD, status=503)
        _rensa_saml_session(request)
        return svar

    def handle_acs_failure(self, request, exception=None, status=403, **kwargs):
        if isinstance(exception, Nekad):
            logg.warning("SAML-inloggning nekad: %s.", exception.orsak)
            return nekad_sida(request, exception.text)
        if isinstance(exception, StatusAuthnFailed | StatusRequestDenied):
            logg.info("SAML-inloggning avbruten hos utgivaren.")
            return nekad_sida(request, AVBRUTEN, rubrik="Inloggningen avbröts")
        # pysaml2's refusal (signature, issuer, audience, time, no request made):
        # its message may quote the assertion, so only its kind is logged.
        logg.warning("SAML-svar avvisat: %s.", type(exception).__name__)
        return nekad_sida(request, OGILTIGT_SVAR)

    def custom_validation(self, response) -> None:
        """What pysaml2 lets through and Finsam does not.

        An assertion in clear (the personnummer would cross the browser
        readable); one with no audience restriction (pysaml2 takes it as
        meant for everyone); one from another IdP than the request went to;
        and one made for another request. The IdP is the *assertion's*
        issuer, whose key pysaml2 checked the signature with, and the
        request is the one the assertion's signed SubjectConfirmation names:
        the Response's own Issuer and InResponseTo are not signed, so a
        stolen assertion could otherwise be posted in another browser.
        """
        if response.response.assertion:
            raise SuspiciousOperation("okrypterad försäkran")
        bekraftelser = [
            bekraftelse.subject_confirmation_data
            for bekraftelse in response.assertion.subject.subject_confirmation
            if bekraftelse.method == SCM_BEARER
        ]
        if not bekraftelser or any(
            data is None or data.in_response_to != response.in_response_to for data in bekraftelser
        ):
            raise SuspiciousOperation("försäkran gjord för en annan begäran")
        utgivare = _text(response.assertion.issuer)
        vantad = self.request.saml_session.get(_VANTADE_UTGIVARE, {}).get(response.in_response_to)
        svarets = _text(response.response.issuer)
        if not utgivare or vantad != utgivare or svarets not in (None, utgivare):
            raise SuspiciousOperation("försäkran från en annan utgivare än begäran gick till")
        self.forsakrans_utgivare = utgivare
        villkor = response.assertion.conditions
        mottagare = {
            audience.text.strip()
            for begransning in (villkor.audience_restriction if villkor else None) or []
            for audience in begransning.audience or []
            if audience.text
        }
        if sp_entity_id() not in mottagare:
            raise SuspiciousOperation("försäkran saknar Finsam som mottagare")

    def authenticate_user(
        self, request, session_info, attribute_mapping, create_unknown_user, assertion_info
    ):
        utgivare = (
            Identitetsutgivare.objects.aktiva()
            .filter(protokoll=Protokoll.SAML, entity_id=self.forsakrans_utgivare)
            .first()
        )
        if utgivare is None:
            raise Nekad(OGILTIGT_SVAR, "identitetsutgivaren är inte aktiv")
        intyg_forbruka(
            utgivare=utgivare.entity_id,
            intygs_id=assertion_info.get("assertion_id", ""),
            galler_till=_giltig_till(assertion_info),
        )
        varden = _attributvarden(session_info["ava"], utgivare.attribut) or [None]
        kontext = [info[0] for info in session_info.get("authn_info") or []]
        inloggad = inloggning_avgor(
            utgivare=utgivare, identifierare=varden[0], uri=kontext[0] if kontext else None
        )
        logga_in(request, inloggad, utgivare=utgivare, metod=Metod.SAML)
        saml._set_subject_id(request.saml_session, session_info["name_id"])
        return inloggad.user


# pysaml2's own attribute maps, which the SP configuration uses (it names no other).
_OMVANDLARE = ac_factory()


def _attributvarden(ava: dict, attribut: str) -> list:
    """The attribute's values, named as the IdP entry names it (urn:oid:…) or as
    pysaml2 renames a known one (personalIdentityNumber)."""
    lokalt = to_local_name(_OMVANDLARE, Attribute(name=attribut, name_format=NAME_FORMAT_URI))
    return ava.get(attribut) or (ava.get(lokalt) if lokalt else None) or []


def _text(element) -> str | None:
    return element.text.strip() if element is not None and element.text else None


def _giltig_till(assertion_info: dict) -> datetime.datetime:
    text = assertion_info.get("not_on_or_after")
    sekunder = str_to_time(text) if text else None
    if sekunder is None:
        return datetime.datetime.now(datetime.UTC) + datetime.timedelta(hours=1)
    return datetime.datetime(*sekunder[:6], tzinfo=datetime.UTC)


def _rensa_saml_session(request) -> None:
    """Keep only what single logout needs, and nothing after a refusal."""
    session = request.saml_session
    identiteter = session.get(_IDENTITETER) or {}
    inloggad = session_tillit(request).get("metod") == Metod.SAML and request.user.is_authenticated
    if not inloggad or any(_SOM_PERSONNUMMER.search(nyckel) for nyckel in identiteter):
        session.pop(_IDENTITETER, None)
        session.pop(_SUBJEKT, None)
        return
    for per_utgivare in identiteter.values():
        for _, info in per_utgivare.values():
            info["ava"] = {}
    session[_IDENTITETER] = identiteter


# djangosaml2's echo_attributes view (every attribute on a page) is not routed.
class SamlMetadata(saml.MetadataView):
    def get(self, request, *args, **kwargs):
        try:
            return super().get(request, *args, **kwargs)
        except ImproperlyConfigured:
            return nekad_sida(request, EJ_INSTALLD, status=503)
