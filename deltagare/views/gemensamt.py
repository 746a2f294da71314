"""What the samordnare's views share: calling a service for a form, naming a deltagare."""

from collections.abc import Callable
from typing import TypeVar

from django import forms
from django.core.exceptions import ValidationError
from django.http import HttpRequest

from deltagare.forms import fel_till_formular
from deltagare.models import Deltagare
from deltagare.selectors import personnummer_maskerat
from finsam.services.validering import Konflikt

T = TypeVar("T")


def kor_tjanst(
    form: forms.Form, anrop: Callable[[], T], *, aktuell_version: int | None = None
) -> T | None:
    """Run a service for a valid form; on refusal, put the reason on the form.

    A ValidationError lands next to the fields it names. A `Konflikt`
    (someone else saved since the form was opened) marks the form, keeps the
    user's input and moves its hidden version to `aktuell_version`, so
    saving again, after comparing, overwrites on purpose.
    """
    try:
        return anrop()
    except Konflikt as konflikt:
        form.konflikt = True
        form.add_error(None, konflikt.meddelande)
        if aktuell_version is not None and "version" in form.fields:
            form.data = form.data.copy()
            form.data[form.add_prefix("version")] = str(aktuell_version)
    except ValidationError as fel:
        fel_till_formular(form, fel)
    return None


def felstatus(form: forms.Form) -> int:
    """409 for a conflict, 400 for other refused input."""
    return 409 if getattr(form, "konflikt", False) else 400


def ar_htmx(request: HttpRequest) -> bool:
    return request.headers.get("HX-Request") == "true"


def benamning(deltagare: Deltagare) -> str:
    """How lists name a deltagare: the masked personnummer, else the referens."""
    return personnummer_maskerat(deltagare) or str(deltagare)
