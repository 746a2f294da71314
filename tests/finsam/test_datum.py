"""Months and years later or earlier, with every expected date worked out by hand."""

import datetime

import pytest

from finsam.datum import ar_senare, manadens_sista_dag, manader_senare

D = datetime.date


@pytest.mark.parametrize(
    ("ar", "manad", "sista"),
    [
        (2026, 1, D(2026, 1, 31)),
        (2026, 2, D(2026, 2, 28)),
        (2028, 2, D(2028, 2, 29)),
        (2100, 2, D(2100, 2, 28)),  # not a leap year: divisible by 100
        (2000, 2, D(2000, 2, 29)),  # but by 400 it is
        (2026, 4, D(2026, 4, 30)),
        (2026, 12, D(2026, 12, 31)),
    ],
)
def test_manadens_sista_dag(ar, manad, sista):
    assert manadens_sista_dag(ar, manad) == sista


@pytest.mark.parametrize(
    ("dag", "manader", "svar"),
    [
        (D(2026, 3, 15), 0, D(2026, 3, 15)),
        (D(2026, 3, 15), 1, D(2026, 4, 15)),
        # The day is clamped to a shorter month's last.
        (D(2026, 1, 31), 1, D(2026, 2, 28)),
        (D(2028, 1, 31), 1, D(2028, 2, 29)),
        (D(2026, 3, 31), 1, D(2026, 4, 30)),
        (D(2025, 8, 31), 6, D(2026, 2, 28)),
        (D(2026, 8, 30), 18, D(2028, 2, 29)),
        # Clamped once, not carried: 31 January + 2 months is 31 March.
        (D(2026, 1, 31), 2, D(2026, 3, 31)),
        # Across the year's end, both ways.
        (D(2026, 12, 15), 1, D(2027, 1, 15)),
        (D(2026, 11, 30), 2, D(2027, 1, 30)),
        (D(2027, 1, 15), -1, D(2026, 12, 15)),
        (D(2026, 1, 1), -13, D(2024, 12, 1)),
        # Negative months go back, clamped the same way.
        (D(2026, 3, 31), -1, D(2026, 2, 28)),
        (D(2024, 3, 31), -1, D(2024, 2, 29)),
        (D(2026, 5, 31), -3, D(2026, 2, 28)),
        (D(2026, 7, 31), -7, D(2025, 12, 31)),
        (D(2026, 6, 30), -12, D(2025, 6, 30)),
        (D(2026, 2, 28), -24, D(2024, 2, 28)),
    ],
)
def test_manader_senare(dag, manader, svar):
    assert manader_senare(dag, manader) == svar


@pytest.mark.parametrize(
    ("dag", "ar", "svar"),
    [
        (D(2026, 6, 15), 1, D(2027, 6, 15)),
        (D(2026, 6, 15), -5, D(2021, 6, 15)),
        (D(2026, 12, 31), -1, D(2025, 12, 31)),
        (D(2027, 1, 1), -1, D(2026, 1, 1)),
        # A leap day becomes the 28th where the year has none, and stays
        # itself four years on.
        (D(2028, 2, 29), 1, D(2029, 2, 28)),
        (D(2028, 2, 29), -1, D(2027, 2, 28)),
        (D(2028, 2, 29), 4, D(2032, 2, 29)),
        (D(2096, 2, 29), 4, D(2100, 2, 28)),
        # The 28th never becomes the 29th.
        (D(2027, 2, 28), 1, D(2028, 2, 28)),
    ],
)
def test_ar_senare(dag, ar, svar):
    assert ar_senare(dag, ar) == svar


def test_fram_och_tillbaka_ar_samma_dag_utom_vid_manadsslut():
    # Clamping loses the day: 31 March back and forth one month is 28 March.
    assert manader_senare(manader_senare(D(2026, 3, 15), -1), 1) == D(2026, 3, 15)
    assert manader_senare(manader_senare(D(2026, 3, 31), -1), 1) == D(2026, 3, 28)
