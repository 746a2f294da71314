"""Every write of deltagare: registration, inskrivning, bedömning, avslut, follow-up,
corrections, anonyma.

Each service runs in one transaction and validates with `full_clean`, so a
refused call leaves nothing half written, and logs the access in that same
transaction (`deltagare.atkomstlogg`). Only a samordnare of the insats may
write (DOMAIN.md §6); `user=SYSTEM` is trusted set-up from the command line.
"""

from deltagare.services.anonyma import anonyma_registrera
from deltagare.services.bedomning import stegbedomning_lagg_till
from deltagare.services.gemensamt import STARTDATA_FALT, utforande_kommun
from deltagare.services.inskrivning import (
    inskrivning_avsluta,
    inskrivning_felregistrera,
    inskrivning_skapa,
    inskrivning_uppdatera,
)
from deltagare.services.korrigering import (
    inskrivning_ateroppna,
    inskrivning_avslut_ratta,
    inskrivning_felregistrering_angra,
    stegbedomning_andra,
    stegbedomning_ta_bort,
)
from deltagare.services.rattelse import identitet_ratta
from deltagare.services.registrering import deltagare_registrera, deltagare_registrera_i_insats
from deltagare.services.samtycke import samtycke_aterkalla
from deltagare.services.uppfoljning import uppfoljning_registrera
from finsam.services.organisation import krav_samordnare
from finsam.services.validering import Konflikt

__all__ = [
    "STARTDATA_FALT",
    "Konflikt",
    "anonyma_registrera",
    "deltagare_registrera",
    "deltagare_registrera_i_insats",
    "identitet_ratta",
    "inskrivning_ateroppna",
    "inskrivning_avslut_ratta",
    "inskrivning_avsluta",
    "inskrivning_felregistrera",
    "inskrivning_felregistrering_angra",
    "inskrivning_skapa",
    "inskrivning_uppdatera",
    "krav_samordnare",
    "samtycke_aterkalla",
    "stegbedomning_andra",
    "stegbedomning_lagg_till",
    "stegbedomning_ta_bort",
    "uppfoljning_registrera",
    "utforande_kommun",
]
