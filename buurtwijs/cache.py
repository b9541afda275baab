"""Redis as the shared cache, and a Redis outage that slows nothing down: it only empties the cache.

Sessions (cached_db), Wagtail's renditions and the default cache (rate limits) live in Redis when REDIS_URL
is set. When Redis cannot be reached, each cache operation gives up after a fraction of a second, is logged
and counts as a miss; after a failure the worker leaves Redis alone for RETRY_AFTER seconds, so a request
does not wait for a timeout on every cache call. Sessions then come from the database.
"""

import logging
import time

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache
from redis import exceptions

logger = logging.getLogger(__name__)

UNREACHABLE = (exceptions.ConnectionError, exceptions.TimeoutError)
# Seconds a worker process skips Redis after a connection error or timeout.
RETRY_AFTER = 10


def redis_caches(url):
    """The CACHES setting for a Redis server at ``url``: one server, a key prefix for each use."""
    options = {
        "OPTIONS": {"socket_connect_timeout": 0.3, "socket_timeout": 0.5},
        "LOCATION": url,
        "BACKEND": "buurtwijs.cache.ResilientRedisCache",
    }
    return {
        "default": {**options, "KEY_PREFIX": "buurtwijs"},
        # Wagtail looks renditions up here before asking the database; they only change when an image does.
        "renditions": {**options, "KEY_PREFIX": "renditions", "TIMEOUT": 24 * 60 * 60},
        "pages": {**options, "KEY_PREFIX": "pages"},
    }


class ResilientRedisCache(RedisCache):
    """Django's RedisCache, answering as an empty cache while Redis is unreachable."""

    def __init__(self, server, params):
        super().__init__(server, params)
        self._unreachable_until = 0.0

    def _attempt(self, operation, fallback, *args, **kwargs):
        if time.monotonic() < self._unreachable_until:
            return fallback
        try:
            return getattr(super(), operation)(*args, **kwargs)
        except UNREACHABLE as error:
            self._unreachable_until = time.monotonic() + RETRY_AFTER
            logger.warning("Redis unreachable, cache %s skipped for %d s: %s", operation, RETRY_AFTER, error)
            return fallback

    def get(self, key, default=None, version=None):
        return self._attempt("get", default, key, default, version)

    def get_many(self, keys, version=None):
        return self._attempt("get_many", {}, keys, version)

    def has_key(self, key, version=None):
        return self._attempt("has_key", False, key, version)

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._attempt("add", False, key, value, timeout, version)

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        self._attempt("set", None, key, value, timeout, version)

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        return self._attempt("set_many", list(data), data, timeout, version)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return self._attempt("touch", False, key, timeout, version)

    def delete(self, key, version=None):
        return self._attempt("delete", False, key, version)

    def delete_many(self, keys, version=None):
        self._attempt("delete_many", None, keys, version)

    def clear(self):
        self._attempt("clear", None)

    def incr(self, key, delta=1, version=None):
        value = self._attempt("incr", None, key, delta, version)
        if value is None:
            # What a missing key does: callers that count (rate limits) start again with add().
            raise ValueError(f"Key '{key}' not found (Redis unreachable)")
        return value
