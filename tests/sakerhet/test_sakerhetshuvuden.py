"""The CSP and Permissions-Policy headers (issue 15 §1) on a page and on an API answer.

tests/browser/test_csp.py shows that every page keeps to the policy; this
module pins the policy itself, directive by directive.
"""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db

CSP = {
    "default-src": "'self'",
    "script-src": "'self'",
    "style-src": "'self'",
    "img-src": "'self' data:",
    "font-src": "'self'",
    "connect-src": "'self'",
    "object-src": "'none'",
    "base-uri": "'none'",
    "form-action": "'self'",
    "frame-ancestors": "'none'",
}
# Features Finsam never uses; each must be switched off for every origin.
AVSTANGDA = {"camera", "microphone", "geolocation", "payment", "usb", "fullscreen", "serial"}


def direktiv(huvud: str) -> dict[str, str]:
    delar = (d.strip().split(" ", 1) for d in huvud.split(";") if d.strip())
    return {namn: varde for namn, varde in delar}


def funktioner(huvud: str) -> dict[str, str]:
    return dict(d.strip().split("=", 1) for d in huvud.split(","))


def kontrollera(svar) -> None:
    assert direktiv(svar["Content-Security-Policy"]) == CSP
    assert "Content-Security-Policy-Report-Only" not in svar
    avstangda = funktioner(svar["Permissions-Policy"])
    assert avstangda.keys() >= AVSTANGDA
    assert set(avstangda.values()) == {"()"}


def test_en_sida_har_policyerna(client, chef):
    client.force_login(chef)
    svar = client.get(reverse("oversikt"))
    assert svar.status_code == 200
    kontrollera(svar)


def test_inloggningssidan_har_policyerna(client):
    kontrollera(client.get(reverse("login")))


def test_ett_api_svar_har_policyerna(partklient):
    svar = partklient.get("/api/v1/insatser/")
    assert svar.status_code == 200
    kontrollera(svar)


def test_ett_nekat_api_svar_har_policyerna(client):
    svar = client.get("/api/v1/insatser/")
    assert svar.status_code == 401
    kontrollera(svar)
