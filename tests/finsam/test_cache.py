"""Redis away: the cache reads as empty and drops writes, and nothing using it answers 500.

The cache is pointed at a port where no Redis listens, for real: the
connection is refused as when Redis restarts (issue 15: "2 answers of 500
with Redis down").
"""

import logging

import pytest
from rest_framework.test import APIRequestFactory
from rest_framework.throttling import UserRateThrottle

from finsam.cache import TaligRedisCache
from tests.hjalp.redis import INGEN_REDIS


@pytest.fixture
def borta(caplog):
    caplog.set_level(logging.WARNING, logger="finsam.cache")
    return TaligRedisCache(INGEN_REDIS, {"OPTIONS": {"socket_connect_timeout": 1}})


def test_lasning_ar_en_miss(borta):
    assert borta.get("nyckel") is None
    assert borta.get("nyckel", "standard") == "standard"
    assert borta.get_many(["a", "b"]) == {}
    assert borta.has_key("nyckel") is False
    assert borta.get_or_set("nyckel", 3) == 3


def test_skrivning_slapps(borta, caplog):
    borta.set("nyckel", 1, timeout=10)
    assert borta.add("nyckel", 1) is False
    assert borta.set_many({"a": 1, "b": 2}) == ["a", "b"]
    assert borta.touch("nyckel") is False
    assert borta.delete("nyckel") is False
    borta.delete_many(["a", "b"])
    assert "Cachen (Redis) svarar inte" in caplog.text


def test_strypning_slapper_igenom_nar_redis_ar_borta(borta):
    # DRF's throttling keeps each caller's request history in the cache.
    class Strypning(UserRateThrottle):
        cache = borta
        rate = "1/min"

    begaran = APIRequestFactory().get("/api/v1/insatser/")
    begaran.user = type("Anvandare", (), {"is_authenticated": True, "pk": 1})()
    # Twice in a minute at one a minute: let through, for nothing was counted.
    assert Strypning().allow_request(begaran, None)
    assert Strypning().allow_request(begaran, None)


def test_installningen_anvander_den_taliga_cachen(settings):
    # With REDIS_URL (as in production and .ci/run) the cache is the tolerant one.
    from finsam import settings as finsam_settings

    if finsam_settings.REDIS_URL:
        assert settings.CACHES["default"]["BACKEND"] == "finsam.cache.TaligRedisCache"
    else:
        assert "LocMemCache" in settings.CACHES["default"]["BACKEND"]
