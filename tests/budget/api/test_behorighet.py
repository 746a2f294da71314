"""Who reaches each budget endpoint, by every method: the förbundschef, the colleagues
without the role (styrelse, samordnare, the förbund's part key) and the outsiders (the
förbundschef and a part key of another förbund)."""

import pytest

from budget.models import Budgetar, Budgetrad, Utfall
from tests.budget.api.hjalp import budget_url
from tests.hjalp.api import felen

pytestmark = pytest.mark.django_db

KOLLEGOR = ("styrelse", "samordnare")
I_FORBUNDET = ("chef", *KOLLEGOR, "partklient")
UTANFOR = ("utomstaende", "annan_partklient")
HITTADES_INTE = {"detail": "Hittades inte."}
LASRATT = {"detail": "En partnyckel ger endast läsrätt."}
CHEFENS = {"detail": "Endast förbundschefen får se och ändra budgetens rader och utfall."}


@pytest.fixture
def skrivningar(forbund, budget, teamrad) -> dict[str, dict]:
    """A valid body for each POST, by the endpoint's part of the path."""
    return {
        "": {"forbund": forbund.pk, "ar": 2025, "eget_kapital_ingaende": 0, "intakter": []},
        "rader": {"kategori": "styrelsen", "namn": "Arvoden", "budget": 70_000},
        "utfall": {"rad": teamrad.pk, "datum": "2024-05-31", "belopp": 1_000},
    }


def antal_rader() -> tuple[int, int, int]:
    return Budgetar.objects.count(), Budgetrad.objects.count(), Utfall.objects.count()


class TestBudgetenOchSammanstallningen:
    @pytest.mark.parametrize("vem", I_FORBUNDET)
    def test_alla_i_forbundet_laser(self, klient_for, vem, forbund, budget):
        klient = klient_for(vem)
        lista = klient.get(budget_url())
        assert lista.status_code == 200
        assert [b["id"] for b in lista.json()["results"]] == [budget.pk]
        detalj = klient.get(budget_url(budget))
        assert (detalj.status_code, detalj.json()["ar"]) == (200, 2024)
        sammanstallning = klient.get(budget_url(budget, "sammanstallning"))
        assert sammanstallning.status_code == 200
        assert (sammanstallning.json()["forbund"], sammanstallning.json()["ar"]) == (
            forbund.pk,
            2024,
        )

    @pytest.mark.parametrize("vem", UTANFOR)
    def test_utanfor_forbundet_finns_budgeten_inte(self, klient_for, vem, budget):
        klient = klient_for(vem)
        lista = klient.get(budget_url())
        assert (lista.status_code, lista.json()["results"]) == (200, [])
        for del_ in ("", "sammanstallning"):
            svar = klient.get(budget_url(budget, del_))
            assert (svar.status_code, felen(svar)) == (404, HITTADES_INTE)

    def test_forbundschefen_skapar(self, klient_for, skrivningar):
        svar = klient_for("chef").post(budget_url(), skrivningar[""], format="json")
        assert svar.status_code == 201, svar.json()
        assert Budgetar.objects.filter(ar=2025).exists()

    @pytest.mark.parametrize(
        ("vem", "status", "fel"),
        [
            ("styrelse", 403, {"detail": "Endast förbundschefen får göra detta."}),
            ("samordnare", 403, {"detail": "Endast förbundschefen får göra detta."}),
            ("partklient", 403, LASRATT),
            ("annan_partklient", 403, LASRATT),
        ],
    )
    def test_andra_skapar_inte(self, klient_for, skrivningar, vem, status, fel):
        fore = antal_rader()
        svar = klient_for(vem).post(budget_url(), skrivningar[""], format="json")
        assert (svar.status_code, felen(svar)) == (status, fel)
        assert antal_rader() == fore

    def test_utomstaende_far_forbundet_som_okant(self, klient_for, forbund, skrivningar):
        svar = klient_for("utomstaende").post(budget_url(), skrivningar[""], format="json")
        assert svar.status_code == 400
        assert felen(svar) == {"forbund": [f'Ogiltigt pk "{forbund.pk}" - Objektet finns inte.']}
        assert not Budgetar.objects.filter(ar=2025).exists()

    @pytest.mark.parametrize("vem", ("chef", "partklient"))
    def test_sammanstallningen_tar_bara_get(self, klient_for, vem, budget):
        svar = klient_for(vem).post(budget_url(budget, "sammanstallning"), {}, format="json")
        assert svar.status_code == (405 if vem == "chef" else 403)

    def test_budgetaret_andras_inte_har(self, klient_for, budget):
        klient = klient_for("chef")
        for metod in (klient.put, klient.patch, klient.delete):
            assert metod(budget_url(budget), {"ar": 2023}, format="json").status_code == 405
        budget.refresh_from_db()
        assert budget.ar == 2024


@pytest.mark.parametrize("del_", ["rader", "utfall"])
class TestRaderOchUtfall:
    def test_forbundschefen_laser_och_skriver(self, klient_for, budget, skrivningar, del_):
        klient = klient_for("chef")
        fore = len(klient.get(budget_url(budget, del_)).json())
        svar = klient.post(budget_url(budget, del_), skrivningar[del_], format="json")
        assert svar.status_code == 201, svar.json()
        lista = klient.get(budget_url(budget, del_))
        assert lista.status_code == 200
        assert [r["id"] for r in lista.json()][fore:] == [svar.json()["id"]]

    @pytest.mark.parametrize("vem", KOLLEGOR)
    def test_kollegor_som_ser_budgeten_nekas(self, klient_for, budget, skrivningar, vem, del_):
        klient = klient_for(vem)
        fore = antal_rader()
        las = klient.get(budget_url(budget, del_))
        assert (las.status_code, felen(las)) == (403, CHEFENS)
        svar = klient.post(budget_url(budget, del_), skrivningar[del_], format="json")
        assert (svar.status_code, felen(svar)) == (403, CHEFENS)
        assert antal_rader() == fore

    def test_partnyckeln_nekas(self, partklient, budget, skrivningar, del_):
        fore = antal_rader()
        las = partklient.get(budget_url(budget, del_))
        assert (las.status_code, felen(las)) == (403, CHEFENS)
        svar = partklient.post(budget_url(budget, del_), skrivningar[del_], format="json")
        assert (svar.status_code, felen(svar)) == (403, LASRATT)
        assert antal_rader() == fore

    def test_utomstaende_far_404(self, klient_for, budget, skrivningar, del_):
        klient = klient_for("utomstaende")
        fore = antal_rader()
        for svar in (
            klient.get(budget_url(budget, del_)),
            klient.post(budget_url(budget, del_), skrivningar[del_], format="json"),
        ):
            assert (svar.status_code, felen(svar)) == (404, HITTADES_INTE)
        # Another förbund's key hears that it reads only, before any budget is looked up.
        annan = klient_for("annan_partklient")
        assert felen(annan.get(budget_url(budget, del_))) == HITTADES_INTE
        assert felen(annan.post(budget_url(budget, del_), {}, format="json")) == LASRATT
        assert antal_rader() == fore
