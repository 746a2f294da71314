"""API calls are limited per key and per user (429 with Retry-After), not per address."""

import pytest
from django.core.cache import cache

from tests.hjalp.api import felen, personlig_klient

URL = "/api/v1/forbund/"


@pytest.fixture
def takt(settings):
    settings.FINSAM_API_BEGRANSNING = True
    settings.FINSAM_API_TAKT = {"minut": "5/m", "skur": "3/10s"}
    settings.CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "takt"}
    }
    cache.clear()
    yield
    cache.clear()


def statusar(klient, antal: int) -> list[int]:
    return [klient.get(URL).status_code for _ in range(antal)]


def test_skuren_stoppar_det_fjarde_anropet_med_retry_after(takt, chef):
    klient = personlig_klient(chef)
    assert statusar(klient, 3) == [200, 200, 200]
    svar = klient.get(URL)
    assert svar.status_code == 429
    assert 1 <= int(svar["Retry-After"]) <= 10
    assert felen(svar) == {
        "detail": "För många anrop med den här nyckeln eller av den här användaren. "
        f"Försök igen om {svar['Retry-After']} sekunder."
    }


def test_minuttakten_galler_aven_nar_skuren_tillater(takt, settings, chef):
    settings.FINSAM_API_TAKT = {"minut": "5/m", "skur": "100/10s"}
    assert statusar(personlig_klient(chef), 6) == [200] * 5 + [429]


def test_varje_nyckel_har_sin_egen_rakning(takt, chef, samordnare):
    # Two keys of one user are two integrations: one must not starve the other.
    forsta, andra = personlig_klient(chef), personlig_klient(chef)
    assert statusar(forsta, 4)[-1] == 429
    assert statusar(andra, 3) == [200, 200, 200]
    assert statusar(personlig_klient(samordnare), 1) == [200]


def test_inloggad_anvandare_raknas_per_anvandare(takt, client, chef):
    client.force_login(chef)
    assert [client.get(URL).status_code for _ in range(4)] == [200, 200, 200, 429]


def test_av_med_en_installning(takt, settings, chef):
    settings.FINSAM_API_BEGRANSNING = False
    assert set(statusar(personlig_klient(chef), 10)) == {200}
