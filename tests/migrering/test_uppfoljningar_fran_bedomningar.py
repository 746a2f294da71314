"""Migration deltagare 0012: every uppfoljning_* bedömning becomes a genomförd follow-up.

Runs the migration itself on the test database: the follow-up rows removed
as if written before 0011, back to 0011 and forward again.
"""

import datetime

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from deltagare.models import Stegbedomning, Uppfoljning
from deltagare.selectors import uppfoljningar_forfallna
from deltagare.services import inskrivning_avsluta, stegbedomning_lagg_till
from finsam.atkomst import SYSTEM

pytestmark = pytest.mark.django_db(transaction=True)

D = datetime.date


def _migrera(mal) -> MigrationExecutor:
    executor = MigrationExecutor(connection)
    executor.migrate(mal)
    return executor


def test_bedomningar_blir_genomforda_uppfoljningar(inskrivning, samordnare):
    inskrivning_avsluta(
        inskrivning=inskrivning, slutdatum=D(2025, 4, 30), avslutsorsak="arbete", user=SYSTEM
    )
    stegbedomning_lagg_till(
        inskrivning=inskrivning,
        datum=D(2025, 11, 2),
        typ="uppfoljning_6",
        steg_nummer=4,
        user=SYSTEM,
    )
    stegbedomning_lagg_till(
        inskrivning=inskrivning, datum=D(2025, 4, 2), typ="lopande", steg_nummer=4, user=SYSTEM
    )
    # As before 0011: the bedömning alone.
    Uppfoljning.objects.all().delete()
    executor = _migrera([("deltagare", "0011_korrigering_och_uppfoljning")])
    try:
        _migrera(executor.loader.graph.leaf_nodes())
    finally:
        _migrera(MigrationExecutor(connection).loader.graph.leaf_nodes())
    uppfoljning = Uppfoljning.objects.get()
    assert (uppfoljning.typ, uppfoljning.datum, uppfoljning.utfall, uppfoljning.sysselsattning) == (
        "uppfoljning_6",
        D(2025, 11, 2),
        "genomford",
        "",
    )
    assert Stegbedomning.objects.count() == 2
    forfallna = uppfoljningar_forfallna(
        user=samordnare, insats=inskrivning.insats, idag=D(2027, 1, 1)
    )
    assert [u.typ for u in forfallna] == ["uppfoljning_18"]
