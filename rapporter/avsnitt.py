"""The sections a new report starts with, and their default periods.

A report's first version follows seed 002's order (a delårsrapport) or seed
004's (a verksamhetsberättelse); a later report starts from the previous one's
sections and texts (rapporter/services/dokument.py).
"""

import datetime

from rapporter.models import Avsnittstyp, Rapporttyp

STANDARDAVSNITT = {
    Rapporttyp.DELARSRAPPORT: [
        (Avsnittstyp.TEXT, "Sammanfattning"),
        (Avsnittstyp.TEXT, "Syftet med samordningsförbundets verksamhet"),
        (Avsnittstyp.ORGANISATION, "Organisation"),
        (Avsnittstyp.TEXT, "Verksamhetsrapport"),
        (Avsnittstyp.MAL, "Mål och måluppfyllelse"),
        (Avsnittstyp.HELARSEKVIVALENTER, "Helårsekvivalenter"),
        (Avsnittstyp.KONSFORDELNING, "Könsfördelning inom respektive ersättningsform"),
        (Avsnittstyp.KOMMUNER, "Länets kommuner"),
        (Avsnittstyp.BUDGET, "Budget och utfall"),
        (Avsnittstyp.INSATSREDOVISNING, "Bilaga Insatsredovisning"),
    ],
    Rapporttyp.VERKSAMHETSBERATTELSE: [
        (Avsnittstyp.TEXT, "Inledning"),
        (Avsnittstyp.MAL, "Mål och måluppfyllelse"),
        (Avsnittstyp.INSATSREDOVISNING, "Insatsredovisning"),
    ],
}


def standardperiod(typ: str, idag: datetime.date) -> tuple[datetime.date, datetime.date]:
    """A delårsrapport covers 1 januari–31 augusti of this year; a verksamhets-
    berättelse the whole of last year, the one written in the spring."""
    if typ == Rapporttyp.VERKSAMHETSBERATTELSE:
        return datetime.date(idag.year - 1, 1, 1), datetime.date(idag.year - 1, 12, 31)
    return datetime.date(idag.year, 1, 1), datetime.date(idag.year, 8, 31)
