"""The Redis cache, fail-safe: when Redis cannot be reached, reads miss and writes are dropped
(logged), so pages, sign-in and rate-limited forms keep answering through a cache outage —
slower, and without rate limits, until Redis is back."""

import logging

from django.core.cache.backends.redis import RedisCache

from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger(__name__)
OUTAGE = (RedisConnectionError, RedisTimeoutError, ConnectionError, TimeoutError)


def _guarded(name: str, fallback):
    method = getattr(RedisCache, name)

    def call(self, *args, **kwargs):
        try:
            return method(self, *args, **kwargs)
        except OUTAGE:
            logger.warning("Cache unreachable: %s skipped", name)
            return fallback(*args, **kwargs) if callable(fallback) else fallback

    call.__name__ = name
    return call


def _default(key, default=None, *args, **kwargs):
    return default


def _incr_miss(key, delta=1, *args, **kwargs):
    raise ValueError(f"Key '{key}' not found (cache unreachable)")


class FailSafeRedisCache(RedisCache):
    get = _guarded("get", _default)
    get_many = _guarded("get_many", lambda *args, **kwargs: {})
    set = _guarded("set", None)
    set_many = _guarded("set_many", lambda *args, **kwargs: [])
    add = _guarded("add", False)
    touch = _guarded("touch", False)
    delete = _guarded("delete", False)
    delete_many = _guarded("delete_many", None)
    incr = _guarded("incr", _incr_miss)
    has_key = _guarded("has_key", False)
    clear = _guarded("clear", None)
