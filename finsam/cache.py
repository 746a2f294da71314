"""The Redis cache, which becomes no cache while Redis is away instead of a 500.

Nothing an answer needs lives only in the cache: it holds counts and
copies (the request history of API throttling, for one). With Redis down
or restarting, a read is a miss and a write is dropped, with a warning in
the log, so requests go on being answered; throttling lets requests
through until Redis is back, the lesser harm than refusing every one.
"""

import logging

from django.core.cache.backends.redis import RedisCache
from redis import exceptions as redisfel

log = logging.getLogger(__name__)
_NERE = (redisfel.ConnectionError, redisfel.TimeoutError)


def _varna(fel: Exception) -> None:
    log.warning("Cachen (Redis) svarar inte; svarar utan den: %s", fel)


class TaligRedisCache(RedisCache):
    """Django's RedisCache; a Redis that does not answer reads as empty and drops writes."""

    def get(self, key, default=None, version=None):
        try:
            return super().get(key, default, version)
        except _NERE as fel:
            _varna(fel)
            return default

    def get_many(self, keys, version=None):
        try:
            return super().get_many(keys, version)
        except _NERE as fel:
            _varna(fel)
            return {}

    def has_key(self, key, version=None):
        try:
            return super().has_key(key, version)
        except _NERE as fel:
            _varna(fel)
            return False

    def add(self, key, value, timeout=None, version=None):
        try:
            return super().add(key, value, timeout, version)
        except _NERE as fel:
            _varna(fel)
            return False

    def set(self, key, value, timeout=None, version=None):
        try:
            super().set(key, value, timeout, version)
        except _NERE as fel:
            _varna(fel)

    def set_many(self, data, timeout=None, version=None):
        try:
            return super().set_many(data, timeout, version)
        except _NERE as fel:
            _varna(fel)
            return list(data)

    def touch(self, key, timeout=None, version=None):
        try:
            return super().touch(key, timeout, version)
        except _NERE as fel:
            _varna(fel)
            return False

    def delete(self, key, version=None):
        try:
            return super().delete(key, version)
        except _NERE as fel:
            _varna(fel)
            return False

    def delete_many(self, keys, version=None):
        try:
            super().delete_many(keys, version)
        except _NERE as fel:
            _varna(fel)
