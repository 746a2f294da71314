"""A report being written (Rapportdokument, its sections) and its generated versions (Rapport)."""

from rapporter.models.dokument import Avsnittstyp, Rapportavsnitt, Rapportdokument
from rapporter.models.rapport import Rapport, RapportQuerySet, Rapporttyp

__all__ = [
    "Avsnittstyp",
    "Rapport",
    "RapportQuerySet",
    "Rapportavsnitt",
    "Rapportdokument",
    "Rapporttyp",
]
