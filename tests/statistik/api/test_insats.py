"""`insatser/{id}/statistik/`: every role of the förbund, part keys and other teams masked."""

import datetime

import pytest
from django.utils import timezone
from rest_framework.test import APIClient

from finsam.kodlistor import Kon, Roll
from statistik.berakning import insats_statistik
from tests.factories import InsatsFactory, anvandare_med_roll
from tests.hjalp.api import felen, personlig_klient
from tests.statistik.api.hjalp import DOLD_ANDEL, FRAN, PERIOD, TILL, antal, bara_dolt, insats_url
from tests.statistik.bygg import A, D, E, inskriv

DATUMFEL = "Ange datumet som ÅÅÅÅ-MM-DD, till exempel 2024-08-31."
NOLL = {"kvinnor": 0, "man": 0, "annat": 0, "totalt": 0}


def K(kvinnor, man, annat, totalt) -> dict:
    return {"kvinnor": kvinnor, "man": man, "annat": annat, "totalt": totalt}


class TestVemSer:
    def test_varje_roll_far_motorns_siffror(
        self, statistikdata, chef, samordnare, styrelse, samordnare_annan_insats, partklient
    ):
        # One source of truth: the answer is the engine's object, unmasked.
        vantat = insats_statistik(insats=statistikdata, fran=FRAN, till=TILL).som_dict()
        for user in (chef, samordnare, styrelse):
            svar = personlig_klient(user).get(insats_url(statistikdata), PERIOD)
            assert svar.status_code == 200, user
            assert svar.json() == vantat
        assert vantat["deltagare"]["nya"] == K(0, 1, 0, 1)
        # Another team's samordnare sees the insats only as a part key does (issue 11 §5).
        svar = personlig_klient(samordnare_annan_insats).get(insats_url(statistikdata), PERIOD)
        assert svar.status_code == 200
        assert svar.json() == partklient.get(insats_url(statistikdata), PERIOD).json()
        assert svar.json()["deltagare"]["nya"] == K(0, None, 0, None)

    def test_samordnare_ser_delinsatsen_omaskerad_och_den_overordnade_maskerad(
        self, forbund, statistikdata
    ):
        delinsats = InsatsFactory(
            forbund=forbund, namn="Förrehabilitering", overordnad=statistikdata
        )
        klient = personlig_klient(
            anvandare_med_roll(Roll.SAMORDNARE, forbund, delinsats, username="del")
        )
        eget = klient.get(insats_url(delinsats), PERIOD).json()
        assert eget == insats_statistik(insats=delinsats, fran=FRAN, till=TILL).som_dict()
        overordnad = klient.get(insats_url(statistikdata), PERIOD).json()
        assert overordnad["deltagare"]["nya"] == K(0, None, 0, None)

    def test_annat_forbund_och_admin_utan_roll_far_404(
        self, statistikdata, utomstaende, annan_partklient, admin
    ):
        for klient in (
            personlig_klient(utomstaende),
            annan_partklient,
            personlig_klient(admin),
        ):
            svar = klient.get(insats_url(statistikdata), PERIOD)
            assert svar.status_code == 404
            assert felen(svar) == {"detail": "Hittades inte."}

    def test_utan_nyckel_401(self, statistikdata):
        svar = APIClient().get(insats_url(statistikdata), PERIOD)
        assert svar.status_code == 401

    def test_404_fore_felaktig_fraga(self, statistikdata, utomstaende):
        # Outside reach, a bad query says nothing either.
        svar = personlig_klient(utomstaende).get(insats_url(statistikdata), {"fran": "x"})
        assert svar.status_code == 404

    def test_skriva_gar_inte(self, statistikdata, chef, partklient):
        assert personlig_klient(chef).post(insats_url(statistikdata)).status_code == 405
        assert partklient.post(insats_url(statistikdata)).status_code == 403


class TestPartnyckel:
    def test_sma_antal_och_det_som_bygger_pa_dem_ar_null(self, statistikdata, partklient):
        svar = partklient.get(insats_url(statistikdata), PERIOD)
        assert svar.status_code == 200
        data = svar.json()
        assert data["deltagare"] == {
            "aktiva": K(5, 5, 0, 10),
            "nya": K(0, None, 0, None),  # a cell of 1, and the totalt that equals it
            "avslutade": K(None, 4, 0, None),  # a cell of 2
            "anonyma": K(None, 5, 0, None),
            # 6 kvinnor inklusive anonyma less the 5 aktiva would give the 1 anonym.
            "aktiva_inklusive_anonyma": K(None, 10, 0, None),
        }
        assert data["avslutsorsak"]["arbete"] == K(None, 0, 0, None)
        assert data["avslutsorsak"]["ohalsa"] == K(0, 4, 0, 4)
        assert data["aldersgrupp"]["30-44"] == K(5, 5, 0, 10)
        assert data["aldersgrupp"]["-29"] == NOLL
        # 2 of 6 to arbete: the antal is 2, so the share is hidden too.
        assert data["till_arbete_eller_studier"] == DOLD_ANDEL
        # 3 of 3, all kvinnor: no kön is between 1 and 2, so the split is shown.
        assert data["stegforflyttning"] == A(3, 3, 100, kvinnor=(3, 3, 100))
        assert data["effekt_6_manader"] == E(0, 0, None)
        # The avslutade's totalt is hidden (a cell of 2), so is every orsak's share of it:
        # 4 ohälsa of a shown 6 would give the hidden 2 back.
        assert data["avslutsorsak_andel"]["arbete"] is None
        assert data["avslutsorsak_andel"]["ohalsa"] is None
        assert data["tid_i_insats"]["grupper"]["13-"] == K(None, 4, 0, None)

    def test_inget_antal_fran_1_till_2_och_resten_som_for_medlemmar(
        self, statistikdata, partklient, chef
    ):
        maskerat = partklient.get(insats_url(statistikdata), PERIOD).json()
        omaskerat = personlig_klient(chef).get(insats_url(statistikdata), PERIOD).json()
        bara_dolt(maskerat, omaskerat)
        assert [vag for vag, n in antal(maskerat) if n in (1, 2)] == []
        # The median and beläggning of 6 avslutade and 10 aktiva are shown.
        assert maskerat["tid_i_insats"] == {
            **omaskerat["tid_i_insats"],
            "grupper": maskerat["tid_i_insats"]["grupper"],
        }
        assert maskerat["tid_i_insats"]["median_manader"] is not None
        assert maskerat["belaggning"] == omaskerat["belaggning"]

    def test_forbundets_min_cell_galler(self, statistikdata, forbund, partklient, chef):
        forbund.min_cell = 1
        forbund.save()
        maskerat = partklient.get(insats_url(statistikdata), PERIOD).json()
        assert maskerat == personlig_klient(chef).get(insats_url(statistikdata), PERIOD).json()
        forbund.min_cell = 5
        forbund.save()
        data = partklient.get(insats_url(statistikdata), PERIOD).json()
        assert data["deltagare"]["aktiva"] == K(5, 5, 0, 10)  # 5 is not below 5
        assert data["stegforflyttning"] == DOLD_ANDEL  # 3 of 3

    def test_median_och_belaggning_for_fa_personer_ar_null(self, forbund, partklient, chef):
        # One person, active 2024-01-01 – 2024-03-31: the median would be their own time.
        liten = InsatsFactory(forbund=forbund, namn="Liten", arsplatser=1)
        inskriv(liten, kon=Kon.MAN, start=D(2024, 1, 1), slut=D(2024, 3, 31), orsak="arbete")
        omaskerat = personlig_klient(chef).get(insats_url(liten), PERIOD).json()
        assert omaskerat["tid_i_insats"]["median_manader"] == 3.0
        assert omaskerat["belaggning"] == {"andel": 25}  # 91 of 366 days
        maskerat = partklient.get(insats_url(liten), PERIOD).json()
        assert maskerat["tid_i_insats"]["median_manader"] is None
        assert maskerat["tid_i_insats"]["grupper"]["0-3"] == K(0, None, 0, None)
        assert maskerat["belaggning"] == {"andel": None}
        bara_dolt(maskerat, omaskerat)


class TestFragan:
    def test_standard_ar_i_ar_till_i_dag_och_aktiva(self, statistikdata, chef):
        idag = timezone.localdate()
        data = personlig_klient(chef).get(insats_url(statistikdata)).json()
        assert (data["fran"], data["till"], data["urval"]) == (
            datetime.date(idag.year, 1, 1).isoformat(),
            idag.isoformat(),
            "aktiva",
        )
        # `?fran=&till=` as API.md writes it: empty means "not given".
        tomma = personlig_klient(chef).get(f"{insats_url(statistikdata)}?fran=&till=&urval=")
        assert tomma.json() == data

    def test_bara_till_ger_det_arets_borjan(self, statistikdata, chef):
        data = personlig_klient(chef).get(insats_url(statistikdata), {"till": "2024-08-31"})
        assert (data.json()["fran"], data.json()["till"]) == ("2024-01-01", "2024-08-31")

    @pytest.mark.parametrize("urval", ["nya", "avslutade"])
    def test_urval(self, statistikdata, chef, urval):
        svar = personlig_klient(chef).get(insats_url(statistikdata), {**PERIOD, "urval": urval})
        vantat = insats_statistik(insats=statistikdata, fran=FRAN, till=TILL, urval=urval)
        assert svar.json() == vantat.som_dict()
        assert svar.json()["urval"] == urval

    @pytest.mark.parametrize(
        ("fraga", "fel"),
        [
            ({"fran": "2024-13-01"}, {"fran": [DATUMFEL]}),
            ({"till": "31/8 2024"}, {"till": [DATUMFEL]}),
            ({"urval": "alla"}, {"urval": ["Välj urval aktiva, nya eller avslutade."]}),
            (
                {"fran": "2024-09-01", "till": "2024-08-31"},
                {"till": ["Periodens slut kan inte vara före dess början."]},
            ),
        ],
    )
    def test_felaktig_fraga_ger_400_pa_svenska(self, statistikdata, chef, partklient, fraga, fel):
        for klient in (personlig_klient(chef), partklient):
            svar = klient.get(insats_url(statistikdata), fraga)
            assert svar.status_code == 400
            assert felen(svar) == fel
