"""Uploaded files as text: the decoding every import shares (utfall, SCB)."""

import re

from django.core.exceptions import ValidationError

# Control characters never occur in an export: bytes that decode to them were no text.
_STYRTECKEN = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


def utan_styrtecken(text: str) -> str:
    """Text without control characters (a NUL is refused by PostgreSQL), line breaks kept."""
    return _STYRTECKEN.sub("", text)


def avkoda(innehall: bytes, *, kodningar: tuple[str, ...], fel: str) -> str:
    """The file's text in the first encoding that gives text (UTF-16 by its BOM);
    otherwise a ValidationError with `fel`."""
    if innehall.startswith((b"\xff\xfe", b"\xfe\xff")):
        kodningar = ("utf-16",)
    for kodning in kodningar:
        try:
            text = innehall.decode(kodning)
        except UnicodeDecodeError:
            continue
        if _STYRTECKEN.search(text):
            break
        return text
    raise ValidationError(fel)


def megabyte(storlek: int) -> str:
    """A size in MB with a decimal comma: `20,5`."""
    return f"{storlek / (1024 * 1024):.1f}".replace(".", ",")


def for_stor(storlek: int, grans: int) -> str:
    """The message for a file over `grans` bytes, with its own size."""
    return f"Filen är för stor ({megabyte(storlek)} MB). Den får vara högst {grans // 2**20} MB."
