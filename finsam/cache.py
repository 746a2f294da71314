"""The Redis cache, which becomes no cache while Redis is away instead of a 500.

Nothing an answer needs lives only in the cache: it holds counts and
copies (the request history of API throttling, for one). With Redis down
or restarting, a read is a miss and a write is dropped, with a warning in
the log, so requests go on being answered; throttling lets requests
through until Redis is back, the lesser harm than refusing every one.
"""

import functools
import logging

from django.core.cache.backends.redis import RedisCache
from redis import exceptions as redisfel

log = logging.getLogger(__name__)
_NERE = (redisfel.ConnectionError, redisfel.TimeoutError)


def _utan_redis(svar):
    """RedisCache's method; with Redis away, a warning and `svar(...)` of the same arguments."""

    def omslut(metod):
        @functools.wraps(metod)
        def talig(self, *args, **kwargs):
            try:
                return metod(self, *args, **kwargs)
            except _NERE as fel:
                log.warning("Cachen (Redis) svarar inte; svarar utan den: %s", fel)
                return svar(*args, **kwargs)

        return talig

    return omslut


def _ingenting(*args, **kwargs) -> None:
    return None


def _nej(*args, **kwargs) -> bool:
    return False


class TaligRedisCache(RedisCache):
    """Django's RedisCache; a Redis that does not answer reads as empty and drops writes."""

    get = _utan_redis(lambda key, default=None, version=None: default)(RedisCache.get)
    get_many = _utan_redis(lambda keys, version=None: {})(RedisCache.get_many)
    has_key = _utan_redis(_nej)(RedisCache.has_key)
    add = _utan_redis(_nej)(RedisCache.add)
    set = _utan_redis(_ingenting)(RedisCache.set)
    # Like Django's, the keys that could not be written.
    set_many = _utan_redis(lambda data, timeout=None, version=None: list(data))(RedisCache.set_many)
    touch = _utan_redis(_nej)(RedisCache.touch)
    delete = _utan_redis(_nej)(RedisCache.delete)
    delete_many = _utan_redis(_ingenting)(RedisCache.delete_many)
