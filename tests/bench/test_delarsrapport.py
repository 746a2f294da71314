"""Benchmark (`make bench`): the demo förbund's delårsrapport is built in under 15 s (issue 12).

The demo data (seed_demo) and a report ordered through the services by the
förbundschef; the job runs here, as a worker runs it, and the time is the
job's: the blocks' figures and WeasyPrint's pages.
"""

import datetime
import time

import pytest
from django.contrib.auth import get_user_model

from demo.seed import seed_demo
from finsam.models import Forbund
from rapporter.models import Rapport
from rapporter.services.dokument import rapportdokument_skapa
from rapporter.services.generering import rapport_generera
from rapporter.services.versioner import rapport_bestall

pytestmark = [pytest.mark.bench, pytest.mark.django_db]

GRANS_S = 15


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def test_demons_delarsrapport():
    forbund = Forbund.objects.get(pk=seed_demo().forbund_id)
    chef = get_user_model().objects.get(username="chef")
    dokument = rapportdokument_skapa(
        forbund=forbund,
        typ="delarsrapport",
        fran=datetime.date(2026, 1, 1),
        till=datetime.date(2026, 8, 31),
        diarienummer="2026/14",
        user=chef,
    )
    # Ordered outside captured on_commit callbacks: queued, not yet built.
    rapport = rapport_bestall(dokument=dokument, user=chef)
    start = time.perf_counter()
    rapport = rapport_generera(rapport_id=rapport.pk)
    sekunder = time.perf_counter() - start
    assert rapport.status == Rapport.Status.KLAR, rapport.fel
    print(f"\nDemoförbundets delårsrapport: {sekunder:.1f} s, {rapport.storlek // 1024} kB")
    assert sekunder < GRANS_S
