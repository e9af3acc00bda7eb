"""gunicorn settings for `make serve` and for production instances.

    gunicorn -c deploy/gunicorn.conf.py site_project.wsgi

gevent workers: each worker waits on many connections at once, so clients that send
their request slowly (a bad mobile link, or a "slowloris" on purpose) cost a sleeping
greenlet rather than a whole worker, and everyone else is still answered. Page-cache
hits take a fraction of a millisecond; pages that need the database are rendered one
at a time per worker, as with sync workers. Behind the reference proxy (deploy/nginx)
this matters less, because nginx buffers requests, but it keeps a single machine
without a proxy safe. Every value can be overridden from the environment.
"""

import os

bind = f"{os.environ.get('HOST', '127.0.0.1')}:{os.environ.get('PORT', '8000')}"
# Two workers per core is plenty: a worker's CPU time goes on rendering, not waiting.
workers = int(os.environ.get("WEB_CONCURRENCY", "2"))
# Behind the reference proxy, which buffers slow clients itself, "sync" workers also do.
worker_class = os.environ.get("WORKER_CLASS", "gevent")
# Connections one worker holds open at once, slow ones included.
worker_connections = int(os.environ.get("WORKER_CONNECTIONS", "1000"))
# A request that takes longer than this is stuck: its worker is restarted.
timeout = 30
graceful_timeout = 20
keepalive = 5
# Headers and request lines have limits, so a trickled request ends at some point.
limit_request_line = 4094
limit_request_fields = 100
accesslog = os.environ.get("ACCESS_LOG", "-")
# Only the first line of each request; no query strings (they may carry personal data).
access_log_format = '%(h)s "%(m)s %(U)s" %(s)s %(B)s %(M)sms'
errorlog = "-"


def post_request(worker, req, environ, resp):
    """After each response, let the worker's other connections go first.

    A keep-alive client that sends its next request at once would otherwise be served
    again and again while requests on other connections wait (seen as a p99 of over a
    second under load); yielding here serves connections in turn."""
    if worker_class == "gevent":
        import gevent

        gevent.sleep(0)
