"""Dates of the budget: the day a month's utfall is booked on."""

import datetime


def manadens_sista_dag(ar: int, manad: int) -> datetime.date:
    """The date a month's utfall is booked on, so "utfall t.o.m. 31 augusti" holds August."""
    forsta_nasta = datetime.date(ar + manad // 12, manad % 12 + 1, 1)
    return forsta_nasta - datetime.timedelta(days=1)
