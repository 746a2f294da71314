"""The kalkyl as an optional section of the reports, read back from the PDF."""

import pytest

from rapporter.models import Avsnittstyp
from rapporter.services.dokument import avsnitt_lagg_till, avsnitt_ta_bort, rapportdokument_skapa
from tests.rapporter.hjalp import bestalld_text
from tests.statistik.bygg import D

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def _text(oncommit, forbund, chef, insats=None, typ="delarsrapport", maskera=False) -> str:
    dokument = rapportdokument_skapa(
        forbund=forbund, typ=typ, fran=D(2025, 1, 1), till=D(2025, 12, 31), insats=insats,
        user=chef,
    )  # fmt: skip
    for avsnitt in dokument.avsnitt.all():
        avsnitt_ta_bort(avsnitt=avsnitt, user=chef)
    avsnitt_lagg_till(dokument=dokument, typ=Avsnittstyp.KALKYL, user=chef)
    return bestalld_text(oncommit, dokument, chef, maskera=maskera, ord=True)


def test_insatsens_verksamhetsberattelse(
    samordningsteam, forbund, chef, django_capture_on_commit_callbacks
):
    samordningsteam.mal_aterbetalning_manader = 40
    samordningsteam.save()
    text = _text(django_capture_on_commit_callbacks, forbund, chef, samordningsteam,
                 typ="verksamhetsberattelse")  # fmt: skip
    text = text.replace("\xa0", " ")
    assert "Samhällsekonomisk kalkyl" in text
    # Cost, payback against the goal and netto after five years: 3 × 167 500 − 600 000
    # (test_berakning.py).
    assert "Samordningsteam 600 000 kr 43 mån, mål 40 mån −97 500 kr" in text
    assert "Delårsrapporten räknar" not in text
    assert "Staten 300 000 kr 137 500 kr 27 mån" in text
    assert "effekten antas vara 3 år och 50 % av förändringen" in text


def test_maskerad_delarsrapport_sager_varfor(
    samordningsteam, forbund, chef, django_capture_on_commit_callbacks
):
    forbund.min_cell = 5
    forbund.save()
    text = _text(django_capture_on_commit_callbacks, forbund, chef, maskera=True)
    assert "Färre än 5 avslutade deltagare, för få för att visas." in text
    assert "43 mån" not in text.replace("\xa0", " ")
    assert "Delårsrapporten räknar de deltagare som har avslutat hittills" in text
