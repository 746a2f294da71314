"""The förbundschef finds Rapporter in the navigation, starts a delårsrapport and
reminds a samordnare, who sees the notice; every page passes axe, and fits a phone."""

import pytest

from tests.browser.hjalp import kontrollera_tillganglighet, logga_in
from tests.factories import LOSENORD

pytestmark = pytest.mark.django_db(transaction=True)


def ryms_i_bredden(sida, bredd: int) -> bool:
    sida.set_viewport_size({"width": bredd, "height": 900})
    return sida.evaluate("document.documentElement.scrollWidth") <= bredd


def test_chefen_skapar_rapport_och_paminner_samordnaren(sida, chef, samordnare, insats):
    logga_in(sida, "chef", LOSENORD)
    sida.get_by_role("navigation", name="Huvudmeny").get_by_role("link", name="Rapporter").click()
    assert sida.get_by_role("heading", level=1).inner_text() == "Rapporter"
    kontrollera_tillganglighet(sida)

    sida.get_by_role("link", name="Ny delårsrapport").click()
    kontrollera_tillganglighet(sida)
    sida.get_by_label("Diarienummer").fill("Dnr 2025/7")
    sida.get_by_role("button", name="Skapa rapporten").click()
    assert sida.get_by_role("heading", level=1).inner_text() == "Delårsrapport"
    kontrollera_tillganglighet(sida)
    assert ryms_i_bredden(sida, 390)
    sida.set_viewport_size({"width": 1280, "height": 900})

    rad = sida.get_by_role("row", name="Samordningsteam")
    rad.get_by_role("button", name="Påminn samordnaren för Samordningsteam").click()
    assert sida.get_by_role("row", name="Samordningsteam").get_by_text("påmind").is_visible()

    sida.context.clear_cookies()
    logga_in(sida, "samordnare", LOSENORD)
    notis = sida.get_by_role("region", name="Förbundschefen väntar på din berättelse")
    assert notis.get_by_text("Samordningsteam", exact=True).is_visible()
    kontrollera_tillganglighet(sida)
    notis.get_by_role("link", name="Skriv berättelsen").click()
    assert sida.get_by_role("heading", level=2, name="Berättelse för").first.is_visible()
