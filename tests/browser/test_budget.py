"""axe-core finds no WCAG 2.1 A/AA violation on the budget pages, error states included."""

import pytest

from tests.browser.hjalp import kontrollera_tillganglighet, logga_in
from tests.budget.seed002 import bygg_budget_2021
from tests.factories import LOSENORD, PartFactory

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def budget_2021(forbund):
    PartFactory(forbund=forbund, namn="Västerås", typ="kommun", kommunkod="1980")
    return bygg_budget_2021(forbund)


def test_sammanstallningen_for_chef_och_styrelse(sida, chef, styrelse, budget_2021):
    for user in ("chef", "styrelse"):
        logga_in(sida, user, LOSENORD)
        sida.get_by_role("link", name="Budget", exact=True).click()
        sida.get_by_role("link", name="Budget och utfall 2021").click()
        sida.get_by_label("Utfall till och med").fill("2021-08-31")
        sida.get_by_role("button", name="Visa").click()
        sida.wait_for_load_state()
        tabell = sida.get_by_role("table", name="Budget och utfall t.o.m. 2021-08-31")
        assert "18\xa0506" in tabell.inner_text()
        kontrollera_tillganglighet(sida)
        sida.context.clear_cookies()


def test_chefens_sidor_och_fel(sida, chef, budget_2021):
    logga_in(sida, "chef", LOSENORD)
    bas = f"{sida.bas}/budget/{budget_2021.pk}"
    for adress, rubrik in (
        ("/rader/", "Rader och konton 2021"),
        ("/rader/ny/", "Ny rad i budget 2021"),
        ("/intakter/", "Intäkter 2021"),
        ("/medlemsbidrag/", "Medlemsbidrag 2021"),
        ("/andra/", "Budgetår 2021: eget kapital, utblick och kommentar"),
    ):
        sida.goto(bas + adress)
        assert sida.get_by_role("heading", level=1).inner_text() == rubrik
        kontrollera_tillganglighet(sida)
    # Refused input: the error summary and the fields it names.
    sida.goto(bas + "/rader/ny/")
    sida.get_by_role("button", name="Lägg till raden").click()
    sida.wait_for_load_state()
    assert "Ange radens namn." in sida.get_by_role("alert").inner_text()
    kontrollera_tillganglighet(sida)
    sida.goto(bas + "/medlemsbidrag/")
    sida.get_by_label("Medlemsbidrag totalt (kr)").fill("1000000")
    sida.get_by_label("Avtalade andelar").check()
    sida.get_by_role("button", name="Räkna ut").click()
    sida.wait_for_load_state()
    assert "Ange en andel för varje kommun." in sida.get_by_role("alert").inner_text()
    kontrollera_tillganglighet(sida)
    sida.get_by_label("Andel för Västerås (%)").fill("100")
    sida.get_by_role("button", name="Räkna ut").click()
    sida.wait_for_load_state()
    assert sida.get_by_role("table", name="Medlemsbidrag per finansiär i kronor").is_visible()
    kontrollera_tillganglighet(sida)
    sida.goto(f"{bas}/?till=2022-01-01")
    assert "Välj ett datum i budgetåret 2021." in sida.get_by_role("alert").inner_text()
    kontrollera_tillganglighet(sida)
