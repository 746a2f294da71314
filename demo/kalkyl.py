"""The demo's kalkyl assumptions: example values, marked as examples wherever they show.

Rough levels for illustration only, not sources to cite: the förbundschef
replaces them with the förbund's own figures and sources, and saving does
so (Antaganden.exempel becomes false).
"""

from finsam.atkomst import SYSTEM
from finsam.models import Forbund
from kalkyl.models import Antaganden
from kalkyl.services import antaganden_spara

EXEMPEL = "Exempelvärde i demodatan, inte en källa."
KOSTNADER = {
    "sjukpenning": (230_000, "staten"),
    "sjukersattning": (200_000, "staten"),
    "aktivitetsersattning": (150_000, "staten"),
    "arbetsloshetsersattning": (190_000, "staten"),
    "aktivitetsstod": (160_000, "staten"),
    "etableringsersattning": (110_000, "staten"),
    "subventionerad_anstallning": (180_000, "staten"),
    "ekonomiskt_bistand": (130_000, "kommunerna"),
}
AR = (2025, 2026)


def kalkyl_skapa(forbund: Forbund) -> bool:
    """Example assumptions for the demo's years, unless the förbund has any."""
    if Antaganden.objects.filter(forbund=forbund).exists():
        return False
    for ar in AR:
        antaganden_spara(
            forbund=forbund,
            ar=ar,
            user=SYSTEM,
            exempel=True,
            varaktighet_ar=3,
            tillskrivning_procent=50,
            produktionsvarde_per_ar=480_000,
            produktionsvarde_kalla=EXEMPEL,
            inkomstforandring_per_ar=120_000,
            inkomstforandring_kalla=EXEMPEL,
            kostnader={k: (belopp, aktor, EXEMPEL) for k, (belopp, aktor) in KOSTNADER.items()},
        )
    return True
