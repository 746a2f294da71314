"""API throughput in a generated database: gunicorn with two workers, loaded by wrk.

Each endpoint is read with a personal key of the user who would read it
(the largest förbund's chef, and the generated samordnare for her
inskrivningar list, where every row shown writes an access-log row as in
production). Throttling is off (FINSAM_API_BEGRANSNING=false) so the
figures are the server's, not the limit's. wrk runs on the same machine,
so it takes some of the two cores from gunicorn: the figures are a floor.
"""

from __future__ import annotations

import datetime
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

from django.conf import settings
from django.db.models import Count
from django.utils import timezone

from finsam.atkomst import SYSTEM
from finsam.kodlistor import Roll
from finsam.models import Forbund, Medlemskap
from finsam.services.api_nycklar import api_nyckel_skapa
from insatser.models import Insats

PORT = int(os.environ.get("FINSAM_BENCH_PORT", 8790))
ARBETARE = 2
# Two connections per worker: enough to keep both busy while one answer is
# on its way back, without queueing so deep that latency is only waiting.
ANSLUTNINGAR = 4
SEKUNDER = int(os.environ.get("FINSAM_BENCH_SEKUNDER", 15))
# wrk's default of 2 s would count a slow statistics answer as a timeout and
# leave it out of the latency figures.
WRK_TIMEOUT = "60s"


def _nyckel(user) -> str:
    """A personal key for `user`, valid for two hours: enough for one run, then it is dead."""
    _, klartext = api_nyckel_skapa(
        anvandare=user,
        namn="bench-nationell",
        giltig_till=timezone.now() + datetime.timedelta(hours=2),
        user=SYSTEM,
    )
    return klartext


def adresser(forbund: Forbund, idag: datetime.date) -> dict[str, tuple[str, str]]:
    """Each endpoint's path and the key it is read with, for the largest förbund."""
    fran, till = datetime.date(idag.year - 1, 1, 1), datetime.date(idag.year - 1, 12, 31)
    chef = _nyckel(Medlemskap.objects.get(forbund=forbund, roll=Roll.FORBUNDSCHEF).user)
    insats = (
        Insats.objects.filter(forbund=forbund, overordnad__isnull=True)
        .annotate(n=Count("inskrivningar"))
        .order_by("-n", "pk")
        .first()
    )
    period = f"fran={fran}&till={till}"
    ut = {
        # The förbund itself, one row: the floor that key, reach, transaction,
        # middleware and DRF cost any list before its own rows.
        "forbund": ("/api/v1/forbund/", chef),
        "insatser": ("/api/v1/insatser/", chef),
        "budget": ("/api/v1/budget/", chef),
        "insats_statistik": (f"/api/v1/insatser/{insats.pk}/statistik/?{period}", chef),
        "forbund_statistik": (f"/api/v1/forbund/{forbund.pk}/statistik/?{period}", chef),
    }
    samordnare = Medlemskap.objects.filter(forbund=forbund, roll=Roll.SAMORDNARE).first()
    if samordnare is not None:
        ut["samordnarens_inskrivningar"] = (
            "/api/v1/inskrivningar/?page_size=50",
            _nyckel(samordnare.user),
        )
    return ut


def _gunicorn(logg: Path) -> subprocess.Popen:
    """gunicorn on the production file; its output and Django's log go to `logg`."""
    miljo = os.environ | {
        "FINSAM_API_BEGRANSNING": "false",
        "DATABASE_URL": os.environ.get("DATABASE_URL", ""),
    }
    kommando = [
        str(Path(sys.executable).parent / "gunicorn"),
        "-c", "drift/gunicorn.conf.py",
        "--bind", f"127.0.0.1:{PORT}",
        "--workers", str(ARBETARE),
        # The production file replaces a worker every ~1 000 requests; in a
        # run of thousands that restart (imports, a new connection) would be
        # measured as latency of the requests that happened to wait for it.
        "--max-requests", "0",
        # One access-log line per request to a file, as production writes
        # one to its output; the terminal would slow the run more.
        "--access-logfile", str(logg),
        "--error-logfile", str(logg),
        "finsam.wsgi",
    ]  # fmt: skip
    with logg.open("ab") as ut:
        return subprocess.Popen(  # noqa: S603  # fixed arguments of our own
            kommando, env=miljo, cwd=settings.BASE_DIR, stdout=ut, stderr=ut
        )


def _vanta_pa(process: subprocess.Popen, adress: str) -> None:
    """Until gunicorn answers (any status): its workers import Django first."""
    for _ in range(120):
        if process.poll() is not None:
            raise RuntimeError("gunicorn avslutades innan den svarade.")
        try:
            urllib.request.urlopen(adress, timeout=2)  # noqa: S310  # our own local server
            return
        except urllib.error.HTTPError:
            return
        except OSError:
            time.sleep(0.5)
    raise RuntimeError(f"gunicorn svarade inte på {adress}.")


def _stoppa(process: subprocess.Popen) -> None:
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


_ENHET_MS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60000.0}


def _ms(text: str) -> float:
    tal, enhet = re.fullmatch(r"([\d.]+)(us|ms|s|m)", text).groups()
    return round(float(tal) * _ENHET_MS[enhet], 1)


def tolka_wrk(utdata: str) -> dict:
    """Requests per second, p50 and p99 and the failures from wrk's --latency output."""
    percentiler = dict(re.findall(r"^\s*(50|99)%\s+(\S+)\s*$", utdata, re.MULTILINE))
    if not {"50", "99"} <= percentiler.keys():
        raise RuntimeError(f"wrk gav inga percentiler:\n{utdata}")
    fel = re.search(r"Non-2xx or 3xx responses: (\d+)", utdata)
    timeout = re.search(r"timeout (\d+)", utdata)
    return {
        "req_s": round(float(re.search(r"Requests/sec:\s+([\d.]+)", utdata).group(1)), 1),
        "p50_ms": _ms(percentiler["50"]),
        "p99_ms": _ms(percentiler["99"]),
        "anrop": int(re.search(r"(\d+) requests in", utdata).group(1)),
        "fel": int(fel.group(1)) if fel else 0,
        "timeout": int(timeout.group(1)) if timeout else 0,
    }


def _wrk(adress: str, nyckel: str) -> dict:
    kommando = [
        "wrk", "--latency", "-t", "2", "-c", str(ANSLUTNINGAR), "-d", f"{SEKUNDER}s",
        "--timeout", WRK_TIMEOUT, "-H", f"Authorization: Bearer {nyckel}", adress,
    ]  # fmt: skip
    # wrk from the PATH, where apt installs it.
    utdata = subprocess.run(  # noqa: S603
        kommando,  # noqa: S607
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return tolka_wrk(utdata)


def mat_api(forbund: Forbund, idag: datetime.date) -> dict:
    """Every endpoint's throughput under gunicorn; gunicorn is stopped however this ends."""
    if shutil.which("wrk") is None:
        raise RuntimeError("wrk saknas: apt-get install -y wrk (tests/bench/nationell.sh gör det).")
    vagar = adresser(forbund, idag)
    bas = f"http://127.0.0.1:{PORT}"
    with tempfile.TemporaryDirectory() as katalog:
        process = _gunicorn(Path(katalog) / "gunicorn.log")
        try:
            _vanta_pa(process, f"{bas}/api/v1/")
            resultat = {"arbetare": ARBETARE, "anslutningar": ANSLUTNINGAR, "sekunder": SEKUNDER}
            for namn, (vag, nyckel) in vagar.items():
                # One request first, so a worker's first import and a cold
                # cache are not in the figures, and a wrong answer stops us.
                begaran = urllib.request.Request(  # noqa: S310  # http to our own gunicorn
                    bas + vag, headers={"Authorization": f"Bearer {nyckel}"}
                )
                with urllib.request.urlopen(begaran, timeout=120) as svar:  # noqa: S310
                    svar.read()
                resultat[namn] = {"vag": vag, **_wrk(bas + vag, nyckel)}
            return resultat
        finally:
            _stoppa(process)
