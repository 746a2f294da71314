"""Issue 14 §2 in the statistics: `ej_nadda` beside effekt, and försörjning at 6 and 18 months.

Hand-counted: three avslutade women and one man in the first half of 2024.
"""

from deltagare.models import Forsorjning, Uppfoljning
from finsam.kodlistor import Forsorjningskalla, Kon
from statistik.berakning import insats_statistik
from statistik.maskering import maskera
from tests.statistik.bygg import D, E, K, inskriv, tabell

FRAN, TILL = D(2024, 1, 1), D(2024, 6, 30)


def _uppfoljning(inskrivning, typ, utfall, kallor=()):
    Uppfoljning.objects.create(inskrivning=inskrivning, typ=typ, datum=D(2025, 1, 1), utfall=utfall)
    Forsorjning.objects.bulk_create(
        Forsorjning(inskrivning=inskrivning, tidpunkt=typ, kalla=k) for k in kallor
    )


def _bygg(insats):
    # A: avslut steg 4, 6 months steg 5 (≥ 4), reached, lön and a-kassa.
    a = inskriv(
        insats,
        start=D(2024, 1, 1),
        slut=D(2024, 3, 1),
        bedomningar=((D(2024, 3, 1), "avslut", 4), (D(2024, 9, 1), "uppfoljning_6", 5)),
    )
    _uppfoljning(a, "uppfoljning_6", "genomford", ("lon", "arbetsloshetsersattning"))
    # B: avslut steg 3, not reached at 6 months.
    b = inskriv(
        insats, start=D(2024, 1, 1), slut=D(2024, 4, 1), bedomningar=((D(2024, 4, 1), "avslut", 3),)
    )
    _uppfoljning(b, "uppfoljning_6", "kunde_inte_nas")
    # C (kvinna) and M (man): not reached at 18 months; M reached at 6 with steg 2 < 3.
    c = inskriv(insats, start=D(2024, 1, 1), slut=D(2024, 5, 1))
    _uppfoljning(c, "uppfoljning_18", "kunde_inte_nas")
    m = inskriv(
        insats,
        kon=Kon.MAN,
        start=D(2024, 1, 1),
        slut=D(2024, 5, 1),
        bedomningar=((D(2024, 5, 1), "avslut", 3), (D(2024, 11, 1), "uppfoljning_6", 2)),
    )
    _uppfoljning(m, "uppfoljning_6", "genomford", ("ekonomiskt_bistand",))
    _uppfoljning(m, "uppfoljning_18", "kunde_inte_nas")


def test_ej_nadda_och_forsorjning_vid_uppfoljning(insats):
    _bygg(insats)
    s = insats_statistik(insats=insats, fran=FRAN, till=TILL).som_dict()
    # 6 months: A 5 ≥ 4 yes, M 2 ≥ 3 no → 1 of 2 = 50 %; B not reached (outside av).
    assert s["effekt_6_manader"] == E(
        1, 2, 50, ej_nadda=1, kvinnor=(1, 1, 100, 1), man=(0, 1, 0, 0)
    )
    # 18 months: nobody reached; C and M not reached.
    assert s["effekt_18_manader"] == E(
        0, 0, None, ej_nadda=2, kvinnor=(0, 0, None, 1), man=(0, 0, None, 1)
    )
    kallor = Forsorjningskalla
    assert s["forsorjning_vid_uppfoljning_6"] == tabell(
        kallor,
        {"lon": K(1), "arbetsloshetsersattning": K(1), "ekonomiskt_bistand": K(man=1)},
    )
    assert s["forsorjning_vid_uppfoljning_18"] == tabell(kallor, {})


def test_ej_nadda_maskeras_for_partnyckel(insats):
    _bygg(insats)
    maskerad = maskera(insats_statistik(insats=insats, fran=FRAN, till=TILL), 3)
    effekt = maskerad.effekt_18_manader.som_dict()
    # 1 kvinna and 1 man: both cells hidden, and the total with them.
    assert effekt["ej_nadda"] is None
    assert {k: v["ej_nadda"] for k, v in effekt["per_kon"].items()} == {
        "kvinnor": None,
        "man": None,
        "annat": 0,
    }
