"""The period the statistics pages' figures are computed for (see conftest.py)."""

from tests.statistik.bygg import D

FRAN, TILL = D(2024, 1, 1), D(2024, 6, 30)
PERIOD = {"period": "egen", "fran": "2024-01-01", "till": "2024-06-30"}
