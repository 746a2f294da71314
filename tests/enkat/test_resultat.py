"""The deltagarenkät's results, computed by hand, and the protection of small groups.

Measurement A (March 2026) of the Samordningsteam, on *Hur har du blivit
bemött?*: ten women (8 mycket bra, 2 varken eller) and eleven men (5 ganska
bra, 5 ganska dåligt, 1 vet inte). Valid answers 20, positive 13: 65 %
(13 av 20); Wilson 95 %: 0,4329–0,8188, so 43–82 %. Women 80 % (8 av 10),
men 50 % (5 av 10); vet inte, 1, counts apart. Measurement B, opened later
in March, has four answers, all positive: it counts nowhere.
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from enkat.resultat import fritexter, resultat
from enkat.visning import resultattabeller
from tests.enkat.bygg import MARS, D, exempelenkat, matning, svara
from tests.factories import InsatsFactory

pytestmark = pytest.mark.django_db


def _bemotande(*period, **kw):
    (r,) = resultat(*period, **kw)
    return r, next(i for i in r.indikatorer if i.kod == "bemotande")


def test_andelen_med_intervall_och_per_kon(insats, matningar):
    r, i = _bemotande(insats, *MARS)
    assert (i.totalt.positiva, i.totalt.giltiga, i.totalt.procent) == (13, 20, 65)
    assert i.totalt.intervall == (43, 82)
    assert (i.kvinnor.procent, i.kvinnor.giltiga, i.man.procent, i.man.giltiga) == (80, 10, 50, 10)
    assert i.kvinnor.intervall == (49, 94) and i.man.intervall == (24, 76)
    assert i.ej_aktuellt == 1
    # B's four answers count nowhere: not in the total, the answers or the trend.
    assert (r.svar, r.utelamnade) == (21, 1)
    assert i.trend == [i.totalt, None]
    (fordelning,) = [f for f in r.fordelningar if f.kod == "bemotande"]
    assert fordelning.svarande == 21
    assert [(kod, antal) for kod, _, antal in fordelning.alternativ] == [
        ("mycket_bra", 8), ("ganska_bra", 5), ("varken_eller", 2), ("ganska_daligt", 5),
        ("mycket_daligt", 0), ("vet_inte", 1),
    ]  # fmt: skip
    # Several answers each: eight people, sixteen answers.
    (hjalp,) = [f for f in r.fordelningar if f.kod == "hjalp"]
    assert hjalp.svarande == 8
    assert {kod: antal for kod, _, antal in hjalp.alternativ if antal} == {"praktik": 8, "kurs": 8}
    # The show-if question nobody was shown: nothing to count.
    (myndigheter,) = [f for f in r.fordelningar if f.kod == "myndigheter"]
    assert myndigheter.svarande == 0


def test_ingen_period_ger_tillbaka_en_dold_matning(insats, matningar):
    """The period with B and the period without it show the same: no difference of
    two periods gives B's four answers back."""
    _, med = _bemotande(insats, *MARS)
    _, utan = _bemotande(insats, D(2026, 3, 1), D(2026, 3, 19))
    assert (med.totalt, med.kvinnor, med.man, med.ej_aktuellt) == (
        utan.totalt, utan.kvinnor, utan.man, utan.ej_aktuellt,
    )  # fmt: skip


def test_kon_delas_inte_nar_resten_kan_raknas_fram(insats, matningar):
    """Two answer annat: total − women − men would give their answers, so women and
    men are not shown apart at all (the total still counts everyone)."""
    a, _ = matningar
    svara(a, 2, kon="annat", bemotande="mycket_daligt")
    _, i = _bemotande(insats, *MARS)
    assert (i.totalt.positiva, i.totalt.giltiga) == (13, 22)
    assert (i.kvinnor.giltiga, i.man.giltiga) == (0, 0)


def test_kon_delas_inte_under_tio(insats, matningar):
    a, _ = matningar
    a.svar.filter(kon="man", rader__alternativ__kod="ganska_daligt").first().delete()
    _, i = _bemotande(insats, *MARS)
    assert (i.totalt.giltiga, i.man.giltiga, i.kvinnor.giltiga) == (19, 0, 0)


def test_en_partnyckels_minsta_antal(insats, matningar):
    _, i = _bemotande(insats, *MARS, min_cell=21)
    assert i.totalt.giltiga == 0 and i.trend == [None, None]


def test_antal_fragor_vaxer_inte_med_matningarna(insats, matningar):
    def fragor() -> int:
        with CaptureQueriesContext(connection) as q:
            resultat(insats, *MARS)
        return len(q)

    fa = fragor()
    a, _ = matningar
    for dag in (5, 10, 15):
        svara(matning(insats, a.enkat, fran=D(2026, 3, dag)), 6, bemotande="ganska_bra")
    assert fragor() == fa


def test_personer_raknas_inte_svar(forbund, insats):
    """One person with five positive options of a flerval question is one person: a piece
    of one, which counts nowhere (an indikator on the question would read 5 of 5)."""
    enkat = exempelenkat(forbund)
    indikator = enkat.indikatorer.get(kod="bemotande")
    indikator.positiva.set(enkat.fragor.get(kod="hjalp").alternativ.all())
    m = matning(insats, enkat)
    svara(m, 1, kon="kvinna", hjalp=["samtal", "praktik", "kurs", "myndigheter", "annat"])
    _, i = _bemotande(insats, *MARS)
    assert i.totalt.giltiga == 0 and i.trend == [None]


def test_svarstabellen_ger_inte_tillbaka_en_dold_indikator(forbund, insats):
    """Four valid answers and two "vet inte" are six people, but four valid: the piece is
    hidden from the indikator and from the answer table alike."""
    enkat = exempelenkat(forbund)
    svara(matning(insats, enkat), 10, kon="kvinna", bemotande="mycket_bra")
    b = matning(insats, enkat, fran=D(2026, 3, 20))
    svara(b, 4, bemotande="mycket_bra")
    svara(b, 2, bemotande="vet_inte")
    r, i = _bemotande(insats, *MARS)
    (fordelning,) = [f for f in r.fordelningar if f.kod == "bemotande"]
    antal = {kod: n for kod, _, n in fordelning.alternativ}
    assert (i.totalt.positiva, antal["mycket_bra"], antal["vet_inte"]) == (10, 10, 0)


def test_en_oppen_matning_raknas_forst_nar_den_stangt(forbund, insats):
    """Figures that move with each answer would show one person's: open counts nowhere."""
    idag = timezone.localdate()
    svara(matning(insats, exempelenkat(forbund), fran=idag, till=idag), 6, bemotande="ganska_bra")
    (r,) = resultat(insats, idag, idag)
    assert (r.svar, r.oppna, r.indikatorer[0].trend) == (0, 1, [None])


def test_fritext_fran_en_oppen_matning_visas_inte(forbund, insats):
    enkat = exempelenkat(forbund)
    enkat.fritext = True
    enkat.save()
    idag = timezone.localdate()
    svara(matning(insats, enkat, fran=idag, till=idag), 10, mer="Bra")
    assert fritexter(insats, idag, idag) == {}


def test_insatsen_och_delinsatsen_samma_dag_ar_tva_rader(forbund, insats):
    enkat = exempelenkat(forbund)
    delinsats = InsatsFactory(forbund=forbund, overordnad=insats, namn="Delen")
    svara(matning(insats, enkat), 6, bemotande="mycket_bra")
    svara(matning(delinsats, enkat), 6, bemotande="ganska_daligt")
    (r,) = resultat(insats, *MARS)
    trend = resultattabeller(r)[1]
    assert [rad.rubrik for rad in trend.rader] == [
        "2026-03-01 vid avslut, Samordningsteam", "2026-03-01 vid avslut, Delen",
    ]  # fmt: skip
