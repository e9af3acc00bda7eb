"""What an operator relies on: a health endpoint, the site's public address, the admin
account `make run` creates (and its password kept out of logs), logs a collector can
read, errors reported without secrets, upload limits, and a README that names every
setting."""

import io
import json
import logging
import re
import stat
import sys
import time
from pathlib import Path

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from PIL import Image as PILImage
from wagtail.images import get_image_model
from wagtail.models import Site

from site_project.core.reporting import ReporterFilter
from site_project.settings.logs import OneLineFormatter

ROOT = Path(__file__).resolve().parent.parent
pytestmark = pytest.mark.django_db


# /healthz -------------------------------------------------------------------------------


def test_health_check_reports_the_database_and_caches_ok(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok", "cache": "ok"}
    assert response["Cache-Control"] == "no-store"


def test_health_check_answers_a_load_balancer_probing_by_address(client):
    # Not in ALLOWED_HOSTS: every other URL would be a 400.
    assert client.get("/healthz", HTTP_HOST="10.1.2.3:8000").status_code == 200
    assert client.get("/", HTTP_HOST="10.1.2.3:8000").status_code == 400


def test_health_check_fails_when_the_cache_is_unreachable(client, settings):
    settings.CACHES = {
        **settings.CACHES,
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://127.0.0.1:9/0",  # the discard port: nothing answers
        },
    }
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["cache"] == "failing"
    assert response.json()["database"] == "ok"


def test_health_check_names_a_cache_that_keeps_nothing_in_its_answer_and_the_log(
    client, settings, caplog
):
    settings.CACHES = {
        **settings.CACHES,
        settings.PAGE_CACHE_ALIAS: {"BACKEND": "django.core.cache.backends.dummy.DummyCache"},
    }
    with caplog.at_level(logging.ERROR, logger="site_project.core.health"):
        response = client.get("/healthz")
    assert response.status_code == 503
    assert json.loads(response.content) == {
        "status": "failing",
        "database": "ok",
        "cache": "failing",
    }
    assert response["Cache-Control"] == "no-store"
    [record] = [r for r in caplog.records if r.name == "site_project.core.health"]
    assert record.getMessage() == "Health check failed: cache"
    assert str(record.exc_info[1]) == "cache 'pages' did not keep a value"


def test_health_check_probes_leave_nothing_in_the_caches_after_30_seconds(
    client, settings, monkeypatch
):
    """Probed every few seconds by a load balancer, the check must not fill the caches
    (or a shared Redis) with entries that never lapse."""
    from django.core.cache import caches
    from django.core.cache.backends.redis import RedisCache

    aliases = ["default", settings.PAGE_CACHE_ALIAS]
    if any(isinstance(caches[alias], RedisCache) for alias in aliases):
        pytest.skip("Redis keeps its own time")  # CI's Redis pass
    before = time.time()
    assert client.get("/healthz").status_code == 200
    after = time.time()
    assert after - before < 0.9
    real_time = time.time
    monkeypatch.setattr(time, "time", lambda: before + 29.9)
    assert [caches[alias].get("healthz") for alias in aliases] == ["ok", "ok"]
    monkeypatch.setattr(time, "time", lambda: after + 30.01)
    assert [caches[alias].get("healthz") for alias in aliases] == [None, None]
    monkeypatch.setattr(time, "time", real_time)


def test_health_check_is_never_stored_in_the_page_cache(client, settings):
    from site_project.core import pagecache

    settings.PAGE_CACHE = True
    pagecache.invalidate_all()
    client.get("/healthz")
    assert "X-Cache" not in client.get("/healthz")


# The site's public address --------------------------------------------------------------


def default_site():
    return Site.objects.get(is_default_site=True)


def test_site_url_gives_the_site_its_public_address_and_the_sitemap_uses_it(
    client, site, monkeypatch, settings
):
    settings.SITE_URL = "https://engage.example.org"
    monkeypatch.setenv("SITE_NAME", "Engaging Communities (test)")
    call_command("configure_site", stdout=io.StringIO())
    configured = default_site()
    assert (configured.hostname, configured.port) == ("engage.example.org", 443)
    assert configured.site_name == "Engaging Communities (test)"
    sitemap = client.get("/sitemap.xml").content.decode()
    assert "<loc>https://engage.example.org/</loc>" in sitemap
    assert "localhost" not in sitemap


def test_site_url_keeps_a_non_standard_port(db, settings):
    settings.SITE_URL = "http://127.0.0.1:8000"
    call_command("configure_site", stdout=io.StringIO())
    assert default_site().root_url == "http://127.0.0.1:8000"


def test_without_site_url_the_first_allowed_host_is_the_address(db, settings):
    settings.SITE_URL = ""
    settings.ALLOWED_HOSTS = ["engage.example.org", "www.engage.example.org"]
    call_command("configure_site", stdout=io.StringIO())
    assert default_site().root_url == "https://engage.example.org"


def test_the_first_real_allowed_host_is_used_without_its_leading_dot(db, settings):
    settings.SITE_URL = ""
    settings.ALLOWED_HOSTS = ["*", "", ".engage.example.org", "other.example.org"]
    call_command("configure_site", stdout=io.StringIO())
    assert default_site().root_url == "https://engage.example.org"


def test_a_site_url_without_a_scheme_is_taken_as_https(db, settings):
    settings.SITE_URL = "engage.example.org:8443"
    call_command("configure_site", stdout=io.StringIO())
    assert (default_site().hostname, default_site().port) == ("engage.example.org", 8443)


def test_the_sites_name_is_kept_or_else_the_default_name_given(db, settings, monkeypatch):
    monkeypatch.delenv("SITE_NAME", raising=False)
    settings.SITE_URL = "https://engage.example.org"
    Site.objects.filter(is_default_site=True).update(site_name="Our engagement library")
    call_command("configure_site", stdout=io.StringIO())
    assert default_site().site_name == "Our engagement library"
    Site.objects.filter(is_default_site=True).update(site_name="")
    call_command("configure_site", stdout=io.StringIO())
    assert default_site().site_name == settings.WAGTAIL_SITE_NAME


def test_configure_site_without_a_default_site_changes_nothing_and_says_so(db, settings):
    settings.SITE_URL = "https://engage.example.org"
    Site.objects.update(is_default_site=False)
    out = io.StringIO()
    call_command("configure_site", stdout=out)
    assert out.getvalue() == "No default site yet: nothing to configure.\n"
    assert not Site.objects.filter(hostname="engage.example.org").exists()


@pytest.mark.parametrize("bad", ["ftp://example.org", "https://", "https://example.org:99999"])
def test_a_malformed_site_url_stops_with_a_clear_message(db, settings, bad):
    settings.SITE_URL = bad
    with pytest.raises(CommandError, match="SITE_URL"):
        call_command("configure_site", stdout=io.StringIO())
    assert default_site().hostname == "localhost"


# The admin account make run creates -----------------------------------------------------


@pytest.fixture
def var_dir(tmp_path, settings, monkeypatch):
    settings.VAR_DIR = tmp_path
    monkeypatch.delenv("ADMIN_PASSWORD", raising=False)
    return tmp_path


def test_ensure_admin_generates_a_password_kept_private_and_never_printed(
    var_dir, django_user_model, client
):
    output = io.StringIO()
    call_command("ensure_admin", stdout=output)
    saved = var_dir / "admin_password"
    password = saved.read_text().strip()
    # 96 random bits as 16 URL-safe characters: strong, and short enough to type.
    assert re.fullmatch(r"[A-Za-z0-9_-]{16}", password)
    assert stat.S_IMODE(saved.stat().st_mode) == 0o600
    assert password not in output.getvalue()
    assert str(saved) in output.getvalue()
    admin = django_user_model.objects.get(username="admin")
    assert admin.is_superuser
    assert admin.check_password(password)
    # A placeholder address for the operator to replace (Wagtail mails resets there).
    assert admin.email == "admin@example.org"


def test_ensure_admin_creates_the_var_folder_it_saves_into(tmp_path, settings, monkeypatch):
    """VAR_DIR may point into folders that do not exist yet (a fresh deploy)."""
    settings.VAR_DIR = tmp_path / "srv" / "site" / "var"
    monkeypatch.delenv("ADMIN_PASSWORD", raising=False)
    call_command("ensure_admin", stdout=io.StringIO())
    assert (tmp_path / "srv" / "site" / "var" / "admin_password").is_file()


def test_ensure_admin_reuses_the_saved_password_and_never_changes_an_existing_admin(
    var_dir, django_user_model
):
    (var_dir / "admin_password").write_text("saved-password-123\n")
    call_command("ensure_admin", stdout=io.StringIO())
    admin = django_user_model.objects.get(username="admin")
    assert admin.check_password("saved-password-123")
    admin.set_password("changed-by-the-admin-1")
    admin.save()
    (var_dir / "admin_password").write_text("something-else-456\n")
    call_command("ensure_admin", stdout=io.StringIO())
    assert django_user_model.objects.get(username="admin").check_password("changed-by-the-admin-1")


def test_ensure_admin_takes_admin_password_from_the_environment(
    var_dir, django_user_model, monkeypatch
):
    monkeypatch.setenv("ADMIN_PASSWORD", "chosen-by-the-operator-7")
    call_command("ensure_admin", stdout=io.StringIO())
    assert django_user_model.objects.get(username="admin").check_password(
        "chosen-by-the-operator-7"
    )
    assert not (var_dir / "admin_password").exists()


# Logs and error reports -----------------------------------------------------------------


def log_record(message, with_exception=False):
    exc_info = None
    if with_exception:
        try:
            raise ValueError("bad\nthing")
        except ValueError:
            exc_info = sys.exc_info()
    return logging.LogRecord("django.request", logging.ERROR, __file__, 1, message, (), exc_info)


def test_a_log_event_with_a_traceback_stays_on_one_line():
    line = OneLineFormatter().format(log_record("Internal Server Error: /x\nsecond", True))
    assert "\n" not in line
    assert re.match(r"^\d{4}-\d\d-\d\dT\S+ ERROR django\.request: Internal Server Error", line)
    assert "ValueError: bad\\nthing" in line


def test_json_logs_are_one_object_per_line():
    line = OneLineFormatter(as_json=True).format(log_record("Boom", True))
    event = json.loads(line)
    assert "\n" not in line
    assert event["level"] == "ERROR"
    assert (event["logger"], event["message"]) == ("django.request", "Boom")
    assert "ValueError" in event["exception"]


def test_server_errors_are_emailed_to_the_admins(settings):
    settings.ADMINS = [("Ops", "ops@example.org")]
    logging.getLogger("django.request").error("Internal Server Error: /essays/")
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["ops@example.org"]


def test_error_reports_leave_out_connection_urls_and_passwords(settings):
    settings.REDIS_URL = "redis://:hunter2@cache.internal:6379/0"
    settings.EMAIL_HOST_PASSWORD = "smtp-secret"
    report = json.dumps(ReporterFilter().get_safe_settings(), default=str)
    assert "hunter2" not in report
    assert "smtp-secret" not in report


def test_every_variable_the_settings_read_is_in_the_readme():
    readers = re.compile(r"""(?:env_str|env_bool|env_list|require)\(\s*["']([A-Z_]+)["']""")
    sources = [*ROOT.glob("site_project/settings/*.py"), ROOT / "deploy/gunicorn.conf.py"]
    sources += [ROOT / "site_project/core/management/commands/configure_site.py"]
    names = {name for path in sources for name in readers.findall(path.read_text())}
    names |= set(re.findall(r"""environ\.get\(\s*["']([A-Z_]+)["']""", sources[-2].read_text()))
    # Under `make mutation` the sources also hold mutmut's altered copies ("XXSITE_URLXX").
    names = {name for name in names if not name.startswith("XX")}
    assert {"SECRET_KEY", "SITE_URL", "ADMINS", "CLIENT_IP_HEADER"} <= names
    readme = (ROOT / "README.md").read_text()
    table_rows = [line for line in readme.splitlines() if line.startswith("| `")]
    missing = sorted(name for name in names if not any(f"`{name}`" in r for r in table_rows))
    assert missing == []


# Uploads --------------------------------------------------------------------------------


def upload_image(client, name, content):
    return client.post(
        "/admin/images/add/",
        {"title": name, "file": SimpleUploadedFile(name, content), "collection": 1},
    )


def png(width, height):
    buffer = io.BytesIO()
    PILImage.new("RGB", (width, height), (200, 80, 40)).save(buffer, "PNG")
    return buffer.getvalue()


@pytest.fixture
def editor_client(client, django_user_model):
    client.force_login(django_user_model.objects.create_superuser("ed", "ed@example.org", "x"))
    return client


def test_an_image_over_the_pixel_limit_is_refused_with_a_message(editor_client, settings):
    settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS = 100 * 100
    response = upload_image(editor_client, "huge.png", png(101, 100))
    assert response.status_code == 200
    assert "too many pixels" in response.content.decode()
    assert not get_image_model().objects.exists()


def test_an_svg_is_refused_with_a_message(editor_client):
    svg = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'
    response = upload_image(editor_client, "logo.svg", svg)
    assert "Not a supported image format" in response.content.decode()
    assert not get_image_model().objects.exists()


def test_the_upload_limits_suit_a_small_site(settings):
    assert settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE == 10 * 1024 * 1024
    assert 20_000_000 <= settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS <= 50_000_000
    assert "svg" not in settings.WAGTAILIMAGES_EXTENSIONS
