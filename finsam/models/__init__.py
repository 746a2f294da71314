"""Core models: förbund, parter, roles and API keys."""

from finsam.models.api_nyckel import ApiNyckel
from finsam.models.organisation import Forbund, Medlemskap, Part

__all__ = [
    "ApiNyckel",
    "Forbund",
    "Medlemskap",
    "Part",
]
