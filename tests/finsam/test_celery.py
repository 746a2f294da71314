"""A worker started with `celery -A finsam worker` knows every task the code sends."""

import importlib
import pkgutil
import subprocess
import sys
import time

import pytest
from celery import Task
from celery.contrib.testing.worker import start_worker
from django.conf import settings
from django.db.models import Sum

from budget.models import Utfall, Utfallsimport
from budget.services import (
    utfallsimport_granska,
    utfallsimport_ladda_upp,
    utfallsimport_starta,
)
from finsam.atkomst import SYSTEM
from finsam.celery import app
from tests.budget.utfallsfiler import GOD_CSV, GOD_SUMMA, bygg_importbudget, fil

ROTTER = ["budget", "deltagare", "finsam", "insatser", "rapporter", "statistik"]
Status = Utfallsimport.Status
# What a worker does at start, in a fresh interpreter: earlier tests of this
# run may have imported a tasks module and registered its tasks already.
ARBETARENS_UPPGIFTER = (
    "import django, os; os.environ.setdefault('DJANGO_SETTINGS_MODULE', 'finsam.settings');"
    "django.setup(); from finsam.celery import app; app.loader.import_default_modules();"
    "print('\\n'.join(app.tasks))"
)


def _kodens_uppgifter() -> set[str]:
    namn = set()
    for rot in ROTTER:
        for modul in pkgutil.walk_packages(importlib.import_module(rot).__path__, f"{rot}."):
            if modul.name.endswith(".tasks"):
                for varde in vars(importlib.import_module(modul.name)).values():
                    if isinstance(varde, Task) and varde.__module__ == modul.name:
                        namn.add(varde.name)
    return namn


def test_arbetaren_hittar_varje_uppgift():
    kodens = _kodens_uppgifter()
    assert {
        "finsam.budget.tasks.utfallsimport_las_task",
        "finsam.budget.tasks.utfallsimport_kor_task",
    } <= kodens
    svar = subprocess.run(
        [sys.executable, "-c", ARBETARENS_UPPGIFTER], capture_output=True, text=True, check=True
    )
    assert kodens <= set(svar.stdout.split())


def _vanta(utfallsimport: Utfallsimport, *medan: str) -> str:
    """The import's status once it is none of `medan` (at most 30 s)."""
    for _ in range(300):
        utfallsimport.refresh_from_db()
        if utfallsimport.status not in medan:
            break
        time.sleep(0.1)
    return utfallsimport.status


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(not settings.REDIS_URL, reason="uppgifterna körs i processen utan REDIS_URL")
def test_lasningen_och_importen_kors_av_en_arbetare_genom_redis(forbund, settings, tmp_path):
    """Both jobs go from the pages' services through Redis to a worker: it reads, then writes."""
    settings.MEDIA_ROOT = tmp_path
    budgetar = bygg_importbudget(forbund)
    app.conf.task_always_eager = False
    app.control.purge()  # what earlier runs left in the test broker is not this test's
    try:
        with start_worker(app, perform_ping_check=False):
            utfallsimport = utfallsimport_ladda_upp(
                budgetar=budgetar, fil=fil(GOD_CSV), user=SYSTEM
            )
            assert _vanta(utfallsimport, Status.LASER) == Status.GRANSKAS
            granskning = utfallsimport_granska(utfallsimport=utfallsimport, user=SYSTEM)
            assert granskning.fel == () and granskning.summa == GOD_SUMMA
            utfallsimport_starta(utfallsimport=utfallsimport, user=SYSTEM)
            assert _vanta(utfallsimport, Status.KOAD, Status.PAGAR) == Status.KLAR
    finally:
        app.conf.task_always_eager = True
    assert utfallsimport.progress == 100
    assert (
        Utfall.objects.filter(rad__budgetar=budgetar).aggregate(s=Sum("belopp"))["s"] == GOD_SUMMA
    )
