"""POST `rapporter/` (API.md, issue 12 §9): a förbundschef orders a version and gets 202;
versions are numbered per förbund, typ, period and insats; nobody else orders."""

import pytest

from rapporter.models import Rapport, Rapportdokument
from tests.hjalp.api import felen, personlig_klient

pytestmark = pytest.mark.django_db

URL = "/api/v1/rapporter/"


def _bestallning(forbund, **kw) -> dict:
    return {
        "forbund": forbund.pk,
        "typ": "delarsrapport",
        "fran": "2026-01-01",
        "till": "2026-08-31",
        **kw,
    }


def test_chefen_bestaller_och_far_202_med_status_url(forbund, chef):
    klient = personlig_klient(chef)
    svar = klient.post(URL, _bestallning(forbund), format="json")
    assert svar.status_code == 202
    kvitto = svar.json()
    rapport = Rapport.objects.get()
    assert kvitto == {
        "id": rapport.pk,
        "status": "koad",
        "status_url": f"http://testserver/api/v1/rapporter/{rapport.pk}/",
    }
    assert (rapport.typ, rapport.version, rapport.maskerad, rapport.insats) == (
        "delarsrapport",
        1,
        True,
        None,
    )
    # The report did not exist: it was started from seed 002's sections.
    assert rapport.dokument.avsnitt.count() == 10
    detalj = klient.get(kvitto["status_url"]).json()
    assert {k: detalj[k] for k in ("status", "progress", "version", "publicerad", "maskerad")} == {
        "status": "koad",
        "progress": 0,
        "version": 1,
        "publicerad": False,
        "maskerad": True,
    }


def test_versioner_numreras_per_rapport(forbund, chef, insats):
    klient = personlig_klient(chef)
    for kropp in (
        _bestallning(forbund),
        _bestallning(forbund, maskera=False),
        _bestallning(forbund, typ="verksamhetsberattelse"),
        _bestallning(forbund, typ="verksamhetsberattelse", insats=insats.pk),
        _bestallning(forbund, typ="verksamhetsberattelse", insats=insats.pk),
        _bestallning(forbund, fran="2025-01-01", till="2025-08-31"),
    ):
        assert klient.post(URL, kropp, format="json").status_code == 202
    rader = list(
        Rapport.objects.order_by("pk").values_list(
            "typ", "fran__year", "insats", "version", "maskerad"
        )
    )
    assert rader == [
        ("delarsrapport", 2026, None, 1, True),
        ("delarsrapport", 2026, None, 2, False),
        ("verksamhetsberattelse", 2026, None, 1, True),
        ("verksamhetsberattelse", 2026, insats.pk, 1, True),
        ("verksamhetsberattelse", 2026, insats.pk, 2, True),
        ("delarsrapport", 2025, None, 1, True),
    ]
    # Two versions of one report share its texts.
    assert Rapportdokument.objects.count() == 4


def test_fel_indata_ger_400_pa_svenska_och_inget_skrivs(forbund, chef, insats):
    klient = personlig_klient(chef)
    for kropp, attr, text in (
        (
            _bestallning(forbund, insats=insats.pk),
            "insats",
            "Endast en verksamhetsberättelse kan gälla en enda insats.",
        ),
        (
            _bestallning(forbund, till="2025-12-31"),
            None,
            "Periodens slut kan inte vara före dess början.",
        ),
        (_bestallning(forbund, typ="helarsekvivalenter"), "typ", None),
    ):
        svar = klient.post(URL, kropp, format="json")
        assert svar.status_code == 400, kropp
        fel = felen(svar)
        assert text in fel[attr or "non_field_errors"][0] if text else attr in fel
    assert not Rapport.objects.exists() and not Rapportdokument.objects.exists()


def test_ingen_annan_an_chefen_bestaller(forbund, styrelse, samordnare, partklient, utomstaende):
    for klient, vantat in (
        (personlig_klient(styrelse), 403),
        (personlig_klient(samordnare), 403),
        (partklient, 403),
        # Another förbund's chef cannot even name this förbund.
        (personlig_klient(utomstaende), 400),
    ):
        assert klient.post(URL, _bestallning(forbund), format="json").status_code == vantat
    assert not Rapport.objects.exists() and not Rapportdokument.objects.exists()
