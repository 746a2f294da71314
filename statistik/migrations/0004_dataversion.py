"""The statistics cache's data version, kept by triggers (PostgreSQL only).

On SQLite (the embedded default) the table exists but no trigger writes it,
and the cache stays off (statistik/berakning/cache.py).
"""

from django.db import migrations, models

# Every table the statistics engine reads, and how a set of its rows `r`
# (a trigger's transition table) names the förbund the rows belong to.
_GENOM_INSKRIVNING = (
    "SELECT i.forbund_id FROM {r} JOIN deltagare_inskrivning s ON s.id = {r}.inskrivning_id"
    " JOIN insatser_insats i ON i.id = s.insats_id"
)
_GENOM_INSATS = "SELECT i.forbund_id FROM {r} JOIN insatser_insats i ON i.id = {r}.insats_id"
TABELLER = {
    "insatser_insats": "SELECT forbund_id FROM {r}",
    "insatser_steg": (
        "SELECT k.forbund_id FROM {r} JOIN insatser_stegskala k ON k.id = {r}.stegskala_id"
    ),
    "deltagare_deltagare": "SELECT forbund_id FROM {r}",
    "deltagare_inskrivning": _GENOM_INSATS,
    "deltagare_anonymadeltagare": _GENOM_INSATS,
    "deltagare_stegbedomning": _GENOM_INSKRIVNING,
    "deltagare_forsorjning": _GENOM_INSKRIVNING,
    "deltagare_uppfoljning": _GENOM_INSKRIVNING,
}

_GEMENSAMT = """
CREATE SEQUENCE statistik_dataversion_nummer;
-- A new version for each förbund named, in förbund order so that two
-- statements touching the same förbund lock their rows in the same order.
CREATE FUNCTION statistik_ny_dataversion(forbund bigint[]) RETURNS void LANGUAGE sql AS $$
    INSERT INTO statistik_dataversion (forbund_id, version)
    SELECT f, nextval('statistik_dataversion_nummer')
    FROM (SELECT DISTINCT unnest(forbund) AS f) AS u WHERE f IS NOT NULL ORDER BY f
    ON CONFLICT (forbund_id) DO UPDATE SET version = EXCLUDED.version
$$;
-- A truncate names no rows: every förbund gets a new version.
CREATE FUNCTION statistik_dataversion_tomd() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM statistik_ny_dataversion(ARRAY(SELECT id FROM finsam_forbund));
    RETURN NULL;
END $$;
INSERT INTO statistik_dataversion (forbund_id, version)
SELECT id, nextval('statistik_dataversion_nummer') FROM finsam_forbund;
"""

_PER_TABELL = """
CREATE FUNCTION statistik_dataversion_{t}() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP <> 'DELETE' THEN
        PERFORM statistik_ny_dataversion(ARRAY({ny}));
    END IF;
    IF TG_OP <> 'INSERT' THEN
        PERFORM statistik_ny_dataversion(ARRAY({gammal}));
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER statistik_dataversion_i AFTER INSERT ON {t}
    REFERENCING NEW TABLE AS ny FOR EACH STATEMENT EXECUTE FUNCTION statistik_dataversion_{t}();
CREATE TRIGGER statistik_dataversion_u AFTER UPDATE ON {t}
    REFERENCING OLD TABLE AS gammal NEW TABLE AS ny
    FOR EACH STATEMENT EXECUTE FUNCTION statistik_dataversion_{t}();
CREATE TRIGGER statistik_dataversion_d AFTER DELETE ON {t}
    REFERENCING OLD TABLE AS gammal FOR EACH STATEMENT EXECUTE FUNCTION statistik_dataversion_{t}();
CREATE TRIGGER statistik_dataversion_t AFTER TRUNCATE ON {t}
    FOR EACH STATEMENT EXECUTE FUNCTION statistik_dataversion_tomd();
"""


def skapa_utlosare(schema_editor, tabeller: dict[str, str]) -> None:
    """The triggers of each table in `tabeller` (0005 adds tables the same way)."""
    if schema_editor.connection.vendor != "postgresql":
        return
    for tabell, forbund in tabeller.items():
        schema_editor.execute(
            _PER_TABELL.format(
                t=tabell, ny=forbund.format(r="ny"), gammal=forbund.format(r="gammal")
            )
        )


def ta_bort_utlosare(schema_editor, tabeller: dict[str, str]) -> None:
    if schema_editor.connection.vendor != "postgresql":
        return
    for tabell in tabeller:
        for slag in "iudt":
            schema_editor.execute(f"DROP TRIGGER statistik_dataversion_{slag} ON {tabell}")
        schema_editor.execute(f"DROP FUNCTION statistik_dataversion_{tabell}()")


def _skapa(apps, schema_editor) -> None:
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(_GEMENSAMT)
    skapa_utlosare(schema_editor, TABELLER)


def _ta_bort(apps, schema_editor) -> None:
    if schema_editor.connection.vendor != "postgresql":
        return
    ta_bort_utlosare(schema_editor, TABELLER)
    schema_editor.execute(
        "DROP FUNCTION statistik_dataversion_tomd(); DROP FUNCTION statistik_ny_dataversion(bigint[]);"
        " DROP SEQUENCE statistik_dataversion_nummer;"
    )


class Migration(migrations.Migration):
    dependencies = [
        ("statistik", "0003_scb_egen_app"),
        ("deltagare", "0013_uppfoljning_ej_nadd_index"),
        ("insatser", "0005_nyckeltal_per_kon"),
        ("finsam", "0009_forbundsinstallningar"),
    ]

    operations = [
        migrations.CreateModel(
            name="Dataversion",
            fields=[
                ("forbund_id", models.BigIntegerField(primary_key=True, serialize=False)),
                ("version", models.BigIntegerField()),
            ],
            options={"verbose_name": "dataversion", "verbose_name_plural": "dataversioner"},
        ),
        migrations.RunPython(_skapa, _ta_bort),
    ]
