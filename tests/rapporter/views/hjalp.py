"""Helpers of the report page tests."""

import io

from PIL import Image

from rapporter.models import Rapportdokument


def rubriker(dokument: Rapportdokument) -> list[str]:
    """The report's section headings in their order."""
    return list(dokument.avsnitt.order_by("ordning").values_list("rubrik", flat=True))


def png(bredd: int = 12, hojd: int = 8) -> bytes:
    """A tiny PNG, as a logotyp upload."""
    ut = io.BytesIO()
    Image.new("RGB", (bredd, hojd), (27, 54, 93)).save(ut, "PNG")
    return ut.getvalue()
