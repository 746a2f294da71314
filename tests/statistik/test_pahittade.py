"""The demo's made-up SCB figures (Helarsekvivalent.pahittad) are said to be so wherever
they are shown, and never taken for SCB's latest year."""

from scb.models import Helarsekvivalent, Region
from scb.selectors import arval
from statistik.berakning.helarsekvivalenter import FORBUND, helarsekvivalenter, omraden
from statistik.jamstalldhet.representation import representation
from tests.factories import PartFactory


def _kommuner(forbund):
    for kod, namn, ar, pahittad in (
        ("1980", "Västerås", 2025, True),
        ("1961", "Hallsta", 2025, False),
    ):
        region = Region.objects.create(kod=kod, namn=namn, typ=Region.Typ.KOMMUN)
        PartFactory(forbund=forbund, namn=namn, typ="kommun", kommunkod=kod)
        for kon in ("kvinnor", "man", "totalt"):
            Helarsekvivalent.objects.create(
                region=region, ar=ar, kon=kon, ersattningsform="sjukpenning", varde=10,
                pahittad=pahittad,
            )  # fmt: skip
    Helarsekvivalent.objects.create(
        region=Region.objects.get(kod="1961"), ar=2020, kon="totalt",
        ersattningsform="sjukpenning", varde=10,
    )  # fmt: skip


def test_en_summa_med_en_pahittad_del_ar_pahittad(forbund):
    _kommuner(forbund)
    rader = {r.region: r for r in helarsekvivalenter(omraden=omraden(forbund=forbund), ar=[2025])}
    assert (rader["1980"].pahittad, rader["1961"].pahittad, rader[FORBUND].pahittad) == (
        True,
        False,
        True,
    )
    assert rader["1961"].som_dict()["pahittad"] is False


def test_arvalet_ar_scbs_egna_ar(forbund):
    _kommuner(forbund)
    Helarsekvivalent.objects.filter(region__kod="1961", ar=2025).update(pahittad=True)
    assert arval() == [2020]


def test_representationen_sager_det(forbund):
    _kommuner(forbund)
    assert representation(forbund, [], 2025).pahittade is True
    Helarsekvivalent.objects.update(pahittad=False)
    assert representation(forbund, [], 2025).pahittade is False
