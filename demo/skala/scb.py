"""SCB import at national scale: `manage.py import_scb` into a scratch database.

The file is SCB's JSON-stat2 (table HE0000T02N2, yearly) for every region
and year the generated database holds, written in the shape the SCB tests
build (tests/scb/filer.py): 291 regions × 3 kön × 8 contents × 10 years.
It is imported twice into a new, migrated database of its own, which is
dropped afterwards: first into empty tables (all rows new), then again
(all unchanged), as a yearly re-import of the same figures would be. The
times are the command's, with Django's start (about a second) included.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

from django.conf import settings

from scb.models import Folkmangd, Helarsekvivalent, Region
from tests.scb.filer import FOLKMANGD, FORMER, INNEHALL, KON, KON_SLUG, SUMMA, jsonstat


def scb_fil() -> tuple[bytes, int]:
    """The national JSON-stat2 file from this database's SCB rows, and its number of cells."""
    hek = {
        (kod, ar, kon, form): varde
        for kod, ar, kon, form, varde in Helarsekvivalent.objects.values_list(
            "region__kod", "ar", "kon", "ersattningsform", "varde"
        )
    }
    folk = {
        (kod, ar, kon): antal
        for kod, ar, kon, antal in Folkmangd.objects.values_list(
            "region__kod", "ar", "kon", "antal"
        )
    }
    ar = sorted({a for _, a, _, _ in hek})
    formkod = {kod: form for form, kod, _ in FORMER}

    def varde(region: str, kon: str, innehall: str, tid: str):
        nyckel = (region, int(tid), KON_SLUG[kon])
        if innehall == FOLKMANGD[0]:
            return folk.get(nyckel)
        if innehall == SUMMA[0]:
            delar = [hek.get((*nyckel, f)) for f, _, _ in FORMER]
            return None if None in delar else sum(delar).quantize(Decimal(1), ROUND_HALF_UP)
        return hek.get((*nyckel, formkod[innehall]))

    regioner = list(Region.objects.order_by("kod").values_list("kod", "namn"))
    dims = [
        ("Region", "region", regioner),
        ("Kon", "kön", KON),
        ("ContentsCode", "tabellinnehåll", INNEHALL),
        ("Tid", "år", [(str(a), str(a)) for a in ar]),
    ]
    return jsonstat(dims, varde), len(regioner) * len(KON) * len(INNEHALL) * len(ar)


def _psql(server: str, sql: str) -> None:
    subprocess.run(["psql", f"{server}/postgres", "-qc", sql], check=True)  # noqa: S603, S607


def _kor(miljo: dict, *args: str) -> float:
    start = time.perf_counter()
    subprocess.run(  # noqa: S603  # our own manage.py
        [sys.executable, "manage.py", *args], env=miljo, cwd=settings.BASE_DIR, check=True,
        stdout=subprocess.DEVNULL,
    )  # fmt: skip
    return round(time.perf_counter() - start, 1)


def mat_scb_import() -> dict:
    """Seconds for the national file's import, first into empty tables and then again."""
    innehall, celler = scb_fil()
    delar = urlsplit(os.environ["DATABASE_URL"])
    server = urlunsplit(delar._replace(path=""))
    # Our own name, so it cannot be one of the shared databases.
    databas = f"finsam_skala_scb_{os.getpid()}"
    miljo = os.environ | {"DATABASE_URL": f"{server}/{databas}"}
    _psql(server, f"CREATE DATABASE {databas}")
    try:
        with tempfile.TemporaryDirectory() as katalog:
            fil = Path(katalog) / "he0000t02n2.json"
            fil.write_bytes(innehall)
            migrering = _kor(miljo, "migrate", "--noinput", "-v0")
            forsta = _kor(miljo, "import_scb", str(fil))
            andra = _kor(miljo, "import_scb", str(fil))
    finally:
        _psql(server, f"DROP DATABASE IF EXISTS {databas}")
    return {
        "fil": "JSON-stat2, år",
        "celler": celler,
        "kb": len(innehall) // 1024,
        "sekunder_ny": forsta,
        "sekunder_oforandrad": andra,
        "migrering_s": migrering,
    }
