"""The production-like server `make serve` runs (gunicorn with deploy/gunicorn.conf.py,
production settings, the file page cache), started for real on a throw-away SQLite
database with the demo content: it keeps answering while slow clients hold
connections, serves cached pages to anonymous readers only, and every worker sees a
change published by another process at once."""

import contextlib
import gzip
import http.client
import json
import os
import re
import socket
import stat
import subprocess
import sys
import threading
import time
from http.cookiejar import CookieJar
from pathlib import Path
from urllib.parse import urlencode
from urllib.request import HTTPCookieProcessor, Request, build_opener

import pytest

ROOT = Path(__file__).resolve().parent.parent
ADMIN_PASSWORD = "serve-test-password-4821"


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    home = tmp_path_factory.mktemp("serve")
    port = free_port()
    env = {k: v for k, v in os.environ.items() if k not in ("REDIS_URL", "DATABASE_URL")}
    env.update(
        DATABASE_URL=f"sqlite:///{home / 'db.sqlite3'}",
        MEDIA_ROOT=str(home / "media"),
        STATIC_ROOT=str(home / "static"),
        PAGE_CACHE_DIR=str(home / "cache"),
        ADMIN_PASSWORD=ADMIN_PASSWORD,
        PYTHONPATH=str(ROOT),
        DJANGO_SETTINGS_MODULE="site_project.settings.dev",
    )
    manage = [sys.executable, "manage.py"]
    subprocess.run([*manage, "prepare_site", "--no-static"], cwd=ROOT, env=env, check=True)
    env.update(
        DJANGO_SETTINGS_MODULE="site_project.settings.production",
        SECRET_KEY="serve-test-secret-key-0123456789-abcdefghijklmnopqrstuvwxyz",
        ALLOWED_HOSTS="127.0.0.1,localhost",
        SECURE_SSL_REDIRECT="false",
        SECURE_COOKIES="false",
        SECURE_HSTS_SECONDS="0",
        SERVE_MEDIA="true",
        PORT=str(port),
        ACCESS_LOG="/dev/null",
    )
    subprocess.run(
        [*manage, "collectstatic", "--noinput", "-v", "0"], cwd=ROOT, env=env, check=True
    )
    gunicorn = Path(sys.executable).with_name("gunicorn")
    process = subprocess.Popen(
        [str(gunicorn), "-c", "deploy/gunicorn.conf.py", "site_project.wsgi"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            break
        except OSError:
            time.sleep(0.2)
    else:
        process.kill()
        pytest.fail("gunicorn did not start: " + process.stderr.read().decode()[-2000:])
    yield {"port": port, "env": env, "manage": manage, "home": home}
    process.terminate()
    process.wait(timeout=20)


def fetch(server, path, headers=None, timeout=5):
    connection = http.client.HTTPConnection("127.0.0.1", server["port"], timeout=timeout)
    connection.request("GET", path, headers={"Host": "localhost", **(headers or {})})
    response = connection.getresponse()
    body = response.read()
    connection.close()
    return response, body


def first_essay_path(server):
    _, body = fetch(server, "/essays/")
    return re.search(rb'href="(/essays/[a-z0-9-]+/)"', body).group(1).decode()


@pytest.mark.server
def test_the_database_is_readable_by_its_owner_only(server):
    database = server["home"] / "db.sqlite3"
    assert stat.S_IMODE(database.stat().st_mode) == 0o600


@pytest.mark.server
def test_health_check_answers_under_production_settings(server):
    # By address, as a load balancer probes; the first request also starts the workers.
    response, body = fetch(server, "/healthz", headers={"Host": "10.0.0.8"}, timeout=60)
    assert response.status == 200
    assert json.loads(body)["status"] == "ok"


@pytest.mark.server
def test_slow_clients_cannot_hold_up_other_readers(server):
    """50 connections trickle one header line every two seconds; meanwhile normal
    requests keep being answered in well under a second."""
    paths = ["/", "/essays/", "/engagement/methods/", "/topics/", "/search/?q=panel"]
    for path in paths:  # first renders make image renditions: not what is measured here
        fetch(server, path, timeout=60)
    slow = []
    for _ in range(50):
        sock = socket.create_connection(("127.0.0.1", server["port"]))
        sock.sendall(b"GET / HTTP/1.1\r\nHost: localhost\r\n")
        slow.append(sock)
    stop = threading.Event()

    def trickle():
        line = 0
        while not stop.wait(2):
            line += 1
            for sock in slow:
                # The server may give up on a connection, as it should: ignore that.
                with contextlib.suppress(OSError):
                    sock.sendall(f"X-Slow-{line}: x\r\n".encode())

    threading.Thread(target=trickle, daemon=True).start()
    try:
        timings = []
        end = time.monotonic() + 10
        while time.monotonic() < end:
            # Cache hits, and a search no one has run before, which is rendered afresh.
            for path in [*paths, f"/search/?q=engagement+{len(timings)}"]:
                started = time.monotonic()
                response, _ = fetch(server, path)
                timings.append(time.monotonic() - started)
                assert response.status == 200, path
            time.sleep(0.2)
    finally:
        stop.set()
        for sock in slow:
            sock.close()
    assert len(timings) >= 20
    assert max(timings) < 1.0, f"slowest normal request took {max(timings):.2f}s"


@pytest.mark.server
def test_anonymous_repeat_requests_are_cache_hits_sent_compressed(server):
    path = first_essay_path(server)
    fetch(server, path)
    response, body = fetch(server, path, {"Accept-Encoding": "gzip"})
    assert response.getheader("X-Cache") == "hit"
    assert response.getheader("Content-Encoding") == "gzip"
    assert response.getheader("Cache-Control").startswith("public, max-age=")
    assert response.getheader("X-Content-Type-Options") == "nosniff"
    assert response.getheader("X-Frame-Options") == "DENY"
    assert b"<main" in gzip.decompress(body)
    plain, plain_body = fetch(server, path)
    assert plain.getheader("Content-Encoding") is None
    assert plain_body == gzip.decompress(body)


@pytest.mark.server
def test_pages_link_a_content_hashed_stylesheet_cached_for_a_year(server):
    _, body = fetch(server, "/", timeout=60)  # may be the workers' first request
    hashed = rb'<link rel="stylesheet" href="(/static/css/site\.[0-9a-f]{12}\.css)"'
    stylesheet = re.search(hashed, body)
    assert stylesheet, "the page should link the stylesheet by its content-hashed name"
    response, css = fetch(server, stylesheet.group(1).decode())
    assert response.status == 200
    assert response.getheader("Content-Type").startswith("text/css")
    assert "max-age=315360000" in response.getheader("Cache-Control")
    assert "immutable" in response.getheader("Cache-Control")
    assert b"{" in css


@pytest.mark.server
def test_logged_in_editors_are_never_served_from_the_cache(server):
    jar = CookieJar()
    opener = build_opener(HTTPCookieProcessor(jar))
    base = f"http://127.0.0.1:{server['port']}"
    opener.open(base + "/admin/login/").read()
    token = next(cookie.value for cookie in jar if cookie.name == "csrftoken")
    form = urlencode(
        {"username": "admin", "password": ADMIN_PASSWORD, "csrfmiddlewaretoken": token}
    ).encode()
    opener.open(Request(base + "/admin/login/", data=form, headers={"Referer": base})).read()
    assert any(cookie.name == "sessionid" for cookie in jar)
    fetch(server, "/")
    assert fetch(server, "/")[0].getheader("X-Cache") == "hit"
    for _ in range(3):
        response = opener.open(base + "/")
        assert response.headers.get("X-Cache") is None
        assert response.headers.get("Cache-Control") == "private, no-store"
        assert b"wagtail-userbar" in response.read()


@pytest.mark.server
def test_a_change_published_by_another_process_reaches_every_worker(server):
    path = first_essay_path(server)
    for _ in range(6):  # warm the page in both workers' view of the shared cache
        fetch(server, path)
    slug = path.rstrip("/").rsplit("/", 1)[1]
    script = (
        "from blog.models import EssayPage\n"
        f"essay = EssayPage.objects.get(slug={slug!r})\n"
        "essay.title = 'Retitled by another process'\n"
        "essay.save_revision().publish()\n"
    )
    subprocess.run(
        [*server["manage"], "shell", "-c", script],
        cwd=ROOT,
        env=server["env"],
        check=True,
        capture_output=True,
    )
    for _ in range(6):  # whichever worker answers, and the listing too
        for url in (path, "/essays/"):
            _, body = fetch(server, url)
            assert b"Retitled by another process" in body, url
