"""Database triggers that keep the access log as it was written (issue 13 §10).

A log row is never changed: UPDATE is refused always. A row is removed only
by the yearly gallring (`deltagare.logg.gallring`) once it is older than the
retention period: DELETE of a younger row is refused. The application never
does either, so the triggers guard against a bug, a hand-written query or an
admin tool, not against someone who may alter the schema.

The retention period is `settings.FINSAM_ATKOMSTLOGG_AR` (default 5 years),
read when the migration runs and baked into the trigger. Raising it later
needs no change (the gallring removes less than the trigger allows);
lowering it needs the triggers rebuilt, e.g. in a migration that calls
`ta_bort_loggskydd` and `skapa_loggskydd`, or the gallring will be refused.

On SQLite a migration that rebuilds `deltagare_atkomstlogg` (most
AlterField operations do) drops its triggers with the old table: such a
migration must put them back after (as deltagare 0005/0006 do for the
stegskala triggers).

The test suite's flush empties every table between transactional tests:
- PostgreSQL flushes with TRUNCATE, which fires no row-level trigger, so the
  triggers stay and the flush works (tests/integritet/test_atkomstlogg_skydd.py
  proves it).
- SQLite flushes with DELETE FROM, which fires them. tests/conftest.py wraps
  the SQLite backend's `execute_sql_flush` in `utan_loggskydd`: in one
  transaction the log's triggers are dropped, the tables emptied and the
  triggers created again from the very SQL sqlite_master kept for them. Only
  the test suite installs that wrapper; `manage.py flush` in a running
  system is refused on SQLite like any other DELETE of young rows.
"""

from collections.abc import Iterator
from contextlib import contextmanager

from django.conf import settings
from django.db import transaction

TABELL = "deltagare_atkomstlogg"
NAMN = "atkomstlogg_skydd"
ANDRING_VAGRAS = "Åtkomstloggens rader kan inte ändras."
BORTTAGNING_VAGRAS = "Åtkomstloggens rader får tas bort först när de är {ar} år gamla."


def _ar() -> int:
    ar = int(settings.FINSAM_ATKOMSTLOGG_AR)
    if ar < 1:
        raise ValueError("FINSAM_ATKOMSTLOGG_AR måste vara minst 1.")
    return ar


def postgresql(ar: int) -> list[str]:
    return [
        f"""CREATE OR REPLACE FUNCTION {NAMN}() RETURNS trigger AS $$
        BEGIN
            IF TG_OP = 'UPDATE' THEN
                RAISE EXCEPTION '{ANDRING_VAGRAS}' USING ERRCODE = 'restrict_violation';
            END IF;
            IF OLD.tidpunkt > now() - interval '{ar} years' THEN
                RAISE EXCEPTION '{BORTTAGNING_VAGRAS.format(ar=ar)}'
                    USING ERRCODE = 'restrict_violation';
            END IF;
            RETURN OLD;
        END $$ LANGUAGE plpgsql""",
        f"CREATE TRIGGER {NAMN} BEFORE UPDATE OR DELETE ON {TABELL} "
        f"FOR EACH ROW EXECUTE FUNCTION {NAMN}()",
    ]


def sqlite(ar: int) -> list[str]:
    # Django stores a datetime on SQLite as UTC text 'YYYY-MM-DD HH:MM:SS.ffffff',
    # and datetime('now') is UTC text of the same shape, so text order is time order.
    return [
        f"CREATE TRIGGER {NAMN}_upd BEFORE UPDATE ON {TABELL} "
        f"BEGIN SELECT RAISE(ABORT, '{ANDRING_VAGRAS}'); END",
        f"CREATE TRIGGER {NAMN}_del BEFORE DELETE ON {TABELL} "
        f"WHEN OLD.tidpunkt > datetime('now', '-{ar} years') "
        f"BEGIN SELECT RAISE(ABORT, '{BORTTAGNING_VAGRAS.format(ar=ar)}'); END",
    ]


def skapa_loggskydd(apps, schema_editor) -> None:
    bygg = {"postgresql": postgresql, "sqlite": sqlite}.get(schema_editor.connection.vendor)
    if bygg is None:
        return
    for sql in bygg(_ar()):
        schema_editor.execute(sql)


def ta_bort_loggskydd(apps, schema_editor) -> None:
    vendor = schema_editor.connection.vendor
    if vendor == "postgresql":
        schema_editor.execute(f"DROP TRIGGER IF EXISTS {NAMN} ON {TABELL}")
        schema_editor.execute(f"DROP FUNCTION IF EXISTS {NAMN}()")
    elif vendor == "sqlite":
        for suffix in ("upd", "del"):
            schema_editor.execute(f"DROP TRIGGER IF EXISTS {NAMN}_{suffix}")


@contextmanager
def utan_loggskydd(connection) -> Iterator[None]:
    """SQLite only, for the test suite's flush: the log's triggers away for the block.

    Recreated from sqlite_master's own copy, so exactly what the migration
    made comes back, in the same transaction as the flush.
    """
    with transaction.atomic(using=connection.alias), connection.cursor() as cursor:
        cursor.execute(
            "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = %s",
            [TABELL],
        )
        triggrar = cursor.fetchall()
        for namn, _ in triggrar:
            cursor.execute(f'DROP TRIGGER "{namn}"')
        yield
        for _, sql in triggrar:
            cursor.execute(sql)
