"""The dashboard's yardsticks: the previous period and the same period last year.

A key figure means little alone: a förbundschef asks "more or fewer than
before?". The comparison periods are computed from the chosen one, and
their figures by the same engine (`forbund_statistik`), so they can never
disagree with what the dashboard shows when that period is chosen.
"""

import calendar
import datetime
from dataclasses import dataclass

from finsam.tabeller import tal
from statistik.berakning.objekt import Andel


def _manader_senare(dag: datetime.date, manader: int) -> datetime.date:
    """The same day `manader` months later (earlier if negative), the month's last if shorter."""
    ar, manad = divmod(dag.year * 12 + dag.month - 1 + manader, 12)
    return datetime.date(ar, manad + 1, min(dag.day, calendar.monthrange(ar, manad + 1)[1]))


def _hela_manader(fran: datetime.date, till: datetime.date) -> int | None:
    """How many whole calendar months [fran, till] is, or None if it is not."""
    sista = calendar.monthrange(till.year, till.month)[1]
    if fran.day != 1 or till.day != sista:
        return None
    return (till.year - fran.year) * 12 + till.month - fran.month + 1


def foregaende_period(fran: datetime.date, till: datetime.date) -> tuple[datetime.date, ...]:
    """The period just before, as long: whole months before whole months, else as many days."""
    manader = _hela_manader(fran, till)
    if manader is not None:
        start = _manader_senare(fran, -manader)
        return start, fran - datetime.timedelta(days=1)
    dagar = (till - fran).days + 1
    return fran - datetime.timedelta(days=dagar), fran - datetime.timedelta(days=1)


def samma_period_i_fjol(fran: datetime.date, till: datetime.date) -> tuple[datetime.date, ...]:
    """One year back (29 February becomes the 28th; a month's last day stays its last)."""
    start = _manader_senare(fran, -12)
    slut = _manader_senare(till, -12)
    if till.day == calendar.monthrange(till.year, till.month)[1]:
        slut = slut.replace(day=calendar.monthrange(slut.year, slut.month)[1])
    return start, slut


@dataclass(frozen=True)
class Jamforelse:
    """One yardstick of one key figure, ready to show."""

    etikett: str  # "Föregående period"
    period: str  # "2025-03-01 – 2025-08-31"
    varde: str  # "118" or "31 %"
    forandring: str  # "+7" or "−2 procentenheter"


def forandring_antal(nu: int, da: int) -> str:
    skillnad = nu - da
    return "±0" if skillnad == 0 else f"{'+' if skillnad > 0 else '−'}{tal(abs(skillnad))}"


def forandring_andel(nu: Andel, da: Andel) -> str:
    """The change in percentage points; none where either share has no denominator."""
    if nu.andel is None or da.andel is None:
        return "går inte att jämföra"
    skillnad = nu.andel - da.andel
    enhet = "procentenhet" if abs(skillnad) == 1 else "procentenheter"
    if skillnad == 0:
        return f"±0 {enhet}"
    return f"{'+' if skillnad > 0 else '−'}{tal(abs(skillnad))} {enhet}"


def periodtext(fran: datetime.date, till: datetime.date) -> str:
    return f"{fran.isoformat()} – {till.isoformat()}"
