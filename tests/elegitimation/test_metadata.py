"""An IdP is trusted from its federation's metadata only when the federation's signature holds."""

from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from saml2.config import Config
from saml2.metadata import entities_descriptor, entity_descriptor
from saml2.sigver import security_context

from elegitimation.models import Identitetsutgivare
from elegitimation.saml.konfiguration import ATTRIBUT_PERSONNUMMER
from elegitimation.services import OKAND_PERSON
from tests.elegitimation.conftest import saml_inloggning
from tests.elegitimation.idp import LOA, nyckelpar, personnummer_attribut
from tests.personer import PNR


def _federation(katalog: Path, idp, *, signera: bool = True) -> tuple[str, str]:
    """The IdP's metadata in a federation's signed aggregate; the file and the federation's cert."""
    nyckel, cert = nyckelpar(katalog, "federation")
    konfiguration = Config()
    konfiguration.load({"key_file": nyckel, "cert_file": cert})
    _, xml = entities_descriptor(
        [entity_descriptor(idp.server.config)],
        24,
        "test-federation",
        "fed1",
        signera,
        security_context(konfiguration),
    )
    fil = katalog / "federation.xml"
    fil.write_text(str(xml) if signera else str(_))
    return str(fil), cert


def _lagg_till(fil: str, cert: str | None, entity_id: str, **extra):
    argument = {
        "metadata_fil": fil,
        "entity_id": entity_id,
        "namn": "SITHS eID",
        "attribut": ATTRIBUT_PERSONNUMMER,
        "identifierare": "personnummer",
        "tillitsniva": [f"{LOA}loa3"],
    } | extra
    if cert:
        argument["certifikat"] = cert
    call_command("idp_lagg_till", **argument)


def test_signerad_metadata_ger_en_betrodd_utgivare(client, idp_fabrik, tmp_path):
    idp = idp_fabrik("kommun", betrodd=False)
    fil, cert = _federation(tmp_path, idp)

    _lagg_till(fil, cert, idp.entity_id)

    utgivare = Identitetsutgivare.objects.get(entity_id=idp.entity_id)
    assert utgivare.tillitsnivaer == [f"{LOA}loa3"] and utgivare.aktiv
    assert "IDPSSODescriptor" in utgivare.metadata and "test-federation" not in utgivare.metadata
    # The stored descriptor is what pysaml2 checks the IdP's answers with.
    svar, _ = saml_inloggning(client, idp, identitet=personnummer_attribut(PNR))
    assert svar.status_code == 403 and OKAND_PERSON in svar.content.decode()


def test_andrad_metadata_nekas(idp_fabrik, tmp_path):
    idp = idp_fabrik("kommun", betrodd=False)
    fil, cert = _federation(tmp_path, idp)
    # Someone swaps the IdP's single sign-on address for their own.
    Path(fil).write_text(Path(fil).read_text().replace("kommun.test/sso", "ond.test/sso"))

    with pytest.raises(CommandError, match="signatur stämmer inte"):
        _lagg_till(fil, cert, idp.entity_id)
    assert not Identitetsutgivare.objects.exists()


def test_fel_certifikat_nekas(idp_fabrik, tmp_path):
    idp = idp_fabrik("kommun", betrodd=False)
    fil, _ = _federation(tmp_path, idp)
    _, annat = nyckelpar(tmp_path, "annan-federation")

    with pytest.raises(CommandError, match="signatur stämmer inte"):
        _lagg_till(fil, annat, idp.entity_id)


def test_osignerad_metadata_nekas_trots_certifikat(idp_fabrik, tmp_path):
    idp = idp_fabrik("kommun", betrodd=False)
    fil, cert = _federation(tmp_path, idp, signera=False)

    with pytest.raises(CommandError, match="inte signerad"):
        _lagg_till(fil, cert, idp.entity_id)


def test_en_entitet_som_inte_finns_nekas(idp_fabrik, tmp_path):
    idp = idp_fabrik("kommun", betrodd=False)
    fil, cert = _federation(tmp_path, idp)

    with pytest.raises(CommandError, match="innehåller inte https://saknas.test/idp"):
        _lagg_till(fil, cert, "https://saknas.test/idp")


def test_okand_tillitsniva_nekas(idp_fabrik, tmp_path):
    idp = idp_fabrik("kommun", betrodd=False)
    fil, cert = _federation(tmp_path, idp)

    with pytest.raises(CommandError, match="Okänd tillitsnivå"):
        _lagg_till(fil, cert, idp.entity_id, tillitsniva=["urn:hittepa"])
