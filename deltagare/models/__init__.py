"""Deltagare, their inskrivningar, försörjning, stegbedömningar and anonyma counts.

Identities are special-category personal data (DOMAIN.md §2): only the
samordnare of the deltagare's insatser see these rows (`visible_to`); the
förbund sees them only as aggregates through `statistik/`.
"""

# The review's models live by the review (deltagare/logg/); imported here so
# Django registers them with the app.
from deltagare.logg.models import Logggranskning, Stickprov
from deltagare.models.deltagare import (
    AnonymaDeltagare,
    AnonymaDeltagareQuerySet,
    Deltagare,
    DeltagareQuerySet,
    Rattelse,
    RattelseQuerySet,
    VantandeRegistrering,
    VantandeRegistreringQuerySet,
)
from deltagare.models.inskrivning import (
    DeltagardataQuerySet,
    Forsorjning,
    Inskrivning,
    InskrivningQuerySet,
    Stegbedomning,
)
from deltagare.models.korrigering import Korrigering
from deltagare.models.logg import Atkomstlogg, AtkomstloggQuerySet, Gallringskorning
from deltagare.models.uppfoljning import UPPFOLJNINGSTYPER, Uppfoljning

__all__ = [
    "AnonymaDeltagare",
    "AnonymaDeltagareQuerySet",
    "Atkomstlogg",
    "AtkomstloggQuerySet",
    "DeltagardataQuerySet",
    "Deltagare",
    "DeltagareQuerySet",
    "Forsorjning",
    "Gallringskorning",
    "Inskrivning",
    "Korrigering",
    "InskrivningQuerySet",
    "Logggranskning",
    "Rattelse",
    "RattelseQuerySet",
    "Stegbedomning",
    "Stickprov",
    "UPPFOLJNINGSTYPER",
    "Uppfoljning",
    "VantandeRegistrering",
    "VantandeRegistreringQuerySet",
]
