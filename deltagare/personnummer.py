"""Swedish personnummer and samordningsnummer: parse, check and derive.

Pure functions, no database: the only outside input is `idag`, which
decides the century of a ten-digit number (and is a parameter so tests can
fix it). A number is stored and hashed in its normalised twelve-digit form
`YYYYMMDDNNNC`.

Error messages never contain the number itself: they can end up in logs
and API answers, and the number is special-category data (DOMAIN.md §2).
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass

from django.core.exceptions import ValidationError

from finsam.kodlistor import Kon

# 6 or 8 date digits, an optional separator, 4 digits (serial + check digit).
_FORMAT = re.compile(r"^(\d{6}|\d{8})([-+]?)(\d{4})$")

# A samordningsnummer is a personnummer whose day is raised by 60.
SAMORDNINGSNUMMER_TILLAGG = 60


@dataclass(frozen=True)
class Personnummer:
    """A checked number in its twelve-digit form."""

    nummer: str

    @property
    def ar_samordningsnummer(self) -> bool:
        return int(self.nummer[6:8]) > SAMORDNINGSNUMMER_TILLAGG

    @property
    def fodelsedatum(self) -> datetime.date:
        dag = int(self.nummer[6:8])
        if self.ar_samordningsnummer:
            dag -= SAMORDNINGSNUMMER_TILLAGG
        return datetime.date(int(self.nummer[:4]), int(self.nummer[4:6]), dag)

    @property
    def fodelsear(self) -> int:
        return int(self.nummer[:4])

    @property
    def kon(self) -> str:
        # The serial number's last digit (the number's second-to-last) is odd
        # for men and even for women.
        return Kon.MAN if int(self.nummer[10]) % 2 else Kon.KVINNA

    @property
    def maskerat(self) -> str:
        return f"{self.nummer[:8]}-****"


def kontrollsiffra(nio_siffror: str) -> int:
    """The Luhn check digit of `YYMMDDNNN` (the ten-digit form without its last digit)."""
    summa = 0
    for i, tecken in enumerate(nio_siffror):
        produkt = int(tecken) * (2 if i % 2 == 0 else 1)
        summa += produkt // 10 + produkt % 10
    return (10 - summa % 10) % 10


def _fel(meddelande: str, kod: str) -> ValidationError:
    return ValidationError(meddelande, code=kod)


def _arhundrade(yy: int, manad: int, dag: int, plus: bool, idag: datetime.date) -> int:
    """The full year of a ten-digit number: the latest one not in the future.

    `+` marks someone who has turned 100, so it moves the year a century back.
    """
    ar = idag.year - (idag.year - yy) % 100
    if (ar, manad, dag) > (idag.year, idag.month, idag.day):
        ar -= 100
    return ar - 100 if plus else ar


def tolka(text: str, *, idag: datetime.date | None = None) -> Personnummer:
    """Parse and check a number given as 10 or 12 digits, with or without `-`/`+`."""
    idag = idag or datetime.date.today()
    traff = _FORMAT.match((text or "").strip())
    if traff is None:
        raise _fel(
            "Personnumret ska skrivas med 10 eller 12 siffror, "
            "t.ex. ÅÅMMDD-NNNN eller ÅÅÅÅMMDD-NNNN.",
            "format",
        )
    datumdel, tecken, slutdel = traff.groups()
    manad, dag = int(datumdel[-4:-2]), int(datumdel[-2:])
    verklig_dag = dag - SAMORDNINGSNUMMER_TILLAGG if dag > SAMORDNINGSNUMMER_TILLAGG else dag
    if len(datumdel) == 8:
        if tecken == "+":
            raise _fel("Plustecken används bara i den tiosiffriga formen (ÅÅMMDD+NNNN).", "format")
        ar = int(datumdel[:4])
    else:
        ar = _arhundrade(int(datumdel[:2]), manad, verklig_dag, tecken == "+", idag)
    try:
        fodd = datetime.date(ar, manad, verklig_dag)
    except ValueError:
        raise _fel("Ogiltigt datum i personnumret.", "datum") from None
    if fodd > idag:
        raise _fel("Födelsedatumet i personnumret ligger i framtiden.", "datum")
    tio = datumdel[-6:] + slutdel
    if kontrollsiffra(tio[:9]) != int(tio[9]):
        raise _fel("Kontrollsiffran stämmer inte.", "kontrollsiffra")
    return Personnummer(f"{ar:04d}{tio[2:]}")


def normalisera(text: str, *, idag: datetime.date | None = None) -> str:
    """The checked number as twelve digits `YYYYMMDDNNNC`."""
    return tolka(text, idag=idag).nummer


def maskera(text: str, *, idag: datetime.date | None = None) -> str:
    """`19850312-****`: the most of a number any screen or answer may show."""
    return tolka(text, idag=idag).maskerat
