"""Query filters of the core resources (django-filter).

Ids of related rows are plain numbers, not choices: a choice filter would
answer an unknown id with 400 and another förbund's id with an empty list,
and so reveal which ids exist.
"""

import django_filters

from finsam.models import Part


class PartFilter(django_filters.FilterSet):
    forbund = django_filters.NumberFilter(field_name="forbund")

    class Meta:
        model = Part
        fields = ["forbund", "typ"]
