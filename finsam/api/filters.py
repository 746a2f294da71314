"""Query filters of the core resources (django-filter).

Ids of related rows are plain numbers, not choices: a choice filter would
answer an unknown id with 400 and another förbund's id with an empty list,
and so reveal which ids exist.
"""

import django_filters
from django import forms

from finsam.models import Part

# The largest id a 64-bit column holds: a greater number would overflow the
# database's integer (a 500), and no row has it.
STORSTA_ID = 2**63 - 1


class IdFilter(django_filters.NumberFilter):
    """A row's id: a whole number from 1; anything else is a 400."""

    field_class = forms.IntegerField

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, min_value=1, max_value=STORSTA_ID, **kwargs)


class PartFilter(django_filters.FilterSet):
    forbund = IdFilter(field_name="forbund")

    class Meta:
        model = Part
        fields = ["forbund", "typ"]
