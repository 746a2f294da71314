"""Core models: förbund, parter, roles, API keys, who serves the förbund (uppdrag), TOTP."""

from finsam.models.api_nyckel import ApiNyckel
from finsam.models.organisation import Forbund, Gallringsandring, Medlemskap, Part
from finsam.models.tvafaktor import Tvafaktorenhet
from finsam.models.uppdrag import Uppdrag

__all__ = [
    "ApiNyckel",
    "Forbund",
    "Gallringsandring",
    "Medlemskap",
    "Part",
    "Tvafaktorenhet",
    "Uppdrag",
]
