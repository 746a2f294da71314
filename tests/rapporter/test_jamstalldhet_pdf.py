"""The jämställdhetsanalys as an optional section of the delårsrapport, read back from the PDF."""

import pytest

from rapporter.models import Avsnittstyp
from rapporter.services.dokument import avsnitt_lagg_till, avsnitt_ta_bort, rapportdokument_skapa
from tests.rapporter.hjalp import bestalld_text
from tests.statistik.bygg import D, inskriv


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def dokument(forbund, chef, insats):
    # To arbete: 3 of 6 women, 1 of 6 men (as on the page's test).
    for orsak in ("arbete", "arbete", "arbete", "annan", "annan", "ohalsa"):
        inskriv(insats, start=D(2021, 1, 10), slut=D(2021, 6, 30), orsak=orsak)
    for orsak in ("arbete", "annan", "annan", "ohalsa", "ohalsa", "flyttat"):
        inskriv(insats, kon="man", start=D(2021, 1, 10), slut=D(2021, 6, 30), orsak=orsak)
    dokument = rapportdokument_skapa(
        forbund=forbund, typ="delarsrapport", fran=D(2021, 1, 1), till=D(2021, 8, 31), user=chef
    )
    # Only the new section: the others have tests of their own.
    for avsnitt in dokument.avsnitt.all():
        avsnitt_ta_bort(avsnitt=avsnitt, user=chef)
    avsnitt_lagg_till(dokument=dokument, typ=Avsnittstyp.JAMSTALLDHET, user=chef)
    return dokument


def test_avsnittet_i_styrelsens_version(chef, dokument, django_capture_on_commit_callbacks):
    text = bestalld_text(django_capture_on_commit_callbacks, dokument, chef, maskera=False)
    assert "Jämställdhetsanalys" in text
    assert "Perioden 1 januari 2021 – 31 augusti 2021, aktiva deltagare." in text
    assert "50,0\xa0% (3 av 6)" in text and "16,7\xa0% (1 av 6)" in text
    assert "+33,3" in text and "0,545" in text  # p = 270/495 (tests/statistik)
    assert "Skillnaden är inte säkerställd" in text
    assert "Representation per ersättningsform" in text


def test_den_maskerade_versionen_doljer_sma_rader(
    chef, dokument, django_capture_on_commit_callbacks
):
    # 1 of 6 men to arbete (min_cell 3): the whole row is hidden, the verdict says why.
    text = bestalld_text(django_capture_on_commit_callbacks, dokument, chef, maskera=True)
    assert "Visas inte: för få personer för att redovisas." in text
    assert "16,7" not in text
