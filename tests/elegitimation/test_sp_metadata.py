"""Finsam's own SAML metadata at its stable address, with both certificates during a rollover."""

from pathlib import Path

from tests.elegitimation.idp import nyckelpar


def _cert_text(fil: str) -> str:
    return "".join(r for r in Path(fil).read_text().splitlines() if "CERTIFICATE" not in r)


def test_metadata_namner_adresser_och_kategori(client, db, sp_nycklar):
    text = client.get("/saml/metadata/").content.decode()

    assert 'entityID="http://testserver/saml/metadata/"' in text
    assert "http://testserver/saml/acs/" in text and "http://testserver/saml/ls/" in text
    assert 'AuthnRequestsSigned="true"' in text and 'WantAssertionsSigned="true"' in text
    assert "http://id.elegnamnden.se/ec/1.0/loa3-pnr" in text
    assert _cert_text(sp_nycklar[1]) in text


def test_under_ett_nyckelbyte_publiceras_bada_certifikaten(
    client, db, settings, sp_nycklar, tmp_path
):
    ny = nyckelpar(tmp_path, "finsam-sp-ny")
    settings.FINSAM_SAML_NYCKELPAR = [sp_nycklar, ny]

    text = client.get("/saml/metadata/").content.decode()

    assert _cert_text(sp_nycklar[1]) in text and _cert_text(ny[1]) in text


def test_utan_nycklar_sager_inloggningen_att_den_inte_ar_installd(client, db, settings):
    settings.FINSAM_SAML_NYCKELPAR = []

    svar = client.get("/saml/login/?idp=https://idp.test/idp")

    assert svar.status_code == 503
    assert "inte inställd" in svar.content.decode()
