"""The TOTP seed at rest: encrypted in the database, throttled, and rotated with the field key."""

import datetime
import re
from base64 import b32encode
from binascii import hexlify
from io import StringIO

import django_otp
import pytest
from cryptography.fernet import Fernet
from django.conf import settings
from django.core.management import call_command
from django.db import connection
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

from finsam.models import Tvafaktorenhet
from tests.factories import UserFactory
from tests.finsam.konto.hjalp import fel_kod, kod, logga_in, verifiera_session
from tests.hjalp.kryptering import oppnas_av

pytestmark = pytest.mark.django_db

AKTIVERA = reverse("tvafaktor_aktivera")
VERIFIERA = reverse("tvafaktor_verifiera")
NYCKEL_A = Fernet.generate_key().decode()
NYCKEL_B = Fernet.generate_key().decode()
HEX_40 = re.compile(r"[0-9a-fA-F]{40}")


def _ratt_token(enhet: Tvafaktorenhet) -> str:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT hemlighet_krypterad FROM finsam_tvafaktorenhet WHERE id = %s", [enhet.pk]
        )
        return cursor.fetchone()[0]


def _alla_varden() -> list[str]:
    """Every column of every row of every table, as the database returns it."""
    varden = []
    with connection.cursor() as cursor:
        for tabell in connection.introspection.table_names():
            cursor.execute(f"SELECT * FROM {connection.ops.quote_name(tabell)}")  # noqa: S608
            varden += [str(v) for rad in cursor.fetchall() for v in rad]
    return varden


def test_databasen_har_hemligheten_bara_krypterad(client, samordnare):
    client.force_login(samordnare)
    html = client.get(AKTIVERA).content.decode()
    enhet = Tvafaktorenhet.objects.get(user=samordnare)
    hemlighet_hex = hexlify(enhet.bin_key).decode()
    hemlighet_b32 = b32encode(enhet.bin_key).decode()
    assert len(enhet.bin_key) == 20
    # The page still shows the secret to type in (grouped by four).
    assert hemlighet_b32[:4] in html

    token = _ratt_token(enhet)
    assert not HEX_40.search(token)
    # A Fernet token of the configured key, of the seed in hex.
    assert Fernet(settings.FINSAM_FIELD_KEYS[0]).decrypt(token.encode()).decode() == hemlighet_hex
    # Nowhere in the database in clear, in either spelling.
    assert not [v for v in _alla_varden() if hemlighet_hex in v.lower() or hemlighet_b32 in v]


def test_qr_koden_foljer_key_uri_format(samordnare):
    enhet = Tvafaktorenhet.objects.create(user=samordnare, name="Telefon")
    # What django-otp's TOTPDevice gives for the same seed, so apps read it alike.
    assert enhet.config_url == (
        f"otpauth://totp/Finsam%3Asamordnare?secret={b32encode(enhet.bin_key).decode()}"
        "&algorithm=SHA1&digits=6&period=30&issuer=Finsam"
    )


def test_django_otp_ser_och_godkanner_enheten(samordnare, chef, enhet_for):
    enhet = enhet_for(samordnare)
    assert list(django_otp.devices_for_user(samordnare)) == [enhet]
    assert enhet.persistent_id == f"finsam.tvafaktorenhet/{enhet.pk}"
    assert django_otp.verify_token(samordnare, enhet.persistent_id, kod(enhet)) == enhet
    enhet.refresh_from_db()
    assert enhet.last_used_at is not None
    # Not twice, and not for someone else.
    assert django_otp.verify_token(samordnare, enhet.persistent_id, kod(enhet)) is None
    assert django_otp.verify_token(chef, enhet.persistent_id, kod(enhet, 1)) is None


def test_fel_kod_avvisas_och_bromsar(client, samordnare, enhet_for):
    enhet = enhet_for(samordnare)
    client.force_login(samordnare)
    svar = client.post(VERIFIERA, {"kod": fel_kod(enhet)})
    assert "Koden stämmer inte." in svar.content.decode()
    enhet.refresh_from_db()
    assert enhet.throttling_failure_count == 1
    # Right away even the right code waits: guessing slows down.
    html = client.post(VERIFIERA, {"kod": kod(enhet)}).content.decode()
    assert "För många felaktiga försök." in html
    assert client.get(reverse("mina_insatser")).status_code == 302

    # Once the wait (one second after one failure) is over, the code is taken.
    Tvafaktorenhet.objects.filter(pk=enhet.pk).update(
        throttling_failure_timestamp=timezone.now() - datetime.timedelta(seconds=2)
    )
    svar = client.post(VERIFIERA, {"kod": kod(enhet), "next": "/"})
    assert svar.url == "/"
    enhet.refresh_from_db()
    assert enhet.throttling_failure_count == 0


def _rotera() -> list[str]:
    ut = StringIO()
    call_command("rotera_personnummer", stdout=ut)
    return ut.getvalue().strip().splitlines()


def test_rotation_krypterar_om_hemligheten(client, samordnare):
    with override_settings(FINSAM_FIELD_KEYS=[NYCKEL_A]):
        enhet = Tvafaktorenhet.objects.create(user=samordnare, name="Telefon", confirmed=True)
        fore = enhet.bin_key
    assert oppnas_av(NYCKEL_A, _ratt_token(enhet))

    with override_settings(FINSAM_FIELD_KEYS=[NYCKEL_B, NYCKEL_A]):
        assert _rotera() == [
            "Personnummer: omkrypterade 0, redan med den nyaste nyckeln 0.",
            "TOTP-hemligheter: omkrypterade 1, redan med den nyaste nyckeln 0.",
        ]
        token = _ratt_token(enhet)
        assert oppnas_av(NYCKEL_B, token)
        assert not oppnas_av(NYCKEL_A, token)
        # A second run rewrites nothing.
        assert _rotera()[1] == "TOTP-hemligheter: omkrypterade 0, redan med den nyaste nyckeln 1."
        assert _ratt_token(enhet) == token

    # With the old key gone, the same seed still signs the user in.
    with override_settings(FINSAM_FIELD_KEYS=[NYCKEL_B]):
        enhet.refresh_from_db()
        assert enhet.bin_key == fore
        svar = logga_in(client, "samordnare", follow=True)
        assert svar.redirect_chain[-1] == (f"{VERIFIERA}?next=%2F", 302)
        svar = client.post(VERIFIERA, {"kod": kod(enhet), "next": "/"}, follow=True)
        assert svar.redirect_chain[-1] == (reverse("mina_insatser"), 302)


def test_admin_ser_enheten_utan_hemlighet_och_kan_ta_bort_den(client, samordnare, enhet_for):
    enhet = enhet_for(samordnare)
    admin_user = UserFactory(username="admin", is_superuser=True, is_staff=True)
    client.force_login(admin_user)
    verifiera_session(client, enhet_for(admin_user))
    lista = client.get(reverse("admin:finsam_tvafaktorenhet_changelist"))
    assert lista.status_code == 200
    sida = client.get(reverse("admin:finsam_tvafaktorenhet_change", args=[enhet.pk]))
    assert enhet.hemlighet_krypterad not in sida.content.decode()
    assert b32encode(enhet.bin_key).decode() not in sida.content.decode()
    # A lost phone: the administrator removes the device, the user sets up anew.
    client.post(reverse("admin:finsam_tvafaktorenhet_delete", args=[enhet.pk]), {"post": "yes"})
    assert not Tvafaktorenhet.objects.filter(pk=enhet.pk).exists()
    # django-otp's admin for clear seeds is not offered.
    assert client.get("/admin/otp_totp/totpdevice/").status_code == 404
