"""A migrated SQLite test database, made once per set of migrations, for the tests to copy.

Migrating a new test database runs 218 migrations and takes 13 to 17 seconds, most of
it Django rendering each migration's model states: a tenth of the non-browser suite,
paid by every pytest-xdist worker on every run. `make test` (on SQLite) and
`make mutation` instead migrate one file here, again only when a migration, an
installed package or the settings change, and name it in TEST_TEMPLATE_DB; each pytest
process then works on its own copy (tests/conftest.py). The first run on a new clone
still migrates once.

Usage: python tools/test_database.py   # makes the file if needed; prints its path
"""

import hashlib
import os
import subprocess
import sys
import sysconfig
from importlib import metadata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TEMPLATE = ROOT / "var" / "test-database" / "migrated.sqlite3"
STAMP = TEMPLATE.with_suffix(".fingerprint")
ENV = "TEST_TEMPLATE_DB"
NOT_OURS = {".git", ".venv", "mutants", "var", "node_modules"}


def fingerprint():
    """What the migrated schema and data depend on: this project's migrations and
    settings, and the installed packages (whose migrations come with them)."""
    digest = hashlib.sha256()
    # The project's own folders only: walking the virtualenv and mutmut's copy too took
    # half a second on every `make test`.
    apps = [top for top in sorted(ROOT.iterdir()) if top.is_dir() and top.name not in NOT_OURS]
    ours = [path for app in apps for path in sorted(app.glob("**/migrations/*.py"))]
    for path in ours + sorted(ROOT.glob("site_project/settings/*.py")):
        digest.update(str(path.relative_to(ROOT)).encode())
        digest.update(path.read_bytes())
    # Only the environment's own packages: a checkout's `*.egg-info` would count too
    # whenever the project root happens to be on sys.path.
    installed = sorted({sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"]})
    packages = sorted(
        f"{d.metadata['Name']}=={d.version}" for d in metadata.distributions(path=installed)
    )
    digest.update("\n".join(packages).encode())
    return digest.hexdigest()


def ensure(quiet=False):
    """The migrated database's path, migrating it first if it is missing or stale."""
    wanted = fingerprint()
    if TEMPLATE.exists() and STAMP.exists() and STAMP.read_text() == wanted:
        return TEMPLATE
    if not quiet:
        print("== Migrating the test database (once per set of migrations)", file=sys.stderr)
    TEMPLATE.parent.mkdir(parents=True, exist_ok=True)
    # Built under a name of its own and moved into place whole, so that a run started
    # meanwhile never copies half a database.
    building = TEMPLATE.with_name(f"building-{os.getpid()}.sqlite3")
    building.unlink(missing_ok=True)
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "site_project.settings.test",
        "DATABASE_URL": f"sqlite:///{building}",
    }
    env.pop("REDIS_URL", None)
    try:
        subprocess.run(
            [sys.executable, "manage.py", "migrate", "--noinput", "-v", "0"],
            cwd=ROOT,
            env=env,
            check=True,
        )
        os.replace(building, TEMPLATE)
    finally:
        building.unlink(missing_ok=True)
    STAMP.write_text(wanted)
    return TEMPLATE


if __name__ == "__main__":
    print(ensure())
