"""Benchmark (`make bench`): the demo förbund's delårsrapport is built in under 15 s (issue 12)."""

import datetime
import io
import time

import pytest
from pypdf import PdfReader

from demo.organisation import FORBUND_NAMN
from finsam.atkomst import SYSTEM
from finsam.models import Forbund
from rapporter.models import Rapport, Rapporttyp
from rapporter.services.dokument import rapportdokument_skapa
from rapporter.services.generering import rapport_generera
from rapporter.services.versioner import rapport_bestall
from tests.demo.hjalp import kor_seed, snabb_hash

pytestmark = [pytest.mark.bench, pytest.mark.django_db]


def test_demons_delarsrapport(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    with snabb_hash():
        kor_seed()
    forbund = Forbund.objects.get(namn=FORBUND_NAMN)
    dokument = rapportdokument_skapa(
        forbund=forbund,
        typ=Rapporttyp.DELARSRAPPORT,
        fran=datetime.date(2026, 1, 1),
        till=datetime.date(2026, 8, 31),
        user=SYSTEM,
    )
    rapport = rapport_bestall(dokument=dokument, user=SYSTEM)
    start = time.perf_counter()
    rapport_generera(rapport_id=rapport.pk)
    sekunder = time.perf_counter() - start
    rapport.refresh_from_db()
    assert rapport.status == Rapport.Status.KLAR, rapport.fel
    sidor = len(PdfReader(io.BytesIO(rapport.fil.read())).pages)
    print(f"\nDemoförbundets delårsrapport: {sekunder:.1f} s, {sidor} sidor, {rapport.storlek} B")
    assert sekunder < 15
