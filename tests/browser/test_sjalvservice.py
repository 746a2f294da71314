"""A new förbund sets itself up on screen: as förbundschef, add a kommun as part
(its kommunkod known from SCB's data in Finsam), then create a part key, shown once.
Every page checked with axe-core (WCAG 2.1 A/AA), error states included."""

import pytest

from scb.models import Region
from tests.browser.hjalp import kontrollera_tillganglighet, logga_in
from tests.factories import LOSENORD

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def vasteras(db):
    return Region.objects.create(kod="1980", namn="Västerås", typ=Region.Typ.KOMMUN)


def test_ny_forbund_lagger_till_parter_och_en_partnyckel(sida, chef, vasteras):
    logga_in(sida, "chef", LOSENORD)
    sida.goto(sida.bas + "/hantering/parter/")
    assert sida.get_by_role("heading", level=1).inner_text() == "Parter"
    kontrollera_tillganglighet(sida)

    # A kommun whose code Finsam's SCB data does not have is refused.
    sida.get_by_label("Namn").fill("Västerås stad")
    sida.get_by_label("Typ").select_option("kommun")
    sida.get_by_label("Kommunkod").fill("1999")
    sida.get_by_role("button", name="Spara parten").click()
    assert (
        "Kommunkoden finns inte bland SCB-uppgifterna i Finsam. "
        "Be administratören importera SCB:s tabell för länet."
    ) in sida.get_by_role("alert").inner_text()
    kontrollera_tillganglighet(sida)

    sida.get_by_label("Kommunkod").fill("1980")
    sida.get_by_role("button", name="Spara parten").click()
    assert sida.get_by_role("status").inner_text() == "Parten Västerås stad är sparad."
    assert sida.get_by_role("row", name="Västerås stad Kommun 1980").count() == 1
    kontrollera_tillganglighet(sida)

    sida.get_by_role("link", name="API-nycklar").click()
    assert sida.get_by_role("heading", level=1).inner_text() == "API-nycklar"
    kontrollera_tillganglighet(sida)
    sida.get_by_role("link", name="Ny partnyckel").click()
    kontrollera_tillganglighet(sida)
    sida.get_by_label("Part").select_option(label="Västerås stad")
    sida.get_by_label("Namn").fill("Kommunens statistik")
    sida.get_by_role("button", name="Skapa nyckeln").click()
    nyckel = sida.locator("#ny-nyckel").inner_text()
    assert nyckel.startswith("fsp_")
    kontrollera_tillganglighet(sida)

    # Shown once: a reload no longer shows it.
    sida.reload()
    assert sida.locator("#ny-nyckel").count() == 0
    sida.get_by_role("link", name="Tillbaka till nycklarna").click()
    assert sida.get_by_role("row", name="Kommunens statistik").count() == 1
    kontrollera_tillganglighet(sida)


def test_installningarna(sida, chef):
    logga_in(sida, "chef", LOSENORD)
    sida.goto(sida.bas + "/hantering/installningar/")
    assert sida.get_by_role("heading", level=1).inner_text() == "Förbundets inställningar"
    kontrollera_tillganglighet(sida)
    sida.get_by_label("Minsta redovisade antal").fill("2")
    sida.get_by_role("button", name="Spara inställningarna").click()
    assert "minst 3" in sida.get_by_role("alert").inner_text()
    kontrollera_tillganglighet(sida)
    sida.get_by_label("Minsta redovisade antal").fill("5")
    sida.get_by_role("button", name="Spara inställningarna").click()
    assert sida.get_by_role("status").inner_text() == "Förbundets inställningar är sparade."
    kontrollera_tillganglighet(sida)


def test_mina_api_nycklar(sida, samordnare):
    logga_in(sida, "samordnare", LOSENORD)
    sida.goto(sida.bas + "/konto/api-nycklar/")
    kontrollera_tillganglighet(sida)
    sida.get_by_role("link", name="Ny personlig nyckel").click()
    sida.get_by_label("Namn").fill("Mitt skript")
    sida.get_by_role("button", name="Skapa nyckeln").click()
    assert sida.locator("#ny-nyckel").inner_text().startswith("fsu_")
    kontrollera_tillganglighet(sida)
    sida.get_by_role("link", name="Tillbaka till nycklarna").click()
    sida.get_by_role("button", name="Återkalla Mitt skript").click()
    assert sida.get_by_role("status").inner_text() == "Nyckeln Mitt skript är återkallad."
    kontrollera_tillganglighet(sida)
