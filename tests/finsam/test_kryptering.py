"""Fernet tokens under FINSAM_FIELD_KEY, and rotation to a new key."""

import pytest
from cryptography.fernet import Fernet
from django.test import override_settings

from finsam.kryptering import Dekrypteringsfel, dekryptera, kryptera, kryptera_om

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
