"""Fixtures of the privacy proofs: a known person, enrolled by the samordnare."""

import pytest

from deltagare.services import deltagare_registrera_i_insats
from tests.integritet.hjalp import PNR, REFERENS, D


@pytest.fixture
def identifierad(insats, samordnare):
    """A deltagare with personnummer and referens, enrolled in `insats` by its samordnare."""
    return deltagare_registrera_i_insats(
        insats=insats,
        startdatum=D(2025, 3, 1),
        personnummer=PNR,
        samtycke_datum=D(2025, 2, 20),
        referens=REFERENS,
        user=samordnare,
    )
