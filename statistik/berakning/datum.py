"""Date arithmetic that the database runs in SQL, as whole numbers.

On SQLite, Django computes a date difference or a year as a Python function
called once per row for every condition that reads it; with a thousand
inskrivningar and a dozen such conditions that was a third of the query
time. These forms are plain SQL on SQLite and PostgreSQL alike.
"""

from django.db.models import Func, IntegerField
from django.db.models.functions import ExtractYear


class Dagar(Func):
    """Whole days from the date `start` to the date `slut` (slut − start)."""

    arity = 2
    output_field = IntegerField()

    def __init__(self, slut, start, **extra) -> None:
        super().__init__(slut, start, **extra)

    def as_sql(self, compiler, connection, **extra):
        # PostgreSQL: a date minus a date is an integer of days.
        return super().as_sql(compiler, connection, template="(%(expressions)s)", arg_joiner=" - ")

    def as_sqlite(self, compiler, connection, **extra):
        return super().as_sql(
            compiler,
            connection,
            template="CAST(julianday(%(expressions)s) AS INTEGER)",
            arg_joiner=") - julianday(",
        )


class Ar(ExtractYear):
    """The year of a date as an integer (PostgreSQL's EXTRACT is SQL already)."""

    output_field = IntegerField()

    def as_sqlite(self, compiler, connection):
        sql, params = compiler.compile(self.lhs)
        return f"CAST(strftime('%%Y', {sql}) AS INTEGER)", params
