"""A real worker killed mid-job: the report still finishes, exactly once (issue 12 §8).

A `celery -A finsam worker` process takes a helårsekvivalent PDF through
Redis and is killed (SIGKILL) while the job is pågår. The sweeper
(`jobb_sopa`) queues the job again, Redis gives the unacknowledged message
back after the visibility timeout, and a second worker finishes it: one
rapport, klar, with one stored file. Needs PostgreSQL and Redis (the
workers are other processes and must share the test database).
"""

import os
import signal
import subprocess
import sys
import time

import pytest
from django.conf import settings
from django.db import connection

from demo.scb import ladda_scb
from finsam.celery import app
from finsam.jobb import Jobbstatus, jobb_sopa
from rapporter.models import Rapport
from rapporter.services.versioner import rapport_bestall_helarsekvivalenter
from tests.factories import PartFactory

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        not settings.REDIS_URL or connection.vendor != "postgresql",
        reason="arbetarna är egna processer: de behöver Redis och PostgreSQL",
    ),
]
INAKTUELL = 2  # seconds without a sign of life before the sweeper queues again


def _arbetare(tmp_path) -> subprocess.Popen:
    db = connection.settings_dict
    env = os.environ | {
        "DATABASE_URL": f"postgres://{db['USER']}@{db['HOST']}:{db['PORT'] or 5432}/{db['NAME']}",
        "MEDIA_ROOT": str(tmp_path),
        "FINSAM_JOBB_INAKTUELL_EFTER": str(INAKTUELL),
        "FINSAM_JOBB_SYNLIGHETSTID": str(INAKTUELL),
    }
    return subprocess.Popen(  # noqa: S603
        [sys.executable, "-m", "celery", "-A", "finsam", "worker", "--pool=solo", "-l", "WARNING"],
        cwd=settings.BASE_DIR,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def _vanta_pa(rapport: Rapport, *status: str, sekunder: float = 30) -> str:
    slut = time.monotonic() + sekunder
    while time.monotonic() < slut:
        rapport.refresh_from_db()
        if rapport.status in status:
            return rapport.status
        time.sleep(0.01)
    return rapport.status


def test_rapporten_blir_klar_en_gang_fast_arbetaren_dor(settings, tmp_path, forbund, chef):
    settings.MEDIA_ROOT = tmp_path
    settings.FINSAM_JOBB_INAKTUELL_EFTER = INAKTUELL
    ladda_scb()
    PartFactory(forbund=forbund, namn="Västerås stad", typ="kommun", kommunkod="1980")
    app.conf.task_always_eager = False
    app.control.purge()
    forsta = andra = None
    try:
        forsta = _arbetare(tmp_path)
        rapport = rapport_bestall_helarsekvivalenter(
            forbund=forbund, ar=2020, region="1980", user=chef
        )
        assert _vanta_pa(rapport, Jobbstatus.PAGAR, Jobbstatus.KLAR) == Jobbstatus.PAGAR
        forsta.send_signal(signal.SIGKILL)
        forsta.wait(10)
        rapport.refresh_from_db()
        assert rapport.status == Jobbstatus.PAGAR  # killed mid-job, nothing stored
        assert not list(tmp_path.rglob("*.pdf"))

        time.sleep(INAKTUELL + 0.5)
        assert jobb_sopa() == 1
        andra = _arbetare(tmp_path)
        assert _vanta_pa(rapport, Jobbstatus.KLAR, Jobbstatus.FEL) == Jobbstatus.KLAR
        # Redis gives the first message back too; the second run of it must not count.
        time.sleep(INAKTUELL + 1)
    finally:
        app.conf.task_always_eager = True
        for arbetare in (forsta, andra):
            if arbetare is not None and arbetare.poll() is None:
                arbetare.terminate()
                arbetare.wait(10)
    assert Rapport.objects.count() == 1
    rapport.refresh_from_db()
    assert (rapport.status, rapport.version, rapport.fel) == (Jobbstatus.KLAR, 1, "")
    (pdf,) = tmp_path.rglob("*.pdf")
    assert pdf.stat().st_size == rapport.storlek
