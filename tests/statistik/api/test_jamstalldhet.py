"""`insatser/{id}/jamstalldhet/` and `forbund/{id}/jamstalldhet/`: hand-computed figures,
the same objects as the statistics, masking for part keys, reach and the schema.

The data are conftest.py's `statistikdata` (2024): to arbete 2 of 2 avslutade
women and 0 of 4 men; avbrott (ohälsa) 0 of 2 women and 4 of 4 men;
stegförflyttning 3 of 3 women, no man with two bedömningar.
"""

from drf_spectacular.generators import SchemaGenerator
from rest_framework.test import APIClient

from statistik.berakning import insats_statistik
from statistik.jamstalldhet.analys import MATT, insatsens_utfall
from tests.hjalp.api import felen, personlig_klient, samma_nycklar
from tests.statistik.api.hjalp import FRAN, PERIOD, TILL


def _url(objekt, vad="insatser") -> str:
    return f"/api/v1/{vad}/{objekt.pk}/jamstalldhet/"


def _per_matt(svar: dict) -> dict:
    return {rad["matt"]: rad for rad in svar["utfall"]}


def test_chefens_svar_for_hand(statistikdata, chef):
    svar = personlig_klient(chef).get(_url(statistikdata), PERIOD)
    assert svar.status_code == 200
    data = svar.json()
    assert (data["fran"], data["till"]) == ("2024-01-01", "2024-12-31")
    rader = _per_matt(data)
    assert list(rader) == list(MATT)

    # 2 successes among 6, the 2 women: P(k women) = C(2, k) C(4, 2 − k) / C(6, 2) =
    # 6, 8, 1 of 15; only the table seen is as unlikely: p = 1/15 = 0.067.
    arbete = rader["till_arbete_eller_studier"]
    assert arbete["kvinnor"] == {
        "antal": 2,
        "av": 2,
        "andel": 100.0,
        "ki_lag": None,
        "ki_hog": None,
    }
    assert arbete["man"] == {"antal": 0, "av": 4, "andel": 0.0, "ki_lag": None, "ki_hog": None}
    assert arbete["skillnad"]["procentenheter"] == 100.0
    assert (arbete["p_varde"], arbete["sakerstalld"]) == (0.067, False)
    assert arbete["utlatande"].startswith("Skillnaden är inte säkerställd")

    # The mirror image: 4 of 4 men, 0 of 2 women broke off; p = 1/15 again.
    avbrott = rader["avbrott"]
    assert (avbrott["kvinnor"]["andel"], avbrott["man"]["andel"]) == (0.0, 100.0)
    assert avbrott["skillnad"]["procentenheter"] == -100.0 and avbrott["p_varde"] == 0.067

    steg = rader["stegforflyttning"]
    assert (steg["kvinnor"]["antal"], steg["kvinnor"]["av"], steg["man"]["av"]) == (3, 3, 0)
    assert steg["sakerstalld"] is None
    assert steg["utlatande"] == "Går inte att jämföra: underlaget har inga män."

    # No försörjning registered and no kommuner with SCB figures.
    assert data["scb_ar"] is None
    assert {r["andel_kvinnor_deltagare"] for r in data["representation"]} == {None}


def test_samma_objekt_som_statistiken(statistikdata, forbund, chef):
    """The API's rows are the analysis of the engine's object, and with one insats with
    figures the förbund's rows are that insats's."""
    utfall = insatsens_utfall(insats_statistik(insats=statistikdata, fran=FRAN, till=TILL))
    klient = personlig_klient(chef)
    insatsens = _per_matt(klient.get(_url(statistikdata), PERIOD).json())
    forbundets = _per_matt(klient.get(_url(forbund, "forbund"), PERIOD).json())
    for u in utfall:
        j = u.jamforelse
        assert insatsens[u.matt]["p_varde"] == j.p_varde
        assert insatsens[u.matt]["kvinnor"]["andel"] == j.kvinnor.andel
        assert forbundets[u.matt] == insatsens[u.matt]


def test_partnyckeln_far_dolda_rader(statistikdata, partklient):
    rader = _per_matt(partklient.get(_url(statistikdata), PERIOD).json())
    # 2 women avslutade (min_cell 3): the row would give the count back.
    arbete = rader["till_arbete_eller_studier"]
    assert (
        arbete["kvinnor"]
        == arbete["man"]
        == dict.fromkeys(("antal", "av", "andel", "ki_lag", "ki_hog"))
    )
    assert arbete["skillnad"] == dict.fromkeys(("procentenheter", "ki_lag", "ki_hog"))
    assert (arbete["p_varde"], arbete["sakerstalld"], arbete["fler_behovs"]) == (None,) * 3
    assert arbete["utlatande"] == "Visas inte: för få personer för att redovisas."
    # 3 of 3 women moved a step: no count from 1 to 2, so it is shown.
    assert rader["stegforflyttning"]["kvinnor"]["antal"] == 3


def test_utanfor_rackhall_404_och_utan_nyckel_401(
    statistikdata, forbund, utomstaende, annan_partklient
):
    for klient in (personlig_klient(utomstaende), annan_partklient):
        for url in (_url(statistikdata), _url(forbund, "forbund")):
            svar = klient.get(url, PERIOD)
            assert svar.status_code == 404 and felen(svar) == {"detail": "Hittades inte."}
    assert APIClient().get(_url(statistikdata), PERIOD).status_code == 401


def test_felaktig_period_ger_400(statistikdata, chef):
    svar = personlig_klient(chef).get(
        _url(statistikdata), {"fran": "2024-12-31", "till": "2024-01-01"}
    )
    assert svar.status_code == 400


def test_schemat_foljer_svaret(forbund, statistikdata, chef, partklient):
    schema = SchemaGenerator().get_schema(request=None, public=True)
    for url, mall in (
        (_url(statistikdata), "/api/v1/insatser/{id}/jamstalldhet/"),
        (_url(forbund, "forbund"), "/api/v1/forbund/{id}/jamstalldhet/"),
    ):
        svar = schema["paths"][mall]["get"]["responses"]["200"]["content"]["application/json"]
        for klient in (personlig_klient(chef), partklient):
            samma_nycklar(
                svar["schema"],
                klient.get(url, PERIOD).json(),
                schema["components"]["schemas"],
                mall,
            )
