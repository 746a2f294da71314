"""`Cache-Control: no-store` on pages and API answers (issue 3: no personal data in caches)."""

from django.urls import reverse

from finsam.atkomst import SYSTEM
from finsam.services.api_nycklar import api_nyckel_skapa


def test_sida_har_no_store(client, chef):
    client.force_login(chef)
    svar = client.get(reverse("oversikt"))
    assert svar.status_code == 200
    assert svar["Cache-Control"] == "no-store, private"


def test_api_svar_har_no_store(client, forbund, chef):
    nyckel = api_nyckel_skapa(anvandare=chef, user=SYSTEM)[1]
    svar = client.get("/api/v1/forbund/", HTTP_AUTHORIZATION=f"Bearer {nyckel}")
    assert svar.status_code == 200
    assert svar.json()["results"][0]["id"] == forbund.pk
    assert svar["Cache-Control"] == "no-store, private"


def test_aven_felsvar_har_no_store(client, samordnare):
    # A 404 can still tell something (that a page exists); nothing is cached.
    client.force_login(samordnare)
    svar = client.get(reverse("oversikt"))
    assert svar.status_code == 404
    assert svar["Cache-Control"] == "no-store, private"
