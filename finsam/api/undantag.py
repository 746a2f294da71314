"""Turn the services' Django errors into DRF's standard error format."""

from django.core.exceptions import NON_FIELD_ERRORS
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404
from rest_framework import status
from rest_framework.exceptions import APIException, NotFound, ValidationError
from rest_framework.settings import api_settings
from rest_framework.views import exception_handler, set_rollback

from finsam.driftfel import DRIFTFEL, tillfalligt_otillganglig
from finsam.services.validering import Konflikt


class KonfliktSvar(APIException):
    # A stale `version`: someone else saved the row since the caller read it.
    status_code = status.HTTP_409_CONFLICT
    default_code = "konflikt"


def _detalj(exc: DjangoValidationError) -> dict | list:
    if not hasattr(exc, "error_dict"):
        return exc.messages
    # Model-wide checks (constraints over several fields) come under
    # Django's "__all__"; DRF clients expect them under "non_field_errors".
    return {
        api_settings.NON_FIELD_ERRORS_KEY if falt == NON_FIELD_ERRORS else falt: meddelanden
        for falt, meddelanden in exc.message_dict.items()
    }


def finsam_exception_handler(exc, context):
    # The database away mid-view: the same 503 as anywhere else
    # (finsam/driftfel.py), whatever this handler makes of other errors.
    if isinstance(exc, DRIFTFEL):
        set_rollback()  # nothing of the request's transaction may be committed
        return tillfalligt_otillganglig(context["request"])
    # Services validate with Django's ValidationError (shared with the
    # forms); the API answers it as a 400 with field messages.
    if isinstance(exc, DjangoValidationError):
        exc = ValidationError(detail=_detalj(exc))
    # Django's 404 says "No Insats matches the given query." in English and
    # names the model; DRF's own NotFound says "Hittades inte."
    elif isinstance(exc, Http404):
        exc = NotFound()
    elif isinstance(exc, Konflikt):
        exc = KonfliktSvar(detail=str(exc))
    return exception_handler(exc, context)
