"""The budget page, its CSV and Excel show seed 002's table, in tkr, the same cell for cell."""

import csv
import io

import openpyxl
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from budget.services import budgetrad_skapa
from finsam.atkomst import SYSTEM

pytestmark = pytest.mark.django_db
TILL = {"till": "2021-08-31"}


def _sida(client, user, budgetar, data=TILL):
    client.force_login(user)
    return client.get(reverse("budget:sammanstallning", args=[budgetar.pk]), data)


def _rader(svar) -> dict[str, list[str]]:
    return {r.rubrik: r.celler for r in svar.context["tabeller"][0].rader if r.typ == "rad"}


def test_chef_ser_seed_002_i_tkr(client, chef, budget_2021):
    svar = _sida(client, chef, budget_2021)
    assert svar.status_code == 200
    rader = _rader(svar)
    # Budget, utfall, förbrukning, prognos, utblick 2022, utblick 2023.
    assert rader["Samordningsteam Västerås"] == [
        "7\xa0306", "3\xa0095", "42\xa0%", "7\xa0306", "7\xa0923", "8\xa0000"
    ]  # fmt: skip
    assert rader["JobbFokus 2.0/SPIRA"][-1] == "–"  # the seed's "-"
    assert rader["Utvecklingsmedel ej intecknade medel"][:4] == ["3\xa0094", "53", "2\xa0%", "53"]
    summor = {r.rubrik: r.celler for r in svar.context["tabeller"][0].rader if r.typ != "rad"}
    assert summor["Summa insatser"][:3] == ["17\xa0035", "6\xa0416", "38\xa0%"]
    assert summor["Totalt"] == [
        "18\xa0506",
        "7\xa0160",
        "39\xa0%",
        "15\xa0465",
        "15\xa0517",
        "11\xa0442",
    ]
    resultat = {r.rubrik: r.celler for r in svar.context["tabeller"][1].rader}
    # Budget 2021, prognos 2021, utblick 2022, utblick 2023.
    assert resultat["Eget kapital vid årets slut"] == [
        "3\xa0045",
        "6\xa0086",
        "1\xa0565",
        "1\xa0010",
    ]
    assert resultat["Resultat (intäkter − kostnader)"] == [
        "−5\xa0196",
        "−2\xa0155",
        "−4\xa0521",
        "−555",
    ]
    html = svar.content.decode()
    assert "Samordningsteam Västerås" in html and "39\xa0%" in html
    assert "Rader och konton" in html  # the förbundschef's menu


def test_styrelsen_laser_utan_andringslankar(client, styrelse, budget_2021):
    svar = _sida(client, styrelse, budget_2021)
    assert svar.status_code == 200
    html = svar.content.decode()
    assert "18\xa0506" in html
    assert "Rader och konton" not in html and "Ändra eget kapital" not in html


@pytest.mark.parametrize("vem", ["samordnare", "utomstaende"])
def test_andra_far_404(client, request, budget_2021, vem):
    user = request.getfixturevalue(vem)
    for namn in ("sammanstallning", "sammanstallning_csv", "sammanstallning_excel"):
        client.force_login(user)
        assert client.get(reverse(f"budget:{namn}", args=[budget_2021.pk]), TILL).status_code == 404
    assert client.get(reverse("budget:budgetar")).status_code == (
        404 if vem == "samordnare" else 200
    )


def test_datum_utanfor_aret_ger_fel_vid_faltet(client, chef, budget_2021):
    svar = _sida(client, chef, budget_2021, {"till": "2022-01-31"})
    assert svar.status_code == 400
    assert "Välj ett datum i budgetåret 2021." in svar.content.decode()
    svar = _sida(client, chef, budget_2021, {"till": "31/8"})
    assert svar.status_code == 400
    assert "ÅÅÅÅ-MM-DD" in svar.content.decode()
    # A download with a bad date answers with the page, the förbundschef's menu kept.
    svar = client.get(reverse("budget:sammanstallning_csv", args=[budget_2021.pk]), {"till": "x"})
    assert svar.status_code == 400
    assert "Rader och konton" in svar.content.decode()


def test_csv_ar_samma_celler(client, chef, budget_2021):
    client.force_login(chef)
    svar = client.get(reverse("budget:sammanstallning_csv", args=[budget_2021.pk]), TILL)
    assert svar.status_code == 200
    assert svar["Content-Disposition"] == 'attachment; filename="budget-2021-tom-2021-08-31.csv"'
    text = svar.content.decode("utf-8-sig")
    rader = list(csv.reader(io.StringIO(text), delimiter=";"))
    assert ["Utfall till och med", "2021-08-31"] in rader
    assert ["Samordningsteam Västerås", "7306", "3095", "42", "7306", "7923", "8000"] in rader
    assert ["Totalt", "18506", "7160", "39", "15465", "15517", "11442"] in rader
    assert ["Eget kapital vid årets slut", "3045", "6086", "1565", "1010"] in rader


def test_excel_har_talen_som_tal(client, chef, budget_2021):
    client.force_login(chef)
    svar = client.get(reverse("budget:sammanstallning_excel", args=[budget_2021.pk]), TILL)
    bok = openpyxl.load_workbook(io.BytesIO(svar.content))
    assert bok.sheetnames == ["Om", "Budget och utfall", "Resultat"]
    rader = {r[0]: r[1:] for r in bok["Budget och utfall"].iter_rows(values_only=True)}
    assert rader["Totalt"] == (18506, 7160, 39, 15465, 15517, 11442)
    assert rader["JobbFokus 2.0/SPIRA"][-1] is None


def test_utan_datum_idag_inom_aret(client, chef, budget_2021):
    # Today (2026 or later in these tests) is after 2021: the year's last day.
    svar = _sida(client, chef, budget_2021, {})
    assert svar.context["s"].till.isoformat() == "2021-12-31"


def test_fast_antal_fragor(client, chef, budget_2021):
    client.force_login(chef)
    url = reverse("budget:sammanstallning", args=[budget_2021.pk])
    client.get(url, TILL)  # warm the session
    with CaptureQueriesContext(connection) as fa:
        client.get(url, TILL)
    for i in range(20):
        budgetrad_skapa(
            budgetar=budget_2021, kategori="insatser", namn=f"Extra {i}", budget=1, user=SYSTEM
        )
    with CaptureQueriesContext(connection) as manga:
        client.get(url, TILL)
    assert len(manga) == len(fa)
