"""The query of a GET: a period's dates read with Swedish messages, or 400."""

import datetime

from django.utils import timezone
from drf_spectacular.utils import OpenApiParameter
from rest_framework import serializers
from rest_framework.request import Request

from finsam.modellvillkor import PERIOD_BAKLANGES

DATUM_FEL = "Ange datumet som ÅÅÅÅ-MM-DD, till exempel 2024-08-31."
# The two parameters as the OpenAPI document names them, for `standardperiod`'s views.
PERIODPARAMETRAR = [
    OpenApiParameter("fran", str, description="Periodens första dag. Utan värde: 1 januari."),
    OpenApiParameter("till", str, description="Periodens sista dag. Utan värde: i dag."),
]


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


def standardperiod(
    fran: datetime.date | None, till: datetime.date | None
) -> tuple[datetime.date, datetime.date]:
    """The period asked for, the year to date where left out.

    `till` defaults to today and `fran` to 1 January of till's year: with
    neither given, this year to date; with `till` alone, that year up to it
    (not an error for a `till` in an earlier year). A `till` before `fran` is a 400.
    """
    till = till or timezone.localdate()
    fran = fran or datetime.date(till.year, 1, 1)
    if till < fran:
        raise serializers.ValidationError({"till": [PERIOD_BAKLANGES]})
    return fran, till
