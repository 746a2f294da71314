"""An IdP is trusted from its federation's metadata only when the federation's signature holds."""

import datetime
import re
from pathlib import Path

import pytest
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command
from django.utils import timezone
from saml2.config import Config
from saml2.metadata import entities_descriptor, entity_descriptor
from saml2.sigver import security_context
from saml2.xmldsig import DIGEST_SHA256, SIG_RSA_SHA1, SIG_RSA_SHA256

from elegitimation.metadata import kontrollera_signatur
from elegitimation.models import Identitetsutgivare
from elegitimation.saml.konfiguration import ATTRIBUT_PERSONNUMMER
from elegitimation.services import OKAND_PERSON
from tests.elegitimation.conftest import _sp_metadata, saml_inloggning
from tests.elegitimation.idp import LOA, nyckelpar, personnummer_attribut, skapa_idp
from tests.personer import PNR


def _federation(
    katalog: Path, idp, *, signera: bool = True, algoritm: str = SIG_RSA_SHA256
) -> tuple[str, str]:
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
        sign_alg=algoritm,
        digest_alg=DIGEST_SHA256,
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


def test_inlindad_signerad_metadata_med_en_falsk_utgivare_nekas(idp_fabrik, tmp_path, sp_nycklar):
    """Signature wrapping: the federation's signed document moved inside a new root,
    beside an attacker's EntityDescriptor with the same entityID."""
    idp = idp_fabrik("kommun", betrodd=False)
    fil, cert = _federation(tmp_path, idp)
    (tmp_path / "ond").mkdir()
    ond = skapa_idp(tmp_path / "ond", _sp_metadata(), sp_nycklar[1], namn="kommun")
    text = Path(fil).read_text()
    signatur = re.search(r"<(\w+):Signature[ >].*?</\1:Signature>", text, re.S).group(0)
    original = text.replace('<?xml version="1.0"?>', "").strip()
    ond_md = re.sub(r"<\?xml[^>]*\?>", "", ond.metadata).strip()
    Path(fil).write_text(
        '<?xml version="1.0"?><md:EntitiesDescriptor '
        'xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" '
        'xmlns:ds="http://www.w3.org/2000/09/xmldsig#" Name="omslag">'
        + signatur
        + ond_md
        + original.replace(signatur, "")
        + "</md:EntitiesDescriptor>"
    )

    with pytest.raises(CommandError, match="täcker inte hela metadatan"):
        _lagg_till(fil, cert, idp.entity_id)
    assert not Identitetsutgivare.objects.exists()


def test_utgangen_metadata_nekas(idp_fabrik, tmp_path):
    idp = idp_fabrik("kommun", betrodd=False)
    fil, cert = _federation(tmp_path, idp)

    with pytest.raises(ValidationError, match="har gått ut"):
        kontrollera_signatur(
            Path(fil).read_text(), cert, nu=timezone.now() + datetime.timedelta(days=2)
        )


def test_sha1_signerad_metadata_nekas(idp_fabrik, tmp_path):
    idp = idp_fabrik("kommun", betrodd=False)
    fil, cert = _federation(tmp_path, idp, algoritm=SIG_RSA_SHA1)

    with pytest.raises(CommandError, match="SHA-1"):
        _lagg_till(fil, cert, idp.entity_id)


def test_fornyad_metadata_satter_inte_pa_en_avstangd_utgivare(idp_fabrik, tmp_path):
    idp = idp_fabrik("kommun", betrodd=False)
    fil, cert = _federation(tmp_path, idp)
    _lagg_till(fil, cert, idp.entity_id)
    Identitetsutgivare.objects.update(aktiv=False)

    _lagg_till(fil, cert, idp.entity_id)

    assert not Identitetsutgivare.objects.get().aktiv
