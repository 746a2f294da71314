"""The SQL date helpers agree with Python's date arithmetic, on this database."""

import pytest
from django.db.models import F

from deltagare.models import Inskrivning
from statistik.berakning.datum import Ar, Dagar
from tests.statistik.bygg import D, inskriv

# Leap days, a year's turn and a span of years: where text dates and julian
# days could go wrong.
SPANN = (
    (D(2024, 2, 28), D(2024, 3, 1)),
    (D(2023, 2, 28), D(2023, 3, 1)),
    (D(2023, 12, 31), D(2024, 12, 31)),
    (D(2024, 5, 5), D(2024, 5, 5)),
    (D(1999, 12, 31), D(2026, 1, 1)),
)


@pytest.mark.parametrize("start,slut", SPANN)
def test_dagar_och_ar_som_python(insats, start, slut):
    inskriv(insats, start=start, slut=slut)
    rad = Inskrivning.objects.annotate(
        dagar=Dagar(F("slutdatum"), F("startdatum")), ar=Ar("startdatum")
    ).values("dagar", "ar")[0]
    assert rad == {"dagar": (slut - start).days, "ar": start.year}
