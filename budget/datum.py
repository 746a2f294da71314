"""The budget's months in words."""

import datetime

MANADSNAMN = (
    "januari", "februari", "mars", "april", "maj", "juni",
    "juli", "augusti", "september", "oktober", "november", "december",
)  # fmt: skip


def manad_text(datum: datetime.date) -> str:
    """The month in words, as a Swedish sentence starts it: `Oktober 2026`."""
    return f"{MANADSNAMN[datum.month - 1].capitalize()} {datum.year}"
