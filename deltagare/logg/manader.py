"""Calendar months of the review, in Swedish time."""

import datetime

from django.utils import timezone


def manadens_start(manad: datetime.date) -> datetime.datetime:
    """The month's first moment in Swedish time."""
    return timezone.make_aware(datetime.datetime(manad.year, manad.month, 1))


def nasta_manad(manad: datetime.date) -> datetime.date:
    return (manad.replace(day=1) + datetime.timedelta(days=32)).replace(day=1)


def foregaende_manad(manad: datetime.date) -> datetime.date:
    return (manad.replace(day=1) - datetime.timedelta(days=1)).replace(day=1)


def senaste_hela_manad(idag: datetime.date | None = None) -> datetime.date:
    """The last month that has ended: the latest one a sample can be drawn from."""
    return foregaende_manad(idag or timezone.localdate())
