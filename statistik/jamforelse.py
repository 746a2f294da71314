"""The dashboard's yardsticks: the previous period and the same period last year.

A key figure means little alone: a förbundschef asks "more or fewer than
before?". The comparison periods are computed from the chosen one, and
their figures by the same engine (`forbund_nyckeltal`, the key figures of
`forbund_statistik` counted by the same functions), so they can never
disagree with what the dashboard shows when that period is chosen.
"""

import datetime
from dataclasses import dataclass

from finsam.datum import ar_senare, manadens_sista_dag, manader_senare
from finsam.tabeller import tal
from statistik.berakning.objekt import Andel


def _hela_manader(fran: datetime.date, till: datetime.date) -> int | None:
    """How many whole calendar months [fran, till] is, or None if it is not."""
    if fran.day != 1 or till != manadens_sista_dag(till.year, till.month):
        return None
    return (till.year - fran.year) * 12 + till.month - fran.month + 1


def foregaende_period(fran: datetime.date, till: datetime.date) -> tuple[datetime.date, ...]:
    """The period just before, as long: whole months before whole months, else as many days."""
    manader = _hela_manader(fran, till)
    if manader is not None:
        start = manader_senare(fran, -manader)
        return start, fran - datetime.timedelta(days=1)
    dagar = (till - fran).days + 1
    return fran - datetime.timedelta(days=dagar), fran - datetime.timedelta(days=1)


def samma_period_i_fjol(fran: datetime.date, till: datetime.date) -> tuple[datetime.date, ...]:
    """One year back (29 February becomes the 28th; a month's last day stays its last)."""
    start = ar_senare(fran, -1)
    slut = ar_senare(till, -1)
    if till == manadens_sista_dag(till.year, till.month):
        slut = manadens_sista_dag(slut.year, slut.month)
    return start, slut


def jamforelseperioder(
    fran: datetime.date, till: datetime.date
) -> dict[str, tuple[datetime.date, ...]]:
    """The dashboard's yardsticks for a period, in the order it shows them.

    The dashboard and the statistics warmed ahead of it (statistik.forvarmning)
    both read them here, so what is warmed is what the dashboard asks for.
    """
    return {
        "Föregående period": foregaende_period(fran, till),
        "Samma period i fjol": samma_period_i_fjol(fran, till),
    }


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
