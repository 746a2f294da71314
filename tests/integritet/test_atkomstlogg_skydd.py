"""The access log's rows are kept as written (issue 13 §10): triggers, gallring, users.

This file also runs on PostgreSQL (DATABASE_URL), where the triggers are
plpgsql and the test suite's flush is TRUNCATE.
"""

import datetime
import io
import logging
import uuid

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import IntegrityError, connection, transaction
from django.db.models import ProtectedError
from django.utils import timezone

from deltagare.atkomstlogg import Handling, logga_pseudonymer
from deltagare.logg.gallring import atkomstlogg_gallra, gallringsgrans
from deltagare.logg.models import Logggranskning, Stickprov
from deltagare.logg.services import logggranskning_hamta
from deltagare.models import Atkomstlogg
from deltagare.tasks import atkomstlogg_gallra_task
from finsam.atkomst import SYSTEM
from finsam.kodlistor import Roll
from tests.factories import ForbundFactory, UserFactory, anvandare_med_roll
from tests.integritet.hjalp import klockan

ANDRING = "kan inte ändras"
BORTTAGNING = "får tas bort först när de är 5 år gamla"


def _rad(forbund, tidpunkt: datetime.datetime | None = None, user=SYSTEM) -> Atkomstlogg:
    with klockan(tidpunkt or timezone.now()):
        logga_pseudonymer(
            user=user, handling=Handling.LAS, forbund_id=forbund.pk, pseudonymer=[uuid.uuid4()]
        )
    return Atkomstlogg.objects.order_by("-pk").first()


def _gammal(forbund, **kwargs) -> Atkomstlogg:
    """A row a day past the retention period."""
    return _rad(forbund, gallringsgrans() - datetime.timedelta(days=1), **kwargs)


def _nastan_gammal(forbund) -> Atkomstlogg:
    """A row a few days short of the retention period."""
    return _rad(forbund, gallringsgrans() + datetime.timedelta(days=3))


def _sql(sql: str, parametrar: list) -> None:
    with connection.cursor() as cursor:
        cursor.execute(sql, parametrar)


@pytest.mark.django_db
class TestTriggrar:
    def test_lagringstiden_ar_fem_ar_som_standard(self):
        assert settings.FINSAM_ATKOMSTLOGG_AR == 5

    @pytest.mark.parametrize("alder", ["ny", "gammal"])
    def test_en_rad_kan_aldrig_andras(self, forbund, alder):
        rad = _rad(forbund) if alder == "ny" else _gammal(forbund)
        with pytest.raises(IntegrityError, match=ANDRING), transaction.atomic():
            Atkomstlogg.objects.filter(pk=rad.pk).update(anvandarnamn="någon annan")
        with pytest.raises(IntegrityError, match=ANDRING), transaction.atomic():
            rad.vag = "/annan/"
            rad.save()
        with pytest.raises(IntegrityError, match=ANDRING), transaction.atomic():
            _sql(
                "UPDATE deltagare_atkomstlogg SET tidpunkt = %s WHERE id = %s",
                [timezone.now() - datetime.timedelta(days=4000), rad.pk],
            )
        rad.refresh_from_db()
        assert (rad.anvandarnamn, rad.vag) == ("system", "system")

    def test_en_ung_rad_kan_inte_tas_bort(self, forbund):
        rad = _rad(forbund)
        with pytest.raises(IntegrityError, match=BORTTAGNING), transaction.atomic():
            Atkomstlogg.objects.filter(pk=rad.pk).delete()
        with pytest.raises(IntegrityError, match=BORTTAGNING), transaction.atomic():
            _sql("DELETE FROM deltagare_atkomstlogg WHERE id = %s", [rad.pk])
        assert Atkomstlogg.objects.filter(pk=rad.pk).exists()

    def test_en_rad_strax_innanfor_lagringstiden_kan_inte_tas_bort(self, forbund):
        rad = _nastan_gammal(forbund)
        with pytest.raises(IntegrityError, match=BORTTAGNING), transaction.atomic():
            _sql("DELETE FROM deltagare_atkomstlogg WHERE id = %s", [rad.pk])
        assert Atkomstlogg.objects.filter(pk=rad.pk).exists()

    def test_en_rad_aldre_an_lagringstiden_kan_tas_bort(self, forbund):
        rad = _gammal(forbund)
        _sql("DELETE FROM deltagare_atkomstlogg WHERE id = %s", [rad.pk])
        assert not Atkomstlogg.objects.filter(pk=rad.pk).exists()

    def test_en_blandad_borttagning_vagras_helt(self, forbund):
        gammal, ung = _gammal(forbund), _rad(forbund)
        with pytest.raises(IntegrityError, match=BORTTAGNING), transaction.atomic():
            Atkomstlogg.objects.filter(pk__in=[gammal.pk, ung.pk]).delete()
        assert Atkomstlogg.objects.filter(pk__in=[gammal.pk, ung.pk]).count() == 2


@pytest.mark.django_db(transaction=True)
def test_testsvitens_flush_tommer_loggen_och_triggrarna_finns_kvar():
    """PostgreSQL: TRUNCATE fires no row trigger. SQLite: tests/conftest.py lifts them."""
    forbund = ForbundFactory()
    _rad(forbund)
    call_command("flush", interactive=False, verbosity=0)
    assert Atkomstlogg.objects.count() == 0
    forbund = ForbundFactory()
    rad = _rad(forbund)
    with pytest.raises(IntegrityError, match=BORTTAGNING), transaction.atomic():
        Atkomstlogg.objects.filter(pk=rad.pk).delete()
    with pytest.raises(IntegrityError, match=ANDRING), transaction.atomic():
        Atkomstlogg.objects.filter(pk=rad.pk).update(vag="/")


@pytest.mark.django_db
class TestGallring:
    def test_tar_bort_bara_rader_aldre_an_lagringstiden(self, forbund, caplog):
        gammal, nastan, ny = _gammal(forbund), _nastan_gammal(forbund), _rad(forbund)
        with caplog.at_level(logging.INFO, logger="deltagare.logg.gallring"):
            assert atkomstlogg_gallra() == 1
        assert "Åtkomstloggen gallrad: 1 rader" in caplog.text
        kvar = set(Atkomstlogg.objects.values_list("pk", flat=True))
        assert gammal.pk not in kvar
        assert {nastan.pk, ny.pk} <= kvar

    def test_en_andra_korning_tar_inte_bort_nagot(self, forbund):
        for _ in range(3):
            _gammal(forbund)
        assert atkomstlogg_gallra(batch=2) == 3
        assert atkomstlogg_gallra() == 0

    def test_stickprov_av_en_gallrad_rad_gar_med(self, forbund, chef):
        rad = _gammal(forbund)
        manad = timezone.localtime(rad.tidpunkt).date().replace(day=1)
        granskning = logggranskning_hamta(user=chef, forbund=forbund, manad=manad)
        assert Stickprov.objects.filter(granskning=granskning, handelse=rad).exists()
        assert atkomstlogg_gallra() == 1
        assert not Stickprov.objects.filter(granskning=granskning).exists()
        # The review itself stays: that the month was reviewed is still true.
        assert Logggranskning.objects.filter(pk=granskning.pk).exists()

    def test_kommandot_skriver_antalet(self, forbund):
        _gammal(forbund)
        _rad(forbund)
        ut = io.StringIO()
        call_command("gallra_atkomstlogg", stdout=ut)
        assert ut.getvalue().strip() == "Gallrade rader i åtkomstloggen: 1 (äldre än 5 år)."
        ut = io.StringIO()
        call_command("gallra_atkomstlogg", stdout=ut)
        assert "Gallrade rader i åtkomstloggen: 0" in ut.getvalue()

    def test_uppgiften_kors_varje_ar(self, forbund):
        schema = settings.CELERY_BEAT_SCHEDULE["atkomstlogg-gallra"]
        assert schema["task"] == atkomstlogg_gallra_task.name
        kron = schema["schedule"]
        assert (kron.month_of_year, kron.day_of_month, kron.hour, kron.minute) == (
            {1},
            {1},
            {3},
            {0},
        )
        _gammal(forbund)
        assert atkomstlogg_gallra_task.delay().get() == 1


def test_gallringsgransen():
    utc = datetime.UTC
    assert gallringsgrans(datetime.datetime(2031, 1, 1, 3, 0, tzinfo=utc)) == datetime.datetime(
        2026, 1, 1, tzinfo=utc
    )
    # 29 February back to the 28th: before both databases' own limit.
    assert gallringsgrans(datetime.datetime(2028, 2, 29, 15, tzinfo=utc)) == datetime.datetime(
        2023, 2, 28, tzinfo=utc
    )


@pytest.mark.django_db
class TestAnvandareTasInteBort:
    def test_en_anvandare_med_loggrader_kan_inte_tas_bort(self, forbund):
        samordnare = anvandare_med_roll(Roll.SAMORDNARE, forbund)
        _rad(forbund, user=samordnare)
        with pytest.raises(ProtectedError):
            samordnare.delete()
        assert Atkomstlogg.objects.filter(user=samordnare).count() == 1

    def test_admin_erbjuder_ingen_borttagning(self, client):
        admin = UserFactory(username="admin", is_staff=True, is_superuser=True)
        anvandare = UserFactory(username="avgar")
        client.force_login(admin)
        assert client.get(f"/admin/auth/user/{anvandare.pk}/delete/").status_code == 403
        svar = client.post(
            "/admin/auth/user/",
            {"action": "delete_selected", "_selected_action": [anvandare.pk], "post": "yes"},
        )
        assert svar.status_code in (200, 302)
        assert get_user_model().objects.filter(pk=anvandare.pk).exists()
        sida = client.get(f"/admin/auth/user/{anvandare.pk}/change/").content.decode()
        assert "deletelink" not in sida
        assert 'name="is_active"' in sida  # deactivation is the way
