"""A förbundschef imports utfall in the browser; axe-core on every step, errors included."""

import datetime
from types import SimpleNamespace

import pytest

from budget import tasks
from budget.models import Utfall
from budget.services import utfall_registrera, utfallsimport_las
from tests.browser.hjalp import kontrollera_tillganglighet, logga_in
from tests.budget.utfallsfiler import (
    GOD_CSV,
    ROTIG_CSV,
    ROTIG_NOTERINGAR,
    ROTIG_SUMMA,
    bygg_importbudget,
)
from tests.factories import LOSENORD

pytestmark = pytest.mark.django_db(transaction=True)
D = datetime.date

MED_FEL = "Konto;Datum;Belopp\n4010;2022-01-31;100\n4010;2021-01-31;tio kronor\n"
OKANT_KONTO = GOD_CSV + "4099;Konsulter;2021-02-28;1 000\n"


@pytest.fixture
def budget(forbund, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return bygg_importbudget(forbund)


def _ladda_upp(sida, tmp_path, innehall: str) -> None:
    fil = tmp_path / "utfall.csv"
    fil.write_text(innehall, encoding="utf-8")
    sida.get_by_label("Fil från ekonomisystemet").set_input_files(str(fil))
    sida.get_by_role("button", name="Förhandsgranska").click()
    sida.wait_for_load_state()


def test_import_med_fel_okant_konto_och_lyckad_import(sida, chef, budget, tmp_path, monkeypatch):
    logga_in(sida, "chef", LOSENORD)
    sida.goto(f"{sida.bas}/budget/{budget.pk}/")
    sida.get_by_role("link", name="Importera utfall").click()
    sida.wait_for_load_state()
    kontrollera_tillganglighet(sida)

    # Row errors: each with its row, nothing to import.
    _ladda_upp(sida, tmp_path, MED_FEL)
    text = sida.locator("main").inner_text()
    assert "2022-01-31" in text and "budgetåret 2021" in text
    assert sida.get_by_role("button", name="Importera").count() == 0
    kontrollera_tillganglighet(sida)

    # The reading job held back, as a busy worker would: the page shows the reading's
    # progress, and loads the preview by itself once the file is read.
    vantande: list[int] = []
    monkeypatch.setattr(tasks, "utfallsimport_las_task", SimpleNamespace(delay=vantande.append))
    sida.goto(f"{sida.bas}/budget/{budget.pk}/import/")
    _ladda_upp(sida, tmp_path, OKANT_KONTO)
    sida.get_by_role("progressbar", name="Läsningens förlopp").wait_for()
    assert "Status: Läses" in sida.locator("main").inner_text()
    kontrollera_tillganglighet(sida)
    monkeypatch.undo()
    utfallsimport_las(utfallsimport_id=vantande[0])

    # An unknown konto is tied to a rad on the page, then the file imports.
    sida.get_by_label("Rad för konto 4099").wait_for()
    assert sida.get_by_role("button", name="Importera").count() == 0
    kontrollera_tillganglighet(sida)
    sida.get_by_label("Rad för konto 4099").select_option(label="SIM")
    sida.get_by_role("button", name="Koppla konto 4099").click()
    sida.wait_for_load_state()
    kontrollera_tillganglighet(sida)
    sida.get_by_role("button", name="Importera").click()
    sida.wait_for_load_state()
    sida.get_by_text("Klar").first.wait_for()
    kontrollera_tillganglighet(sida)
    # GOD_CSV's 244 872 kr and the tied 1 000 kr on SIM.
    assert sum(Utfall.objects.values_list("belopp", flat=True)) == 244_872 + 1_000


def test_rorig_export_visar_noteringar_och_varnar_for_handinmatat(sida, chef, budget, tmp_path):
    """A ledger export with title and sum rows, and February already posted by hand."""
    utfall_registrera(
        budgetar=budget,
        poster=[{"rad": budget.rader.get(namn="SIM"), "datum": D(2021, 2, 10), "belopp": 5_000}],
        user=chef,
    )
    logga_in(sida, "chef", LOSENORD)
    sida.goto(f"{sida.bas}/budget/{budget.pk}/import/")
    _ladda_upp(sida, tmp_path, ROTIG_CSV)
    sida.get_by_role("heading", name="Rader som inte lästes").wait_for()
    text = sida.locator("main").inner_text()
    for notering in ROTIG_NOTERINGAR:
        assert notering in text
    varning = sida.get_by_role("status").filter(has_text="inmatat för hand")
    assert (
        "Februari 2021: 5\xa0000\xa0kr utfall är redan inmatat för hand; "
        "importen lägger till, den ersätter inte."
    ) in varning.inner_text()
    knapp = sida.get_by_role("button", name="Importera")
    assert "inmatat för hand" in knapp.evaluate(
        "b => b.getAttribute('aria-describedby').split(' ')"
        ".map(i => document.getElementById(i).textContent).join(' ')"
    )
    kontrollera_tillganglighet(sida)
    knapp.click()
    sida.get_by_text("Klar").first.wait_for()
    assert sum(Utfall.objects.values_list("belopp", flat=True)) == ROTIG_SUMMA + 5_000
