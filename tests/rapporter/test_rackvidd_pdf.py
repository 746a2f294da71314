"""Räckvidd mot behov as an optional section of the delårsrapport, read back from the PDF."""

import pytest

from rapporter.models import Avsnittstyp
from rapporter.services.dokument import avsnitt_lagg_till, avsnitt_ta_bort, rapportdokument_skapa
from scb.models import Helarsekvivalent, Region
from tests.factories import PartFactory
from tests.rapporter.hjalp import bestalld_text
from tests.statistik.bygg import D, inskriv


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def dokument(forbund, chef, insats):
    region = Region.objects.create(kod="1980", namn="Västerås", typ=Region.Typ.KOMMUN)
    PartFactory(forbund=forbund, namn="Västerås stad", typ="kommun", kommunkod="1980")
    # 2020 only: the 2021 report falls back to it, and says so.
    for kon, varde in (("kvinnor", 400), ("man", 200), ("totalt", 600)):
        Helarsekvivalent.objects.create(
            region=region, ar=2020, kon=kon, ersattningsform="sjukpenning", varde=varde
        )
    # Sjukpenning vid start: 2 women and 1 man in Västerås, 1 woman without hemkommun.
    for kon, hemkommun in (("kvinna", "1980"), ("kvinna", "1980"), ("man", "1980"), ("kvinna", "")):
        i = inskriv(insats, kon=kon, start=D(2021, 2, 1), vid_start=("sjukpenning",))
        i.hemkommun = hemkommun
        i.save()
    dokument = rapportdokument_skapa(
        forbund=forbund, typ="delarsrapport", fran=D(2021, 1, 1), till=D(2021, 8, 31), user=chef
    )
    for avsnitt in dokument.avsnitt.all():
        avsnitt_ta_bort(avsnitt=avsnitt, user=chef)
    avsnitt_lagg_till(dokument=dokument, typ=Avsnittstyp.RACKVIDD, user=chef)
    return dokument


def test_avsnittet_i_styrelsens_version(chef, dokument, django_capture_on_commit_callbacks):
    text = bestalld_text(
        django_capture_on_commit_callbacks, dokument, chef, maskera=False, ord=True
    )
    assert "Räckvidd mot behov" in text
    assert "Inskrivningar som började 2021" in text
    # Helårsekvivalenter 600; deltagare 2 women, 1 man, 3 in all;
    # 2 / 400 × 1 000 = 5,0 kvinnor; 1 / 200 = 5,0 män; 3 / 600 = 5,0 totalt.
    assert "Sjukpenning 600 2 1 3 5,0 5,0 5,0" in text
    assert "Helårsekvivalenterna gäller 2020, det senaste året med siffror per kön" in text
    assert "1 inskrivning saknar hemkommun och räknas inte." in text


def test_den_maskerade_versionen_doljer_sma_tal(chef, dokument, django_capture_on_commit_callbacks):
    # min_cell 3: 2 women and 1 man are hidden, the totalt with them, and their rates.
    text = bestalld_text(django_capture_on_commit_callbacks, dokument, chef, maskera=True, ord=True)
    assert "Sjukpenning 600 – – – – – –" in text
