"""Core models: förbund, parter, roles, API keys and budget."""

from finsam.models.api_nyckel import ApiNyckel
from finsam.models.budget import Budgetar, Budgetrad, Intakt, Utfall, Utfallsimport
from finsam.models.organisation import Forbund, Medlemskap, Part

__all__ = [
    "ApiNyckel",
    "Budgetar",
    "Budgetrad",
    "Forbund",
    "Intakt",
    "Medlemskap",
    "Part",
    "Utfall",
    "Utfallsimport",
]
