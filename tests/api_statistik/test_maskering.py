"""The masking rule on hand-built engine objects (min_cell 3 unless stated)."""

import pytest

from finsam.api.autentisering import PartNyckelAnvandare
from finsam.atkomst import SYSTEM, atkomst, glom_atkomst
from finsam.services.api_nycklar import api_nyckel_skapa
from statistik.berakning.objekt import Andel, Deltagarblock, Kontal
from statistik.maskering import (
    MaskeratDeltagarblock,
    maskera,
    maskera_andel,
    maskera_kontal,
    min_cell_for,
)


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
