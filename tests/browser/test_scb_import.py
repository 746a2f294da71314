"""An administrator imports SCB's helårsekvivalenter in the browser; axe-core on every state."""

import pytest

from scb.models import Helarsekvivalent
from tests.browser.hjalp import kontrollera_tillganglighet, logga_in
from tests.factories import LOSENORD
from tests.scb.filer import dimensioner, jsonstat

pytestmark = pytest.mark.django_db(transaction=True)


def _ladda_upp(sida, tmp_path, innehall: bytes) -> None:
    fil = tmp_path / "TAB1386.json"
    fil.write_bytes(innehall)
    sida.get_by_label("Fil från SCB").set_input_files(str(fil))
    sida.get_by_role("button", name="Importera").click()
    sida.wait_for_load_state()


def test_import_med_trasig_och_hel_fil(sida, admin, tmp_path):
    logga_in(sida, "admin", LOSENORD)
    sida.goto(f"{sida.bas}/statistik/scb/import/")
    kontrollera_tillganglighet(sida)

    fil = jsonstat(dimensioner())
    _ladda_upp(sida, tmp_path, fil[: len(fil) // 2])
    assert "ofullständig" in sida.get_by_role("alert").inner_text()
    kontrollera_tillganglighet(sida)
    assert Helarsekvivalent.objects.count() == 0

    _ladda_upp(sida, tmp_path, fil)
    assert "Helårsekvivalenter: 36 nya" in sida.get_by_role("status").inner_text()
    kontrollera_tillganglighet(sida)
    assert Helarsekvivalent.objects.count() == 36
