"""The foundation: a fresh site serves pages, the admin works, production settings
are safe, static files are served well, and SQLite copes with concurrent use."""

import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from django.conf import settings
from django.db.backends.sqlite3.base import DatabaseWrapper

from site_project.settings.base import SQLITE_OPTIONS

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.django_db
def test_fresh_database_serves_the_home_page(client):
    response = client.get("/")
    assert response.status_code == 200
    assert b"<main" in response.content


@pytest.mark.django_db
def test_admin_login_page_renders(client):
    response = client.get("/admin/login/")
    assert response.status_code == 200
    assert b'name="password"' in response.content


@pytest.mark.django_db
def test_superuser_can_log_in_and_see_the_dashboard(client, django_user_model):
    django_user_model.objects.create_superuser("editor", "e@example.org", "a-long-password-1")
    response = client.post(
        "/admin/login/", {"username": "editor", "password": "a-long-password-1"}, follow=True
    )
    assert response.status_code == 200
    assert response.resolver_match.url_name == "wagtailadmin_home"
    assert response.context["user"].username == "editor"


def _production_env(**extra):
    env = {k: v for k, v in os.environ.items() if k not in {"SECRET_KEY", "ALLOWED_HOSTS"}}
    env.update(DJANGO_SETTINGS_MODULE="site_project.settings.production", **extra)
    return env


def test_production_without_secret_key_stops_with_one_clear_line():
    result = subprocess.run(
        [sys.executable, "manage.py", "check"],
        cwd=ROOT,
        env=_production_env(ALLOWED_HOSTS="example.org"),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr
    assert "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_production_without_allowed_hosts_names_the_variable():
    result = subprocess.run(
        [sys.executable, "manage.py", "check"],
        cwd=ROOT,
        env=_production_env(SECRET_KEY="x" * 60),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode != 0
    assert "ALLOWED_HOSTS" in result.stderr
    assert "Traceback" not in result.stderr


def test_sqlite_keeps_serving_reads_while_a_write_is_in_progress(tmp_path, django_db_blocker):
    """An editor publishing (a write transaction) must not block readers."""
    with django_db_blocker.unblock():
        _check_concurrent_reads(tmp_path)


def _check_concurrent_reads(tmp_path):
    db_settings = {
        **settings.DATABASES["default"],
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": str(tmp_path / "concurrency.sqlite3"),
        "OPTIONS": dict(SQLITE_OPTIONS),
    }

    def connect():
        return DatabaseWrapper(dict(db_settings), alias="concurrency")

    setup = connect()
    with setup.cursor() as cursor:
        cursor.execute("CREATE TABLE page (id INTEGER PRIMARY KEY, title TEXT)")
        cursor.execute("INSERT INTO page (title) VALUES ('first')")
        cursor.execute("PRAGMA journal_mode")
        assert cursor.fetchone()[0] == "wal"
    setup.close()

    writer = connect()
    writer.set_autocommit(False)  # BEGIN IMMEDIATE: takes the write lock now
    with writer.cursor() as cursor:
        cursor.execute("INSERT INTO page (title) VALUES ('second')")

    results, errors = [], []

    def read():
        reader = connect()
        try:
            with reader.cursor() as cursor:
                cursor.execute("SELECT title FROM page ORDER BY id")
                results.append([row[0] for row in cursor.fetchall()])
        except Exception as exc:  # noqa: BLE001 - any failure is the test failing
            errors.append(exc)
        finally:
            reader.close()

    threads = [threading.Thread(target=read) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)

    writer.commit()
    writer.close()

    assert not errors
    # Readers saw the last committed state, not the uncommitted write, and weren't blocked.
    assert results == [["first"]] * 4

    check = connect()
    with check.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM page")
        assert cursor.fetchone()[0] == 2
    check.close()
