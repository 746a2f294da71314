"""The samordnare's forms: they parse input; the services decide (STYLE.md)."""

from deltagare.forms.anonyma import AnonymaForm
from deltagare.forms.bedomning import BedomningForm, UppfoljningForm
from deltagare.forms.dataskydd import RattelseForm, SamtyckeAterkallaForm
from deltagare.forms.inskrivning import (
    AvslutForm,
    FelregistreraForm,
    RegistreringForm,
    StartuppgifterForm,
)
from deltagare.forms.korrigering import AvslutRattaForm, BedomningAndraForm, SkalForm
from deltagare.forms.sok import SokForm

__all__ = [
    "AnonymaForm",
    "AvslutForm",
    "AvslutRattaForm",
    "BedomningAndraForm",
    "BedomningForm",
    "FelregistreraForm",
    "RattelseForm",
    "RegistreringForm",
    "SamtyckeAterkallaForm",
    "SkalForm",
    "SokForm",
    "StartuppgifterForm",
    "UppfoljningForm",
]
