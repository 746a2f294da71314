"""Issue 14 over the API: the steg at avslut, reopening with `DELETE avslut/`, follow-ups."""

import pytest

from deltagare.models import Atkomstlogg, Korrigering, Stegbedomning, Uppfoljning
from tests.hjalp.api import felen, personlig_klient

AVSLUT = {
    "slutdatum": "2025-06-30",
    "avslutsorsak": "arbete",
    "forsorjning_vid_avslut": ["lon"],
    "sysselsattning": "forvarvsarbete",
}


@pytest.fixture
def url(inskriven) -> str:
    return f"/api/v1/inskrivningar/{inskriven.pk}/"


def test_avslut_med_steg_och_ateroppning(klient, url, inskriven, samordnare):
    svar = klient.post(url + "avslut/", AVSLUT | {"steg": 5}, format="json")
    assert svar.status_code == 200, svar.json()
    assert Stegbedomning.objects.get().typ == "avslut"
    assert klient.delete(url + "avslut/", {}, format="json").status_code == 400
    svar = klient.delete(url + "avslut/", {"orsak": "Avslutad för tidigt"}, format="json")
    assert svar.status_code == 200, svar.json()
    assert svar.json()["slutdatum"] is None
    korrigering = Korrigering.objects.get()
    assert (korrigering.typ, korrigering.skal, korrigering.av) == (
        "avslut_ateroppnat",
        "Avslutad för tidigt",
        samordnare,
    )
    assert Atkomstlogg.objects.filter(handling="ateroppna", user=samordnare).count() == 1


def test_ateroppning_med_gammal_version_ger_409(klient, url):
    klient.post(url + "avslut/", AVSLUT, format="json")
    svar = klient.delete(url + "avslut/", {"orsak": "x", "version": 1}, format="json")
    assert svar.status_code == 409


def test_uppfoljningar(klient, url):
    klient.post(url + "avslut/", AVSLUT, format="json")
    svar = klient.post(
        url + "uppfoljningar/",
        {
            "typ": "uppfoljning_6",
            "datum": "2026-01-10",
            "utfall": "genomford",
            "steg": 6,
            "forsorjning": ["lon", "ekonomiskt_bistand"],
            "sysselsattning": "forvarvsarbete",
        },
        format="json",
    )
    assert svar.status_code == 201, svar.json()
    assert svar.json() == {
        "id": Uppfoljning.objects.get().pk,
        "typ": "uppfoljning_6",
        "datum": "2026-01-10",
        "utfall": "genomford",
        "steg": 6,
        "forsorjning": ["lon", "ekonomiskt_bistand"],
        "sysselsattning": "forvarvsarbete",
    }
    svar = klient.post(
        url + "uppfoljningar/",
        {"typ": "uppfoljning_18", "datum": "2026-11-10", "utfall": "kunde_inte_nas"},
        format="json",
    )
    assert svar.status_code == 201, svar.json()
    lista = klient.get(url + "uppfoljningar/").json()
    assert [(u["typ"], u["utfall"], u["steg"]) for u in lista] == [
        ("uppfoljning_6", "genomford", 6),
        ("uppfoljning_18", "kunde_inte_nas", None),
    ]


def test_uppfoljning_utan_steg_vagras(klient, url):
    klient.post(url + "avslut/", AVSLUT, format="json")
    svar = klient.post(
        url + "uppfoljningar/",
        {"typ": "uppfoljning_6", "datum": "2026-01-10", "utfall": "genomford"},
        format="json",
    )
    assert svar.status_code == 400
    assert "steg" in felen(svar)
    assert not Uppfoljning.objects.exists()


def test_andra_anvandare_nar_inte_uppfoljningar(url, fel_anvandare, utomstaende, klient):
    klient.post(url + "avslut/", AVSLUT, format="json")
    for user in [*fel_anvandare, utomstaende]:
        annan = personlig_klient(user)
        assert annan.get(url + "uppfoljningar/").status_code in (403, 404)
        assert annan.delete(url + "avslut/", {"orsak": "x"}, format="json").status_code in (
            403,
            404,
        )
    assert not Korrigering.objects.exists()
