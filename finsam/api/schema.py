"""OpenAPI additions: the Bearer API keys, Swedish wording and the error answers."""

from drf_spectacular.extensions import OpenApiAuthenticationExtension
from drf_spectacular.utils import OpenApiParameter
from drf_standardized_errors.openapi import AutoSchema
from drf_standardized_errors.openapi_serializers import ClientErrorEnum, ValidationErrorEnum
from rest_framework import serializers

from finsam.api.undantag import KonfliktSvar, SamtidigtSparad


class ApiNyckelSchema(OpenApiAuthenticationExtension):
    target_class = "finsam.api.autentisering.ApiNyckelAutentisering"
    name = "ApiNyckel"

    def get_security_definition(self, auto_schema) -> dict:
        return {
            "type": "http",
            "scheme": "bearer",
            "description": (
                "Partnyckel (endast läsning) eller personlig nyckel: "
                "`Authorization: Bearer <nyckel>`."
            ),
        }


class FinsamAutoSchema(AutoSchema):
    # drf-standardized-errors documents 400, 401, 403, 404 and 429 where the
    # view can answer them. 409 is ours: any write may meet another that
    # saved the same row first (a stale `version`, or a parallel create).
    def _should_add_error_response(self, responses: dict, status_code: str) -> bool:
        if status_code == "409":
            return self.method in ("POST", "PUT", "PATCH", "DELETE") and "409" not in responses
        return super()._should_add_error_response(responses, status_code)

    # DRF describes a path's id in English, untranslated; the parter's IT
    # departments read the docs in Swedish.
    def get_override_parameters(self) -> list:
        parametrar = super().get_override_parameters()
        if "{id}" in self.path:
            parametrar = [
                OpenApiParameter("id", int, OpenApiParameter.PATH, description="Radens id."),
                *parametrar,
            ]
        return parametrar


def felsvar_schema(namn: str, koder: list[str], **extra: serializers.Field) -> type:
    """The schema of a client error in the API's shape, with any fields of its own."""
    fel = type(
        f"{namn}Fel",
        (serializers.Serializer,),
        {
            "code": serializers.ChoiceField(choices=koder),
            "detail": serializers.CharField(),
            "attr": serializers.CharField(allow_null=True),
        },
    )
    return type(
        namn,
        (serializers.Serializer,),
        {
            "type": serializers.ChoiceField(choices=ClientErrorEnum.choices),
            "errors": fel(many=True),
            **extra,
        },
    )


Fel409Svar = felsvar_schema(
    "ErrorResponse409", [KonfliktSvar.default_code, SamtidigtSparad.default_code]
)


class Fel400(serializers.Serializer):
    code = serializers.CharField(help_text="T.ex. `required`, `invalid`, `parse_error`.")
    detail = serializers.CharField(help_text="Vad som är fel, på svenska.")
    attr = serializers.CharField(
        allow_null=True,
        help_text=(
            "Fältet eller frågeparametern, med plats i en lista som `intakter.0.part`; "
            "`non_field_errors` för kroppen som helhet; null för en kropp som inte kunde läsas."
        ),
    )


class Fel400Svar(serializers.Serializer):
    """Ett valideringsfel (`validation_error`) eller en kropp som inte kunde läsas
    (`client_error`, kod `parse_error`)."""

    # One shape for every operation: the services' checks have codes of their
    # own and query parameters are read by serializers, so a per-field list
    # of codes, generated from the serializers alone, would be incomplete.
    type = serializers.ChoiceField(choices=[*ValidationErrorEnum.choices, *ClientErrorEnum.choices])
    errors = Fel400(many=True)
