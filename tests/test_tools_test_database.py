"""`make test` and `make mutation` copy a test database migrated once per set of
migrations (tools/test_database.py). A stale copy would run the tests against an old
schema, so it must be made again whenever a migration, a setting or an installed
package changes, and only then (migrating takes a tenth of the suite's time)."""

import subprocess

import pytest

from tools import test_database


@pytest.fixture
def project(tmp_path, monkeypatch):
    """A project tree with one app's migration and the settings, as the tool sees it."""
    (tmp_path / "blog" / "migrations").mkdir(parents=True)
    (tmp_path / "blog" / "migrations" / "0001_initial.py").write_text("# first\n")
    (tmp_path / "blog" / "models.py").write_text("# models\n")
    (tmp_path / "site_project" / "settings").mkdir(parents=True)
    (tmp_path / "site_project" / "settings" / "base.py").write_text("DEBUG = False\n")
    template = tmp_path / "var" / "test-database" / "migrated.sqlite3"
    monkeypatch.setattr(test_database, "ROOT", tmp_path)
    monkeypatch.setattr(test_database, "TEMPLATE", template)
    monkeypatch.setattr(test_database, "STAMP", template.with_suffix(".fingerprint"))
    return tmp_path


@pytest.mark.parametrize(
    "path, change, remade",
    [
        ("blog/migrations/0001_initial.py", "# first, edited\n", True),
        ("blog/migrations/0002_more.py", "# a new migration\n", True),
        ("site_project/settings/base.py", "DEBUG = True\n", True),
        ("blog/models.py", "# models, edited\n", False),
    ],
)
def test_the_migrated_database_is_remade_when_what_it_depends_on_changes(
    project, path, change, remade
):
    before = test_database.fingerprint()
    (project / path).write_text(change)
    assert (test_database.fingerprint() != before) is remade


def test_an_installed_package_upgrade_remakes_it(project, monkeypatch):
    before = test_database.fingerprint()
    real = test_database.metadata.distributions

    def upgraded(**where):
        for distribution in real(**where):
            if distribution.metadata["Name"].lower() == "wagtail":
                distribution = type(
                    "Upgraded", (), {"metadata": distribution.metadata, "version": "99.0"}
                )()
            yield distribution

    monkeypatch.setattr(test_database.metadata, "distributions", upgraded)
    assert test_database.fingerprint() != before


def test_a_fresh_copy_is_reused_without_migrating(project, monkeypatch):
    test_database.TEMPLATE.parent.mkdir(parents=True)
    test_database.TEMPLATE.write_bytes(b"migrated")
    test_database.STAMP.write_text(test_database.fingerprint())

    def no_migrating(*args, **kwargs):
        raise AssertionError("migrated again")

    monkeypatch.setattr(subprocess, "run", no_migrating)
    assert test_database.ensure(quiet=True) == test_database.TEMPLATE
    assert test_database.TEMPLATE.read_bytes() == b"migrated"


def test_a_stale_copy_is_migrated_again_and_replaced_whole(project, monkeypatch):
    test_database.TEMPLATE.parent.mkdir(parents=True)
    test_database.TEMPLATE.write_bytes(b"old schema")
    test_database.STAMP.write_text("an old fingerprint")
    commands = []

    def migrate(command, cwd, env, check):
        commands.append(command[1:])
        database = env["DATABASE_URL"].removeprefix("sqlite:///")
        assert database != str(test_database.TEMPLATE)  # built aside, then moved in
        with open(database, "wb") as built:
            built.write(b"new schema")

    monkeypatch.setattr(subprocess, "run", migrate)
    assert test_database.ensure(quiet=True) == test_database.TEMPLATE
    assert commands == [["manage.py", "migrate", "--noinput", "-v", "0"]]
    assert test_database.TEMPLATE.read_bytes() == b"new schema"
    assert test_database.STAMP.read_text() == test_database.fingerprint()
    assert sorted(p.name for p in test_database.TEMPLATE.parent.iterdir()) == [
        "migrated.fingerprint",
        "migrated.sqlite3",
    ]
