"""The machine's limit: the smallest WSGI application, served exactly as the site is
(gunicorn -c deploy/gunicorn.conf.py bench.hello:application)."""

BODY = b"Hello, world"


def application(environ, start_response):
    start_response("200 OK", [("Content-Type", "text/plain"), ("Content-Length", str(len(BODY)))])
    return [BODY]
