"""Query filters of rapporter; ids as numbers, as in finsam.api.filters."""

import django_filters

from finsam.api.filters import IdFilter
from rapporter.models import Rapport


class RapportFilter(django_filters.FilterSet):
    forbund = IdFilter(field_name="forbund", label="Förbundets id.")
    typ = django_filters.ChoiceFilter(choices=Rapport.Typ.choices, label="Rapporttyp.")

    class Meta:
        model = Rapport
        fields = ["forbund", "typ"]
