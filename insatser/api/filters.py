"""Query filters of insatser; ids as numbers, as in finsam.api.filters."""

import django_filters

from insatser.models import Insats


class InsatsFilter(django_filters.FilterSet):
    forbund = django_filters.NumberFilter(field_name="forbund")
    overordnad = django_filters.NumberFilter(field_name="overordnad")

    class Meta:
        model = Insats
        fields = ["forbund", "inriktning", "status", "overordnad"]
