"""Production: PostgreSQL via DATABASE_URL behind gunicorn, static files from whitenoise.

SECRET_KEY and ALLOWED_HOSTS are required; starting without them stops with a
one-line message naming the missing variable."""

from .base import *  # noqa: F403
from .base import CONTENT_SECURITY_POLICY, DATABASES, LOG_FORMAT, STORAGES
from .env import env_bool, env_list, env_str, require
from .logs import logging_config

DEBUG = env_bool("DEBUG", False)
SECRET_KEY = require("SECRET_KEY")
require("ALLOWED_HOSTS")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
WAGTAILADMIN_BASE_URL = env_str("WAGTAILADMIN_BASE_URL") or f"https://{ALLOWED_HOSTS[0]}"

# gunicorn's gevent workers serve each connection in its own greenlet, which would
# each keep a PostgreSQL connection of its own: a small pool per worker bounds them.
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql" and env_bool(
    "DATABASE_POOL", True
):
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    DATABASES["default"].setdefault("OPTIONS", {})["pool"] = {
        "min_size": 1,
        "max_size": int(env_str("DATABASE_POOL_SIZE") or 8),
        "timeout": 10,
    }

STORAGES = {
    **STORAGES,
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# TLS. Behind a proxy that terminates TLS, set SECURE_PROXY_SSL_HEADER=true so Django
# trusts X-Forwarded-Proto; set SECURE_SSL_REDIRECT=false if the proxy redirects itself.
if env_bool("SECURE_PROXY_SSL_HEADER", False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
SECURE_HSTS_SECONDS = int(env_str("SECURE_HSTS_SECONDS") or 60 * 60 * 24 * 365)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)
# Only for a local production-like run over plain HTTP (make serve).
SESSION_COOKIE_SECURE = env_bool("SECURE_COOKIES", True)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
# Served over HTTPS (directly, or behind a TLS proxy): browsers fetch any http:// URL
# a page still names (an old media URL, say) over HTTPS instead.
if SECURE_SSL_REDIRECT or env_bool("SECURE_PROXY_SSL_HEADER", False):
    CONTENT_SECURITY_POLICY = {
        **CONTENT_SECURITY_POLICY,
        "DIRECTIVES": {**CONTENT_SECURITY_POLICY["DIRECTIVES"], "upgrade-insecure-requests": True},
    }

LOGGING = logging_config(
    level="INFO",
    log_format=LOG_FORMAT,
    # One line per purged URL, and one per background task, is more than anyone reads.
    quiet=["wagtail.frontendcache", "django_tasks"],
)
