"""Every figure of one small insats, computed by hand (DOMAIN.md §5, API.md).

The period is 2024-01-01 – 2024-06-30: 182 days. The insats has 4 årsplatser.

| | kön | född | start | slut | orsak | ålder | utbildning | tid off. |
|---|---|---|---|---|---|---|---|---|
| A | k | 1990 | 2023-10-01 | 2024-03-31 | arbete | 33 | gymnasium | 1_3 |
| B | m | 1970 | 2024-02-10 | – | | 54 | grundskola | over_9 |
| C | k | 2000 | 2024-06-30 (= till) | – | | 24 | ej_grundskola | ingen |
| D | a | 1960 | 2023-01-01 | 2024-01-01 (= från) | ohalsa | 63 | eftergymn. lång | under_1 |
| E | m | 1985 | 2024-07-01 (day after till) | – | | | | |
| F | k | 1995 | 2023-05-01 | 2023-12-31 (day before från) | annan | | | |
| G | m | 1980 | 2024-03-01 | 2024-04-15 | felregistrering | | | |
| H | m | 1999 | 2024-01-20 | 2024-06-10 | studier | 25 | gymnasium | 3_9 |
| I | k | 1975 | 2024-01-01 | 2024-01-31 | arbete_med_stod | 49 | eftergymn. kort | ingen |
| J | k | 1988 | 2022-03-01 | 2024-05-15 | egen_begaran | 34 | okand | okand |

E, F and G never count (outside the period, felregistrerad).
"""

import json
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from finsam.kodlistor import (
    Avslutsorsak,
    Forsorjningskalla,
    Kon,
    TidIOffentligForsorjning,
    Utbildningsniva,
)
from statistik.berakning import insats_statistik
from tests.statistik.bygg import A, D, E, K, anonyma, inskriv, tabell

FRAN, TILL = D(2024, 1, 1), D(2024, 6, 30)
AVSLUTSORSAKER = [o for o in Avslutsorsak if o != Avslutsorsak.FELREGISTRERING]
KVINNA, MAN, ANNAT = Kon.KVINNA, Kon.MAN, Kon.ANNAT


@pytest.fixture
def liten_insats(insats):
    insats.arsplatser = 4
    insats.save()
    s, lop, avs = "start", "lopande", "avslut"
    u6, u18 = "uppfoljning_6", "uppfoljning_18"
    inskriv(  # A
        insats, kon=KVINNA, fodelsear=1990, start=D(2023, 10, 1), slut=D(2024, 3, 31),
        orsak="arbete", utbildning="gymnasium", tid_off="1_3",
        vid_start=("sjukpenning", "ekonomiskt_bistand"), vid_avslut=("lon",),
        bedomningar=(
            (D(2023, 10, 1), s, 2), (D(2024, 1, 15), lop, 3), (D(2024, 3, 31), avs, 5),
            (D(2024, 9, 30), u6, 6),
        ),
    )  # fmt: skip
    inskriv(  # B: the löpande of 2024-08-01 is after till and does not count
        insats, kon=MAN, fodelsear=1970, start=D(2024, 2, 10),
        utbildning="grundskola", tid_off="over_9", vid_start=("sjukersattning",),
        bedomningar=((D(2024, 2, 10), s, 1), (D(2024, 5, 1), lop, 1), (D(2024, 8, 1), lop, 3)),
    )  # fmt: skip
    inskriv(  # C
        insats, kon=KVINNA, fodelsear=2000, start=D(2024, 6, 30),
        utbildning="ej_grundskola", tid_off="ingen", vid_start=("aktivitetsstod",),
        bedomningar=((D(2024, 6, 30), s, 3),),
    )  # fmt: skip
    inskriv(  # D
        insats, kon=ANNAT, fodelsear=1960, start=D(2023, 1, 1), slut=D(2024, 1, 1),
        orsak="ohalsa", utbildning="eftergymnasial_lang", tid_off="under_1",
        vid_start=("arbetsloshetsersattning",), vid_avslut=("sjukpenning",),
        bedomningar=(
            (D(2023, 1, 1), s, 4), (D(2024, 1, 1), avs, 3),
            (D(2024, 7, 1), u6, 3), (D(2025, 7, 1), u18, 2),
        ),
    )  # fmt: skip
    inskriv(  # E
        insats, kon=MAN, fodelsear=1985, start=D(2024, 7, 1), utbildning="gymnasium",
        vid_start=("lon",), bedomningar=((D(2024, 7, 1), s, 1),),
    )  # fmt: skip
    inskriv(  # F
        insats, kon=KVINNA, fodelsear=1995, start=D(2023, 5, 1), slut=D(2023, 12, 31),
        utbildning="gymnasium", vid_start=("lon",), vid_avslut=("lon",),
        bedomningar=((D(2023, 5, 1), s, 1), (D(2023, 12, 1), lop, 4)),
    )  # fmt: skip
    inskriv(  # G
        insats, kon=MAN, fodelsear=1980, start=D(2024, 3, 1), slut=D(2024, 4, 15),
        orsak="felregistrering", utbildning="gymnasium", vid_start=("sjukpenning",),
        vid_avslut=("lon",),
        bedomningar=(
            (D(2024, 3, 1), s, 1), (D(2024, 4, 1), lop, 5), (D(2024, 4, 15), avs, 6),
            (D(2024, 6, 1), u6, 6),
        ),
    )  # fmt: skip
    inskriv(  # H
        insats, kon=MAN, fodelsear=1999, start=D(2024, 1, 20), slut=D(2024, 6, 10),
        orsak="studier", utbildning="gymnasium", tid_off="3_9",
        vid_start=("aktivitetsstod", "ekonomiskt_bistand"), vid_avslut=("studiemedel",),
        bedomningar=(
            (D(2024, 1, 20), s, 3), (D(2024, 4, 1), lop, 4), (D(2024, 6, 10), avs, 4),
            (D(2024, 12, 10), u6, 3),
        ),
    )  # fmt: skip
    inskriv(  # I
        insats, kon=KVINNA, fodelsear=1975, start=D(2024, 1, 1), slut=D(2024, 1, 31),
        orsak="arbete_med_stod", utbildning="eftergymnasial_kort", tid_off="ingen",
        vid_avslut=("subventionerad_anstallning",),
    )  # fmt: skip
    inskriv(  # J
        insats, kon=KVINNA, fodelsear=1988, start=D(2022, 3, 1), slut=D(2024, 5, 15),
        orsak="egen_begaran", utbildning="okand", tid_off="okand",
        vid_start=("okand",), vid_avslut=("ingen",),
        bedomningar=(
            (D(2022, 3, 1), s, 2), (D(2023, 3, 1), lop, 4), (D(2024, 5, 15), avs, 4),
            (D(2025, 11, 15), u18, 6),
        ),
    )  # fmt: skip
    # Anonyma: only 2024 is touched by the period.
    anonyma(insats, 2023, kvinnor=5)
    anonyma(insats, 2024, kvinnor=2, man=1)
    anonyma(insats, 2025, annat=4)
    return insats


def test_deltagare(liten_insats):
    d = insats_statistik(insats=liten_insats, fran=FRAN, till=TILL).som_dict()["deltagare"]
    # Aktiva: A C I J (k), B H (m), D (a). C starts on till, D ends on från.
    assert d["aktiva"] == K(4, 2, 1)
    # Nya: C I (k; I starts on från, C on till), B H (m).
    assert d["nya"] == K(2, 2, 0)
    # Avslutade: A I J (k), H (m), D (a; slut on från).
    assert d["avslutade"] == K(3, 1, 1)
    # Anonyma of 2024 only; aktiva stays without them.
    assert d["anonyma"] == K(2, 1, 0)
    assert d["aktiva_inklusive_anonyma"] == K(6, 3, 1)


def test_tabeller_over_aktiva(liten_insats):
    s = insats_statistik(insats=liten_insats, fran=FRAN, till=TILL).som_dict()
    # Ålder = startår − födelseår: C 24, H 25 | A 33, J 34 | I 49, B 54 | D 63.
    assert s["aldersgrupp"] == {
        "-29": K(1, 1),
        "30-44": K(2),
        "45-59": K(1, 1),
        "60-": K(annat=1),
    }
    assert s["utbildningsniva"] == tabell(
        Utbildningsniva,
        {
            "ej_grundskola": K(1),  # C
            "grundskola": K(man=1),  # B
            "gymnasium": K(1, 1),  # A, H
            "eftergymnasial_kort": K(1),  # I
            "eftergymnasial_lang": K(annat=1),  # D
            "okand": K(1),  # J
        },
    )
    assert s["tid_i_offentlig_forsorjning"] == tabell(
        TidIOffentligForsorjning,
        {
            "ingen": K(2),  # C, I
            "under_1": K(annat=1),  # D
            "1_3": K(1),  # A
            "3_9": K(man=1),  # H
            "over_9": K(man=1),  # B
            "okand": K(1),  # J
        },
    )
    # Several källor per person: the column sums to 9 for 7 aktiva (I has none).
    assert s["forsorjning_vid_start"] == tabell(
        Forsorjningskalla,
        {
            "sjukpenning": K(1),  # A (G's is felregistrerad)
            "ekonomiskt_bistand": K(1, 1),  # A, H
            "sjukersattning": K(man=1),  # B
            "aktivitetsstod": K(1, 1),  # C, H
            "arbetsloshetsersattning": K(annat=1),  # D
            "okand": K(1),  # J
        },
    )


def test_tabeller_over_avslutade(liten_insats):
    s = insats_statistik(insats=liten_insats, fran=FRAN, till=TILL).som_dict()
    # F's and G's "lon" do not count (slut before från, felregistrerad).
    assert s["forsorjning_vid_avslut"] == tabell(
        Forsorjningskalla,
        {
            "lon": K(1),  # A
            "sjukpenning": K(annat=1),  # D
            "studiemedel": K(man=1),  # H
            "subventionerad_anstallning": K(1),  # I
            "ingen": K(1),  # J
        },
    )
    assert s["avslutsorsak"] == tabell(
        AVSLUTSORSAKER,
        {
            "arbete": K(1),  # A
            "arbete_med_stod": K(1),  # I
            "studier": K(man=1),  # H
            "ohalsa": K(annat=1),  # D
            "egen_begaran": K(1),  # J
        },
    )
    assert "felregistrering" not in s["avslutsorsak"]
    # A + I + H of 5 avslutade = 60 %. Per kön: kvinnor A, I of A, I, J = 66,7 → 67 %;
    # män H of H = 100 %; annat none of D = 0 %.
    assert s["till_arbete_eller_studier"] == A(
        3, 5, 60, kvinnor=(2, 3, 67), man=(1, 1, 100), annat=(0, 1, 0)
    )
    # Each orsak of the 5 avslutade: 1 of 5 = 20 %; a code nobody has is 0 %.
    assert s["avslutsorsak_andel"]["arbete"] == 20
    assert s["avslutsorsak_andel"]["annan"] == 0
    assert list(s["avslutsorsak_andel"]) == list(s["avslutsorsak"])


def test_stegforflyttning_och_effekt(liten_insats):
    s = insats_statistik(insats=liten_insats, fran=FRAN, till=TILL).som_dict()
    # Start/löpande/avslut up to till, first → latest:
    # A 2→5 up; B 1→1 (its 3 on 2024-08-01 is after till); C only one;
    # D 4→3; H 3→4 up; I none; J 2→4 up. 3 of 5 = 60 %.
    # Per kön: kvinnor A, J both up; män B no, H up = 50 %; annat D no = 0 %.
    assert s["stegforflyttning"] == A(
        3, 5, 60, kvinnor=(2, 2, 100), man=(1, 2, 50), annat=(0, 1, 0)
    )
    # Uppföljning 6 vs avslut steg: A 6 ≥ 5 yes; D 3 ≥ 3 yes; H 3 ≥ 4 no. 2 of 3 = 67 %.
    assert s["effekt_6_manader"] == E(
        2, 3, 67, kvinnor=(1, 1, 100), man=(0, 1, 0), annat=(1, 1, 100)
    )
    # Uppföljning 18: D 2 ≥ 3 no; J 6 ≥ 4 yes. 1 of 2 = 50 %; no man has one (0 of 0).
    assert s["effekt_18_manader"] == E(1, 2, 50, kvinnor=(1, 1, 100), annat=(0, 1, 0))


def test_tid_i_insats(liten_insats):
    t = insats_statistik(insats=liten_insats, fran=FRAN, till=TILL).tid_i_insats
    # Days ÷ 30.4375, rounded half up: I 30 d = 0,99 → 1; H 142 d = 4,67 → 5;
    # A 182 d = 5,98 → 6; D 365 d = 11,99 → 12; J 806 d = 26,48 → 26.
    assert t.som_dict()["grupper"] == {
        "0-3": K(1),  # I
        "4-6": K(1, 1),  # A, H
        "7-12": K(annat=1),  # D
        "13-": K(1),  # J
    }
    # Median of 30, 142, 182, 365, 806 days is 182 d = 5,979 months → 6,0.
    assert t.median_manader == Decimal("6.0")
    assert t.som_dict()["median_manader"] == 6.0


def test_belaggning(liten_insats):
    s = insats_statistik(insats=liten_insats, fran=FRAN, till=TILL)
    # Active days in the period, both ends counted: A 91 (jan–mar), B 142
    # (02-10 – 06-30), C 1, D 1, H 143 (01-20 – 06-10), I 31, J 136
    # (01-01 – 05-15) = 545; 4 årsplatser × 182 days = 728; 545 / 728 = 74,9 % → 75.
    assert s.belaggning.andel == 75


def test_belaggning_utan_arsplatser_ar_null(liten_insats):
    liten_insats.arsplatser = None
    liten_insats.save()
    s = insats_statistik(insats=liten_insats, fran=FRAN, till=TILL)
    assert s.som_dict()["belaggning"] == {"andel": None}


def test_urval_nya_och_avslutade(liten_insats):
    nya = insats_statistik(insats=liten_insats, fran=FRAN, till=TILL, urval="nya").som_dict()
    # Nya: B 54, C 24, H 25, I 49.
    assert nya["urval"] == "nya"
    assert nya["aldersgrupp"] == {"-29": K(1, 1), "30-44": K(), "45-59": K(1, 1), "60-": K()}
    # B 1→1, C one only, H 3→4, I none: 1 of 2, both män.
    assert nya["stegforflyttning"] == A(1, 2, 50, man=(1, 2, 50))
    # The avslutade tables do not follow the urval.
    assert nya["avslutsorsak"]["arbete"] == K(1)

    avslutade = insats_statistik(
        insats=liten_insats, fran=FRAN, till=TILL, urval="avslutade"
    ).som_dict()
    assert avslutade["utbildningsniva"] == tabell(
        Utbildningsniva,
        {
            "gymnasium": K(1, 1),  # A, H
            "eftergymnasial_kort": K(1),  # I
            "eftergymnasial_lang": K(annat=1),  # D
            "okand": K(1),  # J
        },
    )
    # A 2→5, D 4→3, H 3→4, J 2→4: 3 of 4 = 75 %.
    assert avslutade["stegforflyttning"] == A(
        3, 4, 75, kvinnor=(2, 2, 100), man=(1, 1, 100), annat=(0, 1, 0)
    )


def test_statistikobjektet_har_api_nycklarna_och_blir_json(liten_insats):
    s = insats_statistik(insats=liten_insats, fran=FRAN, till=TILL).som_dict()
    assert list(s) == [
        "insats", "fran", "till", "urval", "deltagare", "aldersgrupp", "utbildningsniva",
        "tid_i_offentlig_forsorjning", "forsorjning_vid_start", "forsorjning_vid_avslut",
        "forsorjning_vid_uppfoljning_6", "forsorjning_vid_uppfoljning_18", "avslutsorsak",
        "avslutsorsak_andel", "till_arbete_eller_studier", "stegforflyttning",
        "effekt_6_manader", "effekt_18_manader", "tid_i_insats", "belaggning",
    ]  # fmt: skip
    assert s["insats"] == liten_insats.pk
    assert (s["fran"], s["till"], s["urval"]) == ("2024-01-01", "2024-06-30", "aktiva")
    assert json.loads(json.dumps(s)) == s


def test_tom_insats_har_nollor_och_null_andelar(insats):
    s = insats_statistik(insats=insats, fran=FRAN, till=TILL).som_dict()
    assert s["deltagare"]["aktiva"] == K()
    assert s["utbildningsniva"] == tabell(Utbildningsniva, {})
    assert s["forsorjning_vid_start"] == tabell(Forsorjningskalla, {})
    for andel in ("till_arbete_eller_studier", "stegforflyttning"):
        assert s[andel] == A(0, 0, None)
    assert s["effekt_6_manader"] == s["effekt_18_manader"] == E(0, 0, None)
    assert set(s["avslutsorsak_andel"].values()) == {None}  # 0 avslutade: nothing to divide
    assert s["tid_i_insats"]["median_manader"] is None
    assert s["belaggning"] == {"andel": 0}


def test_felaktig_period_och_urval_avvisas(insats):
    with pytest.raises(ValidationError) as fel:
        insats_statistik(insats=insats, fran=TILL, till=FRAN)
    assert fel.value.message_dict == {"till": ["Periodens slut kan inte vara före dess början."]}
    with pytest.raises(ValidationError) as fel:
        insats_statistik(insats=insats, fran=FRAN, till=TILL, urval="alla")
    assert "urval" in fel.value.message_dict
