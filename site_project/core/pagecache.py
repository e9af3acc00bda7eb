"""Whole-page cache for anonymous readers, built on Django's cache framework.

How a page is found again: its cache key carries two *generation* tokens, one for the
whole site and one for the URL's path. Invalidating a path (every query-string variant
of it at once: `/essays/?page=2&topic=x` included) or the whole site writes a new token,
so old entries can never be reached again and simply age out. Tokens are read *before*
a page is rendered and the page is stored under the tokens it read: a render that
raced with a publish is stored under the old token, never served as new.

Works with any shared cache backend: a file cache on one machine (all gunicorn workers
see the same files), Redis when there are several instances. Keys also carry the
release (see `release`), so instances on old and new code never share pages, and
tokens expire with the pages, so junk URLs leave nothing behind for long.

What is cached: GET and HEAD requests carrying no session or messages cookie, outside
the admin and file views, answered with a 200 or 404 that sets no cookie and does not
say `private`, `no-cache` or `no-store` (Wagtail marks previews and pages behind a
view restriction that way). Everything else goes straight through, and responses for
logged-in users are marked `private, no-store`.
"""

import functools
import gzip
import hashlib
import logging
import re
import secrets
from pathlib import Path
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.core.cache import caches
from django.core.exceptions import DisallowedHost
from django.core.handlers.wsgi import WSGIRequest
from django.http import HttpResponse, HttpResponseNotModified

logger = logging.getLogger(__name__)

STORABLE_STATUSES = (200, 404)
# Query strings longer than this are junk or attacks; render them, never store them.
MAX_QUERY_STRING = 1024
MAX_BODY_BYTES = 5 * 1024 * 1024
SITE_GENERATION = "gen:site"
CACHE_STATUS_HEADER = "X-Cache"
_accepts_gzip = re.compile(r"\bgzip\b")


def enabled():
    return getattr(settings, "PAGE_CACHE", False)


def _cache():
    return caches[settings.PAGE_CACHE_ALIAS]


def _digest(text):
    return hashlib.sha256(text.encode("utf-8", "surrogateescape")).hexdigest()[:32]


def normalise_path(url):
    """The path part of a URL or path, decoded, as `request.path` gives it."""
    return unquote(urlsplit(url).path) or "/"


def _path_generation_key(path):
    return f"gen:path:{_digest(normalise_path(path))}"


def _excluded(path):
    """The admin, documents (privacy is checked per file) and uploaded media."""
    prefixes = [*settings.PAGE_CACHE_EXCLUDED_PATHS, settings.MEDIA_URL, settings.STATIC_URL]
    return path.startswith(tuple(p for p in prefixes if p.startswith("/")))


def request_is_shareable(request):
    """Whether the answer to this request may be shared between readers: served from
    or stored in the page cache, and kept by a CDN.

    Decided from the request alone, before any session is loaded: a session cookie
    means a logged-in editor or a reader who entered a page password, and they are
    always served fresh."""
    if request.method not in ("GET", "HEAD"):
        return False
    cookies = request.COOKIES
    if settings.SESSION_COOKIE_NAME in cookies or "messages" in cookies:
        return False
    if len(request.META.get("QUERY_STRING", "")) > MAX_QUERY_STRING:
        return False
    return not _excluded(request.path)


@functools.cache
def release():
    """What this instance's code and styles are: RELEASE_ID, or else a digest of the
    hashed static files' manifest (empty without one, as in development)."""
    if settings.PAGE_CACHE_RELEASE:
        return _digest(settings.PAGE_CACHE_RELEASE)[:12]
    manifest = Path(settings.STATIC_ROOT) / "staticfiles.json"
    return hashlib.sha256(manifest.read_bytes()).hexdigest()[:12] if manifest.exists() else ""


def _generations(cache, path_key):
    """Current (site, path) generation tokens, creating any that are missing.

    A missing token (never set, or evicted) becomes a fresh one, never a default
    value that an old entry could still be stored under."""
    found = cache.get_many([SITE_GENERATION, path_key])
    for key in (SITE_GENERATION, path_key):
        if key not in found:
            cache.add(key, secrets.token_hex(6), timeout=settings.PAGE_CACHE_TIMEOUT)
            found[key] = cache.get(key)
    return found[SITE_GENERATION], found[path_key]


def _entry_key(request):
    """The cache key for this request's page, or None when the host is not allowed."""
    try:
        host = request.get_host()
    except DisallowedHost:
        return None
    cache = _cache()
    site_gen, path_gen = _generations(cache, _path_generation_key(request.path))
    url = f"{request.scheme}://{host}{request.get_full_path()}"
    return f"page:v1:{release()}:{site_gen}:{path_gen}:{_digest(url)}"


def invalidate_paths(paths):
    """Make every cached variant of these paths (any query string, any host) stale."""
    keys = {_path_generation_key(path) for path in paths}
    if keys:
        _cache().set_many(
            {key: secrets.token_hex(6) for key in keys}, timeout=settings.PAGE_CACHE_TIMEOUT
        )
    return len(keys)


def invalidate_all():
    """Make the whole page cache stale (used when a change touches every page)."""
    _cache().set(SITE_GENERATION, secrets.token_hex(6), timeout=settings.PAGE_CACHE_TIMEOUT)


def shared_cache_control(request):
    """Cache-Control for a public page: brief in browsers, longer in shared caches.

    A CDN or proxy is purged by URL when content changes, but it cannot be told about
    every query-string variant, so those keep the browser's short lifetime."""
    max_age = settings.CACHE_MAX_AGE
    s_maxage = max_age if request.META.get("QUERY_STRING") else settings.CACHE_S_MAXAGE
    return f"public, max-age={max_age}, s-maxage={s_maxage}"


def _storable(request, response):
    if response.status_code not in STORABLE_STATUSES or response.streaming:
        return False
    if response.cookies or getattr(request, "is_preview", False):
        return False
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        return False
    cache_control = response.get("Cache-Control", "")
    if any(word in cache_control for word in ("private", "no-cache", "no-store")):
        return False
    return response.has_header("Content-Type") and len(response.content) <= MAX_BODY_BYTES


# Headers that depend on which variant (gzipped or not) a reader gets.
_VARIANT_HEADERS = ("content-encoding", "content-length", "etag", CACHE_STATUS_HEADER.lower())
# Every status a cached page can be answered with: those stored, and 304.
_STATUS_LINES = {200: "200 OK", 304: "304 Not Modified", 404: "404 Not Found"}


class CachedPage:
    """What is kept for one URL: status, headers and the body, gzipped once when that
    makes it smaller (no secrets are in a cached page, so one compression, with its
    random padding, serves every reader; the rare reader without gzip gets it
    decompressed)."""

    __slots__ = ("status", "headers", "gzipped", "plain", "etag")

    def __init__(self, response):
        self.status = response.status_code
        self.headers = [
            (name, value)
            for name, value in response.headers.items()
            if name.lower() not in _VARIANT_HEADERS
        ]
        content = response.content
        if response.get("Content-Encoding") == "gzip":
            self.gzipped, self.plain = content, None
        else:
            compressed = gzip.compress(content, compresslevel=6, mtime=0)
            small = len(compressed) < len(content)
            self.gzipped, self.plain = (compressed, None) if small else (None, content)
            if small:
                self._vary_on_accept_encoding()
        self.etag = hashlib.md5(self.gzipped or self.plain, usedforsecurity=False).hexdigest()

    def _vary_on_accept_encoding(self):
        """Readers get the gzipped or the plain copy by their Accept-Encoding: a shared
        cache downstream must keep the two apart, whatever else the page varies on."""
        for n, (name, value) in enumerate(self.headers):
            if name.lower() == "vary":
                named = {part.strip().lower() for part in value.split(",")}
                if not named & {"accept-encoding", "*"}:
                    self.headers[n] = (name, f"{value}, Accept-Encoding")
                return
        self.headers.append(("Vary", "Accept-Encoding"))

    def __getstate__(self):
        return (self.status, self.headers, self.gzipped, self.plain, self.etag)

    def __setstate__(self, state):
        self.status, self.headers, self.gzipped, self.plain, self.etag = state

    def etag_for(self, gzipped):
        return f'W/"{self.etag}"' if gzipped else f'"{self.etag}"'

    def answer(self, meta, cache_status):
        """(status, headers, body) for a request with these META/environ headers."""
        gzipped = self.gzipped is not None and bool(
            _accepts_gzip.search(meta.get("HTTP_ACCEPT_ENCODING", ""))
        )
        etag = self.etag_for(gzipped)
        if self.status == 200 and _etag_matches(meta.get("HTTP_IF_NONE_MATCH", ""), self.etag):
            kept = [(n, v) for n, v in self.headers if n.lower() in ("cache-control", "vary")]
            return 304, [*kept, ("ETag", etag), (CACHE_STATUS_HEADER, cache_status)], b""
        if gzipped:
            body, encoding = self.gzipped, [("Content-Encoding", "gzip")]
        else:
            body, encoding = self.plain or gzip.decompress(self.gzipped), []
        headers = [
            *self.headers,
            *encoding,
            ("Content-Length", str(len(body))),
            ("ETag", etag),
            (CACHE_STATUS_HEADER, cache_status),
        ]
        return self.status, headers, body

    def response(self, request, cache_status):
        status, headers, body = self.answer(request.META, cache_status)
        response = HttpResponseNotModified() if status == 304 else HttpResponse(body, status=status)
        for name, value in headers:
            response[name] = value
        return response


def _etag_matches(header, etag):
    if not header:
        return False
    tags = [tag.strip().removeprefix("W/").strip('"') for tag in header.split(",")]
    return etag in tags or "*" in tags


def lookup(request):
    """The cached page for this request, or None (and why not, for the miss path):
    returns (page, key); key is None when the request must not use the cache."""
    if not (enabled() and request_is_shareable(request)):
        return None, None
    try:
        key = _entry_key(request)
        return (_cache().get(key) if key else None), key
    except Exception:
        # A cache that is down must not take the site with it: render instead.
        logger.exception("Page cache unavailable; serving %s uncached", request.path)
        return None, None


class PageCacheMiddleware:
    """Serve anonymous readers from the page cache; store what may be shared.

    First in MIDDLEWARE, so what it stores carries every header the other middleware
    adds (security headers, Vary, compression), and a hit skips all of them. In
    production most hits never reach Django at all: see `FastPath`."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        cached, key = lookup(request)
        if cached is not None:
            return cached.response(request, "hit")
        response = self.get_response(request)
        if request_is_shareable(request) and _storable(request, response):
            response["Cache-Control"] = shared_cache_control(request)
            if key is not None and request.method == "GET":
                self._store(key, request, response)
            return response
        self._mark_private(request, response)
        return response

    @staticmethod
    def _store(key, request, response):
        page = CachedPage(response)
        timeout = (
            settings.PAGE_CACHE_NOT_FOUND_TIMEOUT
            if page.status == 404
            else settings.PAGE_CACHE_TIMEOUT
        )
        try:
            _cache().set(key, page, timeout)
        except Exception:
            logger.exception("Page cache unavailable; %s not stored", request.path)
            return
        response["ETag"] = page.etag_for(response.get("Content-Encoding") == "gzip")
        response[CACHE_STATUS_HEADER] = "miss"

    @staticmethod
    def _mark_private(request, response):
        """Nothing personal, and nothing we would not store ourselves, may be kept by a
        browser's shared cache, a proxy or a CDN."""
        if response.has_header("Cache-Control"):
            return
        user = getattr(request, "user", None)
        personal = user is not None and user.is_authenticated
        if personal or request.method not in ("GET", "HEAD") or response.status_code >= 500:
            response["Cache-Control"] = "private, no-store"


class FastPath:
    """WSGI wrapper that answers page-cache hits before Django's request handling.

    The same lookup as PageCacheMiddleware, minus the handler's signals and the
    response machinery: a hit costs a few cache reads. Anything else, including
    every miss, goes to Django unchanged."""

    def __init__(self, application):
        self.application = application

    def __call__(self, environ, start_response):
        if environ.get("REQUEST_METHOD") in ("GET", "HEAD") and enabled():
            cached, _ = lookup(WSGIRequest(environ))
            if cached is not None:
                status, headers, body = cached.answer(environ, "hit")
                start_response(_STATUS_LINES[status], headers)
                return [] if environ["REQUEST_METHOD"] == "HEAD" else [body]
        return self.application(environ, start_response)
