"""The förbundschef reviews the access log in a browser: search, sample, comment; axe on each page.

A transactional test with log rows: the flush after it goes through the
SQLite wrapper of tests/conftest.py (deltagare/logg/triggrar.py).
"""

import datetime
import uuid

import pytest

from deltagare.atkomstlogg import Handling, logga_pseudonymer
from deltagare.logg.manader import manadens_start, senaste_hela_manad
from deltagare.logg.models import Stickprov
from deltagare.services import deltagare_registrera_i_insats
from finsam.atkomst import SYSTEM
from tests.browser.hjalp import kontrollera_tillganglighet, logga_in
from tests.factories import LOSENORD
from tests.integritet.hjalp import klockan
from tests.personer import PNR, D

pytestmark = pytest.mark.django_db(transaction=True)


def test_sok_och_granska_loggen(sida, forbund, chef, insats, samordnare):
    person = deltagare_registrera_i_insats(
        insats=insats,
        startdatum=D(2025, 3, 1),
        personnummer=PNR,
        samtycke_datum=D(2025, 2, 20),
        user=samordnare,
    )
    manad = senaste_hela_manad()
    with klockan(manadens_start(manad) + datetime.timedelta(days=2)):
        logga_pseudonymer(
            user=SYSTEM, handling=Handling.LAS, forbund_id=forbund.pk, pseudonymer=[uuid.uuid4()]
        )
    logga_in(sida, "chef", LOSENORD)

    sida.goto(sida.bas + "/atkomstlogg/")
    sida.get_by_label("Personnummer eller referens").fill(PNR)
    sida.get_by_role("button", name="Sök", exact=True).click()
    sida.wait_for_load_state()
    assert sida.url.endswith("/atkomstlogg/")  # nothing of the number in the address
    assert sida.get_by_role("heading", name="Händelser för den sökta personen").is_visible()
    assert str(person.deltagare.pseudonym)[:8] in sida.content()
    assert PNR not in sida.content()
    assert sida.get_by_label("Personnummer eller referens").input_value() == ""
    kontrollera_tillganglighet(sida)

    sida.get_by_role("link", name="Månadsgranskning").click()
    sida.wait_for_load_state()
    kontrollera_tillganglighet(sida)
    sida.locator("tbody a").first.click()
    sida.wait_for_load_state()
    assert sida.get_by_role("heading", level=1).inner_text().startswith("Granskning av")
    kontrollera_tillganglighet(sida)
    sida.get_by_label("Kommentar").fill("Rimlig läsning.")
    sida.get_by_role("button", name="Markera som granskad").click()
    sida.wait_for_load_state()
    assert sida.get_by_text("Händelsen är markerad som granskad.").is_visible()
    kontrollera_tillganglighet(sida)
    assert Stickprov.objects.get().kommentar == "Rimlig läsning."
