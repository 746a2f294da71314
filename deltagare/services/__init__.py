"""Every write of deltagare: registration, inskrivning, bedömning, avslut, anonyma.

Each service runs in one transaction and validates with `full_clean`, so a
refused call leaves nothing half written, and logs the access in that same
transaction (`deltagare.atkomstlogg`). Only a samordnare of the insats may
write (DOMAIN.md §6); `user=SYSTEM` is trusted set-up from the command line.
"""

from deltagare.services.anonyma import anonyma_registrera
from deltagare.services.bedomning import stegbedomning_lagg_till
from deltagare.services.gemensamt import STARTDATA_FALT
from deltagare.services.inskrivning import (
    inskrivning_avsluta,
    inskrivning_felregistrera,
    inskrivning_skapa,
    inskrivning_uppdatera,
)
from deltagare.services.rattelse import identitet_ratta
from deltagare.services.registrering import deltagare_registrera, deltagare_registrera_i_insats
from deltagare.services.samtycke import samtycke_aterkalla
from finsam.services.organisation import krav_samordnare
from finsam.services.validering import Konflikt

__all__ = [
    "STARTDATA_FALT",
    "Konflikt",
    "anonyma_registrera",
    "deltagare_registrera",
    "deltagare_registrera_i_insats",
    "identitet_ratta",
    "inskrivning_avsluta",
    "inskrivning_felregistrera",
    "inskrivning_skapa",
    "inskrivning_uppdatera",
    "krav_samordnare",
    "samtycke_aterkalla",
    "stegbedomning_lagg_till",
]
