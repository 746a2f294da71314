"""The masking rule on hand-built engine objects (min_cell 3 unless stated)."""

import pytest

from finsam.api.autentisering import PartNyckelAnvandare
from finsam.atkomst import SYSTEM, atkomst, glom_atkomst
from finsam.kodlistor import Kon
from finsam.services.api_nycklar import api_nyckel_skapa
from statistik.berakning import insats_statistik
from statistik.berakning.objekt import Andel, Deltagarblock, Kontal
from statistik.maskering import (
    MaskeratDeltagarblock,
    maskera,
    maskera_andel,
    maskera_kontal,
    min_cell_for,
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
    # 3 of 4 kvinnor, 0 of 5 män, 0 of 0 annat: nothing from 1 to 2.
    andel = maskera_andel(_per_kon((3, 4), (0, 5), (0, 0)), 3)
    assert andel == Andel(3, 9, 33)
    assert andel.per_kon == {
        "kvinnor": Andel(3, 4, 75),
        "man": Andel(0, 5, 0),
        "annat": Andel(0, 0, None),
    }


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
