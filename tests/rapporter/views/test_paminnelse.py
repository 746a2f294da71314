"""On a report's page the förbundschef sees, per insats of the report, whether its
berättelse for exactly the report's period is written, and reminds the samordnare."""

import datetime

import pytest
from django.urls import reverse

from insatser.models import Berattelsebegaran
from insatser.services import insatsberattelse_spara
from rapporter.models import Rapportdokument
from tests.factories import InsatsFactory

pytestmark = pytest.mark.django_db
D = datetime.date


def berattelser(client, dokument) -> str:
    """The page's part about the samordnarnas berättelser."""
    html = client.get(reverse("rapportdokument:visa", args=[dokument.pk])).content.decode()
    return html[html.index('id="berattelser"') : html.index('id="rubrik-skapa"')]


def test_paminn_visa_skriv_och_se_den_skriven(client, chef, samordnare, insats, dokument):
    del_ = InsatsFactory(forbund=insats.forbund, namn="Delinsatsen", overordnad=insats)
    InsatsFactory(forbund=insats.forbund, namn="Nedlagd", slutdatum=D(2024, 12, 31))
    client.force_login(chef)
    delen = berattelser(client, dokument)
    # The insatser of the bilaga: those that ran in the period, delinsatser too
    # (each has its berättelse in the report), not one that had ended.
    assert "Samordningsteam" in delen and "Inte skriven" in delen
    assert del_.namn in delen and "Nedlagd" not in delen

    svar = client.post(reverse("rapportdokument:paminn", args=[dokument.pk, insats.pk]))
    assert svar.url == reverse("rapportdokument:visa", args=[dokument.pk]) + "#berattelser"
    begaran = Berattelsebegaran.objects.get()
    assert (begaran.insats, begaran.fran, begaran.till, begaran.begard_av) == (
        insats,
        D(2025, 1, 1),
        D(2025, 8, 31),
        chef,
    )
    assert "Påminn igen" in berattelser(client, dokument)

    client.force_login(samordnare)
    assert (
        "Förbundschefen väntar på din berättelse"
        in client.get(reverse("mina_insatser")).content.decode()
    )
    insatsberattelse_spara(
        insats=insats,
        fran=D(2025, 1, 1),
        till=D(2025, 8, 31),
        text="Teamet har vuxit.",
        version=None,
        user=samordnare,
    )
    assert "väntar på din berättelse" not in client.get(reverse("mina_insatser")).content.decode()

    client.force_login(chef)
    delen = berattelser(client, dokument)
    # Written for Samordningsteam; the delinsats's is still missing.
    assert delen.count("Inte skriven") == 1 and "Skriven" in delen
    assert "Påminn samordnaren<span class=\"visually-hidden\"> för Samordningsteam" not in delen


def test_en_berattelse_for_en_annan_period_raknas_inte(client, chef, samordnare, insats, dokument):
    insatsberattelse_spara(
        insats=insats,
        fran=D(2025, 1, 1),
        till=D(2025, 6, 30),
        text="Halvåret.",
        version=None,
        user=samordnare,
    )
    client.force_login(chef)
    assert "Inte skriven" in berattelser(client, dokument)


def test_insats_utanfor_rapporten_paminns_inte(client, chef, insats, annat_forbund, dokument):
    nedlagd = InsatsFactory(forbund=insats.forbund, namn="Nedlagd", slutdatum=D(2024, 12, 31))
    annans = InsatsFactory(forbund=annat_forbund, namn="Sala-teamet")
    client.force_login(chef)
    for annan in (nedlagd, annans):
        url = reverse("rapportdokument:paminn", args=[dokument.pk, annan.pk])
        assert client.post(url).status_code == 404
    assert not Berattelsebegaran.objects.exists()


def test_verksamhetsberattelse_for_en_insats_visar_bara_den(client, chef, insats, annan_insats):
    client.force_login(chef)
    client.post(
        reverse("rapportdokument:ny", args=["verksamhetsberattelse"]),
        {"fran": "2025-01-01", "till": "2025-12-31", "insats": annan_insats.pk},
    )
    delen = berattelser(client, Rapportdokument.objects.get())
    assert "ALL-IN" in delen and "Samordningsteam" not in delen
    assert "2025-01-01 – 2025-12-31" in delen
