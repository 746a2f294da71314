"""The database triggers that hold a stegbedömning's steg to its insats's stegskala.

Django cannot express a constraint across tables, so triggers hold it: on
a new or changed bedömning, on an inskrivning moved to another insats, and
on an insats given another stegskala. `Stegbedomning.clean` gives the same
rule its Swedish message before the database is asked.

On SQLite a migration that rebuilds `insatser_insats` (a new check
constraint does) would fail on the triggers that name the table, and
would drop the one on it: deltagare takes them away before such a
migration (`run_before`) and puts them back after it (deltagare 0005, 0006).
"""

MEDDELANDE = "Steget finns inte i insatsens stegskala."

# The stegskala of an inskrivning's insats, and of a steg.
INSATSENS_SKALA = (
    "(SELECT i.stegskala_id FROM deltagare_inskrivning ins "
    "JOIN insatser_insats i ON i.id = ins.insats_id WHERE ins.id = {inskrivning})"
)
STEGETS_SKALA = "(SELECT s.stegskala_id FROM insatser_steg s WHERE s.id = {steg})"
# Bedömningar that would no longer fit, after a change of insats or stegskala.
FELAKTIGA_BEDOMNINGAR = (
    "EXISTS (SELECT 1 FROM deltagare_stegbedomning b "
    "JOIN insatser_steg s ON s.id = b.steg_id "
    "JOIN deltagare_inskrivning ins ON ins.id = b.inskrivning_id "
    "WHERE {villkor} AND s.stegskala_id <> {skala})"
)

BEDOMNING_FEL = (
    f"{STEGETS_SKALA.format(steg='NEW.steg_id')} IS DISTINCT FROM "
    f"{INSATSENS_SKALA.format(inskrivning='NEW.inskrivning_id')}"
)
INSKRIVNING_FEL = FELAKTIGA_BEDOMNINGAR.format(
    villkor="ins.id = NEW.id",
    skala="(SELECT stegskala_id FROM insatser_insats WHERE id = NEW.insats_id)",
)
INSATS_FEL = FELAKTIGA_BEDOMNINGAR.format(
    villkor="ins.insats_id = NEW.id", skala="NEW.stegskala_id"
)

TRIGGRAR = [
    # (name, table, columns that fire it, condition for refusing)
    (
        "stegbedomning_steg_i_stegskala",
        "deltagare_stegbedomning",
        "steg_id, inskrivning_id",
        BEDOMNING_FEL,
    ),
    ("inskrivning_behaller_stegskala", "deltagare_inskrivning", "insats_id", INSKRIVNING_FEL),
    ("insats_behaller_stegskala", "insatser_insats", "stegskala_id", INSATS_FEL),
]


def postgresql(namn: str, tabell: str, kolumner: str, fel: str, ny: bool) -> list[str]:
    handelse = f"INSERT OR UPDATE OF {kolumner}" if ny else f"UPDATE OF {kolumner}"
    return [
        f"""CREATE OR REPLACE FUNCTION {namn}() RETURNS trigger AS $$
        BEGIN
            IF {fel} THEN
                RAISE EXCEPTION '{MEDDELANDE}' USING ERRCODE = 'check_violation';
            END IF;
            RETURN NEW;
        END $$ LANGUAGE plpgsql""",
        f"CREATE TRIGGER {namn} BEFORE {handelse} ON {tabell} "
        f"FOR EACH ROW EXECUTE FUNCTION {namn}()",
    ]


def sqlite(namn: str, tabell: str, kolumner: str, fel: str, ny: bool) -> list[str]:
    fel = fel.replace("IS DISTINCT FROM", "IS NOT")
    handelser = [("upd", f"UPDATE OF {kolumner}")] + ([("ins", "INSERT")] if ny else [])
    return [
        f"CREATE TRIGGER {namn}_{suffix} BEFORE {handelse} ON {tabell} "
        f"WHEN {fel} BEGIN SELECT RAISE(ABORT, '{MEDDELANDE}'); END"
        for suffix, handelse in handelser
    ]


def skapa_triggrar(apps, schema_editor) -> None:
    bygg = {"postgresql": postgresql, "sqlite": sqlite}.get(schema_editor.connection.vendor)
    if bygg is None:
        return
    for namn, tabell, kolumner, fel in TRIGGRAR:
        ny = tabell == "deltagare_stegbedomning"
        for sql in bygg(namn, tabell, kolumner, fel, ny):
            schema_editor.execute(sql)


def ta_bort_triggrar(apps, schema_editor) -> None:
    vendor = schema_editor.connection.vendor
    for namn, tabell, _, _ in TRIGGRAR:
        if vendor == "postgresql":
            schema_editor.execute(f"DROP TRIGGER IF EXISTS {namn} ON {tabell}")
            schema_editor.execute(f"DROP FUNCTION IF EXISTS {namn}()")
        elif vendor == "sqlite":
            for suffix in ("upd", "ins"):
                schema_editor.execute(f"DROP TRIGGER IF EXISTS {namn}_{suffix}")
