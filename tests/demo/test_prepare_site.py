"""`prepare_site`, everything `make run` (and, without static files, `make serve`) does
before serving, run in-process: it loads the demo content, gives the site its local
address, creates the admin account with the saved password, makes the secrets private,
collects the static files, stays quiet about the routine steps, and a second run
changes nothing.

The first run happens once for the package (`first_run`, see conftest.py). Each test
then runs prepare_site again in the situation it checks, in a savepoint on top of it,
with its own var/ folder."""

import os
import re
import stat

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from wagtail.models import Page, Revision, Site

from blog.models import EssayPage
from engagement.models import MethodPage
from home.management.commands.prepare_site import Command, private_files
from home.models import HomePage
from tests.demo.conftest import prepare

SAVED_PASSWORD = "chosen-by-hand-4821"


def mode(path):
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def var(first_run, tmp_path, settings, monkeypatch):
    """Each test's own var/ and static folder, on top of the first run's database."""
    settings.VAR_DIR = tmp_path / "var"
    settings.STATIC_ROOT = tmp_path / "static"
    settings.VAR_DIR.mkdir()
    monkeypatch.delenv("ADMIN_PASSWORD", raising=False)
    monkeypatch.delenv("SITE_NAME", raising=False)
    return settings.VAR_DIR


pytestmark = pytest.mark.django_db


def test_a_first_run_loads_the_demo_content_and_says_so(first_run):
    home = Site.objects.get(is_default_site=True).root_page.specific
    assert isinstance(home, HomePage) and home.featured_essays.count() == 3
    assert EssayPage.objects.live().descendant_of(home).count() == 10
    assert MethodPage.objects.live().descendant_of(home).count() >= 14
    assert first_run.startswith("Demo content ready: 10 essays")


def test_the_site_is_given_the_address_it_is_served_on(var, settings):
    settings.SITE_URL = "http://127.0.0.1:8001"  # make run PORT=8001
    report, _ = prepare("--no-static")
    assert Site.objects.get(is_default_site=True).root_url == "http://127.0.0.1:8001"
    assert "Site address: http://127.0.0.1:8001/" in report


def test_the_admin_account_is_created_with_the_saved_password(var):
    get_user_model().objects.filter(username="admin").delete()  # a new database's state
    (var / "admin_password").write_text(SAVED_PASSWORD + "\n")
    report, _ = prepare("--no-static")
    admin = get_user_model().objects.get(username="admin")
    assert admin.is_superuser and admin.is_staff
    assert admin.check_password(SAVED_PASSWORD)
    assert "Created admin account 'admin'." in report
    assert SAVED_PASSWORD not in report


def test_the_secret_key_and_admin_password_become_readable_by_the_owner_only(var):
    # A secret key from an earlier make serve, a password saved by hand: both were
    # readable by other users of the machine.
    for name in ("secret_key", "admin_password"):
        (var / name).write_text(f"{name}-value\n")
        (var / name).chmod(0o644)
    prepare("--no-static")
    assert mode(var / "secret_key") == 0o600
    assert mode(var / "admin_password") == 0o600


def test_the_static_files_are_collected_for_serving(var, settings):
    prepare()
    assert (settings.STATIC_ROOT / "css" / "site.css").is_file()
    assert (settings.STATIC_ROOT / "wagtailadmin").is_dir()


def test_a_later_run_updates_the_static_files_without_stopping_to_ask(var, settings):
    # collectstatic asks before overwriting a folder with files in it, unless told not to.
    (settings.STATIC_ROOT / "css").mkdir(parents=True)
    old = settings.STATIC_ROOT / "css" / "site.css"
    old.write_text("/* from the last release */")
    os.utime(old, (0, 0))  # older than the source, so collectstatic replaces it
    prepare()
    assert "from the last release" not in (settings.STATIC_ROOT / "css" / "site.css").read_text()


def test_the_routine_steps_print_nothing(var):
    # Migrating, collecting static files and clearing the cache: their chatter would
    # bury the lines that matter (the admin account, the demo content) on every run.
    _, stray = prepare()
    assert stray == ""


def test_a_second_run_changes_nothing_and_keeps_the_admins_own_password(var, settings):
    prepare("--no-static")
    admin = get_user_model().objects.get(username="admin")
    admin.set_password("changed-in-the-admin-77")
    admin.save()
    pages, revisions = Page.objects.count(), Revision.objects.count()
    report, _ = prepare("--no-static")
    assert (Page.objects.count(), Revision.objects.count()) == (pages, revisions)
    assert get_user_model().objects.get(username="admin").check_password("changed-in-the-admin-77")
    assert "nothing to do, everything was already there" in report
    assert "Admin account 'admin' already exists." in report
    assert "Site address" not in report  # already configured
    # make serve collects its own (hashed) static files: --no-static leaves them alone.
    assert not settings.STATIC_ROOT.exists()


def test_help_explains_the_no_static_option():
    help_text = Command().create_parser("manage.py", "prepare_site").format_help()
    assert re.search(
        r"^\s*--no-static\s+Skip collectstatic \(e\.g\. for make serve\)\.$", help_text, re.M
    )


def test_the_sqlite_database_files_are_among_those_made_private(settings, tmp_path, monkeypatch):
    """With SQLite, the database and its write-ahead log and shared-memory files hold
    everything (password hashes included); on PostgreSQL only the secrets are files."""
    settings.VAR_DIR = tmp_path
    database = tmp_path / "db.sqlite3"
    for name in ("secret_key", "db.sqlite3", "db.sqlite3-wal", "db.sqlite3-shm"):
        (tmp_path / name).write_text("x")
    monkeypatch.setitem(connection.settings_dict, "NAME", str(database))
    expected = [tmp_path / "secret_key"]  # no admin_password file: ADMIN_PASSWORD was set
    if connection.vendor == "sqlite":
        expected += [database, tmp_path / "db.sqlite3-wal", tmp_path / "db.sqlite3-shm"]
    assert private_files() == expected
