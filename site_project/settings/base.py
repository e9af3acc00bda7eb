"""Settings shared by every environment. Values that differ per deployment come from
the environment (see README, "Configuration")."""

from pathlib import Path

import dj_database_url

from .env import env_bool, env_list, env_str

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent
VAR_DIR = BASE_DIR / "var"

SECRET_KEY = env_str("SECRET_KEY")
DEBUG = env_bool("DEBUG", False)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "home",
    "blog",
    "engagement",
    "site_project.core",
    "site_project.taxonomy",
    "site_project.blocks",
    "wagtail_modeladmin",
    "wagtail.contrib.settings",
    "wagtail.contrib.search_promotions",
    "wagtail.contrib.redirects",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.table_block",
    "wagtail.contrib.typed_table_block",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.humanize",
]

MIDDLEWARE = [
    # First: it stores pages with every header the rest add, and a hit skips them all.
    "site_project.core.pagecache.PageCacheMiddleware",
    "django.middleware.security.SecurityMiddleware",
    # Straight after SecurityMiddleware, so static files skip the rest of the stack.
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "site_project.core.compression.TextGZipMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "site_project.urls"
WSGI_APPLICATION = "site_project.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PROJECT_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

# SQLite is the embedded default. WAL lets readers carry on while an editor
# publishes; IMMEDIATE transactions plus a busy timeout make writers queue
# instead of failing with "database is locked".
DEFAULT_SQLITE_PATH = VAR_DIR / "db.sqlite3"
SQLITE_OPTIONS = {
    "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    "transaction_mode": "IMMEDIATE",
    "timeout": 20,
}
DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL") or f"sqlite:///{DEFAULT_SQLITE_PATH}",
        conn_max_age=0,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"].setdefault("OPTIONS", {}).update(SQLITE_OPTIONS)
    # Opening the file and setting it up costs about a millisecond: keep it open
    # between one connection's requests.
    DATABASES["default"]["CONN_MAX_AGE"] = 60
else:
    DATABASES["default"]["CONN_MAX_AGE"] = 60
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = True

# Caches. Without REDIS_URL everything stays on this machine: a per-process memory
# cache, and a file cache for whole pages that every gunicorn worker shares. With
# REDIS_URL (several instances), both live in Redis, so a change invalidated by one
# instance is seen by all of them at once.
REDIS_URL = env_str("REDIS_URL")
PAGE_CACHE_ALIAS = "pages"
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "site",
        },
        PAGE_CACHE_ALIAS: {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "pages",
        },
    }
    # Sessions are read from Redis and written through to the database, so logging in
    # on one instance counts on every other, and survives a Redis restart.
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
else:
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
        PAGE_CACHE_ALIAS: {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": Path(env_str("PAGE_CACHE_DIR") or VAR_DIR / "cache" / "pages"),
            "OPTIONS": {"MAX_ENTRIES": 5000},
        },
    }

# The whole-page cache for anonymous readers (site_project/core/pagecache.py).
PAGE_CACHE = env_bool("PAGE_CACHE", True)
PAGE_CACHE_TIMEOUT = int(env_str("PAGE_CACHE_TIMEOUT") or 60 * 60 * 24)
# "Not found" pages are kept briefly: anyone can ask for any number of them.
PAGE_CACHE_NOT_FOUND_TIMEOUT = 300
# Pages are stored per release, so during a rolling deploy old and new instances never
# serve each other's HTML. Set RELEASE_ID (e.g. the git commit) when deploying; without
# it, the hashed static files' manifest stands in (it changes with any CSS change).
PAGE_CACHE_RELEASE = env_str("RELEASE_ID")
PAGE_CACHE_EXCLUDED_PATHS = ["/admin/", "/documents/", "/django-admin/"]
# Every public path, for purging a front cache completely (see core/invalidation.py).
PAGE_CACHE_ALL_PATHS = "home.affected.all_public_paths"
# Cache-Control for public pages: browsers keep them briefly; shared caches (a CDN or
# the reference proxy) longer, because they are purged when content changes.
CACHE_MAX_AGE = int(env_str("CACHE_MAX_AGE") or 60)
CACHE_S_MAXAGE = int(env_str("CACHE_S_MAXAGE") or 600)

# Front caches told what changed (wagtail.contrib.frontend_cache backends; the URLs are
# worked out in home/affected.py and sent by site_project/core/invalidation.py), and
# told again this many seconds later, in case a page rendered just before the change
# reached them just after the first purge.
FRONTEND_CACHE_REPURGE_SECONDS = int(env_str("FRONTEND_CACHE_REPURGE_SECONDS") or 5)
WAGTAILFRONTENDCACHE = {}
for number, location in enumerate(env_list("FRONTEND_CACHE_PURGE_URLS"), start=1):
    # HTTP PURGE, as the reference nginx (deploy/nginx) or Varnish accept it.
    WAGTAILFRONTENDCACHE[f"proxy-{number}"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
        "LOCATION": location,
    }
if env_str("CLOUDFLARE_ZONE_ID"):
    WAGTAILFRONTENDCACHE["cloudflare"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
        "BEARER_TOKEN": env_str("CLOUDFLARE_API_TOKEN"),
        "ZONEID": env_str("CLOUDFLARE_ZONE_ID"),
    }
if env_str("CLOUDFRONT_DISTRIBUTION_ID"):
    # Needs boto3: pip install -e ".[s3]". Credentials come from the usual AWS variables.
    WAGTAILFRONTENDCACHE["cloudfront"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudfrontBackend",
        "DISTRIBUTION_ID": env_str("CLOUDFRONT_DISTRIBUTION_ID"),
    }

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True

STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
]
STATICFILES_DIRS = [PROJECT_DIR / "static"]
STATIC_ROOT = Path(env_str("STATIC_ROOT") or VAR_DIR / "static")
STATIC_URL = "/static/"
MEDIA_ROOT = Path(env_str("MEDIA_ROOT") or VAR_DIR / "media")
MEDIA_URL = env_str("MEDIA_URL") or "/media/"
SERVE_MEDIA = env_bool("SERVE_MEDIA", False)

# `manage.py backup` (make backup) writes its archives here, readable by the owner only.
BACKUP_DIR = Path(env_str("BACKUP_DIR") or VAR_DIR / "backups")
# Folder of pg_dump, pg_restore and psql for backups on PostgreSQL; by default the
# server version's own (/usr/lib/postgresql/N/bin), then pg_config's, then PATH.
PG_BIN = env_str("PG_BIN")

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# Several instances need one place for uploads: S3-compatible object storage through
# django-storages (pip install -e ".[s3]"), when a bucket is named. Without one, media
# stays in MEDIA_ROOT (var/media), which a single machine or a shared volume serves.
S3_BUCKET = env_str("S3_BUCKET")
if S3_BUCKET:
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": S3_BUCKET,
            "endpoint_url": env_str("S3_ENDPOINT_URL") or None,
            "region_name": env_str("S3_REGION") or None,
            "access_key": env_str("S3_ACCESS_KEY_ID") or None,
            "secret_key": env_str("S3_SECRET_ACCESS_KEY") or None,
            # Public media (images and their renditions) is read straight from the
            # bucket or its CDN; uploads are never overwritten in place.
            "custom_domain": env_str("S3_PUBLIC_DOMAIN") or None,
            "querystring_auth": False,
            "file_overwrite": False,
            "default_acl": None,
        },
    }
    # Documents go through Wagtail's view, which checks collection privacy, never
    # straight to the bucket: give the bucket public read on images/ and
    # original_images/ only.
    WAGTAILDOCS_SERVE_METHOD = "serve_view"

# Hashed file names never change content, so browsers may keep them for ever.
WHITENOISE_MAX_AGE = 60 * 60 * 24 * 365

DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

WAGTAIL_SITE_NAME = "Engaging Communities"
WAGTAILADMIN_BASE_URL = env_str("WAGTAILADMIN_BASE_URL") or "http://127.0.0.1:8000"
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "key", "odt", "pdf", "pptx", "rtf", "txt", "xlsx", "zip"]
WAGTAILIMAGES_FORMAT_CONVERSIONS = {"avif": "avif", "webp": "webp"}
WAGTAIL_ENABLE_UPDATE_CHECK = False
# No avatars fetched from gravatar.com: nothing is loaded from other hosts.
WAGTAIL_GRAVATAR_PROVIDER_URL = None

# Django's own loggers write to the console once (not again through the root logger).
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
    "loggers": {"django": {"handlers": ["console"], "level": "INFO", "propagate": False}},
}
