"""Finsam as a SAML 2.0 service provider: pysaml2's configuration, built per request.

djangosaml2 calls `saml_konfiguration` (SAML_CONFIG_LOADER) for every SAML
request, so an identity provider an administrator adds or turns off counts
from the next login without a restart. Each active SAML IdP's metadata is
the EntityDescriptor stored when it was added, checked then against the
federation's signature (`elegitimation.metadata`).

pysaml2's defaults are tightened here: signed assertions required,
encrypted assertions taken, no unsolicited responses (an answer must
match a request this browser made), two minutes' clock skew.
"""

import shutil

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.urls import reverse
from saml2 import BINDING_HTTP_POST, BINDING_HTTP_REDIRECT
from saml2.config import SPConfig
from saml2.saml import NAMEID_FORMAT_PERSISTENT, NAMEID_FORMAT_TRANSIENT

from elegitimation.models import Identitetsutgivare, Protokoll
from elegitimation.services import KLOCKSKILLNAD_SEKUNDER

# The attributes Finsam asks for: the identifiers an IdP entry can name.
ATTRIBUT_PERSONNUMMER = "urn:oid:1.2.752.29.4.13"
ATTRIBUT_HSA_ID = "urn:oid:1.2.752.29.6.2.1"
# Sweden Connect's entity category for a service that needs a personnummer at LoA3.
ENTITETSKATEGORIER = ["http://id.elegnamnden.se/ec/1.0/loa3-pnr"]


def sp_entity_id() -> str:
    return settings.FINSAM_BAS_URL + reverse("saml2_metadata")


def _adress(namn: str) -> str:
    return settings.FINSAM_BAS_URL + reverse(namn)


def saml_konfiguration(request=None) -> SPConfig:
    nyckelpar = settings.FINSAM_SAML_NYCKELPAR
    if not nyckelpar:
        raise ImproperlyConfigured("FINSAM_SAML_NYCKELPAR saknas: Finsam har inga SAML-nycklar.")
    (signeringsnyckel, signeringscert), *aldre = nyckelpar
    metadata = list(
        Identitetsutgivare.objects.aktiva()
        .filter(protokoll=Protokoll.SAML)
        .exclude(metadata="")
        .values_list("metadata", flat=True)
    )
    konfiguration = {
        "entityid": sp_entity_id(),
        "xmlsec_binary": shutil.which("xmlsec1"),
        "allow_unknown_attributes": True,
        "accepted_time_diff": KLOCKSKILLNAD_SEKUNDER,
        "service": {
            "sp": {
                "name": "Finsam",
                "endpoints": {
                    "assertion_consumer_service": [(_adress("saml2_acs"), BINDING_HTTP_POST)],
                    # Redirect only: a cross-site POST would not carry the
                    # session cookie, and the session would outlive its logout.
                    "single_logout_service": [(_adress("saml2_ls"), BINDING_HTTP_REDIRECT)],
                },
                "name_id_format": [NAMEID_FORMAT_TRANSIENT, NAMEID_FORMAT_PERSISTENT],
                "authn_requests_signed": True,
                "logout_requests_signed": True,
                "want_assertions_signed": True,
                "want_response_signed": False,
                "allow_unsolicited": False,
                "optional_attributes": [ATTRIBUT_PERSONNUMMER, ATTRIBUT_HSA_ID],
            }
        },
        "metadata": {"inline": metadata},
        "key_file": signeringsnyckel,
        "cert_file": signeringscert,
        # During a rollover the next certificate is published beside the
        # current one, and assertions encrypted to either are opened.
        "additional_cert_files": [cert for _, cert in aldre] or None,
        "encryption_keypairs": [{"key_file": k, "cert_file": c} for k, c in nyckelpar],
        "entity_category": ENTITETSKATEGORIER,
    }
    if settings.FINSAM_SAML_KONTAKT:
        konfiguration["contact_person"] = [
            {"contact_type": "technical", "email_address": settings.FINSAM_SAML_KONTAKT}
        ]
    sp = SPConfig()
    sp.load(konfiguration)
    return sp
