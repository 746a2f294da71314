"""Plausibility of what a samordnare registers (issue 14 §3), each rule with its field's message.

The forms and the API accept any well-formed date or year; these rules catch
what is well-formed but cannot be true (a start next year, a consent from
year 1, a 99-year-old deltagare) or must not be stored (a referens that is a
date of birth). The services call them before anything is written.
"""

import datetime
import re

from django.core.exceptions import ValidationError
from django.utils import timezone

TIDIGAST = datetime.date(1900, 1, 1)
# DOMAIN.md: deltagare are of working age; age is startdatum's year − födelseår.
YNGST, ALDST = 16, 67


def kontrollera_datum(falt: str, datum: datetime.date | None, vad: str) -> None:
    """No event after today, none before 1900: `vad` names it ("Startdatum")."""
    if datum is None:
        return
    idag = timezone.localdate()
    if datum > idag:
        raise ValidationError({falt: f"{vad} kan inte vara efter i dag ({idag.isoformat()})."})
    if datum < TIDIGAST:
        raise ValidationError({falt: f"{vad} kan inte vara före år 1900."})


def kontrollera_alder(fodelsear: int, startdatum: datetime.date) -> None:
    alder = startdatum.year - fodelsear
    if not YNGST <= alder <= ALDST:
        raise ValidationError(
            {
                "fodelsear": (
                    f"Födelseåret ger åldern {alder} år vid start; deltagare är "
                    f"{YNGST}–{ALDST} år."
                )
            }
        )


def kontrollera_samtycke(samtycke_datum: datetime.date | None, startdatum: datetime.date) -> None:
    """Consent is given before the identity is used: on or before the start."""
    kontrollera_datum("samtycke_datum", samtycke_datum, "Datum för samtycke")
    if samtycke_datum is not None and samtycke_datum > startdatum:
        raise ValidationError(
            {
                "samtycke_datum": (
                    f"Samtycket måste vara lämnat senast på startdagen ({startdatum.isoformat()})."
                )
            }
        )


# Six or eight digits in a row (with an optional dash and four more): the
# shape of a date of birth or a personnummer.
_SIFFERGRUPP = re.compile(r"(?<!\d)(\d{8}|\d{6})(?:[-+]?\d{4})?(?!\d)")


def _ar_datum(siffror: str) -> bool:
    # Six digits are ÅÅMMDD; the century does not matter to whether it is a date.
    if len(siffror) == 6:
        siffror = "19" + siffror
    ar, rest = siffror[:4], siffror[4:]
    try:
        datetime.date(int(ar), int(rest[:2]), int(rest[2:]))
    except ValueError:
        return False
    return True


def kontrollera_referens(referens: str) -> None:
    """A referens is the samordnare's own code, never a date of birth or a personnummer."""
    if any(_ar_datum(m.group(1)) for m in _SIFFERGRUPP.finditer(referens)):
        raise ValidationError(
            {
                "referens": (
                    "Referensen ser ut att innehålla ett födelsedatum eller personnummer. "
                    "Använd en egen beteckning utan personuppgifter, t.ex. ST-017."
                )
            }
        )


class SammaPersonFraga(ValidationError):
    """A referens the samordnare already uses: the same person, or a new one?

    Asked rather than guessed: a second registration under the same referens
    would silently count one person twice, and refusing it would stop two
    people who happen to share one. `befintlig` is the person already known.
    """

    def __init__(self, befintlig) -> None:
        super().__init__(
            {
                "referens": ValidationError(
                    f"Referensen {befintlig.referens} används redan för en av dina deltagare. "
                    "Är det samma person?",
                    code="samma_person",
                )
            }
        )
        self.befintlig = befintlig
