"""The stegskala triggers step aside while insatser 0003 rebuilds `insatser_insats` (SQLite).

See deltagare/triggrar.py; 0006 puts them back.
"""

from django.db import migrations

from deltagare.triggrar import skapa_triggrar, ta_bort_triggrar


class Migration(migrations.Migration):
    dependencies = [("deltagare", "0004_atkomstlogg")]
    run_before = [("insatser", "0003_mal_effekt")]

    operations = [migrations.RunPython(ta_bort_triggrar, skapa_triggrar)]
