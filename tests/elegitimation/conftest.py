"""Finsam as a SAML service provider with keys made for the test run, and an IdP in process."""

from urllib.parse import urlencode

import pytest
from saml2.metadata import entity_descriptor

from elegitimation.models import Identifierartyp, Identitetsutgivare, Protokoll
from elegitimation.saml.konfiguration import ATTRIBUT_PERSONNUMMER, saml_konfiguration
from elegitimation.services import inbjudan_skapa
from finsam.kodlistor import Roll
from tests.elegitimation.idp import LOA, nyckelpar, skapa_idp
from tests.factories import anvandare_med_roll
from tests.personer import PNR

TILLITSNIVAER = [f"{LOA}loa1", f"{LOA}loa2", f"{LOA}loa3", f"{LOA}loa4"]


@pytest.fixture(scope="session")
def sp_nycklar(tmp_path_factory):
    return nyckelpar(tmp_path_factory.mktemp("sp"), "finsam-sp")


@pytest.fixture(autouse=True)
def saml_sp(settings, sp_nycklar):
    settings.FINSAM_SAML_NYCKELPAR = [sp_nycklar]
    settings.FINSAM_BAS_URL = "http://testserver"


def _sp_metadata() -> str:
    return str(entity_descriptor(saml_konfiguration()))


@pytest.fixture
def idp_fabrik(db, tmp_path, sp_nycklar):
    """An IdP, registered in Finsam unless `betrodd=False`."""

    def skapa(namn: str = "idp", *, betrodd: bool = True, **kwargs):
        idp = skapa_idp(tmp_path, _sp_metadata(), sp_nycklar[1], namn=namn, **kwargs)
        if betrodd:
            Identitetsutgivare.objects.create(
                namn=f"Test-IdP {namn}",
                protokoll=Protokoll.SAML,
                entity_id=idp.entity_id,
                metadata=idp.metadata,
                attribut=ATTRIBUT_PERSONNUMMER,
                identifierartyp=Identifierartyp.PERSONNUMMER,
                tillitsnivaer=TILLITSNIVAER,
            )
        return idp

    return skapa


@pytest.fixture
def idp(idp_fabrik):
    return idp_fabrik()


def bjud_in(forbund, roll, *insatser, chef=None, fornamn="Stina", efternamn="Samordnare"):
    """An invitation of the test person (personnummer PNR) by the förbund's chef."""
    return inbjudan_skapa(
        forbund=forbund,
        user=chef or anvandare_med_roll(Roll.FORBUNDSCHEF, forbund),
        fornamn=fornamn,
        efternamn=efternamn,
        identifierartyp=Identifierartyp.PERSONNUMMER,
        identifierare=PNR,
        roll=roll,
        insatser=list(insatser),
    )


def saml_inloggning(client, idp, *, via=None, nasta: str = "/", **svar):
    """Log in as a browser does: Finsam's redirect, the IdP's answer, posted back."""
    fragor = urlencode({"idp": (via or idp).entity_id, "next": nasta})
    till_idp = client.get(f"/saml/login/?{fragor}")
    assert till_idp.status_code == 302, till_idp.content[:500]
    post = idp.svara(till_idp["Location"], tolkare=via, **svar)
    return client.post("/saml/acs/", post), post
