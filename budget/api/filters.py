"""Query filters of budget years; ids as numbers, as in finsam.api.filters."""

import django_filters

from budget.models import Budgetar


class BudgetFilter(django_filters.FilterSet):
    forbund = django_filters.NumberFilter(field_name="forbund", label="Förbundets id.")
    ar = django_filters.NumberFilter(field_name="ar", label="Budgetåret, t.ex. 2021.")

    class Meta:
        model = Budgetar
        fields = ["forbund", "ar"]
