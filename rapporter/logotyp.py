"""A report's logotyp: checked and re-encoded on upload, embedded as a data: URI.

Re-encoding drops whatever else the upload carried (metadata, scripts in
a polyglot file); the PDF then fetches nothing to show it.
"""

import base64
import io

from django.core.exceptions import ValidationError
from PIL import Image, UnidentifiedImageError

STORSTA = 1024 * 1024  # 1 MB
STORSTA_SIDA = 1200  # pixels; more is wasted in a title-page logotyp
FORMAT = {"PNG": "image/png", "JPEG": "image/jpeg"}


def logotyp_las(innehall: bytes) -> tuple[bytes, str]:
    """The upload re-encoded as PNG or JPEG, with its media type; a Swedish error otherwise."""
    if len(innehall) > STORSTA:
        raise ValidationError({"logotyp": "Logotypen får vara högst 1 MB."})
    try:
        bild = Image.open(io.BytesIO(innehall))
        format_ = bild.format
        bild.load()
    except (UnidentifiedImageError, OSError, Image.DecompressionBombError) as fel:
        raise ValidationError({"logotyp": "Logotypen måste vara en PNG- eller JPEG-bild."}) from fel
    if format_ not in FORMAT:
        raise ValidationError({"logotyp": "Logotypen måste vara en PNG- eller JPEG-bild."})
    bild.thumbnail((STORSTA_SIDA, STORSTA_SIDA))
    ut = io.BytesIO()
    if format_ == "JPEG":
        bild.convert("RGB").save(ut, "JPEG", quality=90)
    else:
        bild.save(ut, "PNG", optimize=True)
    return ut.getvalue(), FORMAT[format_]


def data_uri(innehall: bytes, typ: str) -> str:
    return f"data:{typ};base64,{base64.b64encode(bytes(innehall)).decode('ascii')}"
