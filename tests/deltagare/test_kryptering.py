import hashlib
import hmac

import pytest
from cryptography.fernet import Fernet
from django.core.exceptions import ValidationError
from django.test import override_settings

from deltagare.kryptering import (
    Dekrypteringsfel,
    dekryptera,
    kryptera,
    kryptera_om,
    uppslagshash,
)

NYCKEL_A = Fernet.generate_key().decode()
NYCKEL_B = Fernet.generate_key().decode()


def test_kryptering_fram_och_tillbaka():
    token = kryptera("198112189876")
    assert "198112189876" not in token
    assert dekryptera(token) == "198112189876"


def test_rotation_gamla_token_kan_lasas_och_ny_nyckel_krypterar():
    with override_settings(FINSAM_FIELD_KEYS=[NYCKEL_A]):
        gammal = kryptera("198112189876")
    with override_settings(FINSAM_FIELD_KEYS=[NYCKEL_B, NYCKEL_A]):
        assert dekryptera(gammal) == "198112189876"
        ny = kryptera("198112189876")
        omkrypterad = kryptera_om(gammal)
    # Both the new token and the re-encrypted old one need only key B.
    with override_settings(FINSAM_FIELD_KEYS=[NYCKEL_B]):
        assert dekryptera(ny) == "198112189876"
        assert dekryptera(omkrypterad) == "198112189876"
        with pytest.raises(Dekrypteringsfel):
            dekryptera(gammal)


def test_okand_nyckel_ger_svenskt_fel():
    with override_settings(FINSAM_FIELD_KEYS=[NYCKEL_A]):
        token = kryptera("198112189876")
    with override_settings(FINSAM_FIELD_KEYS=[NYCKEL_B]):
        with pytest.raises(Dekrypteringsfel, match="kan inte dekrypteras"):
            dekryptera(token)
        with pytest.raises(Dekrypteringsfel):
            dekryptera("inte-en-token")


def test_uppslagshash_ar_deterministisk_och_oberoende_av_skrivsatt():
    hash_ = uppslagshash("198112189876")
    assert len(hash_) == 64
    assert set(hash_) <= set("0123456789abcdef")
    assert uppslagshash("811218-9876") == hash_
    assert uppslagshash("19811218-9876") == hash_
    assert uppslagshash("191212121212") != hash_


def test_uppslagshash_beror_pa_nyckeln():
    with override_settings(FINSAM_HMAC_KEY="nyckel-ett"):
        ett = uppslagshash("811218-9876")
    # HMAC-SHA256 over the twelve-digit form, whatever form was given.
    assert ett == hmac.new(b"nyckel-ett", b"198112189876", hashlib.sha256).hexdigest()
    with override_settings(FINSAM_HMAC_KEY="nyckel-tva"):
        tva = uppslagshash("198112189876")
    assert ett != tva


def test_uppslagshash_vagrar_ogiltigt_nummer():
    with pytest.raises(ValidationError, match="Kontrollsiffran"):
        uppslagshash("198112189875")
