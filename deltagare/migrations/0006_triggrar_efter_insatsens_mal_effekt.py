"""The stegskala triggers back after insatser 0003 (see deltagare/triggrar.py)."""

from django.db import migrations

from deltagare.triggrar import skapa_triggrar, ta_bort_triggrar


class Migration(migrations.Migration):
    dependencies = [
        ("deltagare", "0005_triggrar_fore_insatsens_mal_effekt"),
        ("insatser", "0003_mal_effekt"),
    ]

    operations = [migrations.RunPython(skapa_triggrar, ta_bort_triggrar)]
