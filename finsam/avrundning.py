"""The domain's roundings (DOMAIN.md §5): half up to a whole number, never half to even.

Python's round() rounds half to even (12.5 → 12); the domain wants 13.
"""

from decimal import ROUND_HALF_UP, Decimal


def procent(antal: int | None, av: int | None) -> int | None:
    """An integer percentage rounded half up; None when there is nothing to divide by."""
    if antal is None or not av:
        return None
    return int((Decimal(antal) * 100 / Decimal(av)).quantize(Decimal(1), ROUND_HALF_UP))


def tkr(kronor: int | None) -> int | None:
    """Kronor in whole thousands, rounded half up (1 500 kr → 2 tkr, −1 500 kr → −2 tkr)."""
    if kronor is None:
        return None
    return int((Decimal(kronor) / 1000).quantize(Decimal(1), ROUND_HALF_UP))
