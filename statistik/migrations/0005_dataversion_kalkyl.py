"""The data version moves with what the dashboard's kalkyl column reads (PostgreSQL only).

The kalkyl of each insats (kalkyl/underlag.py) also reads the budget's
utfall, rader and intäkter and the förbund's assumptions; a change of any of them
gives the förbund a new version like a change of a deltagare (0004).
"""

from importlib import import_module

from django.db import migrations

dataversion = import_module("statistik.migrations.0004_dataversion")

_GENOM_BUDGETAR = "SELECT b.forbund_id FROM {r} JOIN finsam_budgetar b ON b.id = {r}.budgetar_id"
TABELLER = {
    "finsam_utfall": (
        "SELECT b.forbund_id FROM {r} JOIN finsam_budgetrad br ON br.id = {r}.rad_id"
        " JOIN finsam_budgetar b ON b.id = br.budgetar_id"
    ),
    "finsam_intakt": _GENOM_BUDGETAR,
    # A budget rad moved to another insats moves its utfall with it.
    "finsam_budgetrad": _GENOM_BUDGETAR,
    "kalkyl_antaganden": "SELECT forbund_id FROM {r}",
    "kalkyl_forsorjningskostnad": (
        "SELECT a.forbund_id FROM {r} JOIN kalkyl_antaganden a ON a.id = {r}.antaganden_id"
    ),
}


class Migration(migrations.Migration):
    dependencies = [
        ("statistik", "0004_dataversion"),
        ("budget", "0002_jobb_senast_aktiv"),
        ("kalkyl", "0002_antagandeandring"),
    ]

    operations = [
        migrations.RunPython(
            lambda apps, schema_editor: dataversion.skapa_utlosare(schema_editor, TABELLER),
            lambda apps, schema_editor: dataversion.ta_bort_utlosare(schema_editor, TABELLER),
        ),
    ]
