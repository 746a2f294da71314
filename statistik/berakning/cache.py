"""The engine's answers cached by the förbund's data version.

A förbund's figures change only when data the engine reads changes, and
every such change gives the förbund a new version in the same transaction
(`statistik.models.Dataversion`, kept by database triggers). An answer
stored under the version that was current when it was read is therefore
exact for as long as that version is current, and never read after.
PostgreSQL only, where the triggers are; tests switch it off, except the
cache's own (tests/statistik/test_cache.py).
"""

import hashlib
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from django.conf import settings
from django.core.cache import cache
from django.db import connection

import kalkyl.berakning
import kalkyl.underlag
from finsam import avrundning, kodlistor
from statistik.models import Dataversion

T = TypeVar("T")

# A day: versions move on with every registration, so old answers are dead
# weight long before this; the limit only bounds what a quiet förbund keeps.
LIVSLANGD = 24 * 3600


def _motorns_version() -> str:
    """A hash of the engine's modules, the kalkyl's, and the code lists and rounding
    they count with.

    A deploy that changes how a figure is counted then reads none of the
    answers the code before it stored.
    """
    filer = sorted(Path(__file__).parent.glob("*.py")) + [
        Path(kodlistor.__file__),
        Path(avrundning.__file__),
        Path(kalkyl.berakning.__file__),
        Path(kalkyl.underlag.__file__),
    ]
    summa = hashlib.sha256()
    for fil in filer:
        summa.update(fil.read_bytes())
    return summa.hexdigest()[:16]


MOTOR = _motorns_version()


def anvands() -> bool:
    """Whether answers are cached: on PostgreSQL, where the triggers are, unless turned off."""
    return settings.FINSAM_STATISTIK_CACHE and connection.vendor == "postgresql"


def cacheadress(*delar) -> str:
    """A cache key of this engine and database for `delar`.

    The database's name too: förbund ids and versions are only unique within one.
    """
    return ":".join(map(str, ("statistik", MOTOR, connection.settings_dict["NAME"], *delar)))


_SAKNAS = object()  # not stored: an answer may itself be None or empty


def cachad(forbund_id: int, nyckel: str, berakna: Callable[[], T]) -> T:
    """`berakna()`, or its answer stored under the förbund's current data version."""
    if not anvands():
        return berakna()
    version = (
        Dataversion.objects.filter(forbund_id=forbund_id).values_list("version", flat=True).first()
    )
    if version is None:  # a förbund with no data yet
        return berakna()
    adress = cacheadress(forbund_id, version, nyckel)
    svar = cache.get(adress, _SAKNAS)
    if svar is _SAKNAS:
        svar = berakna()
        cache.set(adress, svar, LIVSLANGD)
    return svar
