"""The domain's roundings (DOMAIN.md §5): half up to a whole number, never half to even.

Python's round() rounds half to even (12.5 → 12); the domain wants 13.
"""

from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction


def procent(antal: int | None, av: int | None) -> int | None:
    """An integer percentage rounded half up; None when there is nothing to divide by."""
    if antal is None or not av:
        return None
    return int((Decimal(antal) * 100 / Decimal(av)).quantize(Decimal(1), ROUND_HALF_UP))


def en_decimal_tal(tal: float | Fraction | Decimal) -> float:
    """A number to one decimal, rounded half up (0.25 → 0.3).

    A Fraction or Decimal is exact; a float is taken as it prints, so 0.0625
    is 0.0625 and not the binary number just below it.
    """
    if isinstance(tal, Fraction):
        varde = Decimal(tal.numerator) / Decimal(tal.denominator)
    else:
        varde = Decimal(tal) if isinstance(tal, Decimal) else Decimal(repr(float(tal)))
    return float(varde.quantize(Decimal("0.1"), ROUND_HALF_UP))


def procent_en_decimal(andel: float | Fraction) -> float:
    """A share (0–1) as a percentage to one decimal, rounded half up (1/16 → 6.3)."""
    if isinstance(andel, Fraction):
        return en_decimal_tal(andel * 100)
    return en_decimal_tal(Decimal(repr(float(andel))) * 100)


def hel_procent(andel: float) -> int:
    """A share (0–1) as a whole percentage, rounded half up (0.825 → 83)."""
    return int((Decimal(repr(float(andel))) * 100).quantize(Decimal(1), ROUND_HALF_UP))


def tre_decimaler(tal: float) -> float:
    """A probability to three decimals, rounded half up (a p-value: 0.0287 → 0.029)."""
    return float(Decimal(repr(float(tal))).quantize(Decimal("0.001"), ROUND_HALF_UP))


def hela_kronor(belopp: Fraction) -> int:
    """An exact amount in whole kronor, half away from zero (2,5 → 3, −2,5 → −3)."""
    varde = Decimal(belopp.numerator) / Decimal(belopp.denominator)
    return int(varde.quantize(Decimal(1), ROUND_HALF_UP))


def tkr(kronor: int | None) -> int | None:
    """Kronor in whole thousands, rounded half up (1 500 kr → 2 tkr, −1 500 kr → −2 tkr)."""
    if kronor is None:
        return None
    return int((Decimal(kronor) / 1000).quantize(Decimal(1), ROUND_HALF_UP))
