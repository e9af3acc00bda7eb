"""CI: the site as several instances, for real.

Two gunicorn instances (deploy/gunicorn.conf.py, production settings) share one
PostgreSQL database, one Redis server and one S3-compatible bucket for uploads (moto's
S3 server, from PyPI), behind the reference nginx
(deploy/nginx/engage.conf, checked with `nginx -t`) with its page cache and purge
endpoint. An editor publishes and unpublishes through instance A's admin; both
instances and the proxy must show the change on the very next request, on the page
and on every listing that shows it. Anonymous repeats are cache hits; an editor's
requests never are.

Run by .ci/run with DATABASE_URL and REDIS_URL set; needs nginx with
libnginx-mod-http-cache-purge, openssl, and the project's s3 extra plus moto[server]
in .venv.
"""

import http.client
import json
import os
import re
import shutil
import socket
import ssl
import subprocess
import sys
import tempfile
import time
from http.cookies import SimpleCookie
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parent.parent
PYTHON = ROOT / ".venv" / "bin" / "python"
GUNICORN = ROOT / ".venv" / "bin" / "gunicorn"
MOTO_SERVER = ROOT / ".venv" / "bin" / "moto_server"
BUCKET = "engage-media"
ADMIN_PASSWORD = "multi-instance-check-7731"
NEW_TITLE = "Retitled on instance A"


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for_port(port, what, process=None):
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if process is not None and process.poll() is not None:
            sys.exit(f"{what} exited early")
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return
        except OSError:
            time.sleep(0.2)
    sys.exit(f"{what} did not start on port {port}")


class Endpoint:
    """One way in: an instance directly (as the proxy would call it), or nginx (TLS)."""

    def __init__(self, name, port, tls=False):
        self.name, self.port, self.tls = name, port, tls
        self.cookies = {}

    def request(self, method, path, body=None, headers=None):
        if self.tls:
            # By name, so the TLS handshake names the site (SNI), as a browser's does.
            context = ssl._create_unverified_context()
            connection = http.client.HTTPSConnection(
                "localhost", self.port, timeout=20, context=context
            )
        else:
            connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=20)
        headers = {"Host": "localhost", **(headers or {})}
        if not self.tls:
            headers["X-Forwarded-Proto"] = "https"  # what nginx tells an instance
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        connection.request(method, path, body=body, headers=headers)
        response = connection.getresponse()
        data = response.read()
        for header in response.headers.get_all("Set-Cookie") or []:
            for name, morsel in SimpleCookie(header).items():
                self.cookies[name] = morsel.value
        connection.close()
        return response, data.decode("utf-8", "replace")

    def get(self, path):
        return self.request("GET", path)

    def sign_in(self, username="admin", password=ADMIN_PASSWORD, headers=None):
        _, page = self.get("/admin/login/")
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
        form = urlencode({"username": username, "password": password, "csrfmiddlewaretoken": token})
        response, _ = self.request(
            "POST",
            "/admin/login/",
            body=form,
            headers={
                "Content-Type": "application/x-www-form-urlencoded",
                "Referer": "https://localhost/admin/login/",
                "Origin": "https://localhost",
                **(headers or {}),
            },
        )
        return response.status

    def log_in(self):
        status = self.sign_in()
        check(status == 302 and "sessionid" in self.cookies, f"{self.name}: log in")

    def admin_post(self, path):
        """Submit an admin confirmation form (bulk publish, unpublish) as an editor."""
        _, page = self.get(path)
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
        response, _ = self.request(
            "POST",
            path,
            body=urlencode({"csrfmiddlewaretoken": token}),
            headers={
                "Content-Type": "application/x-www-form-urlencoded",
                "Referer": "https://localhost" + path,
                "Origin": "https://localhost",
            },
        )
        check(response.status == 302, f"{self.name}: POST {path} -> {response.status}")


failures = []


def check(condition, message):
    print(("   ok  " if condition else "   FAIL ") + message, flush=True)
    if not condition:
        failures.append(message)


def manage(env, *args, capture=False):
    result = subprocess.run(
        [str(PYTHON), "manage.py", *args],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=capture,
        text=True,
    )
    return result.stdout


def render_nginx(work, app_ports, https_port, http_port, purge_port, static_root, media_root):
    """The reference site file with this run's addresses and paths, plus a main config."""
    site = (ROOT / "deploy" / "nginx" / "engage.conf").read_text()
    upstreams = "".join(f"    server 127.0.0.1:{port};\n" for port in app_ports)
    replacements = [
        ("    server 127.0.0.1:8000;\n", upstreams),
        ("/var/cache/nginx/engage", str(work / "cache")),
        ("    listen 80 default_server;\n", f"    listen 127.0.0.1:{http_port} default_server;\n"),
        ("    listen [::]:80 default_server;\n", ""),
        (
            "    listen 443 ssl default_server;\n",
            f"    listen 127.0.0.1:{https_port} ssl default_server;\n",
        ),
        ("    listen [::]:443 ssl default_server;\n", ""),
        ("    listen 80;\n", f"    listen 127.0.0.1:{http_port};\n"),
        ("    listen [::]:80;\n", ""),
        ("    listen 443 ssl http2;\n", f"    listen 127.0.0.1:{https_port} ssl http2;\n"),
        ("    listen [::]:443 ssl http2;\n", ""),
        ("/etc/letsencrypt/live/engage.example.org/fullchain.pem", str(work / "cert.pem")),
        ("/etc/letsencrypt/live/engage.example.org/privkey.pem", str(work / "key.pem")),
        ("/srv/engage/var/static/", f"{static_root}/"),
        ("/srv/engage/var/media/", f"{media_root}/"),
        ("engage.example.org", "localhost"),
        ("    listen 8081;\n", f"    listen 127.0.0.1:{purge_port};\n"),
    ]
    for old, new in replacements:
        if old not in site:
            sys.exit(f"deploy/nginx/engage.conf no longer contains {old!r}: update .ci too")
        site = site.replace(old, new)
    (work / "site.conf").write_text(site)
    for folder in ("cache", "tmp"):
        (work / folder).mkdir(exist_ok=True)
    user = "user root;\n" if os.geteuid() == 0 else ""
    purge_module = "/usr/lib/nginx/modules/ngx_http_cache_purge_module.so"
    (work / "nginx.conf").write_text(
        f"""{user}load_module {purge_module};
pid {work}/nginx.pid;
error_log {work}/error.log warn;
events {{ worker_connections 512; }}
http {{
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    access_log {work}/access.log;
    client_body_temp_path {work}/tmp/body;
    proxy_temp_path {work}/tmp/proxy;
    fastcgi_temp_path {work}/tmp/fastcgi;
    uwsgi_temp_path {work}/tmp/uwsgi;
    scgi_temp_path {work}/tmp/scgi;
    include {work}/site.conf;
}}
"""
    )
    subprocess.run(
        [
            "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
            "-subj", "/CN=localhost", "-keyout", str(work / "key.pem"),
            "-out", str(work / "cert.pem"),
        ],
        check=True,
        capture_output=True,
    )  # fmt: skip


def main():
    work = Path(tempfile.mkdtemp(prefix="multi-instance-"))
    processes = []
    try:
        run(work, processes)
    finally:
        for process in processes:
            process.terminate()
        for process in processes:
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()
        shutil.rmtree(work, ignore_errors=True)
    if failures:
        sys.exit(f"Multi-instance check failed: {len(failures)} problem(s).")
    print("== Multi-instance check passed")


def run(work, processes):
    for name in ("DATABASE_URL", "REDIS_URL"):
        if not os.environ.get(name):
            sys.exit(f"{name} must be set (see .ci/run)")
    static_root, media_root = work / "static", work / "media"
    ports = {name: free_port() for name in ("a", "b", "https", "http", "purge", "s3")}
    s3 = subprocess.Popen(
        [str(MOTO_SERVER), "-H", "127.0.0.1", "-p", str(ports["s3"])],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    processes.append(s3)
    wait_for_port(ports["s3"], "the S3 server", s3)
    s3_url = f"http://127.0.0.1:{ports['s3']}"
    env = {
        **os.environ,
        "MEDIA_ROOT": str(media_root),
        "STATIC_ROOT": str(static_root),
        "ADMIN_PASSWORD": ADMIN_PASSWORD,
        # The public address: purges name it, and nginx keys its cache by it.
        "SITE_URL": "https://localhost",
        "DJANGO_SETTINGS_MODULE": "site_project.settings.dev",
        "S3_BUCKET": BUCKET,
        "S3_ENDPOINT_URL": s3_url,
        "S3_REGION": "eu-west-2",
        "S3_ACCESS_KEY_ID": "ci",
        "S3_SECRET_ACCESS_KEY": "ci-secret",
    }
    manage(env, "shell", "-c", CREATE_BUCKET)
    print("== Preparing the shared database and Redis", flush=True)
    manage(env, "prepare_site", "--no-static")
    env.update(
        DJANGO_SETTINGS_MODULE="site_project.settings.production",
        SECRET_KEY="multi-instance-check-secret-0123456789-abcdefghijklmnopqrstuvwxyz",
        ALLOWED_HOSTS="localhost,127.0.0.1",
        SECURE_PROXY_SSL_HEADER="true",
        CLIENT_IP_HEADER="X-Forwarded-For",
        FRONTEND_CACHE_PURGE_URLS=f"http://127.0.0.1:{ports['purge']}",
        ACCESS_LOG=str(work / "gunicorn-access.log"),
    )
    manage(env, "collectstatic", "--noinput", "-v", "0")
    manage(env, "check", "--deploy", "--fail-level", "WARNING")

    print("== Starting instances A and B, and nginx in front of both", flush=True)
    for name in ("a", "b"):
        process = subprocess.Popen(
            [str(GUNICORN), "-c", "deploy/gunicorn.conf.py", "site_project.wsgi"],
            cwd=ROOT,
            env={**env, "PORT": str(ports[name])},
        )
        processes.append(process)
        wait_for_port(ports[name], f"instance {name.upper()}", process)
    render_nginx(
        work,
        [ports["a"], ports["b"]],
        ports["https"],
        ports["http"],
        ports["purge"],
        static_root,
        media_root,
    )
    nginx = ["nginx", "-p", str(work), "-c", str(work / "nginx.conf")]
    tested = subprocess.run([*nginx, "-t"], capture_output=True, text=True)
    check(tested.returncode == 0, "nginx -t accepts deploy/nginx/engage.conf")
    if tested.returncode:
        sys.exit(tested.stderr)
    processes.append(subprocess.Popen([*nginx, "-g", "daemon off;"]))
    wait_for_port(ports["https"], "nginx")

    a, b = Endpoint("A", ports["a"]), Endpoint("B", ports["b"])
    proxy = Endpoint("nginx", ports["https"], tls=True)
    check_proxy_basics(proxy, ports["http"], static_root)
    essay, showing = pick_essay(env)
    check_cache_hits(a, b, proxy, essay["url"])
    check_shared_media(b, s3_url, media_root)
    check_editor_bypasses(proxy, a, essay["url"])

    print("== Publishing a new title through instance A's admin", flush=True)
    manage(env, "shell", "-c", draft_script(essay["id"], NEW_TITLE))
    editor = Endpoint("A (editor)", ports["a"])
    editor.log_in()
    for endpoint in (a, b, proxy):
        for url in [essay["url"], *showing]:
            endpoint.get(url)  # every cache warm with the old version
    editor.admin_post(f"/admin/bulk/wagtailcore/page/publish/?id={essay['id']}")
    for endpoint in (a, b, proxy):
        for url in [essay["url"], *showing]:
            _, body = endpoint.get(url)
            check(NEW_TITLE in body, f"{endpoint.name} shows the new title at once on {url}")

    print("== Unpublishing it through instance A's admin", flush=True)
    editor.admin_post(f"/admin/pages/{essay['id']}/unpublish/")
    for endpoint in (a, b, proxy):
        response, _ = endpoint.get(essay["url"])
        check(response.status == 404, f"{endpoint.name}: the essay's page is gone at once")
        for url in showing:
            _, body = endpoint.get(url)
            check(NEW_TITLE not in body, f"{endpoint.name}: gone from {url} at once")

    check_lockout_behind_the_proxy(env, proxy, a, b)


def check_lockout_behind_the_proxy(env, proxy, a, b):
    """Last: it pauses sign-ins from the address every request here comes from."""
    print("== Password guessing through nginx", flush=True)
    statuses = [
        Endpoint("nginx", proxy.port, tls=True).sign_in(
            f"guess{number}", "wrong", headers={"X-Forwarded-For": f"198.51.100.{number}"}
        )
        for number in range(5)
    ]
    check(
        statuses == [200, 200, 200, 200, 429],
        f"five wrong sign-ins from one address pause it, forged X-Forwarded-For or not "
        f"({statuses})",
    )
    for endpoint in (proxy, a, b):
        status = Endpoint(endpoint.name, endpoint.port, tls=endpoint.tls).sign_in()
        check(status == 429, f"{endpoint.name}: the right password waits too ({status})")
    manage(env, "axes_reset")
    status = Endpoint("nginx", proxy.port, tls=True).sign_in()
    check(status == 302, "after `manage.py axes_reset` the editor signs in again")


def check_proxy_basics(proxy, http_port, static_root):
    print("== The reference proxy", flush=True)
    connection = http.client.HTTPConnection("127.0.0.1", http_port, timeout=10)
    connection.request("GET", "/essays/", headers={"Host": "localhost"})
    redirect = connection.getresponse()
    check(
        redirect.status == 301 and redirect.getheader("Location") == "https://localhost/essays/",
        "plain HTTP redirects to HTTPS",
    )
    css = next((static_root / "css").glob("site.*.css")).name
    response, _ = proxy.get(f"/static/css/{css}")
    check(
        response.status == 200 and "immutable" in (response.getheader("Cache-Control") or ""),
        "hashed static files come from disk with a long lifetime",
    )
    (static_root.parent / "media" / "documents").mkdir(parents=True, exist_ok=True)
    (static_root.parent / "media" / "documents" / "report.txt").write_text("private")
    response, _ = proxy.get("/media/documents/report.txt")
    check(response.status == 404, "documents are never served from disk by the proxy")
    response, body = proxy.get("/")
    check(response.status == 200 and "<main" in body, "the home page comes through nginx")
    response, body = proxy.get("/healthz")
    check(
        response.status == 200
        and json.loads(body)["status"] == "ok"
        and "X-Proxy-Cache: HIT" not in str(proxy.get("/healthz")[0].headers),
        "/healthz reports a healthy instance through nginx, never from its cache",
    )


# The bucket as the README asks an operator to set it up: public read on images only.
CREATE_BUCKET = """
import json
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
client = default_storage.connection.meta.client
bucket = default_storage.bucket_name
client.create_bucket(Bucket=bucket, CreateBucketConfiguration={"LocationConstraint": "eu-west-2"})
public = [f"arn:aws:s3:::{bucket}/{folder}/*" for folder in ("images", "original_images")]
client.put_bucket_policy(Bucket=bucket, Policy=json.dumps({"Version": "2012-10-17", "Statement": [
    {"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": public}
]}))
default_storage.save("documents/board-minutes.txt", ContentFile(b"private"))
"""


def check_shared_media(instance, s3_url, media_root):
    print("== Uploads in the shared bucket", flush=True)
    _, home = instance.get("/")
    images = re.findall(rf'{re.escape(s3_url)}/{BUCKET}/images/[^"\s]+', home)
    check(bool(images), "B's pages show images from the shared bucket")
    if images:
        status, kind = fetch_url(images[0])
        check(
            status == 200 and kind.startswith("image/"),
            f"an image an instance made is served from the bucket ({status}, {kind})",
        )
    status, _ = fetch_url(f"{s3_url}/{BUCKET}/documents/board-minutes.txt")
    check(status == 403, f"documents in the bucket are not public ({status})")
    local = [p for folder in ("images", "original_images") for p in media_root.glob(folder)]
    check(not local, "no image was written to the instances' local disk")


def fetch_url(url):
    """(status, content type) of an anonymous GET, straight to the object store."""
    host, path = url.split("//", 1)[1].split("/", 1)
    connection = http.client.HTTPConnection(host, timeout=10)
    connection.request("GET", "/" + path)
    response = connection.getresponse()
    response.read()
    return response.status, response.getheader("Content-Type", "")


def pick_essay(env):
    """An essay that discusses a method and has topics, and the URLs that show it."""
    out = manage(env, "shell", "-c", PICK_ESSAY, capture=True)
    picked = json.loads(out.strip().splitlines()[-1])
    return picked["essay"], picked["showing"]


PICK_ESSAY = """
import json
from blog.models import EssayPage
essay = next(
    e for e in EssayPage.objects.live().order_by("-date")
    if e.method_links.exists() and e.topics.exists()
)
method = essay.method_links.first().method
topic = essay.topics.first()
showing = ["/", essay.get_parent().url, method.url, topic.get_absolute_url(), "/feeds/essays/rss/"]
print(json.dumps({"essay": {"id": essay.pk, "url": essay.url}, "showing": showing}))
"""


def draft_script(page_id, title):
    """A new draft title, saved as an editor's draft is: nothing public changes yet."""
    return (
        "from wagtail.models import Page\n"
        f"page = Page.objects.get(pk={page_id}).specific\n"
        f"page.title = {title!r}\n"
        "page.save_revision()\n"
    )


def check_cache_hits(a, b, proxy, url):
    print("== Caches shared by both instances", flush=True)
    first, _ = a.get(url)
    again, _ = a.get(url)
    check(again.getheader("X-Cache") == "hit", "A: an anonymous repeat request is a cache hit")
    other, _ = b.get(url)
    check(other.getheader("X-Cache") == "hit", "B: a page A rendered is a hit on B (Redis)")
    proxy.get(url)
    response, _ = proxy.get(url)
    check(response.getheader("X-Proxy-Cache") == "HIT", "nginx: a repeat request is a HIT")
    response, _ = proxy.get(url + "?utm_source=newsletter")
    check(response.getheader("X-Proxy-Cache") == "BYPASS", "nginx leaves query strings to the app")
    check(refuses_host(proxy.port, "evil.example", "evil.example"), "nginx refuses other sites")
    check(
        refuses_host(proxy.port, "localhost", "evil.example"),
        "nginx refuses another Host header on this site's connection",
    )


def refuses_host(port, sni, host):
    """Whether nginx refuses a request naming `sni` in TLS and `host` in HTTP, so that
    no page with links to another host can be cached under this site's addresses."""
    context = ssl._create_unverified_context()
    request = f"GET / HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n".encode()
    try:
        raw = socket.create_connection(("127.0.0.1", port), timeout=10)
        with context.wrap_socket(raw, server_hostname=sni) as tls:
            tls.sendall(request)
            answer = tls.recv(100)
    except (ssl.SSLError, ConnectionError):
        return True
    return not answer or not answer.startswith((b"HTTP/1.1 200", b"HTTP/1.1 3"))


def check_editor_bypasses(proxy, a, url):
    print("== Editors always get fresh pages", flush=True)
    editor = Endpoint("nginx (editor)", proxy.port, tls=True)
    editor.log_in()
    for _ in range(2):
        response, body = editor.get(url)
        check(
            response.getheader("X-Proxy-Cache") == "BYPASS"
            and response.getheader("X-Cache") is None
            and "wagtail-userbar" in body,
            "a logged-in request through nginx is never a cache hit",
        )
    direct = Endpoint("A (editor)", a.port)
    direct.cookies = dict(editor.cookies)
    response, _ = direct.get(url)
    check(response.getheader("X-Cache") is None, "a logged-in request to A is never a cache hit")
    check(
        response.getheader("Cache-Control") == "private, no-store",
        "pages for editors are marked private, no-store",
    )


if __name__ == "__main__":
    main()
