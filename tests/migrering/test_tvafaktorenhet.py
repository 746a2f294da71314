"""Migration finsam 0007: django-otp's clear TOTP devices become encrypted Tvafaktorenhet.

Runs the migration itself (django's MigrationExecutor) on the test database:
back to 0006, a device written as django-otp wrote it, forward again. Not
marked `migrering`: it needs no other commit and takes a second.
"""

import datetime
from binascii import unhexlify

import django_otp
import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

from finsam.kryptering import dekryptera
from finsam.models import Tvafaktorenhet
from tests.factories import UserFactory
from tests.finsam.konto.hjalp import kod

pytestmark = pytest.mark.django_db(transaction=True)

FORE = [("finsam", "0006_uppdrag")]
EFTER = [("finsam", "0007_tvafaktorenhet")]
HEMLIGHET = "3132333435363738393031323334353637383930"  # RFC 6238's test seed


def _migrera(mal) -> MigrationExecutor:
    executor = MigrationExecutor(connection)
    executor.migrate(mal)
    return executor


@pytest.fixture
def gammal_enhet():
    """A confirmed device in django-otp's table, written before 0007."""
    user = UserFactory(username="chef")
    executor = _migrera(FORE)
    try:
        gamla = executor.loader.project_state([*FORE, ("otp_totp", "0003_add_timestamps")]).apps
        TOTPDevice = gamla.get_model("otp_totp", "TOTPDevice")
        enhet = TOTPDevice.objects.create(
            user_id=user.pk,
            name="Telefon",
            confirmed=True,
            key=HEMLIGHET,
            drift=1,
            last_t=5,
            throttling_failure_count=2,
            throttling_failure_timestamp=timezone.now() - datetime.timedelta(hours=1),
        )
        skapad = timezone.now() - datetime.timedelta(days=30)
        TOTPDevice.objects.filter(pk=enhet.pk).update(created_at=skapad)
        yield user, skapad
    finally:
        # The rest of the suite expects the newest schema.
        _migrera(executor.loader.graph.leaf_nodes())


def _gamla_rader() -> list:
    with connection.cursor() as cursor:
        cursor.execute("SELECT key FROM otp_totp_totpdevice")
        return cursor.fetchall()


def test_befintlig_enhet_krypteras_och_fungerar_efter_migreringen(gammal_enhet):
    user, skapad = gammal_enhet
    _migrera(EFTER)

    assert _gamla_rader() == []
    enhet = Tvafaktorenhet.objects.get(user=user)
    assert (enhet.name, enhet.confirmed, enhet.drift, enhet.last_t) == ("Telefon", True, 1, 5)
    assert (enhet.step, enhet.t0, enhet.digits, enhet.tolerance) == (30, 0, 6, 1)
    assert enhet.throttling_failure_count == 2
    assert enhet.created_at == skapad
    assert HEMLIGHET not in enhet.hemlighet_krypterad
    assert dekryptera(enhet.hemlighet_krypterad) == HEMLIGHET
    assert enhet.bin_key == unhexlify(HEMLIGHET)
    # The user's app goes on working: its current code is accepted.
    assert django_otp.verify_token(user, enhet.persistent_id, kod(enhet)) == enhet


@pytest.mark.usefixtures("gammal_enhet")
def test_migreringen_gar_att_backa():
    _migrera(EFTER)
    _migrera(FORE)
    assert _gamla_rader() == [(HEMLIGHET,)]
