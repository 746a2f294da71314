"""`manage.py import_scb FILE`: a Swedish summary, and a Swedish error on a bad file."""

import os
import subprocess
import sys
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from tests.scb.filer import antal_rader, dimensioner, jsonstat, scb_csv

pytestmark = pytest.mark.django_db
MANAGE = Path(__file__).resolve().parents[2] / "manage.py"


def kor(*args) -> str:
    ut = StringIO()
    call_command("import_scb", *args, stdout=ut)
    return ut.getvalue()


def test_importerar_och_skriver_en_sammanfattning(tmp_path):
    fil = tmp_path / "TAB1386.json"
    fil.write_bytes(jsonstat(dimensioner()))
    assert kor(str(fil)) == (
        "TAB1386.json: årsvärden för 2020.\n"
        "Helårsekvivalenter: 36 nya, 0 ändrade, 0 oförändrade.\n"
        "Folkmängd 20–64 år: 6 nya, 0 ändrade, 0 oförändrade.\n"
        "Nya regioner: 2.\n"
        "6 värden för summa, andel eller andra åldrar lagrades inte: Finsam räknar summa och "
        "andel ur de sex ersättningsformerna.\n"
    )
    assert antal_rader() == (2, 36, 6)
    # The CSV of the same table: nothing changes.
    csv = tmp_path / "HE0000T02N2.csv"
    csv.write_bytes(scb_csv(dimensioner(), kod_och_text=True))
    ut = kor(str(csv))
    assert "Helårsekvivalenter: 0 nya, 0 ändrade, 36 oförändrade." in ut
    assert ut.endswith("Inget ändrades: värdena fanns redan.\n")


def test_trasig_fil_ger_svenskt_fel_och_inget_skrivs(tmp_path):
    fil = tmp_path / "TAB1386.json"
    innehall = jsonstat(dimensioner())
    fil.write_bytes(innehall[: len(innehall) // 2])
    with pytest.raises(CommandError, match="Filen kunde inte läsas som JSON .* ofullständig"):
        kor(str(fil))
    assert antal_rader() == (0, 0, 0)


def test_fil_som_inte_finns(tmp_path):
    with pytest.raises(CommandError, match="finns inte"):
        kor(str(tmp_path / "saknas.json"))


def test_kommandot_avslutas_med_felkod(tmp_path):
    """Run as a process: the error on stderr, in Swedish, and a non-zero exit status."""
    fil = tmp_path / "tom.csv"
    fil.write_bytes(b"")
    svar = subprocess.run(
        [sys.executable, str(MANAGE), "import_scb", str(fil)],
        capture_output=True,
        text=True,
        env=os.environ | {"DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}"},
    )
    assert svar.returncode == 1
    assert "Filen är tom." in svar.stderr
