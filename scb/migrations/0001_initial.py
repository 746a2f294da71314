"""The SCB models move from statistik to scb, keeping their tables and rows.

Only the migration state moves (the tables keep their statistik_ names, set
as db_table on the models); statistik 0003 drops the old state. The content
types follow (finsam.migrering), so the models' permissions stay attached
and post_migrate creates no new ones.
"""

import django.db.models.deletion
from django.db import migrations, models

from finsam.migrering import flytta_innehallstyper

MODELLER = ("region", "helarsekvivalent", "folkmangd")


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("statistik", "0002_helarsekvivalent_manader"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='Region',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('kod', models.CharField(max_length=4, unique=True, verbose_name='kod')),
                        ('namn', models.CharField(max_length=100, verbose_name='namn')),
                        ('typ', models.CharField(choices=[('kommun', 'Kommun'), ('lan', 'Län'), ('riket', 'Riket')], max_length=10, verbose_name='typ')),
                    ],
                    options={
                        'verbose_name': 'region',
                        'verbose_name_plural': 'regioner',
                        'db_table': 'statistik_region',
                        'ordering': ['kod'],
                        'constraints': [models.CheckConstraint(condition=models.Q(models.Q(('typ', 'kommun'), ('kod__regex', '^[0-9]{4}$')), models.Q(('typ', 'lan'), ('kod__regex', '^[0-9]{2}$')), models.Q(('typ', 'riket'), ('kod', '00')), _connector='OR'), name='region_kod_passar_typ', violation_error_message='Kommunkoder har fyra siffror, länskoder två och riket koden 00.')],
                    },
                ),
                migrations.CreateModel(
                    name='Helarsekvivalent',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('ar', models.PositiveSmallIntegerField(verbose_name='år')),
                        ('kon', models.CharField(choices=[('kvinnor', 'Kvinnor'), ('man', 'Män'), ('totalt', 'Totalt')], max_length=10, verbose_name='kön')),
                        ('ersattningsform', models.CharField(choices=[('sjukpenning', 'Sjukpenning'), ('sjuk_och_aktivitetsersattning', 'Sjuk- och aktivitetsersättning'), ('arbetsloshet', 'Arbetslöshet'), ('arbetsmarknadsatgarder', 'Arbetsmarknadsåtgärder'), ('ekonomiskt_bistand', 'Ekonomiskt bistånd'), ('etableringsersattning', 'Etableringsersättning')], max_length=40, verbose_name='ersättningsform')),
                        ('varde', models.DecimalField(decimal_places=4, max_digits=14, verbose_name='helårsekvivalenter')),
                        ('manader', models.PositiveSmallIntegerField(blank=True, null=True, verbose_name='antal månader')),
                        ('region', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='helarsekvivalenter', to='scb.region')),
                    ],
                    options={
                        'verbose_name': 'helårsekvivalent',
                        'verbose_name_plural': 'helårsekvivalenter',
                        'db_table': 'statistik_helarsekvivalent',
                        'constraints': [models.UniqueConstraint(fields=('region', 'ar', 'kon', 'ersattningsform'), name='helarsekvivalent_unik', violation_error_message='Värdet finns redan för region, år, kön och form.'), models.CheckConstraint(condition=models.Q(('varde__gte', 0)), name='helarsekvivalent_ej_negativ', violation_error_message='Helårsekvivalenter kan inte vara negativa.'), models.CheckConstraint(condition=models.Q(('manader__isnull', True), models.Q(('manader__gte', 1), ('manader__lte', 12)), _connector='OR'), name='helarsekvivalent_manader_1_12', violation_error_message='Ett årsmedel bygger på 1–12 månader.')],
                    },
                ),
                migrations.CreateModel(
                    name='Folkmangd',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('ar', models.PositiveSmallIntegerField(verbose_name='år')),
                        ('kon', models.CharField(choices=[('kvinnor', 'Kvinnor'), ('man', 'Män'), ('totalt', 'Totalt')], max_length=10, verbose_name='kön')),
                        ('antal', models.PositiveIntegerField(verbose_name='folkmängd 20–64 år')),
                        ('region', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='folkmangd', to='scb.region')),
                    ],
                    options={
                        'verbose_name': 'folkmängd',
                        'verbose_name_plural': 'folkmängd',
                        'db_table': 'statistik_folkmangd',
                        'constraints': [models.UniqueConstraint(fields=('region', 'ar', 'kon'), name='folkmangd_unik', violation_error_message='Folkmängden finns redan för region, år och kön.')],
                    },
                ),
            ],
            database_operations=[],
        ),
        flytta_innehallstyper("statistik", "scb", MODELLER),
    ]
