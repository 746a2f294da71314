"""Helpers of the deltagare API tests: no personnummer in an answer, and the access log."""

import json

from deltagare.models import Atkomstlogg
from tests.personer import PNR_FORMER


def inga_personnummer(svar) -> None:
    """The answer's text holds no form of PNR, however it is nested."""
    text = json.dumps(svar.json()) if svar.content else ""
    for form in PNR_FORMER:
        assert form not in text


def loggrader() -> int:
    return Atkomstlogg.objects.count()
