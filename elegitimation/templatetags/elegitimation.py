"""`{% e_legitimationer %}`: a button for each identity provider a person can log in with."""

from urllib.parse import urlencode

from django import template
from django.urls import reverse

from elegitimation.models import Identitetsutgivare, Protokoll
from finsam.tillit import NIVA_FOR_URI, STARK

register = template.Library()

_INLOGGNINGSVAG = {Protokoll.SAML: "saml2_login", Protokoll.OIDC: "oidc_login"}


@register.simple_tag
def e_legitimationer(nasta: str = "", endast_starka: bool = False) -> list[dict]:
    """`{% e_legitimationer nasta=… as knappar %}`, shown by elegitimation/knappar.html."""
    knappar = []
    for utgivare in Identitetsutgivare.objects.aktiva().filter(protokoll__in=_INLOGGNINGSVAG):
        hogsta = max((NIVA_FOR_URI.get(uri, 0) for uri in utgivare.tillitsnivaer), default=0)
        if endast_starka and hogsta < STARK:
            continue
        fragor = {"idp": utgivare.entity_id} | ({"next": nasta} if nasta else {})
        adress = f"{reverse(_INLOGGNINGSVAG[utgivare.protokoll])}?{urlencode(fragor)}"
        knappar.append({"namn": utgivare.namn, "adress": adress})
    return knappar
