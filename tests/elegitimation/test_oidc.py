"""A whole OIDC login against a provider on 127.0.0.1: PKCE, private_key_jwt, ID token checks."""

import logging
import time
from urllib.parse import parse_qs, urlencode, urlparse

import pytest
import requests
from django.core.management import CommandError, call_command
from joserfc.jwk import RSAKey

from elegitimation.models import Identifierartyp, Identitetsutgivare, Protokoll
from elegitimation.services import OKAND_PERSON
from finsam.kodlistor import Roll
from finsam.tillit import SESSIONSNYCKEL
from tests.elegitimation.conftest import bjud_in
from tests.elegitimation.idp import LOA
from tests.elegitimation.oidc_leverantor import OidcLeverantor
from tests.factories import ForbundFactory
from tests.personer import PNR, PNR_FORMER

PNR_CLAIM = "https://id.oidc.se/claim/personalIdentityNumber"


@pytest.fixture(scope="module")
def klientnyckel():
    return RSAKey.generate_key(2048)


@pytest.fixture
def leverantor(db, settings, tmp_path, klientnyckel):
    fil = tmp_path / "finsam-oidc.pem"
    fil.write_text(klientnyckel.as_pem(private=True).decode())
    settings.FINSAM_OIDC_NYCKLAR = [str(fil)]
    publik = RSAKey.import_key(klientnyckel.as_dict(private=False))
    lev = OidcLeverantor(client_id="finsam-test", klientnyckel=publik)
    lev.pastaenden = {PNR_CLAIM: PNR.replace("-", ""), "acr": f"{LOA}loa3"}
    Identitetsutgivare.objects.create(
        namn="Inera (OIDC)",
        protokoll=Protokoll.OIDC,
        entity_id=lev.issuer,
        client_id="finsam-test",
        attribut=PNR_CLAIM,
        identifierartyp=Identifierartyp.PERSONNUMMER,
        tillitsnivaer=[f"{LOA}loa1", f"{LOA}loa2", f"{LOA}loa3"],
    )
    yield lev
    lev.stang()


@pytest.fixture
def inbjudan(db):
    return bjud_in(ForbundFactory(), Roll.STYRELSE)


def _till_leverantoren(client, leverantor, nasta="/statistik/"):
    svar = client.get(f"/oidc/login/?{urlencode({'idp': leverantor.issuer, 'next': nasta})}")
    assert svar.status_code == 302, svar.content[:300]
    return svar["Location"]


def _tillbaka(client, leverantor, adress: str):
    """The browser at the provider, sent back to Finsam's callback."""
    hos_leverantoren = requests.get(adress, allow_redirects=False, timeout=5)
    assert hos_leverantoren.status_code == 302
    tillbaka = urlparse(hos_leverantoren.headers["Location"])
    return client.get(f"{tillbaka.path}?{tillbaka.query}"), f"{tillbaka.path}?{tillbaka.query}"


def oidc_inloggning(client, leverantor, nasta="/statistik/"):
    return _tillbaka(client, leverantor, _till_leverantoren(client, leverantor, nasta))


def test_inloggning_binder_inbjudan_med_pkce_och_private_key_jwt(
    client, leverantor, inbjudan, caplog
):
    caplog.set_level(logging.DEBUG)
    adress = _till_leverantoren(client, leverantor)
    fragor = dict(p.split("=", 1) for p in urlparse(adress).query.split("&"))
    assert fragor["code_challenge_method"] == "S256" and fragor["code_challenge"]

    svar, _ = _tillbaka(client, leverantor, adress)

    assert svar.status_code == 302 and svar["Location"] == "/statistik/"
    inbjudan.refresh_from_db()
    assert int(client.session["_auth_user_id"]) == inbjudan.anvandare_id
    assert client.session[SESSIONSNYCKEL]["metod"] == "oidc"
    assert client.session[SESSIONSNYCKEL]["niva"] == 3
    anrop = leverantor.tokenanrop[-1]
    assert anrop["code_verifier"] and "client_secret" not in anrop
    assert anrop["client_assertion_type"].endswith("jwt-bearer")
    assert not any(form in repr(client.session.items()) for form in PNR_FORMER)
    loggat = "\n".join(r.getMessage() for r in caplog.records)
    assert "Inloggning med e-legitimation (OIDC)" in loggat
    assert not any(form in loggat for form in PNR_FORMER) and "id_token" not in loggat


def _skal(caplog) -> list[str]:
    return [r.getMessage() for r in caplog.records if r.name == "finsam.inloggning"]


def _nekad(client, svar, text="kunde inte godtas"):
    assert svar.status_code == 403
    assert text in svar.content.decode()
    assert "_auth_user_id" not in client.session


@pytest.mark.parametrize(
    "fel",
    [
        {"pastaenden": {"iss": "https://falsk.test"}},
        {"pastaenden": {"aud": "en-annan-klient"}},
        {"pastaenden": {"exp": int(time.time()) - 600, "iat": int(time.time()) - 900}},
        {"pastaenden": {"nonce": "fel-nonce"}},
        {"nyckel": RSAKey.generate_key(2048, parameters={"kid": "leverantor-1"})},
    ],
    ids=["fel-issuer", "fel-audience", "utgangen", "fel-nonce", "fel-signatur"],
)
def test_felaktiga_id_token_nekas(client, leverantor, inbjudan, fel):
    leverantor.fel = fel

    svar, _ = oidc_inloggning(client, leverantor)

    _nekad(client, svar)
    inbjudan.refresh_from_db()
    assert inbjudan.anvand is None


def test_for_lag_tillitsniva_nekas(client, leverantor, inbjudan):
    leverantor.pastaenden["acr"] = f"{LOA}loa1"

    svar, _ = oidc_inloggning(client, leverantor)

    _nekad(client, svar, "för låg tillitsnivå")


def test_okand_person_far_inget_konto(client, leverantor):
    svar, _ = oidc_inloggning(client, leverantor)

    _nekad(client, svar, OKAND_PERSON)


def test_samma_svar_tva_ganger_nekas(client, leverantor, inbjudan, caplog):
    forsta, tillbaka = oidc_inloggning(client, leverantor)
    assert forsta.status_code == 302
    client.logout()

    _nekad(client, client.get(tillbaka))
    assert "OIDC-svar avvisat: okänt eller redan använt state." in _skal(caplog)


def test_en_anvand_kod_nekas_aven_med_sitt_state_aterstallt(client, leverantor, inbjudan, caplog):
    """The pending request put back in the session (a stolen cookie): the code is spent."""
    adress = _till_leverantoren(client, leverantor)
    vantande = dict(client.session["elegitimation_oidc"])
    forsta, tillbaka = _tillbaka(client, leverantor, adress)
    assert forsta.status_code == 302
    client.logout()
    session = client.session
    session["elegitimation_oidc"] = vantande
    session.save()

    _nekad(client, client.get(tillbaka))
    assert "OIDC-svar avvisat: kodbytet nekades (OAuthError)." in _skal(caplog)


def test_svar_som_namner_en_annan_utgivare_nekas(client, leverantor, inbjudan, caplog):
    leverantor.fel = {"iss": "https://en-annan-leverantor.test"}

    svar, _ = oidc_inloggning(client, leverantor)

    _nekad(client, svar)
    assert "OIDC-svar avvisat: inaktiv eller annan utgivare." in _skal(caplog)
    assert leverantor.tokenanrop == []  # the code never left for a token endpoint


def test_trasiga_nycklar_hos_leverantoren_ger_en_svensk_sida(client, leverantor, inbjudan):
    leverantor.fel = {"jwks": {"keys": [{"kty": "RSA"}]}}

    svar, _ = oidc_inloggning(client, leverantor)

    _nekad(client, svar)


def test_fel_pkce_verifierare_nekas_av_leverantoren(client, leverantor, inbjudan):
    adress = _till_leverantoren(client, leverantor)
    session = client.session
    for begaran in session["elegitimation_oidc"].values():
        begaran["verifierare"] = "en-annan-verifierare"
    session.save()

    svar, _ = _tillbaka(client, leverantor, adress)

    _nekad(client, svar)


def test_upptackt_med_annan_issuer_nekas(client, leverantor):
    leverantor.fel = {"upptackt_issuer": "https://falsk.test"}

    svar = client.get(f"/oidc/login/?{urlencode({'idp': leverantor.issuer})}")

    assert svar.status_code == 503


def test_jwks_publicerar_den_offentliga_nyckeln(client, leverantor, klientnyckel):
    nycklar = client.get("/oidc/jwks/").json()["keys"]

    assert [n["n"] for n in nycklar] == [klientnyckel.as_dict(private=False)["n"]]
    assert "d" not in nycklar[0]


def test_kommandot_lagger_till_en_oidc_utgivare_efter_upptackten(leverantor, db):
    Identitetsutgivare.objects.all().delete()

    call_command(
        "idp_lagg_till",
        oidc_issuer=leverantor.issuer,
        client_id="finsam-test",
        namn="Entra ID",
        attribut=PNR_CLAIM,
        identifierare="personnummer",
        tillitsniva=[f"{LOA}loa3"],
    )

    utgivare = Identitetsutgivare.objects.get()
    assert (utgivare.protokoll, utgivare.client_id) == (Protokoll.OIDC, "finsam-test")
    leverantor.fel = {"upptackt_issuer": "https://falsk.test"}
    with pytest.raises(CommandError, match="annan issuer"):
        call_command(
            "idp_lagg_till",
            oidc_issuer=leverantor.issuer,
            client_id="x",
            namn="Fel",
            attribut="sub",
            identifierare="personnummer",
            tillitsniva=[f"{LOA}loa3"],
        )


def test_avbruten_hos_leverantoren_sags_som_avbruten(client, leverantor, inbjudan):
    adress = _till_leverantoren(client, leverantor)
    state = parse_qs(urlparse(adress).query)["state"][0]

    svar = client.get(f"/oidc/callback/?{urlencode({'state': state, 'error': 'access_denied'})}")

    _nekad(client, svar, "Inloggningen avbröts.")
    assert '<h1 class="mb-3">Inloggningen avbröts</h1>' in svar.content.decode()
