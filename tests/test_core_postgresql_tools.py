"""The PostgreSQL client programs that backup and restore run (pg_dump, pg_restore, psql):
what connection details they are given, and which copy of each is picked.

None of this needs a PostgreSQL server, so it runs on SQLite too. The programs here are
small shell scripts in a temporary folder that answer `--version` as the real ones do;
they run as real subprocesses. Server versions in the 40s are used so that no client
installed on the machine (CI's PostgreSQL pass installs one) can be picked by mistake.
"""

import os
import shutil
from pathlib import Path

import pytest

from site_project.core import backup

SETTINGS = {
    "ENGINE": "django.db.backends.postgresql",
    "NAME": "site",
    "USER": "site_user",
    "PASSWORD": "s3cret",
    "HOST": "db.internal",
    "PORT": 5433,
    "OPTIONS": {
        "service": "site_service",
        "passfile": "/etc/site/pgpass",
        "sslmode": "verify-full",
        "sslrootcert": "/etc/site/root.crt",
        "sslcert": "/etc/site/client.crt",
        "sslkey": "/etc/site/client.key",
    },
}


@pytest.fixture
def no_pg_environment(monkeypatch):
    """An operator's shell without any PG* variable set."""
    for name in list(os.environ):
        if name.startswith("PG"):
            monkeypatch.delenv(name)


def pg_variables(env):
    return {name: value for name, value in env.items() if name.startswith("PG")}


def test_the_client_programs_get_every_connection_detail_from_the_settings(no_pg_environment):
    env = backup.postgresql_env(SETTINGS)
    assert pg_variables(env) == {
        "PGHOST": "db.internal",
        "PGPORT": "5433",
        "PGUSER": "site_user",
        "PGPASSWORD": "s3cret",
        "PGDATABASE": "site",
        "PGSERVICE": "site_service",
        "PGPASSFILE": "/etc/site/pgpass",
        "PGSSLMODE": "verify-full",
        "PGSSLROOTCERT": "/etc/site/root.crt",
        "PGSSLCERT": "/etc/site/client.crt",
        "PGSSLKEY": "/etc/site/client.key",
        "PGAPPNAME": "site-backup",
        "PGCONNECT_TIMEOUT": "10",
    }
    # The rest of the environment (PATH, HOME, locale...) is passed on as it is.
    assert {k: v for k, v in env.items() if k not in pg_variables(env)} == dict(os.environ)


def test_user_password_and_database_may_come_from_options(no_pg_environment):
    """Django's postgresql backend reads these from OPTIONS when the top-level keys are
    empty (as a DATABASE_URL with them in the query string gives)."""
    env = backup.postgresql_env(
        {
            "NAME": "",
            "USER": "",
            "PASSWORD": "",
            "HOST": "",
            "PORT": "",
            "OPTIONS": {"user": "opt_user", "password": "opt_pw", "dbname": "opt_db"},
        }
    )
    assert pg_variables(env) == {
        "PGUSER": "opt_user",
        "PGPASSWORD": "opt_pw",
        "PGDATABASE": "opt_db",
        "PGAPPNAME": "site-backup",
        "PGCONNECT_TIMEOUT": "10",
    }


def test_settings_win_over_options(no_pg_environment):
    env = backup.postgresql_env(
        {
            "NAME": "site",
            "USER": "site_user",
            "PASSWORD": "s3cret",
            "OPTIONS": {"user": "opt_user", "password": "opt_pw", "dbname": "opt_db"},
        }
    )
    assert (env["PGUSER"], env["PGPASSWORD"], env["PGDATABASE"]) == ("site_user", "s3cret", "site")


def test_empty_settings_set_nothing_and_the_operators_pg_variables_stay(
    no_pg_environment, monkeypatch
):
    """A setting left empty must not blank a PG* variable the site's own connection
    (libpq) reads too, such as PGHOST=/run/postgresql for a Unix socket; an operator's
    own connect timeout is kept, but the application name is always the backup's."""
    monkeypatch.setenv("PGHOST", "/run/postgresql")
    monkeypatch.setenv("PGSSLMODE", "require")
    monkeypatch.setenv("PGCONNECT_TIMEOUT", "3")
    monkeypatch.setenv("PGAPPNAME", "someone-elses")
    env = backup.postgresql_env({"NAME": "site", "HOST": "", "PORT": None, "USER": "site_user"})
    assert pg_variables(env) == {
        "PGHOST": "/run/postgresql",
        "PGSSLMODE": "require",
        "PGDATABASE": "site",
        "PGUSER": "site_user",
        "PGAPPNAME": "site-backup",
        "PGCONNECT_TIMEOUT": "3",
    }


# ---------- Picking pg_dump, pg_restore and psql ----------


def fake_tool(folder, name, version_output, status=0):
    """An executable `folder/name` that prints `version_output` for --version (and
    fails on any other option, as the real ones do)."""
    return script(
        folder / name,
        f"""[ "$1" = --version ] || exit 2\nprintf '%s\\n' '{version_output}'\nexit {status}""",
    )


def fake_pg_config(folder, bindir):
    return script(folder / "pg_config", f"""[ "$1" = --bindir ] || exit 2\necho '{bindir}'""")


def script(path, body):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"#!/bin/sh\n{body}\n")
    path.chmod(0o755)
    return path


@pytest.fixture
def bare(tmp_path, monkeypatch, settings):
    """No PG_BIN, and a PATH holding only an empty folder (no pg_config, no clients)."""
    settings.PG_BIN = ""
    empty = tmp_path / "empty"
    empty.mkdir()
    monkeypatch.setenv("PATH", str(empty))
    return tmp_path


def test_a_tools_major_version_is_read_from_its_version_line(tmp_path):
    tool = fake_tool(tmp_path, "psql", "psql (PostgreSQL) 41.2 (Debian 41.2-1.pgdg120+2)")
    assert backup._tool_major(tool) == 41


def test_a_tool_that_fails_or_says_no_version_has_none(tmp_path):
    assert (
        backup._tool_major(fake_tool(tmp_path / "a", "pg_dump", "pg_dump (PostgreSQL) 42.0", 1))
        is None
    )
    assert backup._tool_major(fake_tool(tmp_path / "b", "pg_dump", "pg_dump 42.0")) is None
    assert backup._tool_major(tmp_path / "missing" / "pg_dump") is None


def test_pg_bin_is_tried_first(bare, monkeypatch, settings):
    chosen = fake_tool(bare / "pg_bin", "pg_dump", "pg_dump (PostgreSQL) 42.1")
    other = fake_tool(bare / "path", "pg_dump", "pg_dump (PostgreSQL) 43.0")
    monkeypatch.setenv("PATH", str(other.parent))
    settings.PG_BIN = str(chosen.parent)
    assert backup.postgresql_tool("pg_dump", 42) == str(chosen)


def test_pg_config_bindir_comes_before_path(bare, monkeypatch):
    """pg_config names the folder of the client programs it belongs with; Debian's
    /usr/bin/pg_dump is a wrapper that picks a version itself, so it comes last."""
    bindir = fake_tool(bare / "bindir", "pg_restore", "pg_restore (PostgreSQL) 42.3").parent
    on_path = fake_tool(bare / "path", "pg_restore", "pg_restore (PostgreSQL) 42.3")
    fake_pg_config(bare / "path", bindir)
    monkeypatch.setenv("PATH", str(on_path.parent))
    assert backup.postgresql_tool("pg_restore", 42) == str(bindir / "pg_restore")


def test_a_tool_older_than_the_server_is_skipped_and_the_same_version_is_taken(
    bare, monkeypatch, settings
):
    old = fake_tool(bare / "pg_bin", "pg_dump", "pg_dump (PostgreSQL) 41.9")
    same = fake_tool(bare / "path", "pg_dump", "pg_dump (PostgreSQL) 42.0")
    settings.PG_BIN = str(old.parent)
    monkeypatch.setenv("PATH", str(same.parent))
    assert backup.postgresql_tool("pg_dump", 42) == str(same)
    # The old one is fine for an older server.
    assert backup.postgresql_tool("pg_dump", 41) == str(old)


def test_no_suitable_tool_names_what_was_found_and_the_package_to_install(
    bare, monkeypatch, settings
):
    not_executable = bare / "pg_bin" / "psql"  # neither run nor listed
    not_executable.parent.mkdir()
    not_executable.write_text("#!/bin/sh\necho 'psql (PostgreSQL) 42.0'\n")
    old = fake_tool(bare / "bindir", "psql", "psql (PostgreSQL) 40.5")
    mute = fake_tool(bare / "path", "psql", "psql, no version here")
    fake_pg_config(bare / "path", old.parent)
    settings.PG_BIN = str(not_executable.parent)
    monkeypatch.setenv("PATH", str(mute.parent))
    with pytest.raises(backup.BackupError) as error:
        backup.postgresql_tool("psql", 42)
    assert str(error.value) == (
        f"No psql for PostgreSQL 42 or newer was found (found {old} (version 40), "
        f"{mute} (version None)). Install the PostgreSQL 42 client programs "
        "(Debian: postgresql-client-42) or set PG_BIN to their folder."
    )


def test_no_tool_at_all_says_what_to_install(bare, settings):
    (bare / "pg_bin" / "pg_dump").mkdir(parents=True)  # a folder, not a program
    settings.PG_BIN = str(bare / "pg_bin")
    with pytest.raises(backup.BackupError) as error:
        backup.postgresql_tool("pg_dump", 42)
    assert str(error.value) == (
        "No pg_dump for PostgreSQL 42 or newer was found. Install the PostgreSQL 42 client "
        "programs (Debian: postgresql-client-42) or set PG_BIN to their folder."
    )


INSTALLED = sorted(
    (int(folder.parent.name), folder / "pg_dump")
    for folder in Path("/usr/lib/postgresql").glob("*/bin")
    if folder.parent.name.isdigit() and (folder / "pg_dump").is_file()
)


@pytest.mark.skipif(not INSTALLED, reason="no Debian PostgreSQL client in /usr/lib/postgresql")
def test_the_debian_folder_of_the_servers_version_is_found_without_pg_bin_or_path(bare):
    major, pg_dump = INSTALLED[-1]
    assert backup.postgresql_tool("pg_dump", major) == str(pg_dump)


# ---------- Running them ----------


def test_the_version_line_recorded_in_a_backup(tmp_path):
    tool = fake_tool(tmp_path, "pg_dump", "pg_dump (PostgreSQL) 42.1 (Debian 42.1-1)")
    assert backup._version_line(str(tool)) == "pg_dump (PostgreSQL) 42.1 (Debian 42.1-1)"
    assert backup._version_line(str(tmp_path / "missing")) == ""


def test_a_client_program_runs_with_the_given_environment(tmp_path):
    pg_dump = script(tmp_path / "pg_dump", 'echo "dumping $PGDATABASE to $1"')
    result = backup._run_pg([str(pg_dump), "--file=x"], {"PGDATABASE": "site"}, "pg_dump")
    assert result.stdout == "dumping site to --file=x\n"


def test_a_failing_client_program_is_reported_with_its_message(tmp_path):
    program = script(
        tmp_path / "pg_restore", 'echo "some progress"\necho " error: no such table " >&2\nexit 3'
    )
    with pytest.raises(backup.BackupError) as error:
        backup._run_pg([str(program)], {}, "pg_restore")
    assert str(error.value) == "pg_restore failed (exit status 3):\nerror: no such table"
    # With nothing on stderr, what it printed on stdout is the message.
    script(program, 'echo " out of disk space "\nexit 1')
    with pytest.raises(backup.BackupError) as error:
        backup._run_pg([str(program)], {}, "Loading the database with psql")
    assert (
        str(error.value)
        == "Loading the database with psql failed (exit status 1):\nout of disk space"
    )


def test_a_missing_client_program_is_reported(tmp_path):
    with pytest.raises(backup.BackupError) as error:
        backup._run_pg([str(tmp_path / "psql")], {}, "psql")
    assert str(error.value) == (
        f"psql could not be started: [Errno 2] No such file or directory: '{tmp_path / 'psql'}'"
    )


# ---------- A program that hangs ----------

# By its full path, found before any test empties PATH.
SLEEP = shutil.which("sleep")


def hanging(path, eventual_output):
    """A program that answers, usefully, only after far longer than the site waits: so a
    test can tell a wait that was cut short from one that was sat out."""
    return script(path, f"{SLEEP} 3\nprintf '%s\\n' '{eventual_output}'")


@pytest.fixture
def short_wait(monkeypatch):
    monkeypatch.setattr(backup, "TOOL_TIMEOUT", 0.3)


def test_a_tool_that_hangs_on_its_version_is_passed_over(bare, monkeypatch, settings, short_wait):
    settings.PG_BIN = str(hanging(bare / "pg_bin" / "pg_dump", "pg_dump (PostgreSQL) 42.0").parent)
    working = fake_tool(bare / "path", "pg_dump", "pg_dump (PostgreSQL) 42.0")
    monkeypatch.setenv("PATH", str(working.parent))
    assert backup._tool_major(bare / "pg_bin" / "pg_dump") is None
    assert backup.postgresql_tool("pg_dump", 42) == str(working)


def test_a_pg_config_that_hangs_is_passed_over(bare, monkeypatch, short_wait):
    late_bindir = fake_tool(bare / "late", "psql", "psql (PostgreSQL) 42.0").parent
    hanging(bare / "path" / "pg_config", late_bindir)
    working = fake_tool(bare / "path", "psql", "psql (PostgreSQL) 42.0")
    monkeypatch.setenv("PATH", str(working.parent))
    assert backup.postgresql_tool("psql", 42) == str(working)


def test_a_version_line_that_never_comes_is_recorded_as_empty(tmp_path, short_wait):
    assert (
        backup._version_line(str(hanging(tmp_path / "pg_dump", "pg_dump (PostgreSQL) 42.0"))) == ""
    )
