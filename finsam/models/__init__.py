"""Core models: förbund, parter, roles, API keys, and who serves the förbund (uppdrag)."""

from finsam.models.api_nyckel import ApiNyckel
from finsam.models.organisation import Forbund, Gallringsandring, Medlemskap, Part
from finsam.models.uppdrag import Uppdrag

__all__ = [
    "ApiNyckel",
    "Forbund",
    "Gallringsandring",
    "Medlemskap",
    "Part",
    "Uppdrag",
]
