"""A stegbedömning's steg must belong to its insats's stegskala, in the database.

Django cannot express a constraint across tables, so triggers hold it: on
a new or changed bedömning, on an inskrivning moved to another insats, and
on an insats given another stegskala. `Stegbedomning.clean` gives the same
rule its Swedish message before the database is asked.
"""

from django.db import migrations

from deltagare.triggrar import skapa_triggrar, ta_bort_triggrar


class Migration(migrations.Migration):
    dependencies = [
        ("deltagare", "0002_initial"),
        ("insatser", "0001_initial"),
    ]

    operations = [migrations.RunPython(skapa_triggrar, ta_bort_triggrar)]
