"""axe-core finds no WCAG 2.1 A/AA violation on the helårsekvivalent page, errors included."""

import pytest

from demo.scb import ladda_scb
from tests.browser.hjalp import kontrollera_tillganglighet, logga_in
from tests.factories import LOSENORD, PartFactory

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def scb(forbund):
    ladda_scb()
    PartFactory(forbund=forbund, namn="Västerås stad", typ="kommun", kommunkod="1980")


def test_sidan_fran_oversikten(sida, styrelse, scb):
    logga_in(sida, "styrelse", LOSENORD)
    sida.goto(sida.bas + "/statistik/")
    sida.get_by_role("link", name="Helårsekvivalenter").click()
    sida.wait_for_load_state()
    sida.get_by_label("Region över år och efter kön").select_option(label="Riket")
    sida.get_by_role("button", name="Visa").click()
    sida.wait_for_load_state()
    assert sida.get_by_role("table", name="Länets kommuner 2020").is_visible()
    assert sida.get_by_role("img", name="Andel av befolkningen 20–64 år 2020 (%)").is_visible()
    kontrollera_tillganglighet(sida)
    sida.goto(sida.bas + "/statistik/helarsekvivalenter/?ar=1850")
    assert "Välj ett år i listan." in sida.get_by_role("alert").inner_text()
    kontrollera_tillganglighet(sida)
