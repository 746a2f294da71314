"""`parter/`: every member reads its förbund's parter, the förbundschef adds them."""

from finsam.kodlistor import Parttyp, Roll
from finsam.models import Part
from tests.factories import PartFactory, anvandare_med_roll
from tests.hjalp.api import felen, personlig_klient

URL = "/api/v1/parter/"


def namn(svar) -> list[str]:
    assert svar.status_code == 200
    return [rad["namn"] for rad in svar.json()["results"]]


def ny_part(forbund, **falt) -> dict:
    return {"forbund": forbund.pk, "namn": "Försäkringskassan", "typ": "forsakringskassan", **falt}


def test_lista_visar_bara_forbundets_parter(
    part, annan_part, chef, samordnare, utomstaende, partklient
):
    assert namn(personlig_klient(chef).get(URL)) == ["Västerås stad"]
    assert namn(personlig_klient(samordnare).get(URL)) == ["Västerås stad"]
    assert namn(partklient.get(URL)) == ["Västerås stad"]
    assert namn(personlig_klient(utomstaende).get(URL)) == ["Sala kommun"]


def test_detalj_i_annat_forbund_ger_404(part, annan_part, chef):
    klient = personlig_klient(chef)
    assert klient.get(f"{URL}{part.pk}/").json() == {
        "id": part.pk,
        "forbund": part.forbund_id,
        "namn": "Västerås stad",
        "typ": "kommun",
        "kommunkod": "1980",
    }
    assert klient.get(f"{URL}{annan_part.pk}/").status_code == 404


def test_filter_forbund_och_typ(forbund, annat_forbund, part, annan_part):
    user = anvandare_med_roll(Roll.STYRELSE, forbund, username="dubbel")
    anvandare_med_roll(Roll.STYRELSE, annat_forbund, username="dubbel")
    PartFactory(forbund=forbund, namn="Arbetsförmedlingen", typ=Parttyp.ARBETSFORMEDLINGEN)
    klient = personlig_klient(user)
    assert sorted(namn(klient.get(URL))) == ["Arbetsförmedlingen", "Sala kommun", "Västerås stad"]
    assert namn(klient.get(URL, {"forbund": annat_forbund.pk})) == ["Sala kommun"]
    assert namn(klient.get(URL, {"forbund": forbund.pk, "typ": "kommun"})) == ["Västerås stad"]
    assert namn(klient.get(URL, {"typ": "arbetsformedlingen"})) == ["Arbetsförmedlingen"]


def test_filter_pa_annat_forbund_avslojar_inget(part, annan_part, chef, annat_forbund):
    # Another förbund's id and an id that does not exist answer alike.
    klient = personlig_klient(chef)
    assert namn(klient.get(URL, {"forbund": annat_forbund.pk})) == []
    assert namn(klient.get(URL, {"forbund": annat_forbund.pk + 100})) == []


def test_forbundschef_skapar_part(forbund, chef):
    svar = personlig_klient(chef).post(URL, ny_part(forbund), format="json")
    assert svar.status_code == 201
    part = Part.objects.get(pk=svar.json()["id"])
    assert (part.forbund, part.typ, part.kommunkod) == (forbund, "forsakringskassan", "")


def test_kollega_utan_roll_nekas(forbund, samordnare, styrelse):
    for user in (samordnare, styrelse):
        svar = personlig_klient(user).post(URL, ny_part(forbund), format="json")
        assert svar.status_code == 403
        assert felen(svar) == {"detail": "Endast förbundschefen får göra detta."}
    assert not Part.objects.exists()


def test_utomstaende_far_forbundet_som_okant(forbund, utomstaende):
    svar = personlig_klient(utomstaende).post(URL, ny_part(forbund), format="json")
    assert svar.status_code == 400
    assert felen(svar) == {"forbund": [f'Ogiltigt pk "{forbund.pk}" - Objektet finns inte.']}
    assert not Part.objects.exists()


def test_kommun_utan_kommunkod_ger_svenskt_fel(forbund, chef):
    svar = personlig_klient(chef).post(
        URL, ny_part(forbund, namn="Sala kommun", typ="kommun"), format="json"
    )
    assert svar.status_code == 400
    assert felen(svar) == {
        "non_field_errors": [
            "En kommun ska ha en kommunkod med fyra siffror; andra parter har ingen."
        ]
    }


def test_dubblett_ger_modellens_meddelande(part, chef, forbund):
    svar = personlig_klient(chef).post(URL, ny_part(forbund, namn="Västerås stad"), format="json")
    assert svar.status_code == 400
    assert felen(svar) == {"non_field_errors": ["Förbundet har redan en part med det namnet."]}
