"""Tests of the site as a first `make run` leaves it: demo content, admin account, site
address, static files.

Loading the demo content takes seconds, so it happens once for this whole package: the
first run of `prepare_site` (what `make run` does before serving), on the test
database as a new clone finds it (migrated, with Wagtail's empty home page and no admin
account), inside an outer transaction rolled back after the package's last test, so
every other test starts from an empty site. Each test runs in its own savepoint on top
of it, so one that reloads, resets or deletes leaves nothing behind.

pytest-xdist sends the whole package to one worker (`pytest_xdist_make_scheduler` in
tests/conftest.py), so the demo is loaded once per run, not once per worker."""

import contextlib
import io

import pytest
from django.core.management import call_command
from django.db import transaction
from django.test import override_settings


def prepare(*args):
    """Run prepare_site; return (its report, anything written past it to sys.stdout)."""
    report, stray = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(stray):
        call_command("prepare_site", *args, stdout=report)
    return report.getvalue(), stray.getvalue()


@pytest.fixture(scope="package")
def first_run(django_db_setup, django_db_blocker, tmp_path_factory):
    """The first `make run` on a new database; its report."""
    var = tmp_path_factory.mktemp("var")
    paths = {"VAR_DIR": var, "STATIC_ROOT": var / "static", "MEDIA_ROOT": var / "media"}
    with (
        django_db_blocker.unblock(),
        override_settings(**paths, SITE_URL="http://127.0.0.1:8000"),
        pytest.MonkeyPatch.context() as monkeypatch,
    ):
        monkeypatch.delenv("ADMIN_PASSWORD", raising=False)
        outer = transaction.atomic()
        outer.__enter__()
        try:
            yield prepare()[0]
        finally:
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)
