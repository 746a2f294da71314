"""An identity provider added from its federation's metadata, checked before it is trusted.

A federation (Sambi, Sweden Connect, Skolfederation…) publishes every
member's metadata in one signed document. Finsam takes it from a URL or a
file, checks the signature against the federation's certificate (which
the IT department got from the federation, not from the same URL), and
keeps only the one IdP's EntityDescriptor. pysaml2 would take unsigned
metadata even when given a certificate: here unsigned is refused.
"""

import datetime

import requests
from defusedxml import ElementTree
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from saml2.sigver import CryptoBackendXmlSec1, SecurityContext, SignatureError, get_xmlsec_binary

from elegitimation.models import Identitetsutgivare, Protokoll

MD = "urn:oasis:names:tc:SAML:2.0:metadata"
DS = "http://www.w3.org/2000/09/xmldsig#"
HAMTNING_SEKUNDER = 30


def hamta(url: str) -> str:
    svar = requests.get(url, timeout=HAMTNING_SEKUNDER)
    if svar.status_code != 200:
        raise ValidationError(f"Metadata kunde inte hämtas: svaret var {svar.status_code}.")
    return svar.text


def kontrollera_signatur(xml: str, certifikatfil: str, *, nu=None) -> None:
    """The whole document signed with the federation's key, still valid; else ValidationError.

    xmlsec1 alone answers whether *a* signature in the file holds. That is
    not enough: a signed federation document wrapped in a new root beside
    an attacker's EntityDescriptor would pass (signature wrapping). So the
    one signature must sit on the root and name the root's ID, the only
    element with that ID, and xmlsec1 checks that node.
    """
    rot = _tolka(xml)
    signaturer = rot.findall(f"{{{DS}}}Signature")
    if not signaturer:
        raise ValidationError("Metadata är inte signerad. Finsam litar bara på signerad metadata.")
    rot_id = rot.get("ID")
    referenser = signaturer[0].findall(f"{{{DS}}}SignedInfo/{{{DS}}}Reference")
    samma_id = [nod for nod in rot.iter() if nod.get("ID") == rot_id]
    if (
        len(signaturer) != 1
        or not rot_id
        or len(samma_id) != 1
        or [r.get("URI") for r in referenser] != [f"#{rot_id}"]
    ):
        raise ValidationError("Signaturen täcker inte hela metadatan.")
    metod = signaturer[0].find(f"{{{DS}}}SignedInfo/{{{DS}}}SignatureMethod")
    if metod is None or "sha1" in (metod.get("Algorithm") or "").lower():
        raise ValidationError("Metadata är signerad med SHA-1, som Finsam inte godtar.")
    giltig_till = rot.get("validUntil")
    if giltig_till and _tidpunkt(giltig_till) < (nu or timezone.now()):
        raise ValidationError(f"Metadata gällde till {giltig_till} och har gått ut.")
    sakerhet = SecurityContext(CryptoBackendXmlSec1(get_xmlsec_binary()))
    nodnamn = rot.tag.replace("{", "").replace("}", ":")
    try:
        sakerhet.verify_signature(xml, cert_file=certifikatfil, node_name=nodnamn, node_id=rot_id)
    except SignatureError:
        raise ValidationError(
            "Metadatans signatur stämmer inte med federationens certifikat."
        ) from None


def _tidpunkt(text: str) -> datetime.datetime:
    try:
        tidpunkt = datetime.datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        raise ValidationError("Metadatans giltighetstid (validUntil) kan inte läsas.") from None
    # xs:dateTime without a zone: SAML's times are UTC.
    return tidpunkt if tidpunkt.tzinfo else tidpunkt.replace(tzinfo=datetime.UTC)


def entitet(xml: str, entity_id: str) -> str:
    """The one IdP's EntityDescriptor out of a federation's metadata (or its own)."""
    rot = _tolka(xml)
    enskild = rot.tag == f"{{{MD}}}EntityDescriptor"
    kandidater = [rot] if enskild else rot.iter(f"{{{MD}}}EntityDescriptor")
    for nod in kandidater:
        if nod.get("entityID") == entity_id:
            if nod.find(f"{{{MD}}}IDPSSODescriptor") is None:
                raise ValidationError(f"{entity_id} är ingen identitetsutgivare (IdP).")
            return ElementTree.tostring(nod, encoding="unicode")
    raise ValidationError(f"Metadata innehåller inte {entity_id}.")


def _tolka(xml: str):
    try:
        return ElementTree.fromstring(xml)
    except ElementTree.ParseError:
        raise ValidationError("Metadata är inte giltig XML.") from None


@transaction.atomic
def utgivare_spara(
    *, xml: str, entity_id: str, metadata_url: str = "", **falt
) -> Identitetsutgivare:
    """Add the IdP, or renew its metadata and settings if it is there already."""
    utgivare, _ = Identitetsutgivare.objects.update_or_create(
        entity_id=entity_id,
        defaults={
            "protokoll": Protokoll.SAML,
            "metadata": entitet(xml, entity_id),
            "metadata_url": metadata_url,
            **falt,
        },
    )
    return utgivare
