"""Samtycke moves from the deltagare to each inskrivning (issue 13 §2).

Every existing inskrivning of a deltagare takes over the deltagare's one
consent date: it was the consent on file when each was made. A deltagare
registered but not yet enrolled keeps it on a waiting registration for the
samordnare who registered them. Backwards, the newest date per deltagare
is put back.
"""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

from deltagare.triggrar import skapa_triggrar, ta_bort_triggrar


def samtycke_till_inskrivningar(apps, schema_editor):
    Deltagare = apps.get_model("deltagare", "Deltagare")
    Inskrivning = apps.get_model("deltagare", "Inskrivning")
    VantandeRegistrering = apps.get_model("deltagare", "VantandeRegistrering")
    for deltagare in Deltagare.objects.iterator():
        inskrivningar = Inskrivning.objects.filter(deltagare=deltagare)
        if inskrivningar.exists():
            if deltagare.samtycke_datum is not None:
                inskrivningar.update(samtycke_datum=deltagare.samtycke_datum)
        else:
            VantandeRegistrering.objects.create(
                deltagare=deltagare,
                samordnare_id=deltagare.skapad_av_id,
                samtycke_datum=deltagare.samtycke_datum,
            )


def samtycke_till_deltagare(apps, schema_editor):
    Deltagare = apps.get_model("deltagare", "Deltagare")
    for deltagare in Deltagare.objects.iterator():
        datum = [
            *deltagare.inskrivningar.values_list("samtycke_datum", flat=True),
            *deltagare.vantande_registreringar.values_list("samtycke_datum", flat=True),
        ]
        datum = [d for d in datum if d is not None]
        if datum:
            deltagare.samtycke_datum = max(datum)
            deltagare.save(update_fields=["samtycke_datum"])


class Migration(migrations.Migration):
    dependencies = [
        ("deltagare", "0006_triggrar_efter_insatsens_mal_effekt"),
        ("finsam", "0006_uppdrag"),
        ("insatser", "0004_berattelsebegaran"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        # The new check constraint rebuilds deltagare_inskrivning on SQLite,
        # which the stegskala triggers name (deltagare/triggrar.py).
        migrations.RunPython(ta_bort_triggrar, skapa_triggrar),
        migrations.CreateModel(
            name="Rattelse",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("tidpunkt", models.DateTimeField(auto_now_add=True, verbose_name="tidpunkt")),
                ("falt", models.CharField(max_length=100, verbose_name="rättade uppgifter")),
                ("skal", models.CharField(max_length=300, verbose_name="skäl")),
            ],
            options={
                "verbose_name": "rättelse",
                "verbose_name_plural": "rättelser",
                "ordering": ["-tidpunkt", "-id"],
            },
        ),
        migrations.CreateModel(
            name="VantandeRegistrering",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "samtycke_datum",
                    models.DateField(blank=True, null=True, verbose_name="samtycke lämnat"),
                ),
                ("skapad", models.DateTimeField(auto_now_add=True)),
            ],
            options={
                "verbose_name": "väntande registrering",
                "verbose_name_plural": "väntande registreringar",
            },
        ),
        migrations.RemoveConstraint(
            model_name="deltagare",
            name="deltagare_identitet_eller_referens",
        ),
        migrations.AddField(
            model_name="inskrivning",
            name="samtycke_aterkallat",
            field=models.DateField(blank=True, null=True, verbose_name="samtycke återkallat"),
        ),
        migrations.AddField(
            model_name="inskrivning",
            name="samtycke_datum",
            field=models.DateField(blank=True, null=True, verbose_name="samtycke lämnat"),
        ),
        migrations.AlterField(
            model_name="atkomstlogg",
            name="handling",
            field=models.CharField(
                choices=[
                    ("las", "Läsning"),
                    ("sok", "Sökning"),
                    ("registrera", "Registrering"),
                    ("inskrivning", "Inskrivning"),
                    ("andra", "Ändring"),
                    ("bedomning", "Stegbedömning"),
                    ("avslut", "Avslut"),
                    ("felregistrering", "Felregistrering"),
                    ("rattelse", "Rättelse"),
                    ("samtycke_aterkallat", "Samtycke återkallat"),
                ],
                max_length=20,
                verbose_name="handling",
            ),
        ),
        migrations.AddConstraint(
            model_name="deltagare",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    models.Q(
                        ("personnummer_hash__isnull", False),
                        models.Q(("personnummer_krypterat", ""), _negated=True),
                    ),
                    models.Q(
                        ("personnummer_hash__isnull", True),
                        ("personnummer_krypterat", ""),
                        models.Q(
                            models.Q(("referens", ""), _negated=True),
                            ("gallrad__isnull", False),
                            _connector="OR",
                        ),
                    ),
                    _connector="OR",
                ),
                name="deltagare_identitet_eller_referens",
                violation_error_message="Ange personnummer eller en referens.",
            ),
        ),
        migrations.AddConstraint(
            model_name="inskrivning",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("samtycke_aterkallat__isnull", True),
                    models.Q(
                        ("samtycke_datum__isnull", False),
                        ("samtycke_aterkallat__gte", models.F("samtycke_datum")),
                    ),
                    _connector="OR",
                ),
                name="inskrivning_aterkallat_efter_samtycke",
                violation_error_message="Samtycket kan inte återkallas före det lämnades, eller utan att ha lämnats.",
            ),
        ),
        migrations.AddField(
            model_name="rattelse",
            name="av",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to=settings.AUTH_USER_MODEL,
                verbose_name="rättad av",
            ),
        ),
        migrations.AddField(
            model_name="rattelse",
            name="deltagare",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.CASCADE,
                related_name="rattelser",
                to="deltagare.deltagare",
            ),
        ),
        migrations.AddField(
            model_name="vantanderegistrering",
            name="deltagare",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.CASCADE,
                related_name="vantande_registreringar",
                to="deltagare.deltagare",
            ),
        ),
        migrations.AddField(
            model_name="vantanderegistrering",
            name="samordnare",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="+",
                to=settings.AUTH_USER_MODEL,
            ),
        ),
        migrations.AddConstraint(
            model_name="vantanderegistrering",
            constraint=models.UniqueConstraint(
                fields=("deltagare", "samordnare"),
                name="vantande_registrering_en_per_samordnare",
                violation_error_message="Deltagaren väntar redan på din inskrivning.",
            ),
        ),
        migrations.RunPython(samtycke_till_inskrivningar, samtycke_till_deltagare),
        migrations.RemoveField(model_name="deltagare", name="samtycke_datum"),
        migrations.RunPython(skapa_triggrar, ta_bort_triggrar),
    ]
