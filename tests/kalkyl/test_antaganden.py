"""The kalkyl's assumptions: the förbundschef writes a year's set whole, everyone reads it."""

import re

import pytest
from django.urls import reverse

from kalkyl.forms import KALLOR
from kalkyl.models import Antagandeandring, Antaganden, Forsorjningskostnad

pytestmark = pytest.mark.django_db

URL = reverse("kalkyl_antaganden")


def _formular(**andrat) -> dict:
    data = {
        "ar": "2025",
        "varaktighet_ar": "3",
        "tillskrivning_procent": "50",
        "produktionsvarde_per_ar": "420000",
        "produktionsvarde_kalla": "SCB lönestrukturstatistik 2024 med arbetsgivaravgifter",
        "inkomstforandring_per_ar": "90000",
        "inkomstforandring_kalla": "",
    }
    for kalla, _ in KALLOR:
        data |= {f"kostnad_{kalla}": "0", f"aktor_{kalla}": "", f"kalla_{kalla}": ""}
    data |= {
        "kostnad_sjukpenning": "210000",
        "aktor_sjukpenning": "staten",
        "kalla_sjukpenning": "Försäkringskassan, snitt 2024",
    }
    return data | andrat


def test_chefen_sparar_och_rattar(client, chef, forbund):
    client.force_login(chef)
    svar = client.post(URL, _formular())
    assert svar.status_code == 302
    antaganden = Antaganden.objects.get(forbund=forbund, ar=2025)
    assert (antaganden.varaktighet_ar, antaganden.produktionsvarde_per_ar) == (3, 420_000)
    sjukpenning = antaganden.kostnader.get(kalla="sjukpenning")
    assert (sjukpenning.kostnad_per_ar, sjukpenning.aktor) == (210_000, "staten")
    assert antaganden.andrad_av == chef
    # Correcting is saving again: the same row, the new value.
    client.post(URL, _formular(kostnad_sjukpenning="220000"))
    assert Forsorjningskostnad.objects.get(kalla="sjukpenning").kostnad_per_ar == 220_000
    assert Antaganden.objects.count() == 1


def test_en_kostnad_utan_betalare_nekas_och_inget_skrivs(client, chef):
    client.force_login(chef)
    svar = client.post(URL, _formular(kostnad_ekonomiskt_bistand="120000"))
    assert svar.status_code == 400
    text = svar.content.decode()
    assert (
        "Ekonomiskt bistånd (försörjningsstöd): Ange vem som betalar en försörjning som kostar."
        in text
    )
    assert not Antaganden.objects.exists()


def test_felaktiga_tal_far_svenska_meddelanden(client, chef):
    client.force_login(chef)
    svar = client.post(URL, _formular(tillskrivning_procent="150", kostnad_sjukpenning="12 000"))
    text = svar.content.decode()
    assert svar.status_code == 400
    assert "Ange en andel mellan 0 och 100." in text
    assert "Ange ett belopp i hela kronor, utan mellanslag." in text


def test_ett_nytt_ar_borjar_fran_forra_och_styrelsen_laser(client, chef, styrelse, forbund):
    client.force_login(chef)
    client.post(URL, _formular())
    text = client.get(URL, {"ar": "2026"}).content.decode()
    assert "Förbundet har inga antaganden för 2026 än. Fälten visar 2025:s" in text
    assert 'value="210000"' in text
    client.force_login(styrelse)
    text = client.get(URL, {"ar": "2025"}).content.decode()
    assert '<fieldset class="mb-4" disabled>' in text
    assert "Förbundschefen ändrar antagandena." in text
    assert client.post(URL, _formular()).status_code == 404


def test_exempelvarden_sags_tills_chefen_sparar_egna(client, chef, forbund):
    Antaganden.objects.create(forbund=forbund, ar=2025, exempel=True)
    client.force_login(chef)
    assert "<strong>Exempelvärden.</strong>" in client.get(URL, {"ar": "2025"}).content.decode()
    client.post(URL, _formular())
    assert Antaganden.objects.get().exempel is False


def test_varje_andring_sparas_med_vem_och_fran_till(client, chef, styrelse, forbund):
    client.force_login(chef)
    client.post(URL, _formular())
    andrat = _formular(
        kostnad_sjukpenning="220000",
        kalla_sjukpenning="Försäkringskassan, snitt 2025",
        varaktighet_ar="5",
    )
    client.post(URL, andrat)
    client.post(URL, andrat)
    andringar = Antagandeandring.objects.filter(forbund=forbund, ar=2025)
    # Created once; the second save changed three values; the third nothing.
    sjukpenning = "Sjuk- eller rehabiliteringspenning"
    assert sorted(andringar.values_list("falt", "fran", "till")) == [
        ("Antagandena", "", "skapade"),
        ("Effektens varaktighet", "3 år", "5 år"),
        (sjukpenning, "210\xa0000\xa0kr", "220\xa0000\xa0kr"),
        (f"{sjukpenning}, källa", "Försäkringskassan, snitt 2024", "Försäkringskassan, snitt 2025"),
    ]
    assert set(andringar.values_list("av", flat=True)) == {chef.pk}
    # The styrelse reads the history beside the values it reads.
    client.force_login(styrelse)
    text = client.get(URL, {"ar": "2025"}).content.decode()
    assert re.search(r"<td>210\xa0000\xa0kr</td>\s*<td>220\xa0000\xa0kr</td>", text)
    text = client.get(URL, {"ar": "2026"}).content.decode()
    assert "Antagandena för 2026 har inte ändrats." in text
