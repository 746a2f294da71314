"""Numbers on the pages in sv-SE form, rounded half up (DOMAIN.md §5)."""

from decimal import Decimal

import pytest

from finsam.tabeller import tal


@pytest.mark.parametrize(
    ("varde", "decimaler", "text"),
    [
        (Decimal("1905.5"), 0, "1\xa0906"),
        (Decimal("1905.45"), 1, "1\xa0905,5"),
        (1905.44, 1, "1\xa0905,4"),
        (0.5, 0, "1"),
        (Decimal("-555.5"), 0, "\u2212556"),
        (21551, 0, "21\xa0551"),
        (Decimal("15.2"), 1, "15,2"),
        (None, 0, "–"),
    ],
)
def test_tal_avrundas_halvt_uppat(varde, decimaler, text):
    assert tal(varde, decimaler) == text
