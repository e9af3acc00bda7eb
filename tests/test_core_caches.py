"""Emptying the site's caches (core/caches.py, as a restore does) on a Redis server
shared with other applications: the site's own keys go, everyone else's stay.

These run a real, throwaway redis-server on a free port."""

import shutil
import socket
import subprocess
import time

import pytest
import redis
from django.core.cache import caches

from site_project.core.caches import clear_site_caches

pytestmark = pytest.mark.skipif(not shutil.which("redis-server"), reason="no redis-server")


@pytest.fixture
def redis_url(tmp_path):
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = subprocess.Popen(
        ["redis-server", "--port", str(port), "--bind", "127.0.0.1", "--save", ""]
        + ["--appendonly", "no", "--dir", str(tmp_path)],
        stdout=subprocess.DEVNULL,
    )
    client = redis.Redis(port=port)
    deadline = time.monotonic() + 10
    while True:
        try:
            client.ping()
            break
        except redis.ConnectionError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.05)
    yield f"redis://127.0.0.1:{port}/0"
    client.close()
    server.terminate()
    server.wait(timeout=10)


def redis_caches(settings, url, **prefixes):
    settings.CACHES = {
        alias: {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": url,
            "KEY_PREFIX": prefix,
        }
        for alias, prefix in prefixes.items()
    }
    return redis.Redis.from_url(url)


def test_only_the_sites_own_keys_are_deleted_from_a_shared_redis(settings, redis_url):
    """Even a prefix with glob characters in it, and more keys than one batch holds."""
    shared = redis_caches(settings, redis_url, default="site[1]", pages="pages")
    caches["default"].set_many({f"key-{n}": n for n in range(2500)})
    caches["pages"].set("/essays/", "page")
    shared.set("site1:1:other-app", "keep")  # what the glob site[1]:* would match
    shared.set("session:abc", "keep")
    assert shared.dbsize() == 2503

    clear_site_caches()

    assert sorted(shared.keys()) == [b"session:abc", b"site1:1:other-app"]


def test_a_redis_cache_without_a_prefix_of_its_own_is_flushed_whole(settings, redis_url):
    """Nothing tells its keys from anyone else's, so Django's own clear (FLUSHDB) runs."""
    shared = redis_caches(settings, redis_url, default="", pages="pages")
    caches["default"].set("menu", "cached")
    shared.set("session:abc", "gone too")
    clear_site_caches()
    assert shared.dbsize() == 0
