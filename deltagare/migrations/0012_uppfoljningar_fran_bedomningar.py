"""Every existing uppfoljning_* bedömning becomes a genomförd follow-up with only its steg."""

from django.db import migrations

TYPER = ("uppfoljning_6", "uppfoljning_18")


def framat(apps, schema_editor):
    Stegbedomning = apps.get_model("deltagare", "Stegbedomning")
    Uppfoljning = apps.get_model("deltagare", "Uppfoljning")
    Uppfoljning.objects.bulk_create(
        (
            Uppfoljning(
                inskrivning_id=b.inskrivning_id,
                typ=b.typ,
                datum=b.datum,
                utfall="genomford",
                skapad_av_id=b.skapad_av_id,
            )
            for b in Stegbedomning.objects.filter(typ__in=TYPER).iterator()
        ),
        batch_size=1000,
        ignore_conflicts=True,
    )


class Migration(migrations.Migration):
    dependencies = [("deltagare", "0011_korrigering_och_uppfoljning")]

    operations = [migrations.RunPython(framat, migrations.RunPython.noop)]
