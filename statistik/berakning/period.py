"""The period [fran, till] (both inclusive) and its populations (DOMAIN.md §5)."""

import datetime
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db.models import Q

from finsam.modellvillkor import PERIOD_BAKLANGES

URVAL = ("aktiva", "nya", "avslutade")


@dataclass(frozen=True)
class Period:
    fran: datetime.date
    till: datetime.date

    def __post_init__(self) -> None:
        if self.till < self.fran:
            raise ValidationError({"till": PERIOD_BAKLANGES})

    @property
    def dagar(self) -> int:
        return (self.till - self.fran).days + 1

    @property
    def ar(self) -> range:
        """The calendar years the period touches (anonyma are counted per år)."""
        return range(self.fran.year, self.till.year + 1)

    def population(self, urval: str, prefix: str = "") -> Q:
        """Inskrivningar of a population, as a condition on Inskrivning (behind `prefix`).

        Aktiva: start ≤ till and (slut empty or slut ≥ från). Nya: start in the
        period. Avslutade: slut in the period.
        """
        start, slut = f"{prefix}startdatum", f"{prefix}slutdatum"
        if urval == "aktiva":
            return Q(**{f"{start}__lte": self.till}) & (
                Q(**{f"{slut}__isnull": True}) | Q(**{f"{slut}__gte": self.fran})
            )
        if urval == "nya":
            return Q(**{f"{start}__range": (self.fran, self.till)})
        if urval == "avslutade":
            return Q(**{f"{slut}__range": (self.fran, self.till)})
        raise ValidationError({"urval": "Välj urval aktiva, nya eller avslutade."})


def kontrollera_urval(urval: str) -> str:
    if urval not in URVAL:
        raise ValidationError({"urval": "Välj urval aktiva, nya eller avslutade."})
    return urval
