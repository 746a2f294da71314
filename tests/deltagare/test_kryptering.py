"""The personnummer's keyed look-up hash (the token itself: tests/finsam/test_kryptering.py)."""

import hashlib
import hmac

import pytest
from django.core.exceptions import ValidationError
from django.test import override_settings

from deltagare.kryptering import uppslagshash


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
