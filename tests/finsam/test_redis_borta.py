"""Redis away (cache and broker): the requests of a working day answer, none with a 500.

Both are pointed at a port where nobody listens, for real. Pages and API
lists do not need Redis; signing in does not; ordering a report answers
202 and the report is fel with the queue's Swedish reason
(finsam/jobb.py); the cache reads as empty (finsam/cache.py).
`make load` restarts a real Redis under traffic (tests/last/kor.sh).
"""

import pytest
from django.test import Client

from finsam.jobb import KOFEL, Jobbstatus
from rapporter.models import Rapport
from tests.hjalp.api import personlig_klient
from tests.hjalp.redis import INGEN_REDIS, broker_som_inte_svarar

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def redis_borta(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    settings.CACHES = {
        "default": {
            "BACKEND": "finsam.cache.TaligRedisCache",
            "LOCATION": INGEN_REDIS,
            "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
        }
    }
    with broker_som_inte_svarar():
        yield


def test_inloggning_sidor_och_api_svarar(chef, insats):
    klient = Client(raise_request_exception=False)
    svar = klient.post(
        "/konto/logga-in/", {"username": chef.username, "password": "losenord-for-test"}
    )
    assert svar.status_code in (200, 302)
    klient.force_login(chef)
    for url in ("/", "/statistik/", f"/statistik/insatser/{insats.pk}/"):
        assert klient.get(url, follow=True).status_code == 200, url
    api = personlig_klient(chef)
    for url in ("/api/v1/insatser/", "/api/v1/rapporter/", "/api/v1/forbund/"):
        assert api.get(url).status_code == 200, url


def test_rapportbestallning_blir_fel_med_svenskt_skal(
    chef, forbund, django_capture_on_commit_callbacks
):
    api = personlig_klient(chef)
    with django_capture_on_commit_callbacks(execute=True):
        svar = api.post(
            "/api/v1/rapporter/",
            {
                "forbund": forbund.pk,
                "typ": "delarsrapport",
                "fran": "2026-01-01",
                "till": "2026-06-30",
            },  # fmt: skip
            format="json",
        )
    assert svar.status_code == 202
    rapport = Rapport.objects.get(pk=svar.json()["id"])
    assert (rapport.status, rapport.fel) == (Jobbstatus.FEL, KOFEL)
    status = api.get(f"/api/v1/rapporter/{rapport.pk}/").json()
    assert (status["status"], status["fel"]) == ("fel", KOFEL)
