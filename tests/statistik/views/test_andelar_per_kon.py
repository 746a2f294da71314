"""The shares split by kön and avslutsorsak's shares on the insats page and in the CSV."""

import pytest
from django.urls import reverse

from tests.statistik.views.hjalp import PERIOD

pytestmark = pytest.mark.django_db

P = "\xa0%"


def _tabell(svar, id_: str) -> dict[str, list[str]]:
    tabell = next(t for t in svar.context["tabeller"] if t.id == id_)
    return {rad.rubrik: rad.celler for rad in tabell.rader}


def test_andelar_per_kon_pa_sidan(client, chef, liten_insats):
    client.force_login(chef)
    svar = client.get(reverse("statistik_insats", args=[liten_insats.pk]), PERIOD)
    per_kon = _tabell(svar, "resultat_per_kon")
    # Kvinnor, Män, Annat, Totalt (conftest's hand count). Till arbete: A of the
    # avslutade kvinnor A, C; no man or annat avslutad, so nothing to divide.
    assert per_kon["Till arbete eller studier (%)"] == ["50" + P, "–", "–", "50" + P]
    assert per_kon["Till arbete eller studier, antal"] == ["1", "0", "0", "1"]
    assert per_kon["Till arbete eller studier, av"] == ["2", "0", "0", "2"]
    # Stegförflyttning: A (kvinna) and B (man) up, C one bedömning, D none.
    assert per_kon["Stegförflyttning (%)"] == ["100" + P, "100" + P, "–", "100" + P]
    assert per_kon["Stegförflyttning, av"] == ["1", "1", "0", "2"]
    html = svar.content.decode()
    assert 'href="#tabell-resultat_per_kon"' in html


def test_avslutsorsak_med_antal_och_andel(client, chef, liten_insats):
    client.force_login(chef)
    svar = client.get(reverse("statistik_insats", args=[liten_insats.pk]), PERIOD)
    orsak = _tabell(svar, "avslutsorsak_andel")
    # A arbete, C ohälsa: 1 of 2 avslutade each.
    assert orsak["Arbete"] == ["1", "50" + P]
    assert orsak["Ohälsa/sjukdom"] == ["1", "50" + P]
    assert orsak["Studier"] == ["0", "0" + P]


def test_csv_har_tabellerna_som_tal(client, chef, liten_insats):
    client.force_login(chef)
    svar = client.get(reverse("statistik_insats_csv", args=[liten_insats.pk]), PERIOD)
    text = svar.content.decode("utf-8-sig")
    assert "Resultat;Kvinnor;Män;Annat;Totalt\r\nTill arbete eller studier (%);50;;;50\r\n" in text
    assert "Avslutsorsak;Antal;Andel (%)\r\nArbete;1;50\r\n" in text
