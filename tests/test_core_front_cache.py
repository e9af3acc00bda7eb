"""What the front cache (CDN or reverse proxy) is sent (core/invalidation.py): each
changed URL at the address of every site, a full URL as it is, and the same URLs once
more a moment later, for a page rendered from the old version just before the commit."""

import threading
import time

import pytest

from site_project.core import invalidation

pytestmark = pytest.mark.django_db


def test_paths_are_purged_at_the_sites_address_and_full_urls_as_they_are(site, front_cache, commit):
    commit(invalidation.invalidate, ["/essays/", "https://files.example.org/report.pdf"])
    assert sorted(front_cache.requests) == [
        ("files.example.org", "/report.pdf"),
        ("localhost", "/essays/"),
    ]


def test_the_same_urls_are_purged_again_shortly_after(site, front_cache, commit, settings):
    settings.FRONTEND_CACHE_REPURGE_SECONDS = 0.2
    commit(invalidation.invalidate, ["/essays/", "/"])
    assert sorted(front_cache.requests) == [("localhost", "/"), ("localhost", "/essays/")]
    # The second purge waits in the background; it never holds up a worker's exit.
    timers = [t for t in threading.enumerate() if isinstance(t, threading.Timer)]
    assert timers
    assert all(timer.daemon for timer in timers)
    deadline = time.monotonic() + 5
    while len(front_cache.requests) < 4 and time.monotonic() < deadline:
        time.sleep(0.05)
    assert (
        sorted(front_cache.requests) == [("localhost", "/")] * 2 + [("localhost", "/essays/")] * 2
    )
