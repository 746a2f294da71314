"""The domain's roundings: half up, never half to even, and never a binary near-miss."""

from decimal import Decimal
from fractions import Fraction

import pytest

from finsam.avrundning import (
    en_decimal_tal,
    hela_kronor,
    procent,
    procent_en_decimal,
    tre_decimaler,
)


@pytest.mark.parametrize(
    ("andel", "vantat"),
    [
        (Fraction(1, 16), 6.3),  # 6.25: half up (round() gives 6.2)
        (Fraction(1, 8), 12.5),
        (Fraction(2, 3), 66.7),
        (Fraction(-1, 16), -6.3),  # a difference kvinnor − män: half away from zero
        (0.0625, 6.3),  # a float as it prints, not the binary number below it
        (0.160458, 16.0),
        (1.0, 100.0),
    ],
)
def test_procent_en_decimal(andel, vantat):
    assert procent_en_decimal(andel) == vantat


def test_en_decimal_tal():
    # 5 deltagare per 1 960 helårsekvivalenter × 1 000 = 2.551…
    assert en_decimal_tal(Fraction(5000, 1960)) == 2.6
    assert en_decimal_tal(Fraction(1, 4)) == 0.3  # half up
    assert en_decimal_tal(Decimal("12.25")) == 12.3
    assert en_decimal_tal(0.25) == 0.3


def test_hela_kronor():
    assert hela_kronor(Fraction(5, 2)) == 3
    assert hela_kronor(Fraction(-5, 2)) == -3
    assert hela_kronor(Fraction(1_000_000, 3)) == 333_333


def test_tre_decimaler():
    assert tre_decimaler(210 / 7315) == 0.029
    assert tre_decimaler(0.0005) == 0.001
    assert tre_decimaler(1.0) == 1.0


def test_procent_i_hela_tal_som_forut():
    assert procent(1, 8) == 13 and procent(0, 0) is None
