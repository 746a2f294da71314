"""`forbund/{id}/statistik/`: unique persons and each insats, masked for part keys."""

from rest_framework.test import APIClient

from finsam.kodlistor import Kon
from statistik.berakning import forbund_statistik
from tests.hjalp.api import felen, personlig_klient
from tests.statistik.api.hjalp import DOLD_ANDEL, FRAN, PERIOD, TILL, antal, bara_dolt, forbund_url
from tests.statistik.bygg import D, inskriv


def K(kvinnor, man, annat, totalt) -> dict:
    return {"kvinnor": kvinnor, "man": man, "annat": annat, "totalt": totalt}


def test_varje_roll_far_motorns_siffror(
    forbund, statistikdata, annan_insats, chef, samordnare, styrelse, partklient
):
    # The samordnare's man of the statistikdata is also in ALL-IN: one person, two insatser.
    person = statistikdata.inskrivningar.get(startdatum=D(2024, 2, 1)).deltagare
    inskriv(annan_insats, start=D(2024, 3, 1), person=person)
    vantat = forbund_statistik(forbund=forbund, fran=FRAN, till=TILL).som_dict()
    for user in (chef, styrelse):
        svar = personlig_klient(user).get(forbund_url(forbund), PERIOD)
        assert svar.status_code == 200, user
        assert svar.json() == vantat
    # A samordnare sees the förbund as a whole only as a part key does (issue 11 §5).
    svar = personlig_klient(samordnare).get(forbund_url(forbund), PERIOD)
    assert svar.status_code == 200
    assert svar.json() == partklient.get(forbund_url(forbund), PERIOD).json()
    assert svar.json()["deltagare"]["nya"] == K(0, None, 0, None)
    assert vantat["deltagare"]["nya"] == K(0, 1, 0, 1)  # unique persons
    assert [s["namn"] for s in vantat["insatser"]] == ["ALL-IN", "Samordningsteam"]


def test_annat_forbund_och_admin_utan_roll_far_404(
    forbund, statistikdata, utomstaende, annan_partklient, admin
):
    # The admin sees every förbund row, but its figures are for its members and parter.
    assert personlig_klient(admin).get(f"/api/v1/forbund/{forbund.pk}/").status_code == 200
    for klient in (personlig_klient(utomstaende), annan_partklient, personlig_klient(admin)):
        svar = klient.get(forbund_url(forbund), PERIOD)
        assert svar.status_code == 404
        assert felen(svar) == {"detail": "Hittades inte."}
    assert APIClient().get(forbund_url(forbund), PERIOD).status_code == 401


def test_partnyckel_maskerat(forbund, statistikdata, partklient, chef):
    svar = partklient.get(forbund_url(forbund), PERIOD)
    assert svar.status_code == 200
    data = svar.json()
    assert data["deltagare"] == {
        "aktiva": K(5, 5, 0, 10),
        "nya": K(0, None, 0, None),
        "avslutade": K(None, 4, 0, None),
        "anonyma": K(None, 5, 0, None),
        "aktiva_inklusive_anonyma": K(None, 10, 0, None),
    }
    (insats,) = data["insatser"]
    assert insats["namn"] == "Samordningsteam"
    assert insats["deltagare"]["nya"] == K(0, None, 0, None)
    assert insats["till_arbete_eller_studier"] == DOLD_ANDEL
    omaskerat = personlig_klient(chef).get(forbund_url(forbund), PERIOD).json()
    bara_dolt(data, omaskerat)
    assert [vag for vag, n in antal(data) if n in (1, 2)] == []


def test_fel_period_ger_400(forbund, chef):
    svar = personlig_klient(chef).get(forbund_url(forbund), {"fran": "igår"})
    assert svar.status_code == 400
    assert felen(svar) == {"fran": ["Ange datumet som ÅÅÅÅ-MM-DD, till exempel 2024-08-31."]}
    tom = personlig_klient(chef).get(forbund_url(forbund), {"till": "2024-08-31"}).json()
    assert (tom["fran"], tom["till"], tom["insatser"]) == ("2024-01-01", "2024-08-31", [])


def test_ett_kon_per_person_i_forbundet(forbund, insats, partklient):
    # Three kvinnor in the förbund: shown; a single annat: hidden with the totalt.
    for _ in range(3):
        inskriv(insats, kon=Kon.KVINNA, start=D(2024, 1, 1))
    inskriv(insats, kon=Kon.ANNAT, start=D(2024, 1, 1))
    data = partklient.get(forbund_url(forbund), PERIOD).json()
    assert data["deltagare"]["aktiva"] == K(3, 0, None, None)
