"""OpenAPI additions: the Bearer API keys and Swedish wording in the schema."""

from drf_spectacular.extensions import OpenApiAuthenticationExtension
from drf_spectacular.openapi import AutoSchema
from drf_spectacular.utils import OpenApiParameter


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
