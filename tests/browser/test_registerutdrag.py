"""Registerutdrag in Chromium with axe-core: the förbundschef's page and the samordnare's way."""

import pytest

from deltagare.services import deltagare_registrera, inskrivning_skapa
from finsam.atkomst import SYSTEM
from tests.browser.hjalp import kontrollera_tillganglighet, logga_in
from tests.factories import LOSENORD
from tests.personer import PNR, D

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def inskriven(forbund, insats):
    deltagare = deltagare_registrera(
        forbund=forbund, personnummer=PNR, samtycke_datum=D(2025, 2, 1), user=SYSTEM
    )
    return inskrivning_skapa(
        deltagare=deltagare, insats=insats, startdatum=D(2025, 3, 1), user=SYSTEM
    )


def test_chefen_registrerar_en_begaran(sida, chef):
    logga_in(sida, "chef", LOSENORD)
    # One header entry for the data protection pages, then its tab.
    sida.get_by_role("link", name="Dataskydd").click()
    sida.get_by_role("navigation", name="Dataskydd").get_by_role(
        "link", name="Registerutdrag"
    ).click()
    assert sida.get_by_role("heading", level=1).inner_text() == "Registerutdrag"
    kontrollera_tillganglighet(sida)
    sida.get_by_label("Personnummer").fill("123")
    sida.get_by_role("button", name="Registrera begäran").click()
    assert sida.get_by_role("alert").is_visible()
    kontrollera_tillganglighet(sida)
    sida.get_by_label("Personnummer").fill(PNR)
    sida.get_by_role("button", name="Registrera begäran").click()
    assert sida.get_by_role("status").first.inner_text() == "Ärendet är registrerat."
    assert sida.get_by_role("cell", name="Registrerad").is_visible()
    kontrollera_tillganglighet(sida)


def test_samordnaren_registrerar_och_lagger_till_sin_del(sida, samordnare, inskriven):
    logga_in(sida, "samordnare", LOSENORD)
    sida.goto(sida.bas + f"/deltagare/{inskriven.deltagare_id}/")
    sida.get_by_text("Registrera en begäran om registerutdrag").click()
    kontrollera_tillganglighet(sida)
    sida.get_by_role("button", name="Registrera begäran").click()
    assert sida.get_by_role("heading", level=1).inner_text() == "Begäran om registerutdrag"
    kontrollera_tillganglighet(sida)
    sida.get_by_role("button", name="Lägg till min del").click()
    assert sida.get_by_role("link", name="Hämta utdraget (PDF)").is_visible()
    kontrollera_tillganglighet(sida)
    sida.goto(sida.bas + "/insatser/mina/")
    assert "väntar på svar" in sida.content()
    kontrollera_tillganglighet(sida)
