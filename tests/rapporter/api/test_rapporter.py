"""`rapporter/` (API.md, issue 12 §5 and §9): who sees which version, the PDF, publication."""

import datetime

import pytest
from django.core.files.base import ContentFile

from rapporter.models import Rapport
from tests.hjalp.api import felen, personlig_klient

pytestmark = pytest.mark.django_db

URL = "/api/v1/rapporter/"


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def _version(forbund, version, *, status="klar", publicerad=False, maskerad=True) -> Rapport:
    rapport = Rapport.objects.create(
        forbund=forbund,
        typ=Rapport.Typ.DELARSRAPPORT,
        fran=datetime.date(2026, 1, 1),
        till=datetime.date(2026, 8, 31),
        version=version,
        status=status,
        progress=100 if status == "klar" else 40,
        publicerad=publicerad,
        maskerad=maskerad,
    )
    if status == "klar":
        rapport.fil.save(f"v{version}.pdf", ContentFile(f"%PDF-1.7 v{version}".encode()), save=True)
    return rapport


@pytest.fixture
def versioner(forbund):
    return {
        "utkast": _version(forbund, 1),
        "publicerad": _version(forbund, 2, publicerad=True),
        "omaskerad": _version(forbund, 3, publicerad=True, maskerad=False),
        "pagar": _version(forbund, 4, status="pagar"),
    }


def _ids(klient) -> set[int]:
    svar = klient.get(URL)
    assert svar.status_code == 200
    return {rad["id"] for rad in svar.json()["results"]}


def test_vem_ser_vilka_versioner(versioner, chef, styrelse, samordnare, partklient, utomstaende):
    v = {namn: r.pk for namn, r in versioner.items()}
    assert _ids(personlig_klient(chef)) == set(v.values())
    assert _ids(personlig_klient(styrelse)) == {v["publicerad"], v["omaskerad"]}
    # Part keys: published and masked only; the unmasked version is the styrelse's alone.
    assert _ids(partklient) == {v["publicerad"]}
    assert _ids(personlig_klient(samordnare)) == set()
    assert _ids(personlig_klient(utomstaende)) == set()
    for klient, dold in ((partklient, "omaskerad"), (personlig_klient(styrelse), "utkast")):
        assert klient.get(f"{URL}{v[dold]}/").status_code == 404
        assert klient.get(f"{URL}{v[dold]}/pdf/").status_code == 404


def test_detalj_med_status_och_pdf(versioner, chef):
    klient = personlig_klient(chef)
    rapport = versioner["publicerad"]
    data = klient.get(f"{URL}{rapport.pk}/").json()
    assert {k: data[k] for k in ("status", "progress", "version", "publicerad", "maskerad")} == {
        "status": "klar",
        "progress": 100,
        "version": 2,
        "publicerad": True,
        "maskerad": True,
    }
    assert data["pdf_url"].endswith(f"/api/v1/rapporter/{rapport.pk}/pdf/")
    svar = klient.get(f"{URL}{rapport.pk}/pdf/")
    assert svar.status_code == 200
    assert b"".join(svar.streaming_content) == b"%PDF-1.7 v2"


def test_pdf_svarar_409_medan_den_skapas(versioner, chef):
    svar = personlig_klient(chef).get(f"{URL}{versioner['pagar'].pk}/pdf/")
    assert svar.status_code == 409
    assert felen(svar) == {"detail": "Rapporten är inte klar."}
    assert (svar.json()["errors"][0]["code"], svar.json()["status"]) == ("inte_klar", "pagar")
    assert (svar.json()["progress"], svar.json()["fel"]) == (40, "")


def test_publicera_drar_tillbaka_andra_versioner_av_samma_rapport(versioner, chef):
    klient = personlig_klient(chef)
    svar = klient.patch(f"{URL}{versioner['utkast'].pk}/", {"publicerad": True}, format="json")
    assert svar.status_code == 200 and svar.json()["publicerad"] is True
    publicerade = set(Rapport.objects.filter(publicerad=True).values_list("version", flat=True))
    assert publicerade == {1}
    svar = klient.patch(f"{URL}{versioner['utkast'].pk}/", {"publicerad": False}, format="json")
    assert svar.json()["publicerad"] is False
    assert not Rapport.objects.filter(publicerad=True).exists()


def test_en_rapport_som_inte_ar_klar_publiceras_inte(versioner, chef):
    svar = personlig_klient(chef).patch(
        f"{URL}{versioner['pagar'].pk}/", {"publicerad": True}, format="json"
    )
    assert svar.status_code == 400
    assert felen(svar) == {
        "publicerad": ["Endast en färdig rapport kan publiceras. Vänta tills den är klar."]
    }
    assert Rapport.objects.filter(publicerad=True).count() == 2


def test_bara_forbundschefen_publicerar(versioner, styrelse, partklient):
    rapport = versioner["publicerad"]
    assert (
        personlig_klient(styrelse)
        .patch(f"{URL}{rapport.pk}/", {"publicerad": False}, format="json")
        .status_code
        == 403
    )
    assert (
        partklient.patch(f"{URL}{rapport.pk}/", {"publicerad": False}, format="json").status_code
        == 403
    )
    rapport.refresh_from_db()
    assert rapport.publicerad


def test_filter_typ_och_forbund(versioner, chef, forbund):
    klient = personlig_klient(chef)
    assert klient.get(URL, {"typ": "helarsekvivalenter"}).json()["results"] == []
    assert (
        len(klient.get(URL, {"typ": "delarsrapport", "forbund": forbund.pk}).json()["results"]) == 4
    )
