"""Helpers of the privacy proofs: a known person, and calls made inside a request."""

import datetime
import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from unittest import mock

from django.db.models import Max
from django.http import HttpResponse
from django.test import RequestFactory
from django.utils import timezone

from deltagare.models import Atkomstlogg
from finsam.begaran import BegaranMiddleware

D = datetime.date

# A valid personnummer (Luhn checked by hand in tests/deltagare) in every
# form it could leak in.
PNR = "811218-9876"
PNR_FORMER = ("198112189876", "8112189876", "811218-9876", "19811218-9876")
REFERENS = "HEMLIG-REF-4711"

URSPRUNG = "192.0.2.44"  # TEST-NET-1: an address that is nobody's
VAG = "/deltagare/granskas/"


def i_begaran(funktion: Callable, *, vag: str = VAG, ursprung: str = URSPRUNG):
    """Run `funktion` as a view behind the real middleware; returns (result, response)."""
    resultat = {}

    def vy(request):
        resultat["varde"] = funktion()
        return HttpResponse("ok")

    svar = BegaranMiddleware(vy)(RequestFactory().get(vag, REMOTE_ADDR=ursprung))
    return resultat["varde"], svar


def nya_loggrader(funktion: Callable):
    """Call `funktion`; returns its result and the access-log rows it added, in order.

    An exception propagates; the rows it left (none, if the write is atomic)
    can then be counted with `loggrader_efter`.
    """
    fore = loggens_sista_id()
    return funktion(), loggrader_efter(fore)


def loggens_sista_id() -> int:
    return Atkomstlogg.objects.aggregate(m=Max("pk"))["m"] or 0


def loggrader_efter(sista_id: int) -> list[Atkomstlogg]:
    return list(Atkomstlogg.objects.filter(pk__gt=sista_id).order_by("pk"))


# Older than any retention period: log rows written then may be removed.
LANGE_SEDAN = datetime.datetime(2001, 1, 1, 12, tzinfo=datetime.UTC)


@contextmanager
def klockan(tidpunkt: datetime.datetime) -> Iterator[None]:
    """Writes in the block are stamped `tidpunkt` (auto_now_add reads timezone.now).

    Log rows are never changed (a trigger refuses), so a row of another
    time is written at that time rather than moved there afterwards.
    """
    with mock.patch.object(timezone, "now", return_value=tidpunkt):
        yield


def tabellrader(html: str) -> list[str]:
    """The body rows of a page's table, as text without tags."""
    kropp = html.split("<tbody>", 1)[1].split("</tbody>", 1)[0] if "<tbody>" in html else ""
    return [
        " ".join(re.sub(r"<[^>]+>", " ", rad).split())
        for rad in re.findall(r"<tr>(.*?)</tr>", kropp, re.S)
    ]
