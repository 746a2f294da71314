"""Benchmarks (`make bench`): the statistics of 1 000 deltagare, for an insats and a förbund.

Not part of `make test`: speed targets are measured here, on this machine,
not asserted in unit tests. Prints the median of repeated runs and fails
when a page misses issue 4's 300 ms (set for the insats page; the dashboard
is held to the same).
"""

import pytest
from django.urls import reverse

from statistik.berakning import forbund_statistik, insats_statistik
from tests.bench.matning import KORNINGAR, median_ms, sidans_ms
from tests.statistik.bygg import D, bygg_manga

pytestmark = pytest.mark.bench

FRAN, TILL = D(2024, 1, 1), D(2024, 12, 31)


@pytest.fixture
def tusen(forbund, insats):
    bygg_manga(forbund, [insats], 1000)
    return insats


def test_insats_statistik_1000_deltagare(tusen, forbund):
    ms = median_ms(lambda: insats_statistik(insats=tusen, fran=FRAN, till=TILL))
    print(f"\ninsats_statistik, 1 000 deltagare: {ms:.0f} ms (median av {KORNINGAR})")
    ms_forbund = median_ms(lambda: forbund_statistik(forbund=forbund, fran=FRAN, till=TILL))
    print(f"forbund_statistik, 1 000 deltagare: {ms_forbund:.0f} ms (median av {KORNINGAR})")
    # The page must render in under 300 ms; the engine is most of that work.
    assert ms < 300


def test_insatssidan_1000_deltagare(tusen, chef, client):
    """Issue 4: a 1 000-deltagare insats page renders in under 300 ms."""
    client.force_login(chef)
    url = reverse("statistik_insats", kwargs={"pk": tusen.pk})
    ms = sidans_ms(client, f"{url}?fran={FRAN}&till={TILL}")
    print(f"\nInsatssidan, 1 000 deltagare: {ms:.0f} ms (median av {KORNINGAR})")
    assert ms < 300


def test_oversikten_1000_deltagare(forbund, insats, annan_insats, chef, client):
    """The förbundschef's dashboard with 1 000 deltagare spread over two insatser."""
    bygg_manga(forbund, [insats, annan_insats], 1000)
    client.force_login(chef)
    ms = sidans_ms(client, f"{reverse('statistik')}?period=egen&fran={FRAN}&till={TILL}")
    print(f"\nÖversikten, 1 000 deltagare i två insatser: {ms:.0f} ms (median av {KORNINGAR})")
    assert ms < 300
