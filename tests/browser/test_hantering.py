"""The förbundschef's management pages in Chromium, checked with axe-core (WCAG 2.1 A/AA).

The insats form is also checked with its error messages showing, since that
is where forms usually fail.
"""

import pytest

from tests.browser.hjalp import kontrollera_tillganglighet, logga_in
from tests.factories import LOSENORD, InsatsFactory

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def forbund_med_trad(forbund, insats):
    InsatsFactory(forbund=forbund, namn="Förrehabilitering", overordnad=insats)
    InsatsFactory(forbund=forbund, namn="ASF", inriktning="struktur")
    return forbund


def test_insatslistan_och_formularet(sida, chef, forbund_med_trad):
    logga_in(sida, "chef", LOSENORD)
    sida.get_by_role("link", name="Hantera").click()
    assert sida.get_by_role("heading", level=1).inner_text() == "Insatser"
    assert sida.get_by_role("row", name="Delinsats av Samordningsteam: Förrehabilitering").count()
    kontrollera_tillganglighet(sida)

    sida.get_by_role("link", name="Ny insats").click()
    kontrollera_tillganglighet(sida)

    sida.get_by_label("Mål till arbete eller studier (%)").fill("150")
    sida.get_by_role("button", name="Skapa insatsen").click()
    assert sida.get_by_role("alert").is_visible()
    assert "Ange insatsens namn." in sida.get_by_role("alert").inner_text()
    kontrollera_tillganglighet(sida)

    sida.get_by_label("Namn").fill("Arbetsrehabteamet")
    sida.get_by_label("Mål till arbete eller studier (%)").fill("30")
    sida.get_by_label("Startdatum").fill("2025-01-01")
    sida.get_by_role("button", name="Skapa insatsen").click()
    assert sida.get_by_role("status").inner_text() == "Insatsen Arbetsrehabteamet är skapad."


def test_anvandarsidan(sida, chef, samordnare):
    logga_in(sida, "chef", LOSENORD)
    sida.goto(sida.bas + "/hantering/anvandare/")
    assert sida.get_by_role("heading", level=1).inner_text() == "Användare och roller"
    kontrollera_tillganglighet(sida)

    sida.get_by_role("link", name="Ny användare").click()
    sida.get_by_label("Användarnamn").fill("anna")
    sida.get_by_label("Roll").select_option("styrelse")
    sida.get_by_role("button", name="Skapa användaren").click()
    assert sida.locator("#startlosenord").inner_text()
    kontrollera_tillganglighet(sida)


def test_organisationssidan(sida, chef, forbund):
    logga_in(sida, "chef", LOSENORD)
    sida.goto(sida.bas + "/hantering/organisation/")
    assert sida.get_by_role("heading", level=1).inner_text() == "Organisation"
    kontrollera_tillganglighet(sida)

    sida.get_by_role("button", name="Spara").click()
    assert "Välj uppdrag." in sida.get_by_role("alert").inner_text()
    kontrollera_tillganglighet(sida)

    sida.locator("#id_uppdrag").select_option("styrelse:ordforande")
    sida.locator("#id_namn").fill("Dennis Nilsson")
    sida.locator("#id_fran").fill("2019-01-01")
    sida.get_by_role("button", name="Spara").click()
    assert sida.get_by_role("status").inner_text() == "Uppdraget för Dennis Nilsson är sparat."
    assert sida.get_by_role("row", name="Dennis Nilsson Ordförande").count() == 1
    kontrollera_tillganglighet(sida)


def test_nyckeltal_som_raknar_personer(sida, chef, forbund_med_trad):
    logga_in(sida, "chef", LOSENORD)
    sida.goto(sida.bas + "/hantering/")
    sida.get_by_role("link", name="Nyckeltal för ASF").click()
    assert sida.get_by_role("heading", level=1).inner_text() == "Nyckeltal"
    sida.locator("#id_namn").fill("Deltagare i nätverksträffar")
    sida.locator("#id_fran").fill("2025-01-01")
    sida.locator("#id_till").fill("2025-06-30")
    sida.get_by_label("Räknar personer").check()
    sida.get_by_label("Kvinnor").fill("22")
    sida.get_by_role("button", name="Spara").click()
    # Män and annat left out: the service names both next to their fields.
    assert "Ange antalet." in sida.get_by_role("alert").inner_text()
    kontrollera_tillganglighet(sida)
    sida.get_by_label("Män").fill("17")
    sida.get_by_label("Annat").fill("2")
    sida.get_by_role("button", name="Spara").click()
    assert sida.get_by_role("status").inner_text() == (
        "Nyckeltalet Deltagare i nätverksträffar är sparat."
    )
    assert sida.get_by_role("row", name="Deltagare i nätverksträffar").inner_text().split("\t")[
        3:7
    ] == ["41", "22", "17", "2"]
    kontrollera_tillganglighet(sida)
