"""Query filters of budget years; ids as numbers, as in finsam.api.filters."""

import django_filters

from budget.models import Budgetar
from finsam.api.filters import IdFilter


class BudgetFilter(django_filters.FilterSet):
    forbund = IdFilter(field_name="forbund", label="Förbundets id.")
    ar = django_filters.NumberFilter(
        field_name="ar", label="Budgetåret, t.ex. 2021.", min_value=2000, max_value=2100
    )

    class Meta:
        model = Budgetar
        fields = ["forbund", "ar"]
