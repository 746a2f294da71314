"""List endpoints use a fixed number of queries, however many rows they show."""

import pytest

from finsam.kodlistor import Parttyp, Roll
from tests.factories import ForbundFactory, InsatsFactory, PartFactory, anvandare_med_roll
from tests.hjalp.api import personlig_klient


def skapa_insatser(forbund, antal: int) -> None:
    for i in range(antal):
        overordnad = InsatsFactory(forbund=forbund, namn=f"Insats {i}")
        # Every other insats has a delinsats, so the delinsatser are read too.
        if i % 2:
            InsatsFactory(forbund=forbund, namn=f"Del {i}", overordnad=overordnad)


def skapa_parter(forbund, antal: int) -> None:
    for i in range(antal):
        PartFactory(forbund=forbund, namn=f"Part {i}", typ=Parttyp.REGION)


def skapa_forbund(user, antal: int) -> None:
    for i in range(antal):
        anvandare_med_roll(
            Roll.STYRELSE, ForbundFactory(namn=f"Förbund {i}"), username=user.username
        )


# The request's savepoint and its release (ATOMIC_REQUESTS), key look-up, the
# caller's memberships, count, page, and for insatser the delinsatser of the
# whole page in one query.
@pytest.mark.parametrize(
    ("url", "skapa", "fragor"),
    [
        ("/api/v1/insatser/", skapa_insatser, 7),
        ("/api/v1/parter/", skapa_parter, 6),
        ("/api/v1/forbund/", skapa_forbund, 6),
    ],
)
@pytest.mark.parametrize("antal", [3, 30])
def test_antal_fragor_vaxer_inte_med_raderna(
    forbund, chef, django_assert_num_queries, url, skapa, fragor, antal
):
    skapa(chef if skapa is skapa_forbund else forbund, antal)
    klient = personlig_klient(chef)
    klient.get(url)  # the first call records the key's last use
    with django_assert_num_queries(fragor):
        svar = klient.get(url)
    assert svar.status_code == 200
    assert svar.json()["count"] >= antal
