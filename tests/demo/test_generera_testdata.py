"""`generera_testdata` at a tiny size: counts, the skew, dates inside their insats, statistics."""

import datetime
import statistics

import pytest
from django.db import connection, transaction
from django.db.models import Count, F

from budget.models import Budgetar, Utfall
from deltagare.models import Deltagare, Inskrivning, Stegbedomning
from demo.nationell import Storlek, generera
from demo.nationell.organisation import SKEVHET, andelar, ar_genererat, fordela
from demo.skala.sql import fran_motorn, karnfigurer, tomma_figurer
from finsam.models import Forbund, Medlemskap
from insatser.models import Insats
from scb.models import Helarsekvivalent
from statistik.berakning import forbund_statistik, insats_statistik
from tests.demo.hjalp import snabb_hash

IDAG = datetime.date(2026, 11, 30)
LITEN = Storlek(forbund=7, insatser=20, deltagare=700, inskrivningar=900, bedomningar=4000)


@pytest.fixture(scope="module")
def genererat(django_db_setup, django_db_blocker):
    """Generated once for the module, rolled back afterwards."""
    with django_db_blocker.unblock(), snabb_hash(), transaction.atomic():
        yield generera(LITEN, idag=IDAG, skriv=lambda _: None)
        transaction.set_rollback(True)


def test_antalen(genererat, db):
    assert Forbund.objects.count() == 7
    assert all(ar_genererat(f) for f in Forbund.objects.all())
    assert Insats.objects.count() == 20
    assert Deltagare.objects.count() == 700
    assert Inskrivning.objects.count() == 900
    # What a felregistrering cannot take passes on; only the very last can fall short.
    assert 3990 <= Stegbedomning.objects.count() <= 4000
    assert genererat["stegbedomning"] == Stegbedomning.objects.count()
    assert Budgetar.objects.count() == genererat["budgetar"] > 7
    assert Utfall.objects.exists() and Helarsekvivalent.objects.exists()
    # A förbundschef per förbund and one samordnare.
    assert Medlemskap.objects.count() == 8


def test_storsta_forbundet_ar_tio_ganger_medianen(genererat, db):
    per_forbund = sorted(Forbund.objects.annotate(n=Count("deltagare")).values_list("n", flat=True))
    assert 8 <= per_forbund[-1] / statistics.median(per_forbund) <= 12


def test_skevheten_i_nationell_storlek():
    antal = fordela(300_000, andelar(80))
    assert sum(antal) == 300_000
    assert antal[0] / statistics.median(antal) == pytest.approx(SKEVHET, rel=0.05)


def test_inskrivningarna_ligger_i_sin_insats_och_tio_ar_bakat(genererat, db):
    tio_ar_sedan = IDAG - datetime.timedelta(days=3652)
    for i in Inskrivning.objects.select_related("insats"):
        assert tio_ar_sedan <= i.insats.startdatum <= i.startdatum <= IDAG
        if i.insats.slutdatum is not None:
            assert i.slutdatum is not None and i.slutdatum <= i.insats.slutdatum
        if i.slutdatum is not None:
            assert i.startdatum <= i.slutdatum <= IDAG
    # Bedömningar are never dated before their inskrivning.
    assert not Stegbedomning.objects.filter(datum__lt=F("inskrivning__startdatum")).exists()


def test_statistiken_beraknas(genererat, db):
    forbund = Forbund.objects.order_by("namn").first()
    fran, till = IDAG - datetime.timedelta(days=365), IDAG
    resultat = forbund_statistik(forbund=forbund, fran=fran, till=till)
    assert resultat.deltagare.aktiva.totalt > 0
    insats = forbund.insatser.annotate(n=Count("inskrivningar")).order_by("-n").first()
    assert insats_statistik(insats=insats, fran=fran, till=till).deltagare.aktiva.totalt > 0


def test_kor_inte_igen_over_genererade(genererat, db):
    assert generera(LITEN, idag=IDAG, skriv=lambda _: None) == {}


def test_sql_golvet_ger_samma_tal_som_motorn(genererat, db):
    """The benchmark's hand-written SQL answers what the engine answers (PostgreSQL only)."""
    if connection.vendor != "postgresql":
        pytest.skip("Den handskrivna SQL:en är skriven för PostgreSQL.")
    fran, till = IDAG - datetime.timedelta(days=365), IDAG
    for forbund in Forbund.objects.all():
        motorn = forbund_statistik(forbund=forbund, fran=fran, till=till)
        sql = karnfigurer(fran=fran, till=till, forbund_id=forbund.pk)
        for insats in motorn.insatser:
            assert sql["insatser"].get(insats.insats, tomma_figurer()) == fran_motorn(insats)
        assert sql["unika"]["aktiva"]["kvinnor"] == motorn.deltagare.aktiva.kvinnor
