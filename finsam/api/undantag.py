"""Turn the services' Django errors into DRF's standard error format."""

from django.core.exceptions import ValidationError as DjangoValidationError
from rest_framework.exceptions import ValidationError
from rest_framework.views import exception_handler


def finsam_exception_handler(exc, context):
    # Services validate with Django's ValidationError (shared with the
    # forms); the API answers it as a 400 with field messages.
    if isinstance(exc, DjangoValidationError):
        detalj = exc.message_dict if hasattr(exc, "error_dict") else exc.messages
        exc = ValidationError(detail=detalj)
    return exception_handler(exc, context)
