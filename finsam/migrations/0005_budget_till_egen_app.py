"""The budget's models now belong to the budget app (budget 0001): finsam forgets them.

State only: the tables finsam_budgetar, finsam_budgetrad, finsam_intakt,
finsam_utfall and finsam_utfallsimport stay, now the budget app's. The
models go child first, so no model in the state points at one already gone.
"""

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ("budget", "0001_initial"),
        ("finsam", "0004_import_lasning_av_systemet"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.DeleteModel(name="Utfall"),
                migrations.DeleteModel(name="Utfallsimport"),
                migrations.DeleteModel(name="Intakt"),
                migrations.DeleteModel(name="Budgetrad"),
                migrations.DeleteModel(name="Budgetar"),
            ],
            database_operations=[],
        ),
    ]
