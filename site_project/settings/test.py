"""Settings for the test suite: the dev database engine choice (DATABASE_URL or
SQLite), fast hashing, no debug."""

import os
from urllib.parse import urlsplit, urlunsplit

from .base import *  # noqa: F403
from .base import CACHES, DATABASES, PAGE_CACHE_ALIAS, REDIS_URL, VAR_DIR

DEBUG = False
SECRET_KEY = "test-only-secret-key-that-is-long-enough-for-django-checks-0123456789"
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
WAGTAILADMIN_BASE_URL = "http://testserver"
# Uploads and renditions made by tests stay out of the development media folder.
MEDIA_ROOT = VAR_DIR / "test-media"
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# Demo images at a quarter of their size (400 by 225 for a hero): encoding their
# renditions in AVIF and WebP at three widths took a third of the suite's time. The
# browser tests load the demo content at full size, as a reader sees it.
DEMO_IMAGE_SCALE = 0.25

# No persistent connections: the browser tests' live server threads must let go of the
# test database so it can be dropped at the end of the run.
DATABASES["default"]["CONN_MAX_AGE"] = 0

# Tests that exercise the page cache turn it on themselves (the `page_cache` fixture);
# everything else measures real renders. With REDIS_URL set (CI's PostgreSQL pass) the
# caches are a real Redis server.
PAGE_CACHE = False
FRONTEND_CACHE_REPURGE_SECONDS = 0
if REDIS_URL:
    # pytest-xdist workers share the Redis server, so each gets a database of its own
    # as well as its own key prefixes: one worker's test emptying or inspecting the
    # caches then never touches what another worker's test has just cached.
    worker = os.environ.get("PYTEST_XDIST_WORKER", "")
    if worker.startswith("gw"):
        base = urlsplit(REDIS_URL)
        database = (int(base.path.strip("/") or 0) + 1 + int(worker[2:])) % 16
        worker_url = urlunsplit(base._replace(path=f"/{database}"))
        for alias in CACHES:
            CACHES[alias]["LOCATION"] = worker_url
    for alias in CACHES:
        CACHES[alias]["KEY_PREFIX"] = f"test-{alias}"
else:
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
        PAGE_CACHE_ALIAS: {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "pages",
        },
    }
