"""The query of a GET: a period's dates read with Swedish messages, or 400."""

from rest_framework import serializers
from rest_framework.request import Request

DATUM_FEL = "Ange datumet som ÅÅÅÅ-MM-DD, till exempel 2024-08-31."


class PeriodFragaSerializer(serializers.Serializer):
    """`?fran=&till=`: both optional (the view fills in the defaults)."""

    fran = serializers.DateField(required=False, error_messages={"invalid": DATUM_FEL})
    till = serializers.DateField(required=False, error_messages={"invalid": DATUM_FEL})


def las_fraga(request: Request, serializer_class) -> dict:
    """The validated query parameters of a GET; 400 with Swedish messages otherwise."""
    # An empty parameter (`?fran=&till=`, as API.md writes the path) means
    # "not given", so the default applies.
    givna = {k: v for k, v in request.query_params.items() if v.strip()}
    fraga = serializer_class(data=givna)
    fraga.is_valid(raise_exception=True)
    return fraga.validated_data
