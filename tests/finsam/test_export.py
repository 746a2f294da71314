"""CSV and Excel never run a name as a formula, and a name is always one cell (issue 13 §7)."""

import csv
import io
from decimal import Decimal

import openpyxl
import pandas as pd
import pytest
from django.urls import reverse

from budget.services import budgetrad_skapa
from demo.scb import ladda_scb
from finsam.atkomst import SYSTEM
from finsam.export import oskadlig, som_csv, som_excel
from finsam.tabeller import Tabellvy
from tests.budget.seed002 import bygg_budget_2021
from tests.factories import PartFactory
from tests.statistik.bygg import D, inskriv

HYPERLANK = '=HYPERLINK("http://example.com","x")'


def _formler(bok) -> list[str]:
    """Every formula cell in the workbook, as sheet!cell."""
    return [
        f"{blad.title}!{cell.coordinate}"
        for blad in bok.worksheets
        for rad in blad.iter_rows()
        for cell in rad
        if cell.data_type == "f"
    ]


# --- The neutralising function -------------------------------------------------------


@pytest.mark.parametrize("text", ["=1+1", "+SUM(A1:A2)", "-2+3", "@cmd", "\tflik", "\rretur"])
def test_formeltecken_forst_far_apostrof(text):
    assert oskadlig(text) == "'" + text


@pytest.mark.parametrize("tal", [-555, -1.5, Decimal("-2.5"), 0])
def test_tal_forblir_tal(tal):
    assert oskadlig(tal) is tal


@pytest.mark.parametrize(
    "text", ["Samordningsteam Västerås", "Åtgärd 2 = mål", "", "'=redan skyddad", "−555"]
)
def test_vanlig_text_ar_orord(text):
    assert oskadlig(text) == text


@pytest.mark.parametrize("varde", [None, pd.NA])
def test_saknat_varde_ar_orort(varde):
    assert oskadlig(varde) is varde


# --- The writers, on a table with a hostile name in every place text can go ---------


def _fientlig_tabell() -> Tabellvy:
    data = pd.DataFrame(
        {"=Kolumn": [1, -555], "Not": ["@anteckning", "ok"]},
        index=pd.Index([HYPERLANK, "Rad; med\nradbrytning"]),
    )
    return Tabellvy("t", "+Rubrik", data, radrubrik="-Hörn")


HUVUD = [("Insats", "@Insatsen"), ("Förbund", 'Väst; "Norr"\nSyd')]


def test_csv_citerar_och_neutraliserar_varje_textcell():
    rader = list(
        csv.reader(
            io.StringIO(som_csv(HUVUD, [_fientlig_tabell()]).decode("utf-8-sig")), delimiter=";"
        )
    )
    assert rader == [
        ["Insats", "'@Insatsen"],
        ["Förbund", 'Väst; "Norr"\nSyd'],
        [],
        ["'+Rubrik"],
        ["'-Hörn", "'=Kolumn", "Not"],
        ["'" + HYPERLANK, "1", "'@anteckning"],
        ["Rad; med\nradbrytning", "-555", "ok"],
    ]


def test_excel_har_textceller_och_tal():
    bok = openpyxl.load_workbook(io.BytesIO(som_excel(HUVUD, [_fientlig_tabell()])))
    assert _formler(bok) == []
    assert [r for r in bok["Om"].iter_rows(values_only=True)] == [
        ("Uppgift", "Värde"),
        ("Insats", "'@Insatsen"),
        ("Förbund", 'Väst; "Norr"\nSyd'),
    ]
    assert [r for r in bok["+Rubrik"].iter_rows(values_only=True)] == [
        ("'-Hörn", "'=Kolumn", "Not"),
        ("'" + HYPERLANK, 1, "'@anteckning"),
        ("Rad; med\nradbrytning", -555, "ok"),
    ]


def test_excel_skriver_felkodstext_som_text():
    # openpyxl would make "#N/A" an error cell; a name is text whatever it looks like.
    data = pd.DataFrame({"Värde": ["#N/A"]}, index=["#DIV/0!"])
    bok = openpyxl.load_workbook(io.BytesIO(som_excel([], [Tabellvy("t", "T", data)])))
    assert [(c.value, c.data_type) for c in bok["T"][2]] == [("#DIV/0!", "s"), ("#N/A", "s")]


# --- Through the real download views ----------------------------------------------------

BUDGETRADER = ["+SUM(A1:A2)", "@cmd", "Rad; med semikolon", "Rad med\nradbrytning", 'Rad "citerad"']
PERIOD = {"period": "egen", "fran": "2024-01-01", "till": "2024-06-30"}
TILL = {"till": "2021-08-31"}


def _excel(client, url, data):
    svar = client.get(url, data)
    assert svar.status_code == 200
    bok = openpyxl.load_workbook(io.BytesIO(svar.content))
    assert _formler(bok) == []
    return bok


def _csv(client, url, data) -> list[list[str]]:
    svar = client.get(url, data)
    assert svar.status_code == 200
    return list(csv.reader(io.StringIO(svar.content.decode("utf-8-sig")), delimiter=";"))


def _forsta_celler(bok) -> set:
    return {rad[0] for blad in bok.worksheets for rad in blad.iter_rows(values_only=True)}


@pytest.mark.django_db
def test_insatsens_statistik(client, chef, insats):
    inskriv(insats, start=D(2024, 2, 1))
    client.force_login(chef)
    csv_url = reverse("statistik_insats_csv", args=[insats.pk])
    forut = _csv(client, csv_url, PERIOD)
    insats.namn = HYPERLANK
    insats.save()

    bok = _excel(client, reverse("statistik_insats_excel", args=[insats.pk]), PERIOD)
    assert ("Insats", "'" + HYPERLANK) in bok["Om"].iter_rows(values_only=True)
    rader = _csv(client, csv_url, PERIOD)
    # The same rows and cells per row as with a plain name: the name is one cell.
    assert [len(r) for r in rader] == [len(r) for r in forut]
    assert ["Insats", "'" + HYPERLANK] in rader


@pytest.mark.django_db
def test_budgeten(client, chef, forbund):
    budgetar = bygg_budget_2021(forbund)
    client.force_login(chef)
    csv_url = reverse("budget:sammanstallning_csv", args=[budgetar.pk])
    forut = _csv(client, csv_url, TILL)
    for namn in BUDGETRADER:
        budgetrad_skapa(budgetar=budgetar, kategori="insatser", namn=namn, budget=1, user=SYSTEM)
    vantade = {"'+SUM(A1:A2)", "'@cmd", *BUDGETRADER[2:]}

    bok = _excel(client, reverse("budget:sammanstallning_excel", args=[budgetar.pk]), TILL)
    assert vantade <= _forsta_celler(bok)
    resultat = {r[0]: r[1:] for r in bok["Resultat"].iter_rows(values_only=True)}
    utblick = resultat["Resultat (intäkter − kostnader)"][-1]
    assert isinstance(utblick, int) and utblick < 0  # a negative amount stays a number

    rader = _csv(client, csv_url, TILL)
    assert len(rader) == len(forut) + len(BUDGETRADER)
    nya = [r for r in rader if r and r[0] in vantade]
    assert len(nya) == len(BUDGETRADER) and all(len(r) == 7 for r in nya)
    resultatrad = next(r for r in rader if r and r[0] == "Resultat (intäkter − kostnader)")
    assert resultatrad[-1] == str(utblick)  # "-555", not "'-555"


@pytest.mark.django_db
def test_helarsekvivalenterna(client, chef, forbund):
    ladda_scb()
    PartFactory(forbund=forbund, namn="Västerås stad", typ="kommun", kommunkod="1980")
    forbund.namn = "-Förbundet; väst"
    forbund.save()
    client.force_login(chef)
    fragor = {"ar": "2020", "region": "1980"}

    bok = _excel(client, reverse("helarsekvivalenter_excel"), fragor)
    assert "'-Förbundet; väst" in _forsta_celler(bok)
    rader = _csv(client, reverse("helarsekvivalenter_csv"), fragor)
    assert ["Förbund", "'-Förbundet; väst"] in rader
    assert {len(r) for r in rader if r and r[0] == "'-Förbundet; väst"} == {10}
