"""Dates of the budget: the day a month's utfall is booked on."""

import datetime


def manadens_sista_dag(ar: int, manad: int) -> datetime.date:
    """The date a month's utfall is booked on, so "utfall t.o.m. 31 augusti" holds August."""
    forsta_nasta = datetime.date(ar + manad // 12, manad % 12 + 1, 1)
    return forsta_nasta - datetime.timedelta(days=1)


MANADSNAMN = (
    "januari", "februari", "mars", "april", "maj", "juni",
    "juli", "augusti", "september", "oktober", "november", "december",
)  # fmt: skip


def manad_text(datum: datetime.date) -> str:
    """The month in words, as a Swedish sentence starts it: `Oktober 2026`."""
    return f"{MANADSNAMN[datum.month - 1].capitalize()} {datum.year}"
