"""Issue 14 in Chromium with axe-core: correct a bedömning, reopen an avslut, and record a
follow-up that could not reach the person."""

import pytest

from deltagare.models import Korrigering, Uppfoljning
from deltagare.services import (
    deltagare_registrera,
    inskrivning_avsluta,
    inskrivning_skapa,
    stegbedomning_lagg_till,
)
from finsam.atkomst import SYSTEM
from finsam.datum import manader_senare
from tests.browser.hjalp import kontrollera_tillganglighet, logga_in
from tests.factories import LOSENORD
from tests.personer import D

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def inskriven(forbund, insats):
    deltagare = deltagare_registrera(
        forbund=forbund, referens="RÄ-1", kon="kvinna", fodelsear=1990, user=SYSTEM
    )
    return inskrivning_skapa(
        deltagare=deltagare, insats=insats, startdatum=D(2025, 3, 1), user=SYSTEM
    )


def test_ratta_en_bedomning(sida, samordnare, inskriven):
    stegbedomning_lagg_till(
        inskrivning=inskriven, datum=D(2025, 3, 2), typ="start", steg_nummer=2, user=SYSTEM
    )
    logga_in(sida, "samordnare", LOSENORD)
    sida.goto(f"{sida.bas}/deltagare/{inskriven.deltagare_id}/")
    sida.get_by_role("link", name="Ändra bedömningen start 2025-03-02").click()
    assert sida.get_by_role("heading", level=1).inner_text() == "Ändra stegbedömning"
    kontrollera_tillganglighet(sida)
    sida.locator("select[name=steg]").select_option("3")
    sida.get_by_role("button", name="Spara ändringen").click()
    # Without a reason nothing is saved, and the message says why.
    assert "Ange skäl till ändringen." in sida.content()
    kontrollera_tillganglighet(sida)
    sida.get_by_label("Skäl till ändringen").fill("Fel steg valdes")
    sida.get_by_role("button", name="Spara ändringen").click()
    assert "Stegbedömningen är ändrad." in sida.content()
    assert sida.get_by_role("heading", name="Ändringshistorik").is_visible()
    assert "Fel steg valdes" in sida.content()
    kontrollera_tillganglighet(sida)
    assert Korrigering.objects.get().typ == "bedomning_andrad"


def test_ateroppna_ett_avslut(sida, samordnare, inskriven):
    inskrivning_avsluta(
        inskrivning=inskriven, slutdatum=D(2025, 9, 30), avslutsorsak="arbete", user=SYSTEM
    )
    logga_in(sida, "samordnare", LOSENORD)
    sida.goto(f"{sida.bas}/deltagare/{inskriven.deltagare_id}/")
    sida.get_by_role("link", name="Återöppna inskrivningen").click()
    kontrollera_tillganglighet(sida)
    sida.get_by_label("Skäl till ändringen").fill("Avslutades av misstag")
    sida.get_by_role("button", name="Återöppna inskrivningen").click()
    assert "Inskrivningen är återöppnad och aktiv igen." in sida.content()
    assert sida.get_by_role("link", name="Avsluta inskrivningen").is_visible()
    kontrollera_tillganglighet(sida)
    inskriven.refresh_from_db()
    assert inskriven.ar_aktiv


def test_uppfoljning_dar_personen_inte_kunde_nas(sida, samordnare, insats, inskriven):
    idag = D.today()
    inskrivning_avsluta(
        inskrivning=inskriven,
        slutdatum=max(manader_senare(idag, -7), inskriven.startdatum),
        avslutsorsak="arbete",
        user=SYSTEM,
    )
    logga_in(sida, "samordnare", LOSENORD)
    sida.goto(f"{sida.bas}/deltagare/insats/{insats.pk}/uppfoljningar/")
    kontrollera_tillganglighet(sida)
    sida.get_by_label("Kunde inte nås").check()
    sida.get_by_role("button", name="Spara uppföljning").click()
    assert "Uppföljningen är sparad." in sida.content()
    assert "Inga uppföljningar att göra just nu." in sida.content()
    kontrollera_tillganglighet(sida)
    assert Uppfoljning.objects.get().utfall == "kunde_inte_nas"
