"""The deltagarenkät in a browser: a participant answers on a phone, the staff read the results.

axe-core finds no WCAG 2.1 A/AA violation on any screen, the pages fit the
phone's width, the strict CSP holds (no inline script or style is refused),
and the participant's browser is left without a cookie.
"""

import datetime

import pytest
from django.utils import timezone

from enkat.models import Svar
from tests.browser.hjalp import kontrollera_tillganglighet, logga_in
from tests.enkat.bygg import exempelenkat, matning
from tests.factories import LOSENORD

pytestmark = pytest.mark.django_db(transaction=True)


def _passar(sida, bredd: int) -> None:
    assert sida.evaluate("document.documentElement.scrollWidth") <= bredd
    kontrollera_tillganglighet(sida)


def test_deltagaren_svarar_pa_telefonen(sida, forbund, insats):
    idag = timezone.localdate()
    oppen = matning(insats, exempelenkat(forbund), fran=idag, till=idag + datetime.timedelta(7))
    refuserat = []
    sida.on("console", lambda m: refuserat.append(m.text) if "Content Security" in m.text else 0)
    sida.set_viewport_size({"width": 390, "height": 844})
    sida.goto(sida.bas + f"/e/{oppen.nyckel}/?sprak=lattlast")
    _passar(sida, 390)
    sida.get_by_role("link", name="Börja").click()
    sida.wait_for_load_state()
    assert sida.get_by_role("group", name="Hur har personalen varit mot dig?").is_visible()
    _passar(sida, 390)
    sida.get_by_label("Mycket bra").check()
    sida.get_by_role("button", name="Nästa").click()
    # Every other screen: "Vill inte svara", until the last, which sends.
    while sida.get_by_role("button", name="Skicka svaren").count() == 0:
        sida.wait_for_load_state()
        _passar(sida, 390)
        sida.get_by_role("button", name="Vill inte svara").click()
    sida.get_by_role("button", name="Skicka svaren").click()
    sida.wait_for_load_state()
    assert sida.get_by_role("heading", name="Tack för dina svar!").is_visible()
    _passar(sida, 390)
    assert Svar.objects.get().rader.get().alternativ.kod == "mycket_bra"
    assert sida.context.cookies() == [] and refuserat == []
    # Back at the start, the browser says it has answered already.
    sida.goto(sida.bas + f"/e/{oppen.nyckel}/")
    assert sida.get_by_text("Det ser ut som att du redan har svarat").is_visible()


@pytest.mark.parametrize("bredd", [1280, 390])
def test_personalens_sidor(sida, chef, forbund, insats, bredd):
    exempelenkat(forbund)
    sida.set_viewport_size({"width": bredd, "height": 900})
    logga_in(sida, "chef", LOSENORD)
    sida.goto(sida.bas + f"/enkater/insatser/{insats.pk}/")
    _passar(sida, bredd)
    sida.get_by_label("Enkät").select_option(label="Finsams exempelenkät (version 1)")
    sida.get_by_label("Tillfälle").select_option(label="Vid avslut")
    sida.get_by_label("Öppen till och med").fill("2030-12-31")
    sida.get_by_role("button", name="Öppna mätningen").click()
    sida.wait_for_load_state()
    assert sida.get_by_role("heading", level=1).inner_text().startswith("Mätning:")
    _passar(sida, bredd)
    sida.goto(sida.bas + "/enkater/")
    _passar(sida, bredd)
    sida.get_by_role("link", name="Finsams exempelenkät", exact=True).click()
    sida.wait_for_load_state()
    _passar(sida, bredd)
