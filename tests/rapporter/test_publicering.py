"""The förbundschef publishes a finished version from its status page, and withdraws it."""

import datetime

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse

from rapporter.models import Rapport

pytestmark = pytest.mark.django_db


@pytest.fixture
def klar(forbund, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    rapport = Rapport.objects.create(
        forbund=forbund,
        typ=Rapport.Typ.HELARSEKVIVALENTER,
        fran=datetime.date(2020, 1, 1),
        till=datetime.date(2020, 12, 31),
        status=Rapport.Status.KLAR,
        progress=100,
        parametrar={"ar": 2020, "region": "1980"},
    )
    rapport.fil.save("h.pdf", ContentFile(b"%PDF-1.7"), save=True)
    return rapport


def test_publicera_och_dra_tillbaka(client, chef, styrelse, klar):
    client.force_login(chef)
    url = reverse("rapport_publicera", args=[klar.pk])
    status = client.get(reverse("rapport_status", args=[klar.pk])).content.decode()
    assert "Publicera för styrelsen och parterna" in status
    svar = client.post(url, {"publicerad": "1"})
    assert svar.status_code == 302 and svar.url == reverse("rapport_status", args=[klar.pk])
    sida = client.get(svar.url).content.decode()
    assert "Version 1 är publicerad." in sida and "Dra tillbaka publiceringen" in sida
    klar.refresh_from_db()
    assert klar.publicerad

    client.force_login(styrelse)
    assert "Helårsekvivalenttabell" in client.get(reverse("rapporter")).content.decode()
    assert client.post(url, {"publicerad": ""}).status_code == 404

    client.force_login(chef)
    client.post(url, {"publicerad": ""})
    klar.refresh_from_db()
    assert not klar.publicerad
    client.force_login(styrelse)
    assert "Inga rapporter är publicerade än." in client.get(reverse("rapporter")).content.decode()


def test_en_rapport_som_inte_ar_klar_publiceras_inte(client, chef, klar):
    Rapport.objects.filter(pk=klar.pk).update(status=Rapport.Status.PAGAR)
    client.force_login(chef)
    svar = client.post(
        reverse("rapport_publicera", args=[klar.pk]), {"publicerad": "1"}, follow=True
    )
    assert (
        "Endast en färdig rapport kan publiceras. Vänta tills den är klar." in svar.content.decode()
    )
    klar.refresh_from_db()
    assert not klar.publicerad
