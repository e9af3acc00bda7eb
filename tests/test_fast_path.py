"""`FastPath`, the WSGI wrapper production serves through (site_project/wsgi.py): a
page-cache hit is answered before Django handles the request at all, exactly as Django
would have answered it; everything else reaches Django unchanged.

The served-site tests check it through gunicorn; these call it in-process, in front of
Django's own WSGI handler, so they can tell which requests reached Django."""

import gzip

import pytest
from django.core.handlers.wsgi import WSGIHandler
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from django.test import RequestFactory

from site_project.core import pagecache
from site_project.core.pagecache import FastPath

pytestmark = pytest.mark.django_db


class Django:
    """Django's WSGI application, noting the method of each request that reaches it."""

    def __init__(self):
        self.handler = WSGIHandler()
        self.reached = []

    def __call__(self, environ, start_response):
        self.reached.append(environ["REQUEST_METHOD"])
        return self.handler(environ, start_response)


@pytest.fixture
def django_app():
    # As Django's test client does: a request must not close the test's transaction.
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield Django()
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


def serve(app, method, path, **headers):
    """(status line, headers, body) of one request through the WSGI application."""
    environ = RequestFactory().generic(method, path, **headers).environ
    started = {}

    def start_response(status, response_headers, exc_info=None):
        started.update(status=status, headers=dict(response_headers))

    chunks = app(environ, start_response)
    try:
        body = b"".join(chunks)
    finally:
        if hasattr(chunks, "close"):
            chunks.close()
    return started["status"], started["headers"], body


def test_a_cached_page_is_answered_without_reaching_django(site, page_cache, django_app):
    app, url = FastPath(django_app), site["essay"].url
    first_status, _, first_body = serve(app, "GET", url)
    status, headers, body = serve(app, "GET", url)
    assert django_app.reached == ["GET"]  # the first request only: it filled the cache
    assert (first_status, status) == ("200 OK", "200 OK")
    assert headers["X-Cache"] == "hit"
    assert body == first_body and b"On prevention" in body
    assert headers["Content-Length"] == str(len(body))
    assert headers["Content-Type"].startswith("text/html")


def test_a_hit_is_gzipped_for_readers_that_accept_it(site, page_cache, django_app):
    app, url = FastPath(django_app), site["essay"].url
    _, _, plain = serve(app, "GET", url)
    _, headers, body = serve(app, "GET", url, HTTP_ACCEPT_ENCODING="gzip, br")
    assert headers["Content-Encoding"] == "gzip"
    assert gzip.decompress(body) == plain


def test_a_head_request_gets_the_headers_of_a_hit_and_no_body(site, page_cache, django_app):
    app, url = FastPath(django_app), site["essay"].url
    _, full_headers, full_body = serve(app, "GET", url)
    status, headers, body = serve(app, "HEAD", url)
    assert django_app.reached == ["GET"]
    assert status == "200 OK" and headers["X-Cache"] == "hit" and body == b""
    assert headers["Content-Length"] == str(len(full_body))


def test_an_unchanged_page_gets_304_from_the_cache(site, page_cache, django_app):
    app, url = FastPath(django_app), site["essay"].url
    _, headers, _ = serve(app, "GET", url)
    status, _, body = serve(app, "GET", url, HTTP_IF_NONE_MATCH=headers["ETag"])
    assert django_app.reached == ["GET"]
    assert status == "304 Not Modified" and body == b""


def test_a_cached_not_found_keeps_its_status(site, page_cache, django_app):
    app = FastPath(django_app)
    serve(app, "GET", "/no-such-page/")
    status, headers, body = serve(app, "GET", "/no-such-page/")
    assert django_app.reached == ["GET"]
    assert status == "404 Not Found" and headers["X-Cache"] == "hit"
    assert b"<html" in body


def test_a_miss_reaches_django(site, page_cache, django_app):
    status, headers, _ = serve(FastPath(django_app), "GET", site["essay"].url)
    assert django_app.reached == ["GET"]
    assert status == "200 OK" and headers["X-Cache"] == "miss"


def test_a_post_reaches_django_even_when_the_page_is_cached(site, page_cache, django_app):
    app, url = FastPath(django_app), site["essay"].url
    serve(app, "GET", url)
    serve(app, "POST", url)
    assert django_app.reached == ["GET", "POST"]


def test_without_the_page_cache_every_request_reaches_django(site, settings, django_app):
    settings.PAGE_CACHE = False
    app, url = FastPath(django_app), site["essay"].url
    serve(app, "GET", url)
    _, headers, _ = serve(app, "GET", url)
    assert django_app.reached == ["GET", "GET"]
    assert "X-Cache" not in headers


def test_every_status_a_hit_can_have_has_its_status_line():
    """A hit is a stored page (or a 304 for one): each needs a full WSGI status line."""
    for status in (*pagecache.STORABLE_STATUSES, 304):
        line = pagecache._STATUS_LINES[status]
        assert line.startswith(f"{status} ") and len(line) > 4
