"""The deltagare list costs the same number of queries however many it shows (DOMAIN.md §8)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from deltagare.personnummer import kontrollsiffra
from deltagare.services import deltagare_registrera, inskrivning_skapa
from finsam.atkomst import SYSTEM
from tests.personer import D

pytestmark = pytest.mark.django_db

# Session (read, save), user, two-factor check, roles (2), the insats and its förbund,
# count, page, consent for the identities on the page (2), access log, the förbund
# of the navigation, and the request's transaction savepoints (4): pinned, so a
# query per row or a new one shows up here.
FRAGOR_PER_LISTSIDA = 18


def _skriv_in(forbund, insats, antal: int, *, start: int = 0) -> None:
    for nummer in range(start, start + antal):
        if nummer % 2:
            deltagare = deltagare_registrera(
                forbund=forbund, referens=f"R-{nummer}", kon="man", fodelsear=1980, user=SYSTEM
            )
        else:
            # Half with identity: the masked number is decrypted, not fetched.
            deltagare = deltagare_registrera(
                forbund=forbund,
                personnummer=f"19800101{nummer:03d}{kontrollsiffra(f'800101{nummer:03d}')}",
                samtycke_datum=D(2025, 1, 1),
                user=SYSTEM,
            )
        inskrivning_skapa(deltagare=deltagare, insats=insats, startdatum=D(2025, 1, 2), user=SYSTEM)


def _fragor(client, url) -> tuple[int, int]:
    with CaptureQueriesContext(connection) as fragor:
        svar = client.get(url)
    assert svar.status_code == 200
    return len(fragor), len(svar.context["sida"].object_list)


def test_listan_har_fast_antal_fragor(inloggad, forbund, insats):
    url = reverse("deltagare:lista", kwargs={"insats_pk": insats.pk})
    _skriv_in(forbund, insats, 5)
    inloggad.get(url)  # warm the session
    fa = _fragor(inloggad, url)
    _skriv_in(forbund, insats, 25, start=5)
    manga = _fragor(inloggad, url)
    assert (fa[1], manga[1]) == (5, 25)
    assert fa[0] == manga[0] == FRAGOR_PER_LISTSIDA
