"""Benchmarks (`make bench`): the budget at national scale (DOMAIN.md §8).

80 förbund with 10 budget years each, 40 rader a year and one utfall per rad
and month: 384 000 utfall in the database. One förbund's sammanställning and
its page must not feel the other förbund and years.
"""

import datetime

import pytest
from django.urls import reverse

from budget.models import Budgetar, Budgetrad, Utfall
from budget.sammanstallning import budget_sammanstallning
from tests.bench.matning import KORNINGAR, median_ms, sidans_ms
from tests.factories import ForbundFactory

pytestmark = pytest.mark.bench

FORBUND, AR, RADER = 80, range(2017, 2027), 40
KATEGORIER = ["insatser"] * 30 + ["styrelsen"] * 4 + ["administration"] * 6


@pytest.fixture
def nationellt(forbund):
    alla = [forbund] + [ForbundFactory(namn=f"Förbund {i}") for i in range(FORBUND - 1)]
    budgetar = Budgetar.objects.bulk_create(Budgetar(forbund=f, ar=ar) for f in alla for ar in AR)
    rader = Budgetrad.objects.bulk_create(
        Budgetrad(budgetar=b, kategori=KATEGORIER[i], namn=f"Rad {i}", budget=1_000_000 + i)
        for b in budgetar
        for i in range(RADER)
    )
    Utfall.objects.bulk_create(
        (
            Utfall(rad=r, datum=datetime.date(r.budgetar.ar, m, 28), belopp=80_000 + m)
            for r in rader
            for m in range(1, 13)
        ),
        batch_size=10_000,
    )
    return Budgetar.objects.get(forbund=forbund, ar=2026)


def test_sammanstallning_nationell_skala(nationellt, chef, client):
    till = datetime.date(2026, 8, 31)
    s = budget_sammanstallning(budgetar=nationellt, till=till)
    # 40 rader × (80 000 + … + 80 008) for January–August.
    assert s.totalt.utfall == RADER * sum(80_000 + m for m in range(1, 9))
    ms = median_ms(lambda: budget_sammanstallning(budgetar=nationellt, till=till))
    print(f"\nbudget_sammanstallning, {Utfall.objects.count()} utfall i databasen: {ms:.1f} ms "
          f"(median av {KORNINGAR})")  # fmt: skip
    client.force_login(chef)
    url = f"{reverse('budget:sammanstallning', args=[nationellt.pk])}?till={till}"
    ms_sida = sidans_ms(client, url)
    print(f"Sidan Budget och utfall: {ms_sida:.0f} ms (median av {KORNINGAR})")
    assert ms_sida < 300
