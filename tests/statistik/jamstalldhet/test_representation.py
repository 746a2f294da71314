"""Representation: women's share among the deltagare and among the helårsekvivalenter."""

from decimal import Decimal

from finsam.kodlistor import Ersattningsform
from scb.models import Helarsekvivalent, Region
from statistik.berakning.objekt import Kontal
from statistik.jamstalldhet.representation import representation
from tests.factories import PartFactory

# Helårsekvivalenter (kvinnor, män) per kommun and form, 2023; fabricated round numbers.
HEK_2023 = {
    "1980": {"sjukpenning": (300, 100), "ekonomiskt_bistand": (50, 150)},
    "1961": {"sjukpenning": (60, 40), "ekonomiskt_bistand": (10, 40)},
}


def _scb(forbund):
    for kod, namn in (("1980", "Västerås"), ("1961", "Hallstahammar")):
        region = Region.objects.create(kod=kod, namn=namn, typ=Region.Typ.KOMMUN)
        PartFactory(forbund=forbund, namn=namn, typ="kommun", kommunkod=kod)
        for form, (kvinnor, man) in HEK_2023[kod].items():
            for kon, varde in (("kvinnor", kvinnor), ("man", man)):
                Helarsekvivalent.objects.create(
                    region=region, ar=2023, kon=kon, ersattningsform=form, varde=varde
                )
    # 2024 for Västerås only: not yet the förbund's year.
    Helarsekvivalent.objects.create(
        region=Region.objects.get(kod="1980"),
        ar=2024,
        kon="kvinnor",
        ersattningsform="sjukpenning",
        varde=1,
    )


VID_START = {
    "sjukpenning": Kontal.av(3, 1, 2),  # annat is not in SCB's figures: left out
    "sjukersattning": Kontal.av(1, 1),
    "aktivitetsersattning": Kontal.av(1, 0),
    "subventionerad_anstallning": Kontal.av(5, 5),  # a wage: no SCB form
    "ekonomiskt_bistand": Kontal.av(0, 4),
}


def test_representation_for_hand(forbund):
    _scb(forbund)
    svar = representation(forbund, [VID_START], 2024)
    # 2024 lacks Hallstahammar: the latest year with both kommuner is used, and named.
    assert svar.scb_ar == 2023
    rader = {r.forsorjning: r for r in svar.rader}
    assert list(rader) == [str(f) for f in Ersattningsform]

    sjukpenning = rader["sjukpenning"]
    assert sjukpenning.andel_kvinnor_deltagare == 75.0  # 3 of 3 + 1
    # (300 + 60) of (300 + 60 + 100 + 40)
    assert (sjukpenning.helarsekvivalenter_kvinnor, sjukpenning.helarsekvivalenter_man) == (
        Decimal(360),
        Decimal(140),
    )
    assert sjukpenning.andel_kvinnor_helarsekvivalenter == 72.0

    # Sjukersättning and aktivitetsersättning are one form: 2 women of 3.
    sa = rader["sjuk_och_aktivitetsersattning"]
    assert (sa.deltagare.kvinnor, sa.deltagare.man, sa.andel_kvinnor_deltagare) == (2, 1, 66.7)
    assert sa.andel_kvinnor_helarsekvivalenter is None  # no SCB rows for the form

    bistand = rader["ekonomiskt_bistand"]
    assert (bistand.andel_kvinnor_deltagare, bistand.andel_kvinnor_helarsekvivalenter) == (
        0.0,
        24.0,  # 60 of 250
    )
    # Subventionerad anställning counts in no form.
    assert rader["arbetsmarknadsatgarder"].deltagare == Kontal()
    assert rader["arbetsmarknadsatgarder"].andel_kvinnor_deltagare is None


def test_utan_scb_siffror_for_aret(forbund):
    _scb(forbund)
    svar = representation(forbund, [VID_START], 2022)
    assert svar.scb_ar is None
    assert all(r.andel_kvinnor_helarsekvivalenter is None for r in svar.rader)
    assert {r.forsorjning: r.andel_kvinnor_deltagare for r in svar.rader}["sjukpenning"] == 75.0


def test_tabellerna_summeras_och_dolda_celler_doljer_formen(forbund):
    _scb(forbund)
    annan = {"sjukpenning": Kontal.av(2, 6), "ekonomiskt_bistand": Kontal.av(7, 7)}
    rader = {r.forsorjning: r for r in representation(forbund, [VID_START, annan], 2023).rader}
    assert rader["sjukpenning"].andel_kvinnor_deltagare == 41.7  # 5 of 12
    # For a part key with min_cell 3: 2 women (and 1 man in VID_START) hide sjukpenning;
    # ekonomiskt bistånd's 0 and 4, 7 and 7 hide nothing (zero describes nobody).
    dolda = {r.forsorjning: r for r in representation(forbund, [VID_START, annan], 2023, 3).rader}
    assert dolda["sjukpenning"].andel_kvinnor_deltagare is None
    assert dolda["sjukpenning"].deltagare.kvinnor is None
    assert dolda["sjukpenning"].andel_kvinnor_helarsekvivalenter == 72.0  # SCB's are public
    assert dolda["ekonomiskt_bistand"].andel_kvinnor_deltagare == 38.9  # 7 of 18
