"""Calendar arithmetic in whole months and years, as a person counts them.

One month after 31 January is the last of February, not 3 March: the day
is clamped to the end of a shorter month (as PostgreSQL's `+ interval`
does), so a deadline or a follow-up never slips into the month after.
"""

import calendar
import datetime


def manadens_sista_dag(ar: int, manad: int) -> datetime.date:
    return datetime.date(ar, manad, calendar.monthrange(ar, manad)[1])


def manader_senare(dag: datetime.date, manader: int) -> datetime.date:
    """The same day `manader` months later (earlier if negative); the month's last if shorter."""
    ar, manad = divmod(dag.year * 12 + dag.month - 1 + manader, 12)
    sista = manadens_sista_dag(ar, manad + 1)
    return sista.replace(day=min(dag.day, sista.day))


def ar_senare(dag: datetime.date, ar: int) -> datetime.date:
    """The same day `ar` years later (earlier if negative); 29 February becomes the 28th."""
    return manader_senare(dag, 12 * ar)
