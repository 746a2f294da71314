"""A worker started with `celery -A finsam worker` knows every task the code sends."""

import importlib
import pkgutil
import subprocess
import sys

from celery import Task

ROTTER = ["deltagare", "finsam", "insatser", "rapporter", "statistik"]
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
    assert "finsam.budget.tasks.utfallsimport_kor_task" in kodens
    svar = subprocess.run(
        [sys.executable, "-c", ARBETARENS_UPPGIFTER], capture_output=True, text=True, check=True
    )
    assert kodens <= set(svar.stdout.split())
