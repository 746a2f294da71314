"""The budget's models, moved here from finsam: their tables and rows stay as they are.

Only Django's state moves (finsam 0005 forgets the models after this
migration learns them); every model keeps its table through `db_table`.
The models' content types move to the budget app with them, so their
permissions and admin log entries stay attached and none is made twice.
"""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

from finsam.migrering import flytta_innehallstyper

MODELLER = ["budgetar", "budgetrad", "intakt", "utfall", "utfallsimport"]


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("finsam", "0004_import_lasning_av_systemet"),
        ("insatser", "0002_insatsberattelse"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='Budgetar',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('ar', models.PositiveSmallIntegerField(verbose_name='år')),
                        ('eget_kapital_ingaende', models.BigIntegerField(default=0, verbose_name='eget kapital vid årets början')),
                        ('intakter_utblick_1', models.BigIntegerField(blank=True, null=True, verbose_name='intäkter utblick år 1 (kr)')),
                        ('intakter_utblick_2', models.BigIntegerField(blank=True, null=True, verbose_name='intäkter utblick år 2 (kr)')),
                        ('kommentar', models.TextField(blank=True, help_text='Förbundschefens kommentar, som visas under tabellen och i delårsrapporten.', verbose_name='kommentar budget mot utfall')),
                        ('forbund', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='budgetar', to='finsam.forbund', verbose_name='förbund')),
                    ],
                    options={
                        'verbose_name': 'budgetår',
                        'verbose_name_plural': 'budgetår',
                        'db_table': 'finsam_budgetar',
                        'ordering': ['forbund', '-ar'],
                        'constraints': [
                            models.UniqueConstraint(fields=('forbund', 'ar'), name='budgetar_ett_per_ar', violation_error_message='Förbundet har redan en budget för det året.'),
                            models.CheckConstraint(condition=models.Q(('ar__gte', 2000), ('ar__lte', 2100)), name='budgetar_rimligt_ar', violation_error_message='Året måste vara mellan 2000 och 2100.'),
                            models.CheckConstraint(condition=models.Q(models.Q(('intakter_utblick_1__isnull', True), ('intakter_utblick_1__gte', 0), _connector='OR'), models.Q(('intakter_utblick_2__isnull', True), ('intakter_utblick_2__gte', 0), _connector='OR')), name='budgetar_utblick_ej_negativ', violation_error_message='Intäkterna i utblicken får inte vara negativa.'),
                        ],
                    },
                ),
                migrations.CreateModel(
                    name='Budgetrad',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('kategori', models.CharField(choices=[('insatser', 'Insatser'), ('styrelsen', 'Styrelsen'), ('administration', 'Administration')], max_length=20, verbose_name='kategori')),
                        ('namn', models.CharField(max_length=200, verbose_name='namn')),
                        ('konto', models.CharField(blank=True, help_text='Konton i ekonomisystemets export, åtskilda med komma eller semikolon, t.ex. 4010, 4011. Mellanslag inne i ett konto räknas inte: 40 99 är kontot 4099.', max_length=200, verbose_name='konton')),
                        ('budget', models.BigIntegerField(verbose_name='budget (kr)')),
                        ('prognos', models.BigIntegerField(blank=True, null=True, verbose_name='prognos (kr)')),
                        ('utblick_1', models.BigIntegerField(blank=True, null=True, verbose_name='utblick år 1 (kr)')),
                        ('utblick_2', models.BigIntegerField(blank=True, null=True, verbose_name='utblick år 2 (kr)')),
                        ('budgetar', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='rader', to='budget.budgetar')),
                        ('insats', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='budgetrader', to='insatser.insats')),
                    ],
                    options={
                        'verbose_name': 'budgetrad',
                        'verbose_name_plural': 'budgetrader',
                        'db_table': 'finsam_budgetrad',
                        'ordering': ['budgetar', 'kategori', 'namn'],
                        'constraints': [
                            models.UniqueConstraint(fields=('budgetar', 'kategori', 'namn'), name='budgetrad_unikt_namn', violation_error_message='Det finns redan en rad med det namnet i kategorin.'),
                            models.CheckConstraint(condition=models.Q(('budget__gte', 0), models.Q(('prognos__isnull', True), ('prognos__gte', 0), _connector='OR'), models.Q(('utblick_1__isnull', True), ('utblick_1__gte', 0), _connector='OR'), models.Q(('utblick_2__isnull', True), ('utblick_2__gte', 0), _connector='OR')), name='budgetrad_belopp_ej_negativa', violation_error_message='Budget, prognos och utblick får inte vara negativa.'),
                        ],
                    },
                ),
                migrations.CreateModel(
                    name='Intakt',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('finansiar', models.CharField(choices=[('stat', 'Staten via Försäkringskassan'), ('region', 'Region'), ('kommun', 'Kommun'), ('esf', 'ESF'), ('ovriga', 'Övriga')], max_length=10, verbose_name='finansiär')),
                        ('belopp', models.BigIntegerField(verbose_name='belopp (kr)')),
                        ('budgetar', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='intakter', to='budget.budgetar')),
                        ('part', models.ForeignKey(blank=True, help_text='Den part som betalar, för stat, region och kommun.', null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='finsam.part')),
                    ],
                    options={
                        'verbose_name': 'intäkt',
                        'verbose_name_plural': 'intäkter',
                        'db_table': 'finsam_intakt',
                        'constraints': [
                            models.CheckConstraint(condition=models.Q(('belopp__gte', 0)), name='intakt_belopp_ej_negativt', violation_error_message='Beloppet får inte vara negativt.'),
                        ],
                    },
                ),
                migrations.CreateModel(
                    name='Utfallsimport',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('filnamn', models.CharField(max_length=255, verbose_name='filnamn')),
                        ('fil', models.FileField(upload_to='utfall/%Y/', verbose_name='fil')),
                        ('storlek', models.PositiveBigIntegerField(verbose_name='storlek (byte)')),
                        ('sha256', models.CharField(max_length=64)),
                        ('status', models.CharField(choices=[('laser', 'Läses'), ('granskas', 'Förhandsgranskas'), ('koad', 'Köad'), ('pagar', 'Pågår'), ('klar', 'Klar'), ('fel', 'Fel')], default='laser', max_length=10)),
                        ('progress', models.PositiveSmallIntegerField(default=0, verbose_name='förlopp (%)')),
                        ('lasning', models.JSONField(blank=True, editable=False, null=True, verbose_name='läsning')),
                        ('antal_rader', models.PositiveIntegerField(default=0, verbose_name='rader i filen')),
                        ('summa', models.BigIntegerField(default=0, verbose_name='summa (kr)')),
                        ('fel', models.TextField(blank=True, verbose_name='fel')),
                        ('skapad', models.DateTimeField(auto_now_add=True)),
                        ('av_systemet', models.BooleanField(default=False, verbose_name='av systemet')),
                        ('klar', models.DateTimeField(blank=True, null=True, verbose_name='importerad')),
                        ('budgetar', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='importer', to='budget.budgetar')),
                        ('skapad_av', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                    ],
                    options={
                        'verbose_name': 'import av utfall',
                        'verbose_name_plural': 'importer av utfall',
                        'db_table': 'finsam_utfallsimport',
                        'ordering': ['-skapad'],
                        'constraints': [
                            models.CheckConstraint(condition=models.Q(('progress__lte', 100)), name='utfallsimport_progress_hogst_100', violation_error_message='Förloppet kan vara högst 100 %.'),
                            models.CheckConstraint(condition=models.Q(('av_systemet', False), ('skapad_av__isnull', True), _connector='OR'), name='utfallsimport_systemet_utan_anvandare', violation_error_message='En import av systemet har ingen användare.'),
                        ],
                    },
                ),
                migrations.CreateModel(
                    name='Utfall',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('datum', models.DateField(verbose_name='datum')),
                        ('belopp', models.BigIntegerField(verbose_name='belopp (kr)')),
                        ('rad', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='utfall', to='budget.budgetrad')),
                        ('utfallsimport', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='utfall', to='budget.utfallsimport')),
                    ],
                    options={
                        'verbose_name': 'utfall',
                        'verbose_name_plural': 'utfall',
                        'db_table': 'finsam_utfall',
                        'ordering': ['rad', 'datum'],
                    },
                ),
            ],
            database_operations=[],
        ),
        flytta_innehallstyper("finsam", "budget", MODELLER),
    ]
