"""Personnummer at rest: what a stolen database file would show, and key rotation."""

import hashlib
import hmac
from io import StringIO

import pytest
from cryptography.fernet import Fernet
from django.conf import settings
from django.core.management import CommandError, call_command
from django.db import connection
from django.test import override_settings

from deltagare.models import Atkomstlogg, Deltagare
from deltagare.selectors import deltagare_hamta, deltagare_sok
from deltagare.services import deltagare_registrera, deltagare_registrera_i_insats
from finsam.atkomst import SYSTEM
from finsam.kodlistor import Kon
from finsam.kryptering import dekryptera
from tests.hjalp.kryptering import oppnas_av
from tests.integritet.hjalp import PNR, PNR_FORMER, D, i_begaran

NYCKEL_A = Fernet.generate_key().decode()
NYCKEL_B = Fernet.generate_key().decode()
NYCKEL_C = Fernet.generate_key().decode()

# Two more valid numbers (Skatteverket's examples, one a samordningsnummer).
ANDRA_PNR = {"850312-2429": "198503122429", "701063-2391": "197010632391"}


def _alla_varden(tabell: str) -> list[str]:
    """Every column of every row, as the database returns it, as text."""
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT * FROM {connection.ops.quote_name(tabell)}")  # noqa: S608
        return [str(varde) for rad in cursor.fetchall() for varde in rad]


def _ratt_tokens() -> dict[int, str]:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT id, personnummer_krypterat FROM deltagare_deltagare "
            "WHERE personnummer_krypterat <> '' ORDER BY id"
        )
        return dict(cursor.fetchall())


def test_ratt_sql_visar_inget_personnummer(insats, samordnare, identifierad):
    deltagare = identifierad.deltagare
    # Reads and a search, so the access log has rows of each kind as well.
    i_begaran(lambda: deltagare_hamta(user=samordnare, pk=deltagare.pk))
    i_begaran(lambda: deltagare_sok(user=samordnare, personnummer=PNR))
    assert Atkomstlogg.objects.count() == 4

    for modell in (Deltagare, Atkomstlogg):
        varden = _alla_varden(modell._meta.db_table)
        assert varden
        for form in PNR_FORMER:
            assert not [v for v in varden if form in v], (modell, form)

    # Nor in any other table of the database.
    for tabell in connection.introspection.table_names():
        for varde in _alla_varden(tabell):
            assert not any(form in varde for form in PNR_FORMER), tabell


def test_lagrad_hash_ar_hmac_med_den_konfigurerade_nyckeln(identifierad):
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT personnummer_hash, personnummer_krypterat FROM deltagare_deltagare "
            "WHERE id = %s",
            [identifierad.deltagare_id],
        )
        lagrad_hash, token = cursor.fetchone()
    assert (
        lagrad_hash
        == hmac.new(
            settings.FINSAM_HMAC_KEY.encode(), PNR_FORMER[0].encode(), hashlib.sha256
        ).hexdigest()
    )
    # The token is a Fernet token of the configured key, of the twelve-digit form.
    assert Fernet(settings.FINSAM_FIELD_KEYS[0]).decrypt(token.encode()) == b"198112189876"


def test_samma_nummer_ger_samma_hash_i_olika_skrivsatt_men_olika_token(forbund, annat_forbund):
    a = deltagare_registrera(
        forbund=forbund, personnummer=PNR, samtycke_datum=D(2025, 1, 1), user=SYSTEM
    )
    b = deltagare_registrera(
        forbund=annat_forbund,
        personnummer=PNR_FORMER[0],
        samtycke_datum=D(2025, 1, 1),
        user=SYSTEM,
    )
    assert a.personnummer_hash == b.personnummer_hash
    # Fernet tokens carry a random IV: equal numbers are not visibly equal.
    assert a.personnummer_krypterat != b.personnummer_krypterat


# --- key rotation ----------------------------------------------------------------


@pytest.fixture
def under_nyckel_a(forbund):
    """Two deltagare with personnummer and one without, written under key A only."""
    with override_settings(FINSAM_FIELD_KEYS=[NYCKEL_A]):
        med = [
            deltagare_registrera(
                forbund=forbund, personnummer=pnr, samtycke_datum=D(2025, 1, 1), user=SYSTEM
            )
            for pnr in ANDRA_PNR
        ]
    deltagare_registrera(
        forbund=forbund, referens="utan-id", kon=Kon.ANNAT, fodelsear=1999, user=SYSTEM
    )
    return med


def _omkryptera(*argument) -> str:
    ut = StringIO()
    call_command("rotera_personnummer", *argument, stdout=ut)
    return ut.getvalue().strip()


def _klartext(deltagare) -> str:
    token = deltagare.personnummer_krypterat
    return dekryptera(token) if token else ""


def test_rotation_hela_vagen(forbund, samordnare, insats, under_nyckel_a):
    hashar = {d.pk: d.personnummer_hash for d in Deltagare.objects.all()}

    with override_settings(FINSAM_FIELD_KEYS=[NYCKEL_B, NYCKEL_A]):
        # Old records stay readable with the new key in front.
        befintliga = Deltagare.objects.filter(pk__in=hashar).order_by("pk")
        assert [_klartext(d) for d in befintliga] == [*ANDRA_PNR.values(), ""]
        # New records use the new key only.
        ny = deltagare_registrera_i_insats(
            insats=insats,
            startdatum=D(2025, 3, 1),
            personnummer=PNR,
            samtycke_datum=D(2025, 3, 1),
            user=samordnare,
        ).deltagare
        assert oppnas_av(NYCKEL_B, ny.personnummer_krypterat)
        assert not oppnas_av(NYCKEL_A, ny.personnummer_krypterat)
        assert all(oppnas_av(NYCKEL_A, t) for pk, t in _ratt_tokens().items() if pk != ny.pk)

        # One at a time, to prove the batches join up.
        assert _omkryptera("--batch", "1") == (
            "Personnummer: omkrypterade 2, redan med den nyaste nyckeln 1.\n"
            "TOTP-hemligheter: omkrypterade 0, redan med den nyaste nyckeln 0."
        )
        efter_forsta = _ratt_tokens()
        assert all(oppnas_av(NYCKEL_B, t) for t in efter_forsta.values())
        assert not any(oppnas_av(NYCKEL_A, t) for t in efter_forsta.values())
        # The new token was not rewritten; a second run rewrites nothing.
        assert efter_forsta[ny.pk] == ny.personnummer_krypterat
        assert _omkryptera().startswith(
            "Personnummer: omkrypterade 0, redan med den nyaste nyckeln 3.\n"
        )
        assert _ratt_tokens() == efter_forsta

    with override_settings(FINSAM_FIELD_KEYS=[NYCKEL_B]):
        identifierade = Deltagare.objects.exclude(personnummer_krypterat="").order_by("pk")
        assert [_klartext(d) for d in identifierade] == [*ANDRA_PNR.values(), PNR_FORMER[0]]
        # The look-up hash does not depend on the field key: search still works.
        traff = i_begaran(lambda: deltagare_sok(user=samordnare, personnummer=PNR))[0]
        assert traff == [ny]
    assert {d.pk: d.personnummer_hash for d in Deltagare.objects.filter(pk__in=hashar)} == hashar


def test_rotation_stannar_vid_en_token_ingen_nyckel_oppnar(forbund, under_nyckel_a):
    forsta, andra = under_nyckel_a
    # A token from a key that was dropped too early.
    felaktig = Fernet(NYCKEL_C).encrypt(b"197010632391").decode()
    Deltagare.objects.filter(pk=andra.pk).update(personnummer_krypterat=felaktig)
    with (
        override_settings(FINSAM_FIELD_KEYS=[NYCKEL_B, NYCKEL_A]),
        pytest.raises(CommandError, match="ingen av nycklarna i FINSAM_FIELD_KEY passar"),
    ):
        _omkryptera("--batch", "1")
    tokens = _ratt_tokens()
    # The batch before the bad token is kept; the bad one is left as it was.
    assert oppnas_av(NYCKEL_B, tokens[forsta.pk])
    assert tokens[andra.pk] == felaktig


def test_rotation_vagrar_batch_noll(db):
    with pytest.raises(CommandError, match="--batch måste vara minst 1."):
        _omkryptera("--batch", "0")
