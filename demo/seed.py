"""Demo data: a believable förbund for trying Finsam out (`manage.py seed_demo`).

Idempotent and deterministic: every section draws from its own Random with
a fixed seed, so the data are the same on every machine, and a section
that already exists is not written again (and is drawn the same way, so
the next section's draws do not shift). Fabricated people only: the
personnummer are made up, with valid check digits.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from django.db import transaction

from demo.budget import budget_skapa
from demo.deltagare import deltagare_skapa
from demo.deltagarplan import planera
from demo.enkat import enkat_demo_skapa
from demo.inbjudningar import inbjudningar_demo_skapa
from demo.kalkyl import kalkyl_skapa
from demo.organisation import anvandare_skapa, organisation_skapa
from demo.rapporter import rapporter_skapa
from demo.scb import ladda_pahittade, ladda_scb

FRO = "finsam-demo-2025"


def slump(sektion: str) -> random.Random:
    # Not for security: the point is the same numbers every run.
    return random.Random(f"{FRO}:{sektion}")  # noqa: S311


@dataclass
class Resultat:
    forbund_id: int
    scb_rader: int
    deltagare_skapade: bool
    budgetar_skapade: list[int]
    rapporter_skapade: bool
    anvandare: list[str]


@transaction.atomic
def seed_demo() -> Resultat:
    """Load the demo förbund; all or nothing, and nothing twice."""
    scb_rader = ladda_scb()
    demo = organisation_skapa()
    scb_rader += ladda_pahittade(demo.forbund.kommunkoder(), slump("scb"))
    anvandare = anvandare_skapa(demo)
    deltagare_skapade = deltagare_skapa(demo, planera(slump("deltagare")))
    budgetar = budget_skapa(demo, slump("budget"))
    rapporter_skapade = rapporter_skapa(demo)
    kalkyl_skapa(demo.forbund)
    enkat_demo_skapa(demo.forbund, slump("enkat"))
    chef = next(u for u in anvandare if u.username == "chef")
    inbjudningar_demo_skapa(demo.forbund, chef)
    return Resultat(
        forbund_id=demo.forbund.pk,
        scb_rader=scb_rader,
        deltagare_skapade=deltagare_skapade,
        budgetar_skapade=budgetar,
        rapporter_skapade=rapporter_skapade,
        anvandare=[u.username for u in anvandare],
    )
