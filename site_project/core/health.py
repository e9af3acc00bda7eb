"""/healthz for load balancers and monitoring: is this instance able to serve pages?

It checks the database and both caches, answers before host checks and HTTPS
redirects (a load balancer probes instances by address, over plain HTTP), says only
"ok" or which part failed, and is never cached."""

import json
import logging

from django.conf import settings
from django.core.cache import caches
from django.db import connection
from django.http import HttpResponse

logger = logging.getLogger(__name__)
PATH = "/healthz"


def check_database():
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()


def check_caches():
    for alias in ("default", settings.PAGE_CACHE_ALIAS):
        cache = caches[alias]
        cache.set("healthz", "ok", 30)
        if cache.get("healthz") != "ok":
            raise RuntimeError(f"cache '{alias}' did not keep a value")


CHECKS = {"database": check_database, "cache": check_caches}


def health_response():
    results = {}
    for name, check in CHECKS.items():
        try:
            check()
        except Exception:
            logger.exception("Health check failed: %s", name)
            results[name] = "failing"
        else:
            results[name] = "ok"
    healthy = all(result == "ok" for result in results.values())
    body = {"status": "ok" if healthy else "failing", **results}
    response = HttpResponse(
        json.dumps(body), status=200 if healthy else 503, content_type="application/json"
    )
    response["Cache-Control"] = "no-store"
    return response


class HealthCheckMiddleware:
    """First in MIDDLEWARE: answers /healthz and nothing else."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path_info == PATH and request.method in ("GET", "HEAD"):
            return health_response()
        return self.get_response(request)
