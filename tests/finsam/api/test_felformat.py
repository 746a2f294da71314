"""Every error under `/api/` is JSON in API.md's one shape, with a Swedish `detail`.

`felen` (tests/hjalp/api.py) checks the shape on every error the API tests
meet; these tests cover the edges: paths and methods no view answers, bodies
that are not JSON or not of the resource, a parallel create, a fault.
"""

import threading
from unittest import mock

import pytest
from django.db import IntegrityError, connection
from django.test import RequestFactory
from rest_framework.test import APIClient

from finsam.felsidor import serverfel
from finsam.models import Part
from tests.hjalp.api import felen, personlig_klient

HITTADES_INTE = {
    "type": "client_error",
    "errors": [{"code": "not_found", "detail": "Hittades inte.", "attr": None}],
}


def hela(svar) -> dict:
    felen(svar)  # the shape, checked
    return svar.json()


@pytest.mark.parametrize(
    "vag", ["/api/v1/finns-inte/", "/api/v2/insatser/", "/api/", "/api/v1/insatser/abc/"]
)
def test_okand_vag_ar_json_404(chef, vag):
    svar = personlig_klient(chef).get(vag)
    assert (svar.status_code, hela(svar)) == (404, HITTADES_INTE)


def test_okand_vag_utanfor_api_ar_en_sida(chef):
    svar = personlig_klient(chef).get("/finns-inte/")
    assert svar.status_code == 404
    assert svar["Content-Type"].startswith("text/html")


@pytest.mark.parametrize(
    ("metod", "vag"),
    [("put", "/api/v1/forbund/{forbund}/"), ("delete", "/api/v1/insatser/{insats}/")],
)
def test_okand_metod_ar_json_405(chef, forbund, insats, metod, vag):
    url = vag.format(forbund=forbund.pk, insats=insats.pk)
    svar = getattr(personlig_klient(chef), metod)(url, {}, format="json")
    assert svar.status_code == 405
    (fel,) = hela(svar)["errors"]
    assert (fel["code"], fel["detail"]) == (
        "method_not_allowed",
        f'Metoden "{metod.upper()}" tillåts inte.',
    )


def test_trasig_json_ar_400(chef, forbund):
    svar = personlig_klient(chef).generic(
        "POST", "/api/v1/parter/", '{"namn": "Försäkringskassan",', "application/json"
    )
    assert svar.status_code == 400
    assert hela(svar)["errors"] == [
        {"code": "parse_error", "detail": "Kroppen är inte giltig JSON.", "attr": None}
    ]
    assert not Part.objects.exists()


def test_djupt_nastlad_kropp_ar_400_inte_500(chef):
    djup = "[" * 100_000 + "]" * 100_000
    svar = personlig_klient(chef).generic("POST", "/api/v1/parter/", djup, "application/json")
    assert svar.status_code == 400
    assert felen(svar) == {"detail": "Kroppen är för djupt nästlad för att läsas."}


def test_annat_an_json_ar_415(chef, forbund):
    svar = personlig_klient(chef).post(
        "/api/v1/parter/", {"forbund": forbund.pk, "namn": "FK", "typ": "forsakringskassan"}
    )
    assert svar.status_code == 415
    assert hela(svar)["errors"][0]["code"] == "unsupported_media_type"


def test_okant_och_lasbart_falt_namns_aven_i_en_lista(chef, forbund):
    # A nested item's field is named by its place: intakter.0.andel.
    svar = personlig_klient(chef).post(
        "/api/v1/budget/",
        {
            "forbund": forbund.pk,
            "ar": 2025,
            "id": 7,
            "eget_kapital_ingaende": 0,
            "intakter": [{"finansiar": "stat", "belopp": 100, "andel": 50}],
        },
        format="json",
    )
    assert svar.status_code == 400
    assert felen(svar) == {
        "id": ["Fältet kan inte ändras."],
        "intakter.0.andel": ["Okänt fält."],
    }


@pytest.mark.django_db(transaction=True)
def test_tva_samtidiga_skapanden_ger_201_och_409(forbund, chef):
    """Both pass the service's check before either saves; the database refuses the second."""
    if connection.vendor != "postgresql":
        pytest.skip("Två samtidiga transaktioner prövas på PostgreSQL (CI).")
    bada_kontrollerade = threading.Barrier(2, timeout=10)
    full_clean = Part.full_clean

    def kontrollera_och_vanta(self, *args, **kwargs):
        full_clean(self, *args, **kwargs)
        bada_kontrollerade.wait()

    svar = []

    def skapa():
        try:
            svar.append(
                personlig_klient(chef).post(
                    "/api/v1/parter/",
                    {
                        "forbund": forbund.pk,
                        "namn": "Försäkringskassan",
                        "typ": "forsakringskassan",
                    },
                    format="json",
                )
            )
        finally:
            connection.close()

    with mock.patch.object(Part, "full_clean", kontrollera_och_vanta):
        tradar = [threading.Thread(target=skapa) for _ in range(2)]
        for trad in tradar:
            trad.start()
        for trad in tradar:
            trad.join()
    assert sorted(s.status_code for s in svar) == [201, 409]
    (konflikt,) = [s for s in svar if s.status_code == 409]
    assert hela(konflikt)["errors"][0]["code"] == "samtidigt_sparad"
    assert Part.objects.filter(forbund=forbund).count() == 1


def test_en_databasvagran_ar_409_pa_svenska(chef, forbund):
    # The same answer without a real race (SQLite runs one writer at a time).
    with mock.patch("finsam.api.views.part_skapa", side_effect=IntegrityError("unik")):
        svar = personlig_klient(chef).post(
            "/api/v1/parter/",
            {"forbund": forbund.pk, "namn": "FK", "typ": "forsakringskassan"},
            format="json",
        )
    assert svar.status_code == 409
    assert felen(svar) == {
        "detail": "Samma uppgift sparades samtidigt av en annan begäran. Hämta den sparade "
        "och försök igen om det behövs."
    }


def test_ovantat_fel_ar_json_500_utan_detaljer(chef):
    klient = personlig_klient(chef)
    klient.raise_request_exception = False
    with mock.patch(
        "finsam.api.views.ForbundViewSet.get_queryset", side_effect=KeyError("hemligt")
    ):
        svar = klient.get("/api/v1/forbund/")
    assert svar.status_code == 500
    assert hela(svar) == {
        "type": "server_error",
        "errors": [
            {
                "code": "error",
                "detail": "Ett oväntat fel uppstod i Finsam. Försök igen om en stund.",
                "attr": None,
            }
        ],
    }


def test_fel_utanfor_vyerna_ar_json_under_api():
    fabrik = RequestFactory()
    svar = serverfel(fabrik.get("/api/v1/insatser/"))
    assert (svar.status_code, svar["Content-Type"]) == (500, "application/json")
    assert serverfel(fabrik.get("/statistik/"))["Content-Type"].startswith("text/html")


def test_anonym_far_401_i_formen(db):
    svar = APIClient().get("/api/v1/insatser/")
    assert svar.status_code == 401
    assert hela(svar)["errors"][0]["code"] == "not_authenticated"
