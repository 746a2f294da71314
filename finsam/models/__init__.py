"""Core models: förbund, parter, roles, API keys, who serves the förbund (uppdrag), TOTP."""

from finsam.models.api_nyckel import ApiNyckel
from finsam.models.organisation import (
    Forbund,
    Gallringsandring,
    Installningsandring,
    Medlemskap,
    Part,
)
from finsam.models.tvafaktor import Tvafaktorenhet
from finsam.models.uppdrag import Uppdrag

__all__ = [
    "ApiNyckel",
    "Forbund",
    "Gallringsandring",
    "Installningsandring",
    "Medlemskap",
    "Part",
    "Tvafaktorenhet",
    "Uppdrag",
]
