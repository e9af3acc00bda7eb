"""Compress text responses (HTML, feeds, JSON) on their way out.

Django's GZipMiddleware does the work, including its BREACH mitigation (random bytes
in the gzip header) for pages that carry a CSRF token, such as admin forms. It would
also gzip images and downloads served by Django, which only costs CPU, so this
subclass leaves anything that is not text alone. Cached pages arrive here already
compressed (see pagecache), and whitenoise compresses static files ahead of time."""

from django.middleware.gzip import GZipMiddleware

TEXT_TYPES = (
    "text/",
    "application/json",
    "application/xml",
    "application/rss+xml",
    "application/atom+xml",
    "application/javascript",
    "image/svg+xml",
)


class TextGZipMiddleware(GZipMiddleware):
    def process_response(self, request, response):
        if not response.get("Content-Type", "").startswith(TEXT_TYPES):
            return response
        return super().process_response(request, response)
