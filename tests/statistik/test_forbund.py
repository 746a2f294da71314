"""Seed 004's Arbetsrehabteamet, delinsatser rolled up, unique persons, anonyma, rounding."""

from datetime import timedelta

import pytest

from finsam.avrundning import procent
from finsam.kodlistor import Inriktning, Kon
from statistik.berakning import forbund_nyckeltal, forbund_statistik, insats_statistik
from statistik.maskering import maskera
from tests.factories import InsatsFactory
from tests.statistik.bygg import A, D, K, anonyma, deltagare, inskriv

# Seed 004: Arbetsrehabteamet – arbetslivsinriktad rehabilitering, januari–augusti 2020.
FRAN_2020, TILL_2020 = D(2020, 1, 1), D(2020, 8, 31)


@pytest.fixture
def arbetsrehabteamet(forbund):
    """The 12 avslutade of seed 004 in the delinsats, plus one still active (the 1 ny).

    Avslutade: 6 kvinnor, 6 män; orsak 3 arbete, 1 studier, 3 fortsatt
    rehabilitering, 5 ohälsa; ålder 1 up to 29, 4 30–44, 7 45–59.
    """
    rot = InsatsFactory(forbund=forbund, namn="Arbetsrehabteamet")
    forrehab = InsatsFactory(forbund=forbund, namn="Förrehabilitering", overordnad=rot)
    rehab = InsatsFactory(
        forbund=forbund, namn="Arbetslivsinriktad rehabilitering", overordnad=rot, arsplatser=50
    )
    orsaker = ["arbete"] * 3 + ["studier"] + ["fortsatt_rehabilitering"] * 3 + ["ohalsa"] * 5
    # Start 2019-06-01: ages 2019 − födelseår.
    fodd = [1995] + [1980] * 4 + [1965] * 7  # 24 | 39 ×4 | 54 ×7
    for i, (orsak, fodelsear) in enumerate(zip(orsaker, fodd, strict=True)):
        inskriv(
            rehab,
            kon=Kon.KVINNA if i % 2 == 0 else Kon.MAN,
            fodelsear=fodelsear,
            start=D(2019, 6, 1),
            slut=D(2020, 3, 1 + i),
            orsak=orsak,
        )
    inskriv(rehab, kon=Kon.KVINNA, start=D(2020, 4, 1))
    anonyma(rehab, 2020, man=1)
    return rot, forrehab, rehab


def test_seed_004_till_arbete_eller_studier(arbetsrehabteamet):
    rot, _forrehab, rehab = arbetsrehabteamet
    for insats in (rot, rehab):  # the parent includes its delinsats
        s = insats_statistik(insats=insats, fran=FRAN_2020, till=TILL_2020).som_dict()
        # 3 arbete + 1 studier of 12 avslutade = 33,3 % → 33.
        assert s["till_arbete_eller_studier"] == A(4, 12, 33, kvinnor=(2, 6, 33), man=(2, 6, 33))
        assert s["deltagare"]["avslutade"] == K(6, 6)
        assert s["deltagare"]["aktiva"] == K(7, 6)
        assert s["deltagare"]["nya"] == K(1)
        assert s["deltagare"]["anonyma"] == K(man=1)
        assert s["avslutsorsak"]["ohalsa"]["totalt"] == 5
        assert s["avslutsorsak"]["fortsatt_rehabilitering"]["totalt"] == 3


def test_delinsats_for_sig_och_syskon_raknas_inte(arbetsrehabteamet, forbund):
    rot, forrehab, rehab = arbetsrehabteamet
    inskriv(forrehab, kon=Kon.MAN, start=D(2020, 2, 1), slut=D(2020, 5, 1), orsak="arbete")
    assert (
        insats_statistik(insats=forrehab, fran=FRAN_2020, till=TILL_2020).deltagare.aktiva.totalt
        == 1
    )
    assert (
        insats_statistik(insats=rehab, fran=FRAN_2020, till=TILL_2020).deltagare.aktiva.totalt == 13
    )
    rot_stat = insats_statistik(insats=rot, fran=FRAN_2020, till=TILL_2020)
    assert rot_stat.deltagare.aktiva.totalt == 14
    # 5 of 13 avslutade = 38,46 % → 38.
    assert rot_stat.till_arbete_eller_studier.andel == 38
    # The förbund lists the rot only, with the delinsatser in it.
    f = forbund_statistik(forbund=forbund, fran=FRAN_2020, till=TILL_2020)
    assert [(s.namn, s.deltagare.aktiva.totalt) for s in f.insatser] == [("Arbetsrehabteamet", 14)]


def test_forbund_raknar_unika_personer(forbund, insats, annan_insats, annat_forbund):
    fran, till = D(2024, 1, 1), D(2024, 12, 31)
    person = deltagare(forbund, Kon.MAN)
    # One man in two insatser, and twice in the same insats (re-enrolled).
    inskriv(insats, person=person, start=D(2024, 1, 10), slut=D(2024, 2, 1))
    inskriv(insats, person=person, start=D(2024, 3, 1))
    inskriv(annan_insats, person=person, start=D(2024, 5, 1), slut=D(2024, 9, 1))
    inskriv(annan_insats, kon=Kon.KVINNA, start=D(2023, 5, 1))
    # A struktur insats is not listed; another förbund's deltagare do not count.
    InsatsFactory(forbund=forbund, namn="ASF-stöd", inriktning=Inriktning.STRUKTUR)
    inskriv(InsatsFactory(forbund=annat_forbund), kon=Kon.ANNAT, start=D(2024, 1, 1))
    anonyma(insats, 2024, kvinnor=3)
    anonyma(annan_insats, 2024, annat=2)

    f = forbund_statistik(forbund=forbund, fran=fran, till=till)
    d = f.som_dict()["deltagare"]
    assert d["aktiva"] == K(1, 1)  # the man once, the woman once
    assert d["nya"] == K(man=1)
    assert d["avslutade"] == K(man=1)
    assert d["anonyma"] == K(3, 0, 2)
    assert d["aktiva_inklusive_anonyma"] == K(4, 1, 2)
    # Per insats: inskrivningar.
    per_insats = {s["namn"]: s for s in f.som_dict()["insatser"]}
    assert list(per_insats) == ["ALL-IN", "Samordningsteam"]
    assert per_insats["Samordningsteam"]["deltagare"]["aktiva"] == K(man=2)
    assert per_insats["Samordningsteam"]["insats"] == insats.pk
    assert per_insats["ALL-IN"]["deltagare"]["aktiva"] == K(1, 1)
    assert f.som_dict()["forbund"] == forbund.pk


def test_forbundets_resultat_summeras_over_insatsernas_inskrivningar(forbund, insats, annan_insats):
    fran, till = D(2024, 1, 1), D(2024, 12, 31)
    steg_upp = ((D(2024, 1, 5), "start", 2), (D(2024, 3, 1), "avslut", 4))
    steg_kvar = ((D(2024, 1, 5), "start", 3), (D(2024, 3, 1), "avslut", 3))
    person = deltagare(forbund, Kon.MAN)
    # Samordningsteam: 3 avslutade (arbete, studier, ohälsa), 2 of 3 moved up.
    inskriv(insats, person=person, start=D(2024, 1, 5), slut=D(2024, 3, 1), orsak="arbete",
            bedomningar=steg_upp)  # fmt: skip
    inskriv(insats, kon=Kon.KVINNA, start=D(2024, 1, 5), slut=D(2024, 3, 1), orsak="studier",
            bedomningar=steg_upp)  # fmt: skip
    inskriv(insats, kon=Kon.KVINNA, start=D(2024, 1, 5), slut=D(2024, 3, 1), orsak="ohalsa",
            bedomningar=steg_kvar)  # fmt: skip
    # ALL-IN: the same man again (counts again: a result is an inskrivning's), to arbete med
    # stöd and moved up; one kvinna ohälsa, no bedömningar.
    inskriv(annan_insats, person=person, start=D(2024, 4, 1), slut=D(2024, 6, 1),
            orsak="arbete_med_stod", bedomningar=((D(2024, 4, 1), "start", 1),
                                                  (D(2024, 6, 1), "avslut", 2)))  # fmt: skip
    inskriv(annan_insats, kon=Kon.KVINNA, start=D(2024, 4, 1), slut=D(2024, 6, 1), orsak="ohalsa")

    f = forbund_statistik(forbund=forbund, fran=fran, till=till)
    # 3 of 5 avslutade inskrivningar (arbete, studier, arbete med stöd) = 60 %;
    # kvinnor 1 of 3 = 33 %, män 2 of 2 = 100 %.
    assert f.som_dict()["till_arbete_eller_studier"] == A(
        3, 5, 60, kvinnor=(1, 3, 33), man=(2, 2, 100)
    )
    # Stegförflyttning: 3 of the 4 with two bedömningar (the ALL-IN kvinna has none).
    assert f.som_dict()["stegforflyttning"] == A(3, 4, 75, kvinnor=(1, 2, 50), man=(2, 2, 100))
    # The unique persons are not the inskrivningar: the man once among 4 persons.
    assert f.deltagare.avslutade.totalt == 4
    # The dashboard's yardsticks for a period count exactly the same.
    n = forbund_nyckeltal(forbund=forbund, fran=fran, till=till)
    assert n.till_arbete_eller_studier.som_dict() == f.som_dict()["till_arbete_eller_studier"]
    assert n.stegforflyttning.som_dict() == f.som_dict()["stegforflyttning"]
    assert n.deltagare.som_dict() == f.deltagare.som_dict()

    # For a part key: ALL-IN's 1 of 2 is hidden, so is the förbund's 3 of 5
    # (less Samordningsteam's shown 2 of 3, it would give 1 of 2 back).
    maskerad = maskera(f, 3)
    assert maskerad.insatser[0].namn == "ALL-IN"
    assert maskerad.insatser[0].till_arbete_eller_studier.andel is None
    assert maskerad.till_arbete_eller_studier.andel is None
    assert maskerad.stegforflyttning.andel is None


def test_anonyma_for_aren_perioden_beror(insats):
    anonyma(insats, 2022, kvinnor=7)
    anonyma(insats, 2023, kvinnor=1, man=2)
    anonyma(insats, 2024, annat=3)
    anonyma(insats, 2025, man=9)
    inskriv(insats, kon=Kon.KVINNA, start=D(2023, 9, 1))
    # 2023-07-01 – 2024-06-30 touches 2023 and 2024.
    s = insats_statistik(insats=insats, fran=D(2023, 7, 1), till=D(2024, 6, 30))
    assert s.deltagare.anonyma.som_dict() == K(1, 2, 3)
    assert s.deltagare.aktiva.som_dict() == K(1)
    assert s.deltagare.aktiva_inklusive_anonyma.som_dict() == K(2, 2, 3)
    # Anonyma never enter breakdowns that need more than kön.
    assert sum(k.totalt for k in s.aldersgrupp.values()) == 1


def test_felregistrering_raknas_ingenstans(forbund, insats):
    inskriv(
        insats, kon=Kon.KVINNA, start=D(2024, 2, 1), slut=D(2024, 3, 1), orsak="felregistrering",
        vid_start=("lon",), vid_avslut=("lon",),
        bedomningar=(
            (D(2024, 2, 1), "start", 1), (D(2024, 3, 1), "avslut", 4),
            (D(2024, 6, 1), "uppfoljning_6", 6),
        ),
    )  # fmt: skip
    s = insats_statistik(insats=insats, fran=D(2024, 1, 1), till=D(2024, 12, 31)).som_dict()
    for block in ("aktiva", "nya", "avslutade"):
        assert s["deltagare"][block] == K()
    tabeller = ("aldersgrupp", "utbildningsniva", "forsorjning_vid_start", "avslutsorsak")
    for namn in (*tabeller, "forsorjning_vid_avslut"):
        assert all(k == K() for k in s[namn].values()), namn
    for andel in ("stegforflyttning", "effekt_6_manader", "till_arbete_eller_studier"):
        assert s[andel]["av"] == 0
    assert s["tid_i_insats"]["median_manader"] is None
    assert s["belaggning"]["andel"] == 0
    f = forbund_statistik(forbund=forbund, fran=D(2024, 1, 1), till=D(2024, 12, 31))
    assert f.deltagare.aktiva.totalt == 0


def test_periodens_granser(insats):
    fran, till = D(2024, 3, 1), D(2024, 3, 31)
    inskriv(insats, kon=Kon.KVINNA, start=D(2024, 3, 31))  # start on till: aktiv, ny
    inskriv(insats, kon=Kon.MAN, start=D(2024, 1, 1), slut=D(2024, 3, 1))  # slut on från
    inskriv(insats, kon=Kon.ANNAT, start=D(2024, 4, 1))  # the day after till: nothing
    inskriv(insats, kon=Kon.ANNAT, start=D(2024, 1, 1), slut=D(2024, 2, 29))  # day before från
    d = insats_statistik(insats=insats, fran=fran, till=till).deltagare
    assert d.aktiva.som_dict() == K(1, 1)
    assert d.nya.som_dict() == K(1)
    assert d.avslutade.som_dict() == K(man=1)


def test_alder_vid_start_fran_fodelsear(insats):
    # Age = startår − födelseår: 29 and 30, 44 and 45, 59 and 60.
    for fodelsear in (1995, 1994, 1980, 1979, 1965, 1964):
        inskriv(insats, fodelsear=fodelsear, start=D(2024, 1, 1))
    s = insats_statistik(insats=insats, fran=D(2024, 1, 1), till=D(2024, 1, 1))
    assert {k: v.totalt for k, v in s.aldersgrupp.items()} == {
        "-29": 1, "30-44": 2, "45-59": 2, "60-": 1,
    }  # fmt: skip


def test_avrundning_halvt_uppat(insats):
    assert procent(1, 8) == 13  # 12,5: Python's round() would give 12
    assert procent(1, 40) == 3  # 2,5
    assert procent(2, 3) == 67
    assert procent(0, 0) is None
    # 1 to arbete of 8 avslutade = 12,5 % → 13.
    for i in range(8):
        inskriv(
            insats, start=D(2024, 1, 1), slut=D(2024, 2, 1 + i), orsak="arbete" if i else "ohalsa"
        )
    s = insats_statistik(insats=insats, fran=D(2024, 1, 1), till=D(2024, 12, 31))
    assert s.till_arbete_eller_studier.som_dict() == A(7, 8, 88, kvinnor=(7, 8, 88))  # 87,5
    # 1 ohalsa of 8 = 12,5 % → 13 (half up); 7 arbete of 8 = 87,5 % → 88.
    assert s.avslutsorsak_andel["ohalsa"] == 13
    assert s.avslutsorsak_andel["arbete"] == 88


def test_tid_i_insats_gransdagar_och_jamn_median(insats):
    # Months rounded half up: 106 d = 3,48 → 3; 107 d = 3,52 → 4; 197 d = 6,47 → 6;
    # 198 d = 6,51 → 7; 380 d = 12,48 → 12; 381 d = 12,52 → 13.
    start = D(2023, 1, 1)
    for dagar in (106, 107, 197, 198, 380, 381):
        inskriv(insats, start=start, slut=start + timedelta(days=dagar))
    t = insats_statistik(insats=insats, fran=D(2023, 1, 1), till=D(2024, 12, 31)).tid_i_insats
    assert {k: v.totalt for k, v in t.grupper.items()} == {"0-3": 1, "4-6": 2, "7-12": 2, "13-": 1}
    # Median of six: (197 + 198) / 2 = 197,5 d = 6,488 months → 6,5.
    assert str(t.median_manader) == "6.5"
