"""The masking rule on hand-built engine objects (min_cell 3 unless stated)."""

import pytest

from finsam.api.autentisering import PartNyckelAnvandare
from finsam.atkomst import SYSTEM, atkomst, glom_atkomst
from finsam.kodlistor import Kon
from finsam.maskering import min_cell_for
from finsam.services.api_nycklar import api_nyckel_skapa
from statistik.berakning import insats_statistik
from statistik.berakning.objekt import Andel, Deltagarblock, Kontal
from statistik.maskering import (
    MaskeratDeltagarblock,
    maskera,
    maskera_andel,
    maskera_kontal,
    maskera_tabell,
)
from tests.statistik.bygg import D, inskriv


@pytest.mark.parametrize(
    ("kontal", "maskerat"),
    [
        # 1 and 2 are hidden, and the totalt with them: 4 − 0 − 2 would give 2 back.
        (Kontal(1, 2, 0, 3), Kontal(None, None, 0, None)),
        (Kontal(0, 2, 4, 6), Kontal(0, None, 4, None)),
        # 0 describes nobody and 3 is enough: shown.
        (Kontal(0, 3, 0, 3), Kontal(0, 3, 0, 3)),
        (Kontal(3, 4, 5, 12), Kontal(3, 4, 5, 12)),
        (Kontal(0, 0, 0, 0), Kontal(0, 0, 0, 0)),
    ],
)
def test_kontal(kontal, maskerat):
    assert maskera_kontal(kontal, 3) == maskerat


def test_litet_totalt_maskeras_aven_nar_cellerna_visas():
    # Not reachable from real counts (a totalt of 1–2 has a cell of 1–2), but
    # the rule does not lean on that.
    assert maskera_kontal(Kontal(0, 0, 0, 2), 3) == Kontal(0, 0, 0, None)


@pytest.mark.parametrize(
    ("andel", "maskerad"),
    [
        (Andel.berakna(2, 10), Andel(None, None, None)),  # antal hidden
        (Andel.berakna(0, 2), Andel(None, None, None)),  # av hidden: 0 of 2 is still 2 persons
        (Andel.berakna(1, 1), Andel(None, None, None)),
        (Andel.berakna(3, 10), Andel(3, 10, 30)),
        (Andel.berakna(0, 5), Andel(0, 5, 0)),
        (Andel.berakna(0, 0), Andel(0, 0, None)),  # nothing to divide by, nobody to hide
    ],
)
def test_andel(andel, maskerad):
    assert maskera_andel(andel, 3) == maskerad


def test_summa_med_maskerad_del_maskeras():
    block = Deltagarblock(
        aktiva=Kontal.av(2, 5, 0), nya=Kontal(), avslutade=Kontal(), anonyma=Kontal.av(7, 0, 0)
    )
    maskerat = maskera(block, 3)
    assert isinstance(maskerat, MaskeratDeltagarblock)
    assert maskerat.aktiva == Kontal(None, 5, 0, None)
    # 9 − 7 would give the hidden 2 back.
    assert maskerat.aktiva_inklusive_anonyma == Kontal(None, 5, 0, None)
    assert maskerat.som_dict()["aktiva_inklusive_anonyma"] == {
        "kvinnor": None,
        "man": 5,
        "annat": 0,
        "totalt": None,
    }


def test_min_cell_1_maskerar_inget():
    block = Deltagarblock(Kontal.av(1, 2, 0), Kontal(), Kontal(), Kontal.av(1, 0, 0))
    assert maskera(block, 1) is block


def test_min_cell_for_galler_bara_partnycklar(forbund, chef, styrelse, part):
    forbund.min_cell = 5
    forbund.save()
    nyckel = api_nyckel_skapa(part=part, user=SYSTEM)[0]
    assert atkomst(PartNyckelAnvandare(nyckel)).ar_part
    assert min_cell_for(PartNyckelAnvandare(nyckel), forbund) == 5
    for user in (chef, styrelse):
        glom_atkomst(user)
        assert min_cell_for(user, forbund) == 1


def _per_kon(kvinnor: tuple, man: tuple, annat: tuple) -> Andel:
    return Andel.per_kon_av(
        Kontal.av(kvinnor[0], man[0], annat[0]), Kontal.av(kvinnor[1], man[1], annat[1])
    )


def test_per_kon_visas_nar_inget_kon_ar_litet():
    # 3 of 6 kvinnor, 0 of 5 män, 0 of 0 annat: no count nor rest from 1 to 2.
    andel = maskera_andel(_per_kon((3, 6), (0, 5), (0, 0)), 3)
    assert andel == Andel(3, 11, 27)
    assert andel.per_kon == {
        "kvinnor": Andel(3, 6, 50),
        "man": Andel(0, 5, 0),
        "annat": Andel(0, 0, None),
    }


@pytest.mark.parametrize(
    ("antal", "av", "dold"),
    [
        (38, 40, True),  # 2 did not: a person
        (39, 40, True),
        (37, 40, False),  # 3 did not: enough
        (40, 40, False),  # all did: the rest is 0, nobody
    ],
)
def test_en_nastan_hel_andel_doljs_for_resten(antal, av, dold):
    assert (maskera_andel(Andel.berakna(antal, av), 3).andel is None) is dold


def test_resten_for_ett_kon_doljer_alla_kon():
    # Kvinnor 4 of 5: the one who did not is hidden, and with her every kön.
    andel = maskera_andel(_per_kon((4, 5), (3, 6), (0, 0)), 3)
    assert andel == Andel(7, 11, 64)
    assert set(andel.per_kon.values()) == {Andel(None, None, None)}


def test_tabell_doljer_en_andra_cell_bredvid_en_ensam_dold():
    # Kvinnor: 1 | 5 | 7, and the aktiva kvinnor (13) are shown elsewhere:
    # 13 − 5 − 7 would give the hidden 1 back, so the smallest other (5) goes too.
    tabell = {
        "-29": Kontal.av(1, 4, 0),
        "30-44": Kontal.av(5, 4, 0),
        "45-59": Kontal.av(7, 6, 0),
        "60-": Kontal.av(0, 0, 0),
    }
    assert maskera_tabell(tabell, 3) == {
        "-29": Kontal(None, 4, 0, None),
        "30-44": Kontal(None, 4, 0, None),
        "45-59": Kontal(7, 6, 0, 13),
        "60-": Kontal(0, 0, 0, 0),
    }


def test_andra_cellen_tar_radens_totalt_men_inte_dess_andra_kon():
    # Hiding män's lone 2 beside b's 3 takes b's totalt: b's kvinnor 4 stays,
    # as 7 − 4 no longer gives anything (b's totalt is hidden).
    tabell = {"a": Kontal.av(3, 2, 0), "b": Kontal.av(4, 3, 0), "c": Kontal.av(5, 9, 0)}
    assert maskera_tabell(tabell, 3) == {
        "a": Kontal(3, None, 0, None),
        "b": Kontal(4, None, 0, None),
        "c": Kontal(5, 9, 0, 14),
    }


def test_tabell_utan_andra_tal_i_kolumnen_lamnas():
    # The hidden 2 is all there is of annat: the column total is 2 and hidden too.
    tabell = {"a": Kontal.av(3, 4, 2), "b": Kontal.av(4, 3, 0)}
    assert maskera_tabell(tabell, 3) == {"a": Kontal(3, 4, None, None), "b": Kontal(4, 3, 0, 7)}


def test_dold_avslutsorsak_doljer_till_arbete_eller_studier(insats):
    # 9 avslutade (5 kvinnor, 4 män): arbete 3 kvinnor + 3 män, studier 1 man,
    # ohälsa 2 kvinnor. 7 of 9 would be shown beside arbete 6 and give studier's 1.
    for kon, orsak, antal_ in (
        (Kon.KVINNA, "arbete", 3), (Kon.MAN, "arbete", 3), (Kon.MAN, "studier", 1),
        (Kon.KVINNA, "ohalsa", 2),
    ):  # fmt: skip
        for _ in range(antal_):
            inskriv(insats, kon=kon, start=D(2024, 1, 1), slut=D(2024, 2, 1), orsak=orsak)
    s = insats_statistik(insats=insats, fran=D(2024, 1, 1), till=D(2024, 12, 31))
    assert (s.till_arbete_eller_studier.antal, s.till_arbete_eller_studier.av) == (7, 9)
    maskerad = maskera(s, 3)
    assert maskerad.deltagare.avslutade == Kontal(5, 4, 0, 9)
    assert maskerad.till_arbete_eller_studier.andel is None
    # Män: studier 1 is hidden, so arbete 3 goes with it; kvinnor: ohälsa 2 and arbete 3.
    assert maskerad.avslutsorsak["studier"] == Kontal(0, None, 0, None)
    assert maskerad.avslutsorsak["arbete"] == Kontal(None, None, 0, None)
    assert maskerad.avslutsorsak["ohalsa"] == Kontal(None, 0, 0, None)


def test_ett_litet_kon_doljer_alla_kon_men_inte_totalen():
    # Män 1 of 2: hidden. Shown beside the total 5 of 10, kvinnor's 4 of 8 would
    # give it back (5 − 4 of 10 − 8), so every kön's share is hidden.
    andel = maskera_andel(_per_kon((4, 8), (1, 2), (0, 0)), 3)
    assert andel == Andel(5, 10, 50)
    assert set(andel.per_kon.values()) == {Andel(None, None, None)}
    assert andel.som_dict()["per_kon"]["kvinnor"] == {"antal": None, "av": None, "andel": None}


def test_dold_total_doljer_alla_kon():
    andel = maskera_andel(_per_kon((2, 5), (0, 5), (0, 0)), 3)
    assert andel == Andel(None, None, None)
    assert set(andel.per_kon.values()) == {Andel(None, None, None)}


def test_avslutsorsakens_andel_foljer_maskerade_antal(insats):
    # 7 avslutade (3 kvinnor, 4 män): arbete 2 kvinnor, studier 1 kvinna, ohälsa 4 män.
    for kon, orsak, antal_ in (
        (Kon.KVINNA, "arbete", 2), (Kon.KVINNA, "studier", 1), (Kon.MAN, "ohalsa", 4)
    ):  # fmt: skip
        for _ in range(antal_):
            inskriv(insats, kon=kon, start=D(2024, 1, 1), slut=D(2024, 2, 1), orsak=orsak)
    s = insats_statistik(insats=insats, fran=D(2024, 1, 1), till=D(2024, 12, 31))
    # 2 of 7 = 28,6 → 29; 1 of 7 = 14,3 → 14; 4 of 7 = 57,1 → 57.
    assert (s.avslutsorsak_andel["arbete"], s.avslutsorsak_andel["studier"]) == (29, 14)
    assert s.avslutsorsak_andel["ohalsa"] == 57
    maskerad = maskera(s, 3)
    # A hidden count hides its share (2 of 7 gives the 2 back); 4 of 7 stays.
    assert maskerad.avslutsorsak_andel["arbete"] is None
    assert maskerad.avslutsorsak_andel["studier"] is None
    assert maskerad.avslutsorsak_andel["ohalsa"] == 57
    assert maskerad.som_dict()["avslutsorsak_andel"]["annan"] == 0


def test_dold_avslutadetotal_doljer_andelens_namnare(insats):
    # 6 avslutade: 2 kvinnor (hidden, so the totalt 6 is hidden too) and 4 män.
    # Shown as "till arbete eller studier: x av 6", the 6 less the 4 män
    # would give the 2 kvinnor back: the share is hidden with the total.
    for kon, antal_ in ((Kon.KVINNA, 2), (Kon.MAN, 4)):
        for _ in range(antal_):
            inskriv(insats, kon=kon, start=D(2024, 1, 1), slut=D(2024, 2, 1), orsak="arbete")
    s = insats_statistik(insats=insats, fran=D(2024, 1, 1), till=D(2024, 12, 31))
    assert (s.till_arbete_eller_studier.antal, s.till_arbete_eller_studier.av) == (6, 6)
    maskerad = maskera(s, 3)
    assert maskerad.deltagare.avslutade == Kontal(None, 4, 0, None)
    dold = maskerad.som_dict()["till_arbete_eller_studier"]
    assert (dold["antal"], dold["av"], dold["andel"]) == (None, None, None)
    # Six persons' median says nothing of the two: it stays.
    assert maskerad.tid_i_insats.median_manader is not None
