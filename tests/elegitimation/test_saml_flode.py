"""A whole SAML login against an IdP in process: bound invitation, known person, refusals."""

import base64
import datetime
import re
from urllib.parse import parse_qs, urlencode, urlparse

import pytest
from django.contrib.auth import get_user_model
from django.contrib.sessions.backends.db import SessionStore
from django.contrib.sessions.models import Session
from django.test import Client
from saml2 import BINDING_HTTP_REDIRECT

from elegitimation.models import ExternIdentitet, Identitetsutgivare
from elegitimation.saml.konfiguration import sp_entity_id
from elegitimation.services import (
    OKAND_PERSON,
    Nekad,
    inbjudan_aterkalla,
    intyg_forbruka,
)
from finsam.atkomst import atkomst
from finsam.kodlistor import Roll
from finsam.tillit import SESSIONSNYCKEL
from tests.elegitimation.conftest import bjud_in, saml_inloggning
from tests.elegitimation.idp import ANNAN_SP, LOA, personnummer_attribut
from tests.factories import ForbundFactory, anvandare_med_roll
from tests.personer import PNR, PNR_MAN

User = get_user_model()


@pytest.fixture
def forbund(db):
    return ForbundFactory()


@pytest.fixture
def chef(forbund):
    return anvandare_med_roll(Roll.FORBUNDSCHEF, forbund)


@pytest.fixture
def inbjudan(forbund, chef):
    return bjud_in(forbund, Roll.STYRELSE, chef=chef)


def _inloggad_session(client) -> dict:
    return client.session.load() if client.session.session_key else {}


def test_forsta_inloggningen_binder_inbjudan_och_ger_rollen(client, idp, inbjudan, forbund):
    svar, _ = saml_inloggning(
        client, idp, nasta="/statistik/", identitet=personnummer_attribut(PNR)
    )

    assert svar.status_code == 302 and svar["Location"] == "/statistik/"
    inbjudan.refresh_from_db()
    ny = inbjudan.anvandare
    assert inbjudan.anvand is not None and ny is not None
    assert not ny.has_usable_password()
    assert (ny.first_name, ny.last_name) == ("Stina", "Samordnare")
    assert atkomst(ny).har_roll(forbund.pk, Roll.STYRELSE)
    assert int(client.session["_auth_user_id"]) == ny.pk
    utgivare = Identitetsutgivare.objects.get(entity_id=idp.entity_id)
    assert client.session[SESSIONSNYCKEL] == {"niva": 3, "metod": "saml", "utgivare": utgivare.pk}
    identitet = ExternIdentitet.objects.get(user=ny)
    assert PNR.replace("-", "") not in identitet.nyckel and len(identitet.nyckel) == 64


def test_andra_inloggningen_hittar_samma_anvandare(client, idp, inbjudan):
    saml_inloggning(client, idp, identitet=personnummer_attribut(PNR))
    forsta = int(client.session["_auth_user_id"])
    client.logout()

    svar, _ = saml_inloggning(client, idp, identitet=personnummer_attribut(PNR))

    assert svar.status_code == 302
    assert int(client.session["_auth_user_id"]) == forsta
    assert User.objects.count() == 2  # the chef and Stina, no one more


def _ingen_session(client) -> None:
    assert "_auth_user_id" not in _inloggad_session(client)
    inloggade = [s.get_decoded().get("_auth_user_id") for s in Session.objects.all()]
    assert not any(inloggade)


def test_okand_person_far_en_svensk_sida_och_inget_konto(client, idp, chef):
    antal = User.objects.count()

    svar, _ = saml_inloggning(client, idp, identitet=personnummer_attribut(PNR_MAN))

    assert svar.status_code == 403
    assert OKAND_PERSON in svar.content.decode()
    assert User.objects.count() == antal
    _ingen_session(client)


def test_aterkallad_inbjudan_ger_inget_konto(client, idp, inbjudan, chef):
    inbjudan_aterkalla(inbjudan=inbjudan, user=chef)

    svar, _ = saml_inloggning(client, idp, identitet=personnummer_attribut(PNR))

    assert svar.status_code == 403 and OKAND_PERSON in svar.content.decode()
    assert not User.objects.filter(first_name="Stina").exists()
    _ingen_session(client)


def test_samma_svar_tva_ganger_nekas(client, idp, inbjudan, caplog):
    forsta, post = saml_inloggning(client, idp, identitet=personnummer_attribut(PNR))
    assert forsta.status_code == 302
    client.logout()

    igen = client.post("/saml/acs/", post)

    assert igen.status_code == 403
    assert "SAML-svar avvisat: UnsolicitedResponse." in _skal(caplog)
    assert "kunde inte godtas" in igen.content.decode()
    _ingen_session(client)


def _skal(caplog) -> list[str]:
    return [r.getMessage() for r in caplog.records if r.name == "finsam.inloggning"]


@pytest.mark.parametrize(
    ("andring", "text", "skal"),
    [
        # pysaml2 raises a bare Exception for an audience that is not Finsam.
        ({"mottagare": ANNAN_SP}, "kunde inte godtas", "SAML-svar avvisat: Exception."),
        ({"signera": False}, "kunde inte godtas", "SAML-svar avvisat: SignatureError."),
        # Finsam's own checks after pysaml2's (custom_validation).
        ({"kryptera": False}, "kunde inte godtas", "SAML-svar avvisat: SuspiciousOperation."),
        ({"loa": f"{LOA}loa1"}, "för låg tillitsnivå", "nekad: för låg tillitsnivå."),
        ({"loa": "urn:okand:niva"}, "ingen tillitsnivå som Finsam", "nekad: okänd tillitsnivå."),
    ],
    ids=["fel-mottagare", "osignerat", "okrypterat", "for-lag-niva", "okand-niva"],
)
def test_felaktiga_svar_nekas_utan_session(client, idp, inbjudan, andring, text, skal, caplog):
    svar, _ = saml_inloggning(client, idp, identitet=personnummer_attribut(PNR), **andring)

    assert svar.status_code == 403
    assert text in svar.content.decode()
    assert any(rad.endswith(skal) for rad in _skal(caplog))
    inbjudan.refresh_from_db()
    assert inbjudan.anvand is None
    _ingen_session(client)


def test_utgangen_forsakran_nekas(client, idp_fabrik, inbjudan, caplog):
    gammal = idp_fabrik(livstid_minuter=-10)

    svar, _ = saml_inloggning(client, gammal, identitet=personnummer_attribut(PNR))

    assert svar.status_code == 403 and "kunde inte godtas" in svar.content.decode()
    assert "SAML-svar avvisat: VerificationError." in _skal(caplog)
    _ingen_session(client)


def test_fel_utgivare_nekas(client, idp_fabrik, inbjudan, caplog):
    betrodd = idp_fabrik("betrodd")
    obehorig = idp_fabrik("obehorig", betrodd=False)

    # Finsam sends the person to the trusted IdP; the answer comes from another.
    svar, _ = saml_inloggning(client, obehorig, via=betrodd, identitet=personnummer_attribut(PNR))

    assert svar.status_code == 403 and "kunde inte godtas" in svar.content.decode()
    # Its issuer is in no metadata Finsam holds: no key to check it with.
    assert "SAML-svar avvisat: MissingKey." in _skal(caplog)
    _ingen_session(client)


def test_forsakran_anvands_en_gang_aven_i_en_ny_session(idp, inbjudan):
    """The replay table's own proof: the same assertion id twice is refused,
    even where pysaml2's per-session bookkeeping would not see it."""
    om_en_timme = datetime.datetime.now(datetime.UTC) + datetime.timedelta(hours=1)
    intyg_forbruka(utgivare=idp.entity_id, intygs_id="_id1", galler_till=om_en_timme)
    intyg_forbruka(utgivare="https://annan.test/idp", intygs_id="_id1", galler_till=om_en_timme)
    with pytest.raises(Nekad):
        intyg_forbruka(utgivare=idp.entity_id, intygs_id="_id1", galler_till=om_en_timme)


def test_utloggning_loggar_ut_hos_utgivaren_och_i_finsam(client, idp, inbjudan):
    saml_inloggning(client, idp, identitet=personnummer_attribut(PNR))

    till_idp = client.post("/saml/logout/")
    assert till_idp.status_code == 302
    assert till_idp["Location"].startswith("https://idp.test/slo?SAMLRequest=")
    tillbaka = urlparse(idp.logga_ut(till_idp["Location"]))
    svar = client.get(f"{tillbaka.path}?{tillbaka.query}")

    assert tillbaka.path == "/saml/ls/"
    assert svar.status_code == 302
    assert "_auth_user_id" not in client.session


def test_utgivaren_kan_logga_ut_personen_ur_finsam(client, idp, inbjudan):
    saml_inloggning(client, idp, identitet=personnummer_attribut(PNR), name_id="tillfalligt-42")

    adress = urlparse(
        idp.begar_utloggning(sp_entity_id(), "http://testserver/saml/ls/", "tillfalligt-42")
    )
    svar = client.get(f"{adress.path}?{adress.query}")

    assert svar.status_code == 302
    assert svar["Location"].startswith("https://idp.test/slo?SAMLResponse=")
    assert "_auth_user_id" not in client.session


def test_en_osignerad_utloggningsbegaran_loggar_inte_ut(client, idp, inbjudan):
    saml_inloggning(client, idp, identitet=personnummer_attribut(PNR), name_id="tillfalligt-42")

    adress = urlparse(
        idp.begar_utloggning(
            sp_entity_id(), "http://testserver/saml/ls/", "tillfalligt-42", signera=False
        )
    )
    svar = client.get(f"{adress.path}?{adress.query}")

    assert svar.status_code == 400
    assert "_auth_user_id" in client.session


def test_en_betrodd_utgivare_kan_inte_svara_i_en_annans_stalle(
    client, idp_fabrik, inbjudan, caplog
):
    begard = idp_fabrik("siths")
    annan = idp_fabrik("kommun")

    svar, _ = saml_inloggning(client, annan, via=begard, identitet=personnummer_attribut(PNR))

    assert svar.status_code == 403 and "kunde inte godtas" in svar.content.decode()
    assert "SAML-svar avvisat: SuspiciousOperation." in _skal(caplog)
    _ingen_session(client)


def test_svarets_osignerade_issuer_styr_inte_vilken_utgivare_som_galler(
    client, idp_fabrik, inbjudan, caplog
):
    """IdP B may assert level 2 only; its signed assertion in a Response whose
    own (unsigned) Issuer is rewritten to A must not pass as A's."""
    a = idp_fabrik("starka")
    b = idp_fabrik("svaga")
    Identitetsutgivare.objects.filter(entity_id=b.entity_id).update(tillitsnivaer=[f"{LOA}loa2"])
    till_idp = client.get(f"/saml/login/?{urlencode({'idp': a.entity_id})}")
    post = b.svara(till_idp["Location"], tolkare=a, identitet=personnummer_attribut(PNR))
    xml = base64.b64decode(post["SAMLResponse"]).decode()
    post["SAMLResponse"] = base64.b64encode(
        xml.replace(b.entity_id, a.entity_id, 1).encode()
    ).decode()

    svar = client.post("/saml/acs/", post)

    assert svar.status_code == 403
    assert "SAML-svar avvisat: SuspiciousOperation." in _skal(caplog)
    _ingen_session(client)


@pytest.mark.parametrize(
    "fragor",
    [
        {"SAMLResponse": "PHNhbWxwOkxvZ291dFJlc3BvbnNlLz4="},  # a made-up answer
        {"SAMLRequest": "x", "SigAlg": "x", "Signature": "x"},  # a request signed with nothing
    ],
    ids=["svar", "begaran"],
)
def test_en_lank_fran_en_annan_webbplats_loggar_inte_ut(client, idp, inbjudan, fragor):
    saml_inloggning(client, idp, identitet=personnummer_attribut(PNR))

    svar = client.get(f"/saml/ls/?{urlencode(fragor)}")

    assert svar.status_code in (302, 400)
    assert "_auth_user_id" in client.session


def test_en_losenordsinloggning_loggas_inte_ut_av_en_saml_begaran(client, chef):
    client.force_login(chef)

    svar = client.get(
        f"/saml/ls/?{urlencode({'SAMLRequest': 'x', 'SigAlg': 'x', 'Signature': 'x'})}"
    )

    assert svar.status_code == 400
    assert "_auth_user_id" in client.session


def test_ett_annat_forbunds_inbjudan_ger_rollen_vid_nasta_inloggning(client, idp, inbjudan):
    saml_inloggning(client, idp, identitet=personnummer_attribut(PNR))
    stina = User.objects.get(first_name="Stina")
    client.logout()
    andra = ForbundFactory()
    # The second förbund's chef learns nothing of the first: the invitation is simply made.
    bjud_in(andra, Roll.FORBUNDSCHEF)

    saml_inloggning(client, idp, identitet=personnummer_attribut(PNR))

    assert int(client.session["_auth_user_id"]) == stina.pk
    assert atkomst(stina).har_roll(andra.pk, Roll.FORBUNDSCHEF)
    assert User.objects.filter(first_name="Stina").count() == 1


def test_ett_aterspelat_intyg_nekas_aven_nar_begaran_finns_kvar(client, idp, inbjudan, caplog):
    """The replay table's own proof through the ACS: the same answer again, with its
    request put back in the SAML session (a stolen session cookie and a copy of the
    answer), is refused by Finsam after pysaml2 has taken it."""
    forsta, post = saml_inloggning(client, idp, identitet=personnummer_attribut(PNR))
    assert forsta.status_code == 302
    saml_nyckel = client.cookies["finsam_saml"].value
    client.logout()
    client.cookies["finsam_saml"] = saml_nyckel
    saml = SessionStore(session_key=saml_nyckel)
    xml = base64.b64decode(post["SAMLResponse"]).decode()
    begaran_id = re.search(r'InResponseTo="([^"]+)"', xml).group(1)
    saml["_saml2_outstanding_queries"] = {begaran_id: "/"}
    saml.save()

    igen = client.post("/saml/acs/", post)

    assert igen.status_code == 403
    assert "SAML-inloggning nekad: återanvänt intyg." in _skal(caplog)
    _ingen_session(client)


def test_avbruten_inloggning_hos_utgivaren_sags_som_avbruten(client, idp, inbjudan):
    """The person pressed Avbryt at the IdP: a Responder/AuthnFailed status, not a bad answer."""
    till_idp = client.get(f"/saml/login/?{urlencode({'idp': idp.entity_id})}")
    svar = client.post("/saml/acs/", idp.avbryt(till_idp["Location"]))

    assert svar.status_code == 403
    assert "Inloggningen avbröts." in svar.content.decode()
    _ingen_session(client)


@pytest.mark.parametrize("forfalskning", ["fel-nyckel", "annan-person", "annan-utgivare"])
def test_en_forfalskad_utloggningsbegaran_loggar_inte_ut(
    client, idp_fabrik, inbjudan, forfalskning
):
    idp = idp_fabrik("siths")
    annan = idp_fabrik("kommun")
    saml_inloggning(client, idp, identitet=personnummer_attribut(PNR), name_id="tillfalligt-42")
    utfardare, name_id, signerare = {
        "fel-nyckel": (idp, "tillfalligt-42", annan),  # signed, but not with the IdP's key
        "annan-person": (idp, "nagon-annan", None),  # the IdP's, about someone else
        "annan-utgivare": (annan, "tillfalligt-42", None),  # a trusted IdP, not the login's
    }[forfalskning]

    adress = urlparse(
        utfardare.begar_utloggning(
            sp_entity_id(), "http://testserver/saml/ls/", name_id, signerare=signerare
        )
    )
    svar = client.get(f"{adress.path}?{adress.query}")

    assert svar.status_code == 400
    assert "_auth_user_id" in client.session


def test_ett_stulet_intyg_kan_inte_anvandas_i_en_annan_webblasare(client, idp, inbjudan, caplog):
    """The victim's assertion, posted in the attacker's browser with the Response's
    (unsigned) InResponseTo changed to the attacker's own request."""
    offret = Client()
    till_idp = offret.get(f"/saml/login/?{urlencode({'idp': idp.entity_id})}")
    stulet = idp.svara(till_idp["Location"], identitet=personnummer_attribut(PNR))
    angriparens = client.get(f"/saml/login/?{urlencode({'idp': idp.entity_id})}")
    egen_id = idp.server.parse_authn_request(
        parse_qs(urlparse(angriparens["Location"]).query)["SAMLRequest"][0],
        BINDING_HTTP_REDIRECT,
    ).message.id
    xml = base64.b64decode(stulet["SAMLResponse"]).decode()
    xml = re.sub(r'InResponseTo="[^"]+"', f'InResponseTo="{egen_id}"', xml, count=1)
    stulet["SAMLResponse"] = base64.b64encode(xml.encode()).decode()

    svar = client.post("/saml/acs/", stulet)

    assert svar.status_code == 403
    assert "SAML-svar avvisat: SuspiciousOperation." in _skal(caplog)
    _ingen_session(client)


def test_samma_person_via_en_annan_utgivare_ar_samma_konto(client, idp_fabrik, inbjudan):
    siths = idp_fabrik("siths")
    bankid = idp_fabrik("bankid")
    saml_inloggning(client, siths, identitet=personnummer_attribut(PNR))
    stina = User.objects.get(first_name="Stina")
    client.logout()

    saml_inloggning(client, bankid, identitet=personnummer_attribut(PNR))

    assert int(client.session["_auth_user_id"]) == stina.pk
    assert set(stina.externa_identiteter.values_list("utgivare__entity_id", flat=True)) == {
        siths.entity_id,
        bankid.entity_id,
    }


def test_ett_inaktiverat_konto_kommer_inte_in_via_en_annan_utgivare(
    client, idp_fabrik, forbund, chef
):
    siths = idp_fabrik("siths")
    bankid = idp_fabrik("bankid")
    bjud_in(forbund, Roll.STYRELSE, chef=chef)
    saml_inloggning(client, siths, identitet=personnummer_attribut(PNR))
    User.objects.filter(first_name="Stina").update(is_active=False)
    client.logout()
    bjud_in(forbund, Roll.SAMORDNARE, chef=chef)  # an invitation open again, too

    svar, _ = saml_inloggning(client, bankid, identitet=personnummer_attribut(PNR))

    assert svar.status_code == 403 and "inaktiverat" in svar.content.decode()
    assert User.objects.filter(first_name="Stina").count() == 1
    _ingen_session(client)


def test_en_inbjudan_fran_en_chef_som_slutat_ger_ingen_roll(client, idp, forbund, chef):
    bjud_in(forbund, Roll.FORBUNDSCHEF, chef=chef)
    anvandare_med_roll(Roll.FORBUNDSCHEF, forbund)  # the förbund keeps a förbundschef
    chef.medlemskap.filter(roll=Roll.FORBUNDSCHEF).delete()

    svar, _ = saml_inloggning(client, idp, identitet=personnummer_attribut(PNR))

    assert svar.status_code == 403 and OKAND_PERSON in svar.content.decode()
    assert not User.objects.filter(first_name="Stina").exists()
