"""axe-core finds no WCAG 2.1 A/AA violation on the dashboard and an insats's statistics page."""

from decimal import Decimal

import pytest

from insatser.models import Nyckeltal
from scb.models import Helarsekvivalent, Region
from tests.browser.hjalp import kontrollera_tillganglighet, logga_in
from tests.factories import LOSENORD, InsatsFactory, PartFactory, personer
from tests.statistik.bygg import D, anonyma, inskriv

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def med_deltagare(insats, annan_insats):
    insats.mal_arbete_studier = 40
    insats.save()
    inskriv(insats, start=D(2024, 1, 10), slut=D(2024, 3, 31), orsak="arbete",
            vid_start=("sjukpenning",),
            bedomningar=((D(2024, 1, 10), "start", 2), (D(2024, 3, 31), "avslut", 4)))  # fmt: skip
    inskriv(insats, kon="man", start=D(2024, 2, 1))
    inskriv(annan_insats, kon="annat", start=D(2024, 2, 1))
    anonyma(insats, 2024, kvinnor=2)
    return insats


PERIOD = "?period=egen&fran=2024-01-01&till=2024-06-30"


def test_oversikten(sida, chef, med_deltagare):
    logga_in(sida, "chef", LOSENORD)
    sida.get_by_role("link", name="Statistik").click()
    sida.wait_for_load_state()
    assert sida.get_by_role("heading", level=1).inner_text() == "Statistik"
    sida.get_by_label("Egen period").check()
    sida.get_by_label("Från", exact=True).fill("2024-01-01")
    sida.get_by_label("Till", exact=True).fill("2024-06-30")
    sida.get_by_role("button", name="Visa").click()
    sida.wait_for_load_state()
    assert sida.get_by_role("img", name="Aktiva inklusive anonyma per kön").is_visible()
    kontrollera_tillganglighet(sida)


def test_oversikten_med_felaktig_period(sida, chef, med_deltagare):
    logga_in(sida, "chef", LOSENORD)
    sida.goto(sida.bas + "/statistik/?period=egen&fran=2024-06-30&till=2024-01-01")
    assert (
        "Periodens slut kan inte vara före dess början." in sida.get_by_role("alert").inner_text()
    )
    kontrollera_tillganglighet(sida)


def test_insatsens_statistiksida(sida, chef, med_deltagare):
    logga_in(sida, "chef", LOSENORD)
    sida.goto(sida.bas + "/statistik/" + PERIOD)
    sida.get_by_role("link", name="Samordningsteam").first.click()
    sida.wait_for_load_state()
    assert sida.get_by_role("heading", level=1).inner_text() == "Statistik: Samordningsteam"
    assert sida.get_by_role("table", name="Åldersgrupp vid start").is_visible()
    kontrollera_tillganglighet(sida)


@pytest.fixture
def asf(forbund):
    asf = InsatsFactory(forbund=forbund, namn="ASF", inriktning="struktur")
    for fran, till, kon in (
        (D(2024, 1, 1), D(2024, 3, 31), (22, 17, 2)),
        (D(2024, 4, 1), D(2024, 6, 30), (31, 24, 3)),
    ):
        personer(asf, "Deltagare i nätverksträffar", fran, till, kon)
        Nyckeltal.objects.create(
            insats=asf, namn="Antal företag", fran=fran, till=till, varde=Decimal(4)
        )
    return asf


@pytest.mark.parametrize("bredd", [1280, 390])
def test_strukturinsatsens_sida(sida, chef, asf, bredd):
    sida.set_viewport_size({"width": bredd, "height": 900})
    logga_in(sida, "chef", LOSENORD)
    sida.goto(sida.bas + "/statistik/" + PERIOD)
    sida.get_by_role("link", name="ASF").first.click()
    sida.wait_for_load_state()
    assert sida.get_by_role("heading", level=1).inner_text() == "Statistik: ASF"
    assert sida.get_by_role("img", name="Deltagare i nätverksträffar per period").is_visible()
    assert sida.get_by_role("table", name="Personer per kön").is_visible()
    # The page itself does not scroll sideways on a phone; wide tables scroll in their region.
    assert sida.evaluate("document.documentElement.scrollWidth") <= bredd
    kontrollera_tillganglighet(sida)


@pytest.mark.parametrize("bredd", [1280, 390])
def test_jamstalldhetsanalysen(sida, chef, med_deltagare, bredd):
    """From the dashboard to the förbund's analysis, then an insats's, on desk and phone."""
    for orsak in ("arbete", "annan", "ohalsa"):
        inskriv(med_deltagare, kon="man", start=D(2024, 1, 10), slut=D(2024, 5, 31), orsak=orsak)
    sida.set_viewport_size({"width": bredd, "height": 900})
    logga_in(sida, "chef", LOSENORD)
    sida.goto(sida.bas + "/statistik/" + PERIOD)
    sida.get_by_role("link", name="Jämställdhetsanalys för perioden").click()
    sida.wait_for_load_state()
    assert sida.get_by_role("heading", level=1).inner_text() == "Jämställdhetsanalys"
    assert sida.get_by_role("img", name="Skillnad kvinnor − män i procentenheter").is_visible()
    assert sida.get_by_role("table", name="Kvinnor och män per mått").is_visible()
    kontrollera_tillganglighet(sida)
    sida.goto(sida.bas + f"/statistik/insatser/{med_deltagare.pk}/" + PERIOD)
    sida.get_by_role("link", name="Jämställdhetsanalys").click()
    sida.wait_for_load_state()
    assert "Samordningsteam" in sida.get_by_text("med sina delinsatser").inner_text()
    kontrollera_tillganglighet(sida)


@pytest.mark.parametrize("bredd", [1280, 390])
def test_rackvidd_mot_behov(sida, chef, forbund, med_deltagare, bredd):
    """From the dashboard to reach against need, with the demo's label, on desk and phone."""
    region = Region.objects.create(kod="1980", namn="Västerås", typ=Region.Typ.KOMMUN)
    PartFactory(forbund=forbund, namn="Västerås stad", typ="kommun", kommunkod="1980")
    for kon, varde in (("kvinnor", 300), ("man", 200), ("totalt", 500)):
        Helarsekvivalent.objects.create(
            region=region, ar=2023, kon=kon, ersattningsform="sjukpenning", varde=varde,
            pahittad=True,
        )  # fmt: skip
    med_deltagare.inskrivningar.update(hemkommun="1980")
    sida.set_viewport_size({"width": bredd, "height": 900})
    logga_in(sida, "chef", LOSENORD)
    sida.goto(sida.bas + "/statistik/")
    sida.get_by_role("link", name="Räckvidd mot behov").click()
    sida.wait_for_load_state()
    assert sida.get_by_role("heading", level=1).inner_text() == "Räckvidd mot behov"
    assert sida.get_by_role("note").get_by_text("Påhittade demosiffror.").is_visible()
    assert sida.get_by_role("img", name="Deltagare per 1 000 helårsekvivalenter 2024").is_visible()
    assert sida.get_by_role("table", name="Västerås", exact=True).is_visible()
    assert sida.evaluate("document.documentElement.scrollWidth") <= bredd
    kontrollera_tillganglighet(sida)
