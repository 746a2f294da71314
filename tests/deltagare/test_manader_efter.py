"""The list's SQL month arithmetic gives the date the page shows (finsam.datum)."""

import datetime

import pytest
from django.db.models import DateField, Value

from deltagare.lagesbild import ManaderEfter
from finsam.datum import manader_senare
from finsam.models import Forbund

D = datetime.date

KANTER = [
    D(2025, 8, 31),  # + 6 months: 28 February
    D(2025, 8, 29),
    D(2026, 8, 31),  # + 18 months: 29 February 2028
    D(2027, 8, 31),  # + 6 months: 29 February 2028
    D(2026, 7, 31),  # + 6 months crosses the year's end
    D(2026, 12, 31),
    D(2027, 2, 28),
    D(2028, 2, 29),
    D(2026, 3, 31),  # + 6 months: 30 September
    D(2026, 1, 1),
]


@pytest.mark.parametrize("manader", [0, 1, 6, 18])
def test_sql_och_python_ger_samma_dag(forbund, manader):
    rad = (
        Forbund.objects.filter(pk=forbund.pk)
        .annotate(
            **{
                f"d{i}": ManaderEfter(Value(dag, output_field=DateField()), manader)
                for i, dag in enumerate(KANTER)
            }
        )
        .values(*(f"d{i}" for i in range(len(KANTER))))
        .get()
    )
    assert [rad[f"d{i}"] for i in range(len(KANTER))] == [
        manader_senare(dag, manader) for dag in KANTER
    ]
