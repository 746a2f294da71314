"""axe-core finds no WCAG 2.1 A/AA violation on the pages each role lands on."""

import pytest

from tests.browser.hjalp import axe_overtradelser, kontrollera_tillganglighet, logga_in
from tests.factories import LOSENORD

pytestmark = pytest.mark.django_db(transaction=True)


def test_inloggningssidan(sida):
    sida.goto(sida.bas + "/konto/logga-in/")
    assert sida.locator("html").get_attribute("lang") == "sv"
    kontrollera_tillganglighet(sida)


def test_felaktig_inloggning(sida, chef):
    logga_in(sida, "chef", "fel-losenord")
    assert sida.get_by_role("alert").is_visible()
    kontrollera_tillganglighet(sida)


@pytest.mark.parametrize(
    ("anvandare", "landar_pa", "rubrik"),
    [
        ("chef", "/statistik/", "Statistik"),
        ("samordnare", "/insatser/mina/", "Mina insatser"),
        ("styrelse", "/rapporter/", "Rapporter"),
    ],
)
def test_varje_roll_landar_pa_en_tillganglig_sida(
    sida, chef, samordnare, styrelse, anvandare, landar_pa, rubrik
):
    logga_in(sida, anvandare, LOSENORD)
    assert sida.url.endswith(landar_pa)
    assert sida.get_by_role("heading", level=1).inner_text() == rubrik
    kontrollera_tillganglighet(sida)


def test_mitt_konto_och_tvafaktor(sida, samordnare):
    logga_in(sida, "samordnare", LOSENORD)
    sida.goto(sida.bas + "/konto/")
    assert sida.get_by_role("heading", level=1).inner_text() == "Mitt konto"
    kontrollera_tillganglighet(sida)
    sida.goto(sida.bas + "/konto/tvafaktor/aktivera/")
    assert sida.get_by_role("heading", level=1).inner_text() == "Aktivera tvåstegsverifiering"
    kontrollera_tillganglighet(sida)


def test_axe_upptacker_en_overtradelse(sida):
    # The check itself must be able to fail: an image without text alternative.
    sida.set_content('<html lang="sv"><body><main><img src="x.png"></main></body></html>')
    assert "image-alt" in {v["id"] for v in axe_overtradelser(sida)}


def test_gallringssidan_och_dess_fel(sida, chef):
    logga_in(sida, "chef", LOSENORD)
    sida.goto(sida.bas + "/gallring/")
    assert sida.get_by_role("heading", level=1).inner_text() == "Gallring"
    kontrollera_tillganglighet(sida)
    sida.get_by_label("Gallring efter avslut (år)").fill("11")
    sida.get_by_role("button", name="Spara").click()
    assert sida.get_by_role("alert").is_visible()
    assert "mellan 2 och 10 år" in sida.get_by_role("alert").inner_text()
    kontrollera_tillganglighet(sida)
