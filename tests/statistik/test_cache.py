"""The statistics cache is exact: an answer is read back only while nothing it counts has changed.

PostgreSQL only, where the triggers that keep the data version are.
"""

import dataclasses
import json

import pytest
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

from budget.models import Budgetar, Budgetrad, Intakt, Utfall
from deltagare.models import AnonymaDeltagare, Forsorjning, Inskrivning, Stegbedomning, Uppfoljning
from insatser.models import Steg
from kalkyl.models import Antaganden, Forsorjningskostnad
from statistik.berakning import forbund_aterbetalningstider, forbund_statistik, insats_statistik
from statistik.models import Dataversion
from tests.factories import InsatsFactory
from tests.statistik.bygg import D, deltagare, inskriv

pytestmark = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="dataversionens utlösare finns bara i PostgreSQL"
)
FRAN, TILL = D(2024, 1, 1), D(2024, 12, 31)


@pytest.fixture
def data(forbund, insats):
    avslutad = inskriv(
        insats,
        start=D(2024, 1, 10),
        slut=D(2024, 6, 30),
        orsak="arbete",
        vid_start=("sjukpenning",),
        bedomningar=((D(2024, 1, 11), "start", 1), (D(2024, 6, 30), "avslut", 3)),
    )
    inskriv(insats, kon="man", start=D(2024, 3, 1), bedomningar=((D(2024, 3, 2), "start", 2),))
    # What the insats's kalkyl reads: assumptions, intäkter and utfall.
    antaganden = Antaganden.objects.create(forbund=forbund, ar=2024)
    Forsorjningskostnad.objects.create(
        antaganden=antaganden, kalla="sjukpenning", kostnad_per_ar=200_000, aktor="staten"
    )
    budgetar = Budgetar.objects.create(forbund=forbund, ar=2024)
    Intakt.objects.create(budgetar=budgetar, finansiar="stat", belopp=1_000)
    rad = Budgetrad.objects.create(
        budgetar=budgetar, kategori="insatser", namn="Team", insats=insats, budget=900_000
    )
    Utfall.objects.create(rad=rad, datum=D(2024, 3, 1), belopp=600_000)
    return avslutad


def version(forbund) -> int | None:
    return (
        Dataversion.objects.filter(forbund_id=forbund.pk).values_list("version", flat=True).first()
    )


def _steg(insats, nummer):
    return Steg.objects.get(stegskala=insats.stegskala_id, nummer=nummer)


# Each writes one table the engine reads, in the förbund of `data`; in an order
# that can run one after another (the inskrivning goes last).
ANDRINGAR = {
    "insats skapas": lambda f, i, a: InsatsFactory(forbund=f),
    "insats ändras": lambda f, i, a: type(i).objects.filter(pk=i.pk).update(arsplatser=12),
    "steg ändras": lambda f, i, a: Steg.objects.filter(pk=_steg(i, 5).pk).update(namn="Nytt"),
    "deltagare skapas": lambda f, i, a: deltagare(f),
    "deltagare ändras": lambda f, i, a: (
        type(a.deltagare).objects.filter(pk=a.deltagare_id).update(fodelsear=1970)
    ),
    "inskrivning skapas": lambda f, i, a: inskriv(i, start=D(2024, 5, 1)),
    "inskrivning ändras": lambda f, i, a: Inskrivning.objects.filter(pk=a.pk).update(
        utbildningsniva="gymnasium"
    ),
    "bedömning skapas": lambda f, i, a: Stegbedomning.objects.create(
        inskrivning=a, datum=D(2024, 4, 1), typ="lopande", steg=_steg(i, 2)
    ),
    "bedömning ändras": lambda f, i, a: Stegbedomning.objects.filter(inskrivning=a).update(
        steg=_steg(i, 4)
    ),
    "bedömning tas bort": lambda f, i, a: Stegbedomning.objects.filter(inskrivning=a).delete(),
    "försörjning tas bort": lambda f, i, a: Forsorjning.objects.filter(inskrivning=a).delete(),
    "uppföljning skapas": lambda f, i, a: Uppfoljning.objects.create(
        inskrivning=a, typ="uppfoljning_6", datum=D(2025, 1, 2), utfall="kunde_inte_nas"
    ),
    "anonyma skapas": lambda f, i, a: AnonymaDeltagare.objects.create(
        insats=i, ar=2024, kvinnor=2, man=1, annat=0
    ),
    # What the dashboard's kalkyl column reads besides the deltagare.
    "kalkylantaganden ändras": lambda f, i, a: Antaganden.objects.filter(forbund=f).update(
        tillskrivning_procent=100
    ),
    "försörjningskostnad ändras": lambda f, i, a: Forsorjningskostnad.objects.filter(
        antaganden__forbund=f
    ).update(kostnad_per_ar=100_000),
    "intäkt ändras": lambda f, i, a: Intakt.objects.filter(budgetar__forbund=f).update(belopp=2),
    "utfall ändras": lambda f, i, a: Utfall.objects.filter(rad__insats=i).update(belopp=500_000),
    "budgetrad byter insats": lambda f, i, a: Budgetrad.objects.filter(insats=i).update(
        insats=InsatsFactory(forbund=f)
    ),
    "utfall tas bort": lambda f, i, a: Utfall.objects.filter(rad__insats=i).delete(),
    "inskrivning tas bort": lambda f, i, a: Inskrivning.objects.filter(pk=a.pk).delete(),
    "tabell töms": lambda f, i, a: connection.cursor().execute("TRUNCATE deltagare_uppfoljning"),
}


@pytest.mark.parametrize("andring", ANDRINGAR)
def test_varje_andring_ger_forbundet_ny_version(andring, forbund, annat_forbund, insats, data):
    InsatsFactory(forbund=annat_forbund)
    fore, annat_fore = version(forbund), version(annat_forbund)
    ANDRINGAR[andring](forbund, insats, data)
    assert version(forbund) not in (None, fore)
    if andring != "tabell töms":  # a truncate names no rows: every förbund moves on
        assert version(annat_forbund) == annat_fore


def _som_json(svar) -> str:
    """Every field of an engine answer (any of its dataclasses, or the återbetalningstider's
    plain dict), as text to compare."""
    if isinstance(svar, dict):
        return json.dumps(svar, sort_keys=True)
    return json.dumps(dataclasses.asdict(svar), sort_keys=True, default=str)


def _nyraknat(settings, berakna) -> str:
    settings.FINSAM_STATISTIK_CACHE = False
    try:
        return _som_json(berakna())
    finally:
        settings.FINSAM_STATISTIK_CACHE = True


def test_cachat_svar_ar_lika_med_nyraknat_efter_varje_andring(
    med_cache, settings, forbund, insats, data
):
    """After every change the cached answer is byte for byte the engine's fresh one."""
    berakningar = (
        lambda: forbund_statistik(forbund=forbund, fran=FRAN, till=TILL),
        lambda: insats_statistik(insats=insats, fran=FRAN, till=TILL, urval="avslutade"),
        lambda: forbund_aterbetalningstider(forbund=forbund, fran=FRAN, till=TILL),
    )
    forra = [_som_json(b()) for b in berakningar]
    andrade = 0
    for namn, andring in ANDRINGAR.items():
        if namn == "tabell töms":  # not after writes in the same transaction (PostgreSQL)
            continue
        andring(forbund, insats, data)
        nu = [_som_json(b()) for b in berakningar]
        assert nu == [_nyraknat(settings, b) for b in berakningar]
        andrade += nu != forra
        forra = nu
    # The changes moved the figures, so stale answers would have been caught.
    assert andrade >= 5


def test_andra_anropet_laser_bara_versionen(med_cache, forbund, annat_forbund, data):
    forsta = forbund_statistik(forbund=forbund, fran=FRAN, till=TILL)
    InsatsFactory(forbund=annat_forbund)  # another förbund's change leaves this answer be
    with CaptureQueriesContext(connection) as fragor:
        andra = forbund_statistik(forbund=forbund, fran=FRAN, till=TILL)
    assert len(fragor.captured_queries) == 1
    assert andra == forsta


def test_aterrullad_andring_lamnar_inget_svar_efter_sig(med_cache, settings, forbund, insats, data):
    """An answer computed inside a transaction that rolls back is never read: its
    version number is never current and never given again."""
    fore = _som_json(forbund_statistik(forbund=forbund, fran=FRAN, till=TILL))

    class Avbryt(Exception):
        pass

    with pytest.raises(Avbryt), transaction.atomic():
        Inskrivning.objects.filter(pk=data.pk).delete()
        mitt_i = _som_json(forbund_statistik(forbund=forbund, fran=FRAN, till=TILL))
        assert mitt_i != fore
        raise Avbryt
    efter = forbund_statistik(forbund=forbund, fran=FRAN, till=TILL)
    assert (
        _som_json(efter)
        == fore
        == _nyraknat(settings, lambda: forbund_statistik(forbund=forbund, fran=FRAN, till=TILL))
    )
    # The next change commits a version of its own, not the rolled-back one's.
    inskriv(insats, start=D(2024, 8, 1))
    assert _som_json(forbund_statistik(forbund=forbund, fran=FRAN, till=TILL)) == _nyraknat(
        settings, lambda: forbund_statistik(forbund=forbund, fran=FRAN, till=TILL)
    )
