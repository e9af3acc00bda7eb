"""Settings shared by every environment. Values that differ per deployment come from
the environment (see README, "Configuration")."""

from datetime import timedelta
from email.utils import getaddresses
from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url
from csp.constants import NONE, SELF, UNSAFE_INLINE
from wagtail.embeds import oembed_providers

from .env import env_bool, env_list, env_str
from .logs import logging_config

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent
VAR_DIR = BASE_DIR / "var"

SECRET_KEY = env_str("SECRET_KEY")
DEBUG = env_bool("DEBUG", False)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")
# The public address, given to the Wagtail Site by `manage.py configure_site` (which
# falls back to the first ALLOWED_HOSTS entry over HTTPS).
SITE_URL = env_str("SITE_URL")

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
    # The read API at /api/v2/ (site_project/api.py). Without "rest_framework" here: JSON
    # only, no browsable HTML pages (they would need inline script and styles).
    "wagtail.api.v2",
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
    "axes",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.humanize",
    "csp",
]

MIDDLEWARE = [
    # /healthz answers before anything else, host checks and HTTPS redirects included.
    "site_project.core.health.HealthCheckMiddleware",
    # Before everything that adds headers: it stores pages with all of them, and a hit
    # skips the lot.
    "site_project.core.pagecache.PageCacheMiddleware",
    "django.middleware.security.SecurityMiddleware",
    # Straight after SecurityMiddleware, so static files skip the rest of the stack.
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Security headers for every page; after PageCacheMiddleware, so cached pages carry
    # them too (see "Security headers" below).
    "site_project.core.security.CSPMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "site_project.core.compression.TextGZipMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # WordPress's /?p=123 addresses, which the home page would otherwise answer.
    "blog.wordpress.middleware.WordPressQueryRedirectMiddleware",
    # Turns a sign-in lockout into the "too many attempts" page (django-axes).
    "axes.middleware.AxesMiddleware",
    # Counts wrong passwords on private pages' and documents' password forms as failed
    # sign-ins (site_project/core/throttling.py); inside AxesMiddleware, so the attempt
    # that reaches the limit is answered with the same page.
    "site_project.core.throttling.PasswordFormThrottleMiddleware",
    # Finds the Wagtail Site for page requests in a leaner query (core/sites.py).
    "site_project.core.sites.SiteMiddleware",
]

# Sign-in throttling (django-axes). Every failed sign-in is recorded in the database,
# so the count is shared by all workers and instances. After AXES_FAILURE_LIMIT
# failures for one username, or from one address, within the cool-off time, further
# attempts for that username or from that address are refused until it has passed.
# Unknown usernames count exactly like known ones, so a lockout says nothing about
# which accounts exist. Lockouts are listed, and cleared, under Settings in the admin.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = int(env_str("LOGIN_FAILURE_LIMIT") or 5)
AXES_COOLOFF_TIME = timedelta(minutes=int(env_str("LOGIN_LOCKOUT_MINUTES") or 15))
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "site_project.core.throttling.lockout_response"
AXES_CLIENT_IP_CALLABLE = "site_project.core.throttling.client_ip"
# Successful sign-ins are not logged with their addresses: nothing here needs them.
AXES_DISABLE_ACCESS_LOG = True
AXES_VERBOSE = False
# The address of the reader, as the proxy in front saw it. Only set this when every
# request reaches the app through a proxy that sets the header itself (the reference
# nginx sets X-Forwarded-For), otherwise anyone could pick the address they are
# counted under. The right-most address in the header is used: the one the proxy added.
CLIENT_IP_HEADER = env_str("CLIENT_IP_HEADER")

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
# The read API is left out too: its answers have too many variants (any filter, field
# list or offset) for a change to purge them, so they are always fresh.
PAGE_CACHE_EXCLUDED_PATHS = ["/admin/", "/documents/", "/django-admin/", "/api/"]
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

# Documents are only ever served through Wagtail's document view, which checks their
# collection's privacy, never by their file's address (MEDIA_URL or the bucket): the
# SERVE_MEDIA route (site_project/core/media.py) and the reference nginx serve images
# only. Give a bucket public read on images/ and original_images/ only.
WAGTAILDOCS_SERVE_METHOD = "serve_view"

# Hashed file names never change content, so browsers may keep them for ever.
WHITENOISE_MAX_AGE = 60 * 60 * 24 * 365

DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

WAGTAIL_SITE_NAME = "Engaging Communities"
WAGTAILADMIN_BASE_URL = env_str("WAGTAILADMIN_BASE_URL") or "http://127.0.0.1:8000"
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "key", "odt", "pdf", "pptx", "rtf", "txt", "xlsx", "zip"]
# Uploads: Wagtail's allow-lists (no SVG, which can carry script), and limits that
# suit a small site's photographs; Wagtail tells the editor which limit a file broke.
WAGTAILIMAGES_EXTENSIONS = ["avif", "gif", "jpg", "jpeg", "png", "webp"]
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024  # 10 MB
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40_000_000  # e.g. 8000 × 5000
WAGTAILIMAGES_FORMAT_CONVERSIONS = {"avif": "avif", "webp": "webp"}
WAGTAIL_ENABLE_UPDATE_CHECK = False
# No avatars fetched from gravatar.com: nothing is loaded from other hosts.
WAGTAIL_GRAVATAR_PROVIDER_URL = None

# Errors are emailed to ADMINS ("Ann Lee <ann@example.org>, ops@example.org") through
# the SMTP server below, and logged one line per event (settings/logs.py).
ADMINS = [(name or address, address) for name, address in getaddresses([env_str("ADMINS")])]
SERVER_EMAIL = DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL") or "webmaster@localhost"
EMAIL_HOST = env_str("EMAIL_HOST") or "localhost"
EMAIL_PORT = int(env_str("EMAIL_PORT") or 25)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
EMAIL_TIMEOUT = 10
DEFAULT_EXCEPTION_REPORTER_FILTER = "site_project.core.reporting.ReporterFilter"

LOG_FORMAT = env_str("LOG_FORMAT") or "text"
LOGGING = logging_config(level="WARNING", log_format=LOG_FORMAT)

# ---------- Security headers ----------
# Embeds: editors may embed videos from these oEmbed providers only, and the policy
# below lets pages frame exactly their players. To allow another provider, add its
# entry from wagtail.embeds.oembed_providers here and its player's origin to
# EMBED_FRAME_ORIGINS (see README, "Security headers").
WAGTAILEMBEDS_FINDERS = [
    {
        "class": "wagtail.embeds.finders.oembed",
        "providers": [oembed_providers.youtube, oembed_providers.vimeo],
    }
]
EMBED_FRAME_ORIGINS = ["https://www.youtube.com", "https://player.vimeo.com"]


def _origin(url):
    """scheme://host[:port] of an absolute URL; None for a path such as /media/."""
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}" if parts.scheme and parts.netloc else None


def media_origins(media_url, bucket="", public_domain="", endpoint_url="", region=""):
    """Where uploaded images are loaded from, when that is not this site itself."""
    if not bucket:
        return [origin] if (origin := _origin(media_url)) else []
    if public_domain:
        # django-storages builds https://<custom_domain>/<key>.
        return [_origin(public_domain if "://" in public_domain else f"https://{public_domain}")]
    if endpoint_url:
        # <endpoint>/<bucket>/<key>, or <bucket>.<endpoint host>/<key>.
        parts = urlsplit(endpoint_url)
        return [_origin(endpoint_url), f"{parts.scheme}://{bucket}.{parts.netloc}"]
    hosts = [f"{bucket}.s3.amazonaws.com"] + (
        [f"{bucket}.s3.{region}.amazonaws.com"] if region else []
    )
    return [f"https://{host}" for host in hosts]


# Content-Security-Policy for every response (django-csp; site_project/core/security.py
# adds the admin's extras and frame-ancestors). Public pages load scripts, styles, fonts
# and images from this site only, and nothing inline: no inline script, no <style>, no
# style="" attribute (the page cache serves one response to every reader, so a nonce
# cannot be used). JSON-LD blocks are data, which script-src does not govern.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [
            SELF,
            *media_origins(
                MEDIA_URL,
                bucket=S3_BUCKET,
                public_domain=env_str("S3_PUBLIC_DOMAIN"),
                endpoint_url=env_str("S3_ENDPOINT_URL"),
                region=env_str("S3_REGION"),
            ),
        ],
        "frame-src": EMBED_FRAME_ORIGINS,
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        # Replaced by 'self' for the views that allow same-origin framing (previews).
        "frame-ancestors": [NONE],
    }
}
CSP_ADMIN_PATH = "/admin/"
# Added to the policy above under CSP_ADMIN_PATH: the least Wagtail 8's admin needs,
# found by driving it in Chromium (tests/browser/test_csp.py). Admin pages are never
# cached, but Wagtail's templates cannot carry a nonce (its form widgets render without
# the request), so inline code is allowed here, and only here, in its narrowest form:
CONTENT_SECURITY_POLICY_ADMIN = {
    # Inline <script> elements: the chooser, date picker and InlinePanel widgets start
    # themselves with one each (`new PageChooser(...)`, `initDateChooser(...)`).
    # Inline event handlers (script-src-attr) and eval stay blocked by script-src.
    "script-src-elem": [SELF, UNSAFE_INLINE],
    # <style> elements: the rich-text editor (Draftail) adds them as it runs, for its
    # placeholders and list numbering. style="" attributes stay blocked by style-src.
    "style-src-elem": [SELF, UNSAFE_INLINE],
    # The multiple-image upload shows a thumbnail of each chosen file from a blob: URL.
    "img-src": ["blob:"],
    # The block picker's previews are frames of /admin/block-preview/ (and the preview
    # panel one of the page's preview URL).
    "frame-src": [SELF],
}

# Permissions-Policy (django-permissions-policy): features this site never uses are
# off for it and for any frame it embeds. Only names Chromium knows: it logs an error
# for others (Debian's Chromium does not know "bluetooth"). Features video players ask
# for (autoplay, fullscreen, encrypted-media, picture-in-picture) are left alone.
PERMISSIONS_POLICY = {
    feature: []
    for feature in (
        "browsing-topics",
        "camera",
        "display-capture",
        "geolocation",
        "hid",
        "idle-detection",
        "interest-cohort",
        "local-fonts",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "serial",
        "usb",
        "xr-spatial-tracking",
    )
}
