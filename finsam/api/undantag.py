"""Every API error in one documented shape, with a Swedish `detail`.

`{"type": "validation_error"|"client_error"|"server_error",
  "errors": [{"code", "detail", "attr"}]}` (API.md), built by
drf-standardized-errors, which also lists each error response in the
OpenAPI document. What this module adds is the translation of our own and
Django's errors into DRF's, so that they take the same shape.
"""

from django.core.exceptions import NON_FIELD_ERRORS, PermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import IntegrityError
from drf_standardized_errors.formatter import ExceptionFormatter, flatten_errors
from drf_standardized_errors.handler import ExceptionHandler
from rest_framework import exceptions, status
from rest_framework.exceptions import APIException, ValidationError
from rest_framework.settings import api_settings

from finsam.driftfel import DRIFTFEL, tillfalligt_otillganglig
from finsam.services.validering import Konflikt


class KonfliktSvar(APIException):
    # A stale `version`: someone else saved the row since the caller read it.
    status_code = status.HTTP_409_CONFLICT
    default_code = "konflikt"
    default_detail = Konflikt.meddelande


class SamtidigtSparad(APIException):
    # Two requests created the same thing at once: the services' checks
    # passed for both, and the database's constraint refused the second.
    status_code = status.HTTP_409_CONFLICT
    default_code = "samtidigt_sparad"
    default_detail = (
        "Samma uppgift sparades samtidigt av en annan begäran. Hämta den sparade och "
        "försök igen om det behövs."
    )


class Taktstopp(exceptions.Throttled):
    # DRF's Swedish sentence ends in English ("Expected available in …").
    default_detail = "För många anrop med den här nyckeln eller av den här användaren."
    extra_detail_singular = "Försök igen om {wait} sekund."
    extra_detail_plural = "Försök igen om {wait} sekunder."


class Serverfel(APIException):
    # DRF's default detail is English, and names nothing the caller can mend.
    default_code = "error"
    default_detail = "Ett oväntat fel uppstod i Finsam. Försök igen om en stund."


def _detalj(exc: DjangoValidationError) -> dict:
    # A refusal of the whole request, and model-wide checks (constraints over
    # several fields, Django's "__all__"), are named as DRF names them:
    # "non_field_errors". Every validation error then has an `attr`.
    if not hasattr(exc, "error_dict"):
        return {api_settings.NON_FIELD_ERRORS_KEY: exc.messages}
    return {
        api_settings.NON_FIELD_ERRORS_KEY if falt == NON_FIELD_ERRORS else falt: meddelanden
        for falt, meddelanden in exc.message_dict.items()
    }


class FinsamUndantag(ExceptionHandler):
    def run(self):
        # The database away mid-view: the same 503 as anywhere else
        # (finsam/driftfel.py), and nothing of the request's transaction kept.
        if isinstance(self.exc, DRIFTFEL):
            self.set_rollback()
            return tillfalligt_otillganglig(self.context["request"])
        return super().run()

    def convert_known_exceptions(self, exc: Exception) -> Exception:
        # Services validate with Django's ValidationError (shared with the
        # forms); the API answers it as a 400 with field messages.
        if isinstance(exc, DjangoValidationError):
            return ValidationError(detail=_detalj(exc))
        if isinstance(exc, Konflikt):
            return KonfliktSvar()
        if isinstance(exc, exceptions.Throttled) and not isinstance(exc, Taktstopp):
            return Taktstopp(wait=exc.wait)
        if isinstance(exc, IntegrityError):
            return SamtidigtSparad()
        # The services' refusals say who may ("Endast förbundschefen …");
        # the base class would drop that for DRF's generic sentence.
        if isinstance(exc, PermissionDenied):
            return exceptions.PermissionDenied(*exc.args)
        # Django's own 404 names the model in English; DRF's says "Hittades inte."
        return super().convert_known_exceptions(exc)

    def convert_unhandled_exceptions(self, exc: Exception) -> APIException:
        if isinstance(exc, APIException):
            return exc
        return Serverfel()


def _med_textnycklar(detalj):
    if isinstance(detalj, dict):
        return {str(nyckel): _med_textnycklar(del_) for nyckel, del_ in detalj.items()}
    if isinstance(detalj, list):
        return [_med_textnycklar(del_) for del_ in detalj]
    return detalj


class FinsamFelformat(ExceptionFormatter):
    # A list body's errors come keyed by the item's index as an int; the
    # flattening drops an int 0 (falsy) from `attr`, so the first item's
    # errors would lose their "0." prefix. Keys as text keep it.
    def get_errors(self) -> list:
        return flatten_errors(_med_textnycklar(self.exc.detail))
