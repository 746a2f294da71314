"""The dashboard's column: each top insats's återbetalningstid against its goal.

The förbund's kalkyler are read together; each must be the insats's own
kalkyl (test_berakning.py computes the samordningsteam's by hand).
"""

import pytest
from django.urls import reverse

from budget.models import Budgetar, Budgetrad, Utfall
from kalkyl.berakning import kalkyl, kalkyler
from kalkyl.models import Antaganden
from tests.factories import InsatsFactory
from tests.kalkyl.bygg import AR
from tests.statistik.bygg import D, inskriv

pytestmark = pytest.mark.django_db

PERIOD = {"period": "egen", "fran": "2025-01-01", "till": "2025-12-31"}


def _per_insats(svar) -> dict[str, dict[str, str]]:
    tabell = svar.context["oversikt"].per_insats
    return {rad.rubrik: dict(zip(tabell.kolumner, rad.celler, strict=True)) for rad in tabell.rader}


def test_aterbetalningstiden_mot_malet(client, chef, samordningsteam, annan_insats):
    samordningsteam.mal_aterbetalning_manader = 40
    samordningsteam.save()
    client.force_login(chef)
    rader = _per_insats(client.get(reverse("statistik"), PERIOD))
    assert rader["Samordningsteam"]["Återbetalningstid"] == "43\xa0mån, mål 40\xa0mån"
    # ALL-IN has no avslutade and no goal: nothing to show, and no goal to show it against.
    assert rader["ALL-IN"]["Återbetalningstid"] == "–"


def test_utan_antaganden_ingen_kolumn(client, chef, samordningsteam):
    Antaganden.objects.all().delete()
    client.force_login(chef)
    rader = _per_insats(client.get(reverse("statistik"), PERIOD))
    assert "Återbetalningstid" not in rader["Samordningsteam"]


def test_tillsammans_som_var_for_sig_med_delinsatserna(forbund, samordningsteam, annan_insats):
    # A delinsats's avslutad counts in its top insats: staten saves another
    # 200 000 a year, so 475 000 + 60 000 = 535 000 × ½ = 267 500 a year:
    # 600 000 × 12 ÷ 267 500 = 26,9 → 27 months.
    delinsats = InsatsFactory(forbund=forbund, overordnad=samordningsteam)
    inskriv(delinsats, start=D(2025, 2, 1), slut=D(2025, 9, 30), orsak="arbete",
            vid_start=("sjukpenning",), vid_avslut=("lon",))  # fmt: skip
    inskriv(annan_insats, start=D(2025, 2, 1), slut=D(2025, 9, 30), orsak="arbete",
            vid_start=("ekonomiskt_bistand",), vid_avslut=("lon",))  # fmt: skip
    alla = kalkyler(forbund.pk, [samordningsteam.pk, annan_insats.pk], *AR)
    assert alla[samordningsteam.pk].aterbetalningstid_manader == 27
    assert alla[samordningsteam.pk].underlag.avslutade == 5
    # ALL-IN's kommunerna save 60 000 a year, but it cost nothing in the period.
    assert alla[annan_insats.pk].orsak == (
        "Kan inte beräknas än: insatsen har inga kostnader bokförda under perioden."
    )
    for insats in (samordningsteam, annan_insats):
        assert alla[insats.pk] == kalkyl(insats, *AR)


def test_en_delinsats_egen_kalkyl(forbund, samordningsteam):
    """A delinsats read alone is its own root: its people and its cost, not its parent's."""
    delinsats = InsatsFactory(forbund=forbund, overordnad=samordningsteam)
    inskriv(delinsats, start=D(2025, 2, 1), slut=D(2025, 9, 30), orsak="arbete",
            vid_start=("sjukpenning",), vid_avslut=("lon",))  # fmt: skip
    rad = Budgetrad.objects.create(budgetar=Budgetar.objects.get(forbund=forbund), namn="Del",
                                   kategori="insatser", insats=delinsats, budget=1)  # fmt: skip
    Utfall.objects.create(rad=rad, datum=D(2025, 5, 1), belopp=120_000)
    k = kalkyl(delinsats, *AR)
    # 200 000 a year for staten, half credited: 120 000 × 12 ÷ 100 000 = 14,4 → 15 months.
    assert (k.underlag.avslutade, k.kostnad, k.aterbetalningstid_manader) == (1, 120_000, 15)
