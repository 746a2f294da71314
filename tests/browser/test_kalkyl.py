"""axe-core finds no WCAG 2.1 A/AA violation on the kalkyl's pages, on desk and phone."""

import pytest

from demo.kalkyl import kalkyl_skapa
from tests.browser.hjalp import kontrollera_tillganglighet, logga_in
from tests.factories import LOSENORD
from tests.statistik.bygg import D, inskriv

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.mark.parametrize("bredd", [1280, 390])
def test_kalkylsidorna(sida, chef, forbund, insats, bredd):
    kalkyl_skapa(forbund)
    inskriv(insats, start=D(2025, 1, 10), slut=D(2025, 6, 30), orsak="arbete",
            vid_start=("sjukpenning",), vid_avslut=("lon",))  # fmt: skip
    sida.set_viewport_size({"width": bredd, "height": 900})
    logga_in(sida, "chef", LOSENORD)
    sida.goto(
        sida.bas + f"/statistik/insatser/{insats.pk}/?period=egen&fran=2025-01-01&till=2025-12-31"
    )
    sida.get_by_role("link", name="Samhällsekonomisk kalkyl").click()
    sida.wait_for_load_state()
    assert sida.get_by_role("heading", level=1).inner_text() == "Samhällsekonomisk kalkyl"
    # No cost is booked: the page says why, and still shows what it rests on.
    assert sida.get_by_text("Kan inte beräknas än: insatsen har inga kostnader").is_visible()
    assert sida.get_by_role("table", name="Känslighet").is_visible()
    assert sida.evaluate("document.documentElement.scrollWidth") <= bredd
    kontrollera_tillganglighet(sida)
    sida.get_by_role("link", name="Alla antaganden med källor").click()
    sida.wait_for_load_state()
    assert sida.get_by_role("heading", level=1).inner_text() == "Kalkylantaganden 2025"
    assert sida.evaluate("document.documentElement.scrollWidth") <= bredd
    kontrollera_tillganglighet(sida)
    sida.get_by_role("link", name="Så räknas kalkylen").click()
    sida.wait_for_load_state()
    kontrollera_tillganglighet(sida)
