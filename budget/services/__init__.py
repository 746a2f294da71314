"""Every write of a budget year: the year, its intäkter, rader and utfall, and imports of utfall.

Only the förbundschef writes (DOMAIN.md §6); `user=SYSTEM` is trusted set-up
from the command line and the demo.
"""

from budget.services.budget import (
    BUDGETAR_FALT,
    BUDGETRAD_FALT,
    budgetar_skapa,
    budgetar_uppdatera,
    budgetrad_lagg_till_konto,
    budgetrad_skapa,
    budgetrad_ta_bort,
    budgetrad_uppdatera,
    intakter_ersatt,
    utfall_registrera,
)
from budget.services.utfallsimport import (
    utfallsimport_granska,
    utfallsimport_kor,
    utfallsimport_ladda_upp,
    utfallsimport_las,
    utfallsimport_starta,
)

__all__ = [
    "BUDGETAR_FALT",
    "BUDGETRAD_FALT",
    "budgetar_skapa",
    "budgetar_uppdatera",
    "budgetrad_lagg_till_konto",
    "budgetrad_skapa",
    "budgetrad_ta_bort",
    "budgetrad_uppdatera",
    "intakter_ersatt",
    "utfall_registrera",
    "utfallsimport_granska",
    "utfallsimport_kor",
    "utfallsimport_ladda_upp",
    "utfallsimport_las",
    "utfallsimport_starta",
]
