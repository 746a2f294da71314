"""SCB's models now live in scb (scb 0001): statistik forgets them, the tables stay."""

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ("statistik", "0002_helarsekvivalent_manader"),
        ("scb", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.DeleteModel(name="Helarsekvivalent"),
                migrations.DeleteModel(name="Folkmangd"),
                migrations.DeleteModel(name="Region"),
            ],
            database_operations=[],
        ),
    ]
