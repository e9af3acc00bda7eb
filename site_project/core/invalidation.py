"""Tell every cache that some URLs changed: the app's page cache and, when one is
configured, the front cache (CDN or reverse proxy) through wagtail.contrib.frontend_cache.

Changes are sent once their transaction commits, so no reader can fetch and re-cache
a half-saved state; a publish that touches forty URLs sends them as one batch. What
a change touched is worked out elsewhere (home/affected.py); this module delivers it.

`wagtail.contrib.frontend_cache` is used for its backends and `PurgeBatch`, but is
not in INSTALLED_APPS on purpose: its own signal handlers would purge only the
published page itself, before the transaction commits."""

import logging
import threading
from contextlib import contextmanager

from django.conf import settings
from django.db import transaction
from django.utils.encoding import iri_to_uri
from django.utils.module_loading import import_string
from wagtail.contrib.frontend_cache.utils import PurgeBatch
from wagtail.models import Site

from . import pagecache

logger = logging.getLogger(__name__)

# In a set of paths, this one stands for "every page".
EVERYTHING = "*"


class _Bulk(threading.local):
    depth = 0


_bulk = _Bulk()


def invalidate(paths=(), *, everything=False, then=None):
    """Mark `paths` (URL paths such as '/essays/') stale once the transaction commits.

    `everything=True`, or EVERYTHING among the paths, marks the whole site stale.
    `then` is a callable run at commit time that returns more paths: how a page looks
    *after* a change (its new neighbours, its new topics) can only be read once the
    change is saved. If the transaction rolls back, nothing is sent."""
    paths = set(paths)
    if everything:
        paths.add(EVERYTHING)
    transaction.on_commit(lambda: _deliver(paths, then), robust=True)


@contextmanager
def bulk():
    """Inside this block, changes are not worked out one by one; the whole cache is
    marked stale once at the end. For loaders and imports that change many pages."""
    _bulk.depth += 1
    try:
        yield
    finally:
        _bulk.depth -= 1
        if not _bulk.depth:
            invalidate(everything=True)


def in_bulk():
    return _bulk.depth > 0


def needed():
    """Whether any cache could hold a stale page: if neither the page cache nor a front
    cache is configured (development, most tests), changes need not be worked out."""
    return pagecache.enabled() or bool(settings.WAGTAILFRONTENDCACHE)


def _deliver(paths, then=None):
    """Each step stands on its own: if one fails, the others still run, and a failure
    to work out what changed clears everything rather than nothing."""
    if then is not None:
        try:
            paths = paths | set(then())
        except Exception:
            logger.exception("Could not work out what a change touched; clearing everything")
            paths = paths | {EVERYTHING}
    everything = EVERYTHING in paths
    paths = paths - {EVERYTHING}
    try:
        if everything:
            pagecache.invalidate_all()
            logger.info("Page cache: cleared everything")
        else:
            pagecache.invalidate_paths(paths)
            logger.info("Page cache: %d paths invalidated", len(paths))
    except Exception:
        logger.exception("Page cache could not be invalidated: pages may be stale")
    if settings.WAGTAILFRONTENDCACHE:  # always defined, empty without a front cache
        try:
            _purge_front_cache(paths, everything)
        except Exception:
            logger.exception("Front cache could not be purged: pages may be stale there")


def _purge_front_cache(paths, everything):
    if everything:
        # Front caches have no portable "purge all": purge every public URL we know of.
        paths = paths | import_string(settings.PAGE_CACHE_ALL_PATHS)()
    urls = {
        iri_to_uri(path if "://" in path else site.root_url + path)
        for site in Site.objects.all()
        for path in paths
    }
    PurgeBatch(urls).purge()
    delay = settings.FRONTEND_CACHE_REPURGE_SECONDS
    if delay:
        # A page rendered from the old version just before the commit can reach the
        # front cache just after this purge: purge the same URLs once more, shortly.
        timer = threading.Timer(delay, lambda: PurgeBatch(urls).purge())
        timer.daemon = True
        timer.start()
