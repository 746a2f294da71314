"""An inskrivning's hemkommun (issue 17: reach against need); empty for those made before.

The new column's database default rebuilds deltagare_inskrivning on SQLite,
which the stegskala triggers name (deltagare/triggrar.py): they step aside
and come back.
"""

from django.db import migrations, models

from deltagare.triggrar import skapa_triggrar, ta_bort_triggrar


class Migration(migrations.Migration):
    dependencies = [("deltagare", "0013_uppfoljning_ej_nadd_index")]

    operations = [
        migrations.RunPython(ta_bort_triggrar, skapa_triggrar),
        migrations.AddField(
            model_name="inskrivning",
            name="hemkommun",
            field=models.CharField(
                blank=True, db_default="", default="", max_length=4, verbose_name="hemkommun"
            ),
        ),
        migrations.RunPython(skapa_triggrar, ta_bort_triggrar),
    ]
