"""The real services: with DATABASE_URL and REDIS_URL set (as `.ci/run` does),
the suite runs on PostgreSQL and these tests reach Redis as cache and broker.
Without them, the embedded default (SQLite, eager Celery) is checked instead.
"""

import os

import pytest
from django.conf import settings
from django.core.cache import cache
from django.db import connection

from finsam.celery import app as celery_app

med_redis = pytest.mark.skipif(not os.environ.get("REDIS_URL"), reason="REDIS_URL är inte satt")
med_postgresql = pytest.mark.skipif(
    not os.environ.get("DATABASE_URL", "").startswith("postgres"),
    reason="DATABASE_URL pekar inte på PostgreSQL",
)


@med_postgresql
def test_databasen_ar_postgresql(db):
    assert connection.vendor == "postgresql"


@med_redis
def test_cache_gar_via_redis():
    assert "RedisCache" in settings.CACHES["default"]["BACKEND"]
    cache.set("finsam-test", {"antal": 3}, timeout=10)
    assert cache.get("finsam-test") == {"antal": 3}
    cache.delete("finsam-test")


@med_redis
def test_celery_anvander_redis_som_broker():
    # The configuration the worker and the web start with; tests themselves run
    # tasks in-process (tests/conftest.py).
    assert not settings.CELERY_TASK_ALWAYS_EAGER
    with celery_app.connection_for_write() as anslutning:
        anslutning.ensure_connection(max_retries=1)
        assert anslutning.transport_cls == "redis"


@pytest.mark.skipif(bool(os.environ.get("REDIS_URL")), reason="REDIS_URL är satt")
def test_utan_redis_kor_celery_uppgifter_i_processen():
    assert celery_app.conf.task_always_eager
    assert celery_app.conf.broker_url == "memory://"
