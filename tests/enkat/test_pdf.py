"""The deltagarenkät as an optional section of the reports, read back from the PDF."""

import pytest

from rapporter.models import Avsnittstyp
from rapporter.services.dokument import avsnitt_lagg_till, avsnitt_ta_bort, rapportdokument_skapa
from tests.enkat.bygg import MARS
from tests.rapporter.hjalp import bestalld_text

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def _text(oncommit, forbund, chef, insats=None, typ="delarsrapport", maskera=False) -> str:
    dokument = rapportdokument_skapa(forbund=forbund, typ=typ, fran=MARS[0], till=MARS[1],
                                     insats=insats, user=chef)  # fmt: skip
    for avsnitt in dokument.avsnitt.all():
        avsnitt_ta_bort(avsnitt=avsnitt, user=chef)
    avsnitt_lagg_till(dokument=dokument, typ=Avsnittstyp.ENKAT, user=chef)
    return bestalld_text(oncommit, dokument, chef, maskera=maskera, ord=True).replace("\xa0", " ")


def test_forbundets_delarsrapport(matningar, forbund, chef, django_capture_on_commit_callbacks):
    text = _text(django_capture_on_commit_callbacks, forbund, chef)
    assert "Deltagarenkät" in text
    # The figures of test_resultat.py: 13 of 20, women 8 of 10, men 5 of 10.
    assert (
        "Samordningsteam: Bra bemötande 65 % (13 av 20) 43–82 % 80 % (8 av 10) 50 % (5 av 10)"
        in text
    )


def test_insatsens_verksamhetsberattelse_maskerad(
    matningar, forbund, chef, insats, django_capture_on_commit_callbacks
):
    forbund.min_cell = 21
    forbund.save()
    text = _text(django_capture_on_commit_callbacks, forbund, chef, insats,
                 typ="verksamhetsberattelse", maskera=True)  # fmt: skip
    # Twenty answers are fewer than the förbund's 21: nothing of them in the masked version.
    assert "Bra bemötande" in text and "13 av 20" not in text
