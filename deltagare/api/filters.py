"""Query filters of deltagare and inskrivningar; ids as numbers, as in finsam.api.filters.

No filter takes a personnummer or a referens: query strings end up in
server logs. Searching by them is `POST deltagare/sok/`.
"""

import django_filters
from django.db.models import Q, QuerySet

from deltagare.models import Deltagare, Inskrivning
from finsam.api.filters import IdFilter


class DeltagareFilter(django_filters.FilterSet):
    forbund = IdFilter(field_name="forbund")

    class Meta:
        model = Deltagare
        fields = ["forbund"]


class InskrivningFilter(django_filters.FilterSet):
    insats = IdFilter(method="filtrera_insats", label="Insatsens id (dess delinsatser ingår).")
    deltagare = IdFilter(field_name="deltagare")
    aktiv = django_filters.BooleanFilter(
        field_name="slutdatum",
        lookup_expr="isnull",
        label="true: utan slutdatum; false: avslutade.",
    )
    startdatum_fran = django_filters.DateFilter(
        field_name="startdatum", lookup_expr="gte", label="Startdatum från och med."
    )
    startdatum_till = django_filters.DateFilter(
        field_name="startdatum", lookup_expr="lte", label="Startdatum till och med."
    )

    class Meta:
        model = Inskrivning
        fields = ["insats", "deltagare", "aktiv", "startdatum_fran", "startdatum_till"]

    def filtrera_insats(self, queryset: QuerySet, name: str, value: int) -> QuerySet:
        # As on the insats's deltagare page: a parent insats lists its
        # delinsatser's inskrivningar too.
        return queryset.filter(Q(insats=value) | Q(insats__overordnad=value))
