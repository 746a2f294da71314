"""Query filters of insatser; ids as numbers, as in finsam.api.filters."""

import django_filters

from finsam.api.filters import IdFilter
from insatser.models import Insats


class InsatsFilter(django_filters.FilterSet):
    forbund = IdFilter(field_name="forbund")
    overordnad = IdFilter(field_name="overordnad")

    class Meta:
        model = Insats
        fields = ["forbund", "inriktning", "status", "overordnad"]
