"""Emptying the site's caches without touching anyone else's keys."""

import re

from django.core.cache import caches
from django.core.cache.backends.redis import RedisCache


def clear_site_caches():
    """Empty every configured cache of the site's own entries.

    Django's Redis backend clears with FLUSHDB, which empties the whole Redis database,
    other applications' keys included, so a shared Redis would lose them on every
    restore. There, only the keys under each cache's own prefix are deleted."""
    for alias in caches:
        cache = caches[alias]
        if isinstance(cache, RedisCache) and cache.key_prefix:
            client = cache._cache.get_client(write=True)
            prefix = re.sub(r"([*?\[\]\\])", r"\\\1", cache.key_prefix)  # as a glob
            keys = list(client.scan_iter(match=f"{prefix}:*", count=1000))
            for start in range(0, len(keys), 1000):
                client.delete(*keys[start : start + 1000])
        else:
            cache.clear()
