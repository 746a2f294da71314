"""The dashboard computed ahead: after a change, once, exactly the engine's answer."""

import datetime

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from statistik.berakning import forbund_aterbetalningstider, forbund_nyckeltal, forbund_statistik
from statistik.berakning.cache import cacheadress
from statistik.forvarmning import forvarm_oversikter
from statistik.tasks import statistik_forvarm_task
from tests.statistik.bygg import D, inskriv
from tests.statistik.test_cache import _nyraknat, _som_json

pa_postgresql = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="dataversionens utlösare finns bara i PostgreSQL"
)
IDAG = D(2025, 3, 15)
# What the dashboard shows first on IDAG: the year so far and its two yardsticks.
PERIODER = {
    "i år": (D(2025, 1, 1), IDAG),
    "föregående period": (D(2024, 10, 19), D(2024, 12, 31)),  # as many days, 74
    "samma period i fjol": (D(2024, 1, 1), D(2024, 3, 15)),
}


@pytest.fixture
def data(forbund, insats):
    inskriv(insats, start=D(2024, 2, 1), bedomningar=((D(2024, 2, 2), "start", 1),))
    inskriv(
        insats,
        kon="man",
        start=D(2024, 11, 1),
        slut=D(2025, 2, 28),
        orsak="arbete",
        bedomningar=((D(2024, 11, 2), "start", 2), (D(2025, 2, 28), "avslut", 4)),
    )


def _fragor(berakna) -> int:
    with CaptureQueriesContext(connection) as fragor:
        berakna()
    return len(fragor.captured_queries)


def _oversiktens_svar(forbund) -> list:
    (fran, till), *jamforelser = PERIODER.values()
    return [
        lambda: forbund_statistik(forbund=forbund, fran=fran, till=till),
        lambda: forbund_aterbetalningstider(forbund=forbund, fran=fran, till=till),
        *(
            lambda f=f, t=t: forbund_nyckeltal(forbund=forbund, fran=f, till=t)
            for f, t in jamforelser
        ),
    ]


@pa_postgresql
def test_forvarmer_det_oversikten_fragar_efter(med_cache, client, chef, forbund, data):
    """The periods computed are the dashboard's own: its first view is answered from the cache."""
    client.force_login(chef)
    fraga = {"period": "egen", "fran": "2025-01-01", "till": IDAG}
    with CaptureQueriesContext(connection) as kall:
        client.get(reverse("statistik"), fraga)
    cache.clear()
    assert forvarm_oversikter(IDAG) == [forbund.pk]
    with CaptureQueriesContext(connection) as varm:
        assert client.get(reverse("statistik"), fraga).status_code == 200
    # The engine's 8 + 5 + 5 queries and the kalkyl column's 8 are gone; what is
    # left reads the versions.
    assert len(kall.captured_queries) - len(varm.captured_queries) == 8 + 8 + 5 + 5


@pa_postgresql
def test_en_gang_per_andring_och_exakt(med_cache, settings, forbund, annat_forbund, insats, data):
    svar = _oversiktens_svar(forbund)
    assert forvarm_oversikter(IDAG) == [forbund.pk, annat_forbund.pk]
    # Computed ahead: each answer is one read of the version, and the engine's own.
    assert [_fragor(b) for b in svar] == [1, 1, 1, 1]
    varmt = [_som_json(b()) for b in svar]
    assert varmt == [_nyraknat(settings, b) for b in svar]
    # Nothing changed: nothing to do.
    assert forvarm_oversikter(IDAG) == []
    # A change in the förbund: it alone is computed again, equal to the engine.
    inskriv(insats, start=D(2025, 3, 1), bedomningar=((D(2025, 3, 2), "start", 3),))
    assert forvarm_oversikter(IDAG) == [forbund.pk]
    assert [_fragor(b) for b in svar] == [1, 1, 1, 1]
    nu = [_som_json(b()) for b in svar]
    assert nu == [_nyraknat(settings, b) for b in svar] and nu != varmt
    # A new day moves the period's end: every förbund is computed again.
    imorgon = IDAG + datetime.timedelta(days=1)
    assert forvarm_oversikter(imorgon) == [forbund.pk, annat_forbund.pk]


@pa_postgresql
def test_en_korning_at_gangen(med_cache, forbund, data):
    cache.add(cacheadress("forvarmning", "las"), 1)
    assert forvarm_oversikter(IDAG) == []
    cache.delete(cacheadress("forvarmning", "las"))
    assert forvarm_oversikter(IDAG) == [forbund.pk]


def test_inget_utan_cache(settings, forbund, data):
    """On SQLite, or with the cache turned off, nothing is computed ahead (nor read)."""
    settings.FINSAM_STATISTIK_CACHE = False
    assert _fragor(lambda: forvarm_oversikter(IDAG)) == 0
    assert statistik_forvarm_task() == 0


def test_beat_kor_forvarmningen_varje_minut(settings):
    schema = settings.CELERY_BEAT_SCHEDULE["statistik-forvarm"]
    assert schema == {"task": statistik_forvarm_task.name, "schedule": 60.0}
