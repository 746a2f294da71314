"""The dashboard's yardsticks: which periods, and how a change is written."""

import pytest

from statistik.berakning.objekt import Andel
from statistik.jamforelse import (
    forandring_andel,
    forandring_antal,
    foregaende_period,
    samma_period_i_fjol,
)
from tests.statistik.bygg import D


@pytest.mark.parametrize(
    ("fran", "till", "foregaende"),
    [
        # Whole months: as many months before.
        (D(2024, 1, 1), D(2024, 6, 30), (D(2023, 7, 1), D(2023, 12, 31))),
        (D(2024, 3, 1), D(2024, 3, 31), (D(2024, 2, 1), D(2024, 2, 29))),
        (D(2025, 1, 1), D(2025, 12, 31), (D(2024, 1, 1), D(2024, 12, 31))),
        # Otherwise as many days: 2025-01-01 – 2025-01-10 is ten days.
        (D(2025, 1, 1), D(2025, 1, 10), (D(2024, 12, 22), D(2024, 12, 31))),
    ],
)
def test_foregaende_period(fran, till, foregaende):
    assert foregaende_period(fran, till) == foregaende


@pytest.mark.parametrize(
    ("fran", "till", "i_fjol"),
    [
        (D(2024, 1, 1), D(2024, 6, 30), (D(2023, 1, 1), D(2023, 6, 30))),
        # A leap day becomes the 28th, and February's last day stays its last.
        (D(2024, 2, 1), D(2024, 2, 29), (D(2023, 2, 1), D(2023, 2, 28))),
        (D(2025, 2, 1), D(2025, 2, 28), (D(2024, 2, 1), D(2024, 2, 29))),
        (D(2026, 1, 1), D(2026, 12, 2), (D(2025, 1, 1), D(2025, 12, 2))),
    ],
)
def test_samma_period_i_fjol(fran, till, i_fjol):
    assert samma_period_i_fjol(fran, till) == i_fjol


def test_forandringar_skrivs_med_tecken_och_enhet():
    assert [forandring_antal(*p) for p in ((125, 118), (3, 3), (1, 1500))] == [
        "+7",
        "±0",
        "−1\xa0499",
    ]
    assert forandring_andel(Andel(45, 142, 32), Andel(40, 120, 33)) == "−1 procentenhet"
    assert forandring_andel(Andel(1, 2, 50), Andel(1, 4, 25)) == "+25 procentenheter"
    assert forandring_andel(Andel(1, 2, 50), Andel(0, 0, None)) == "går inte att jämföra"
