"""Rows written in bulk: COPY on PostgreSQL, executemany on SQLite.

Ids are given here, not by the database, so a bedömning can name its
inskrivning before either is written; the sequences are set past them at
the end. Safe because the generator runs alone in a database holding only
its own förbund (it refuses any other). Constraints, foreign keys and the
triggers all stay on: every row is checked as any other would be.
"""

from __future__ import annotations

from django.core.management.color import no_style
from django.db import connection


class Tabell:
    """One table's rows under way: next id, a buffer, and the count written."""

    def __init__(
        self, modell, kolumner: tuple[str, ...], fore: tuple[Tabell, ...] = (), buffert=20_000
    ) -> None:
        self.modell = modell
        # Tables whose rows this one's point at: written first, so the
        # stegskala trigger (which is not deferred, unlike the foreign keys)
        # finds a bedömning's inskrivning.
        self.fore = fore
        self.namn = modell._meta.db_table
        self.kolumner = kolumner
        self.buffert = buffert
        self.rader: list[tuple] = []
        self.skrivna = 0
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT COALESCE(MAX(id), 0) FROM {self.namn}")  # noqa: S608
            self.nasta_id = cursor.fetchone()[0] + 1

    def lagg_till(self, *varden) -> int:
        """Queue a row (without its id); returns the id it gets."""
        rad_id = self.nasta_id
        self.nasta_id += 1
        self.rader.append((rad_id, *varden))
        if len(self.rader) >= self.buffert:
            self.toem()
        return rad_id

    def toem(self) -> None:
        if not self.rader:
            return
        for tabell in self.fore:
            tabell.toem()
        kolumner = ", ".join(("id", *self.kolumner))
        with connection.cursor() as cursor:
            if connection.vendor == "postgresql":
                with cursor.cursor.copy(f"COPY {self.namn} ({kolumner}) FROM STDIN") as copy:
                    for rad in self.rader:
                        copy.write_row(rad)
            else:
                # SQLite takes no UUID or aware datetime as they are: each field prepares its own.
                falt = [self.modell._meta.get_field("id")] + [
                    next(f for f in self.modell._meta.concrete_fields if f.column == k)
                    for k in self.kolumner
                ]
                platser = ", ".join(["%s"] * len(falt))
                cursor.executemany(
                    f"INSERT INTO {self.namn} ({kolumner}) VALUES ({platser})",  # noqa: S608
                    [
                        [f.get_db_prep_save(v, connection) for f, v in zip(falt, rad, strict=True)]
                        for rad in self.rader
                    ],
                )
        self.skrivna += len(self.rader)
        self.rader = []


def sekvenser_aterstall(modeller) -> None:
    """Set each table's id sequence past the ids given here (nothing to do on SQLite)."""
    with connection.cursor() as cursor:
        for sql in connection.ops.sequence_reset_sql(no_style(), modeller):
            cursor.execute(sql)


def stada() -> None:
    """Vacuum and fresh planner statistics for every table (PostgreSQL), after commit.

    Autovacuum would get there in its own time, as it has in any database
    years old; a benchmark run right after the load would otherwise measure
    plans made for near-empty tables, and index-only scans that still read
    every row from the table because no page is marked all-visible yet
    (3 071 heap fetches to count one insats's inskrivningar). VACUUM cannot
    run inside a transaction, so the command calls this once `generera`
    has committed.
    """
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("VACUUM (ANALYZE)")
