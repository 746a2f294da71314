"""Fixtures of the förbundschef's report pages: a delårsrapport written through the page."""

import pytest
from django.urls import reverse

from rapporter.models import Rapportdokument


@pytest.fixture
def inloggad(client, chef):
    client.force_login(chef)
    return client


@pytest.fixture
def dokument(inloggad) -> Rapportdokument:
    """The förbund's delårsrapport 2025, created from the new-report page."""
    svar = inloggad.post(
        reverse("rapportdokument:ny", args=["delarsrapport"]),
        {"fran": "2025-01-01", "till": "2025-08-31", "diarienummer": "Dnr 2025/7"},
    )
    dokument = Rapportdokument.objects.get()
    assert svar.status_code == 302
    assert svar.url == reverse("rapportdokument:visa", args=[dokument.pk])
    return dokument
